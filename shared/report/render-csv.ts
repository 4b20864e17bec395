// The report as CSV: one row per site (ranked ones by rank, then excluded ones) with its rank (and
// whether it is shared), score, coverage, thin flag and the criteria it has no value for and, for
// every criterion, the raw value, the normalised value and the contribution. Written
// with shared/csv.ts, so text cells a spreadsheet would run as formulas are escaped.
import { toCsv } from '../csv';
import type { ReportModel } from './model';

export function renderCsv(model: ReportModel): string {
  const header = [
    'rank',
    'site_id',
    'site',
    'market',
    'country',
    'score',
    'excluded',
    'reasons',
    'chip_legality_status',
    'tied',
    'coverage',
    'stale_coverage',
    'thin',
    'no_value',
    ...model.criteria.flatMap((c) => [`${c.id}.raw`, `${c.id}.normalised`, `${c.id}.contribution`]),
  ];
  const rows = model.ranking.map((r) => [
    r.rank,
    r.siteId,
    r.name,
    r.market,
    r.country,
    r.score,
    r.excluded,
    r.reasons.join('; '),
    r.legality?.status ?? null,
    r.tied,
    r.coverage,
    r.staleCoverage,
    r.thin,
    r.missingHandled.map((m) => m.criterionId).join(';'),
    ...r.cells.flatMap((c) => [c.raw, c.normalised, c.contribution]),
  ]);
  return toCsv(header, rows);
}
