// How much of the fact matrix is known: one line for the built-in presets' criteria (what the
// rankings rest on) and for every stored criterion, then folded tables per criterion, market and
// site, worst first, each with its share of estimates and stale values.
import type { ReactNode } from 'react';
import type { CoverageCount, DataCoverage } from '../../../../shared/calls/edit-calls';

const percent = (share: number | null): string =>
  share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)} %`;

/** "378 of 420 (90.0 %)". */
const knownOf = (c: CoverageCount): string => `${c.known} of ${c.cells} (${percent(c.share)})`;

function CoverageTable({
  label,
  rows,
}: {
  label: string;
  rows: (CoverageCount & { key: string; name: string })[];
}): ReactNode {
  return (
    <details>
      <summary>
        Coverage per {label} ({rows.length})
      </summary>
      <table className="health-methods" aria-label={`Coverage per ${label}`}>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">known cells</th>
            <th scope="col">estimates</th>
            <th scope="col">stale</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td>{knownOf(r)}</td>
              <td>
                {r.estimates} ({percent(r.estimateShare)})
              </td>
              <td>{r.stale}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function CoverageTables({ coverage }: { coverage: DataCoverage }): ReactNode {
  const { presets, all } = coverage;
  return (
    <section aria-label="Coverage">
      <p>
        <strong>Coverage of the built-in presets’ criteria:</strong> {knownOf(presets)} site × criterion cells known,{' '}
        {percent(presets.estimateShare)} of them estimates.{' '}
        <span className="muted">
          All stored criteria: {knownOf(all)}, {percent(all.estimateShare)} estimates.
        </span>
      </p>
      <CoverageTable
        label="criterion"
        rows={coverage.byCriterion.map((c) => ({
          ...c,
          key: c.criterionId,
          name: c.weighedByBuiltin ? c.name : `${c.name} (no built-in preset)`,
        }))}
      />
      <CoverageTable label="market" rows={coverage.byMarket.map((m) => ({ ...m, key: m.marketId }))} />
      <CoverageTable label="site" rows={coverage.bySite.map((s) => ({ ...s, key: s.siteId }))} />
    </section>
  );
}
