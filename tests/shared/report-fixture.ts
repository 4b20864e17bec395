// A small, hand-made report model (four sites, two criteria by default) for testing the pure report
// code without a database; checked against the model's own schema so it stays a real report. Gaps
// are scored as the engine's 'zero' policy scores them (0, no credit) and ranks are competition ranks.
import { ReportModel, type ReportCriterion, type ReportRow } from '../../shared/report/model';

interface SiteSpec {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Normalised values per criterion (null: no value, scored 0); null for the whole site: excluded. */
  r: (number | null)[] | null;
  /** Criteria whose fact is stale. */
  stale?: string[];
}

interface CriterionSpec {
  id: string;
  name: string;
  weight: number;
}

export interface FixtureOptions {
  criteria?: CriterionSpec[];
  minCoverage?: number;
  thinData?: 'mark' | 'exclude';
}

const DEFAULT_CRITERIA: CriterionSpec[] = [
  { id: 'power', name: 'Power price', weight: 0.6 },
  { id: 'latency', name: 'Latency', weight: 0.4 },
];

interface Built {
  row: ReportRow;
  known: (number | null)[];
}

function buildRow(s: SiteSpec, criteria: readonly CriterionSpec[], minCoverage: number, exclude: boolean): Built {
  const known = criteria.map((_, j) => (s.r === null ? 1 : (s.r[j] ?? null)));
  const coverage = criteria.reduce((sum, c, j) => sum + (known[j] === null ? 0 : c.weight), 0);
  const staleCoverage = criteria.reduce(
    (sum, c, j) => sum + (known[j] !== null && s.stale?.includes(c.id) ? c.weight : 0),
    0,
  );
  const thin = coverage < minCoverage - 1e-12;
  const thinOut = thin && exclude;
  const excluded = s.r === null || thinOut;
  const score = excluded ? null : criteria.reduce((sum, c, j) => sum + c.weight * (known[j] ?? 0), 0);
  const reasons =
    s.r === null
      ? ['chips prohibited: no export licence']
      : thinOut
        ? [`thin data: ${Math.round(coverage * 100)} % of the weight rests on known values`]
        : [];
  const row: ReportRow = {
    rank: null,
    tied: false,
    siteId: s.id,
    name: s.name,
    marketId: `${s.country.toLowerCase()}-m`,
    market: `${s.country} market`,
    country: s.country,
    lat: s.lat,
    lon: s.lon,
    status: 'operational',
    score,
    coverage,
    staleCoverage,
    thin,
    excluded,
    reasons,
    legality: { status: s.r === null ? 'prohibited' : 'allowed', reason: 'test' },
    missingHandled: criteria
      .filter((_, j) => known[j] === null && !excluded)
      .map((c) => ({ criterionId: c.id, policy: 'zero' })),
    cells: criteria.map((c, j) => {
      const v = known[j] as number | null;
      return {
        criterionId: c.id,
        raw: s.r === null ? 10 : v === null ? null : 100 * v,
        low: null,
        high: null,
        normalised: excluded ? null : (v ?? 0),
        contribution: excluded ? null : c.weight * (v ?? 0),
        missingReason: null,
        source: v === null ? null : 'M1',
        factAsOf: '2025-01-01',
        method: v === null ? null : c.id === 'power' ? 'derived' : 'official',
        stale: s.stale?.includes(c.id) ?? false,
      };
    }),
  };
  return { row, known };
}

/** Competition ranks (1, 2=, 2=, 4) by score, ties listed by site id; excluded rows last, unranked. */
function rankRows(rows: ReportRow[]): ReportRow[] {
  const ranked = rows
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || (a.siteId < b.siteId ? -1 : 1));
  const score = (r: ReportRow): number => r.score as number;
  for (const r of ranked) {
    r.rank = 1 + ranked.filter((x) => score(x) - score(r) > 1e-12).length;
    r.tied = ranked.filter((x) => Math.abs(score(x) - score(r)) <= 1e-12).length > 1;
  }
  return [...ranked, ...rows.filter((r) => r.score === null)];
}

/**
 * What score.run would say about the top (shared/engine/lead.ts): a tie, one site alone, or a lead
 * that rests on known values when the leader is ahead over the criteria both sites have.
 */
function topOf(
  built: readonly Built[],
  ranking: readonly ReportRow[],
  criteria: readonly CriterionSpec[],
): ReportModel['top'] {
  const ranked = ranking.filter((r) => r.rank !== null);
  const first = ranked.filter((r) => r.rank === 1);
  if (first.length === 0) return { kind: 'none' };
  if (first.length > 1) return { kind: 'tie', siteIds: first.map((r) => r.siteId) };
  const leader = first[0] as ReportRow;
  const runnerUp = ranked[1];
  if (runnerUp === undefined) return { kind: 'alone', siteId: leader.siteId, thin: leader.thin };
  const a = built.find((b) => b.row === leader)?.known ?? [];
  const b = built.find((x) => x.row === runnerUp)?.known ?? [];
  const filled = criteria.filter((_, j) => a[j] === null || b[j] === null).map((c) => c.id);
  const onKnown = criteria.reduce(
    (sum, c, j) => (a[j] === null || b[j] === null ? sum : sum + c.weight * ((a[j] as number) - (b[j] as number))),
    0,
  );
  return {
    kind: 'lead',
    siteId: leader.siteId,
    runnerUpId: runnerUp.siteId,
    restsOnKnown: onKnown > 1e-12,
    filledCriteria: filled,
    thin: leader.thin,
  };
}

function criterionOf(c: CriterionSpec, rows: readonly ReportRow[], j: number): ReportCriterion {
  return {
    id: c.id,
    name: c.name,
    group: 'cost',
    unit: c.id === 'latency' ? 'ms' : 'USc/kWh',
    direction: 'cost',
    normalisation: 'minmax',
    derived: false,
    description: 'd',
    weight: c.weight,
    presetWeight: c.weight,
    overrideWeight: null,
    known: rows.filter((r) => r.cells[j]?.raw !== null).length,
  };
}

export function fixtureModel(
  sites: SiteSpec[] = DEFAULT_SITES,
  overrides: Partial<ReportModel> = {},
  options: FixtureOptions = {},
): ReportModel {
  const criteria = options.criteria ?? DEFAULT_CRITERIA;
  const minCoverage = options.minCoverage ?? 0.5;
  const thinData = options.thinData ?? 'mark';
  const built = sites.map((s) => buildRow(s, criteria, minCoverage, thinData === 'exclude'));
  const ranking = rankRows(built.map((b) => b.row));
  const model: ReportModel = {
    format: 'landfall.report',
    version: 1,
    title: 'Test report',
    author: 'Tester',
    createdAt: '2025-09-02T10:00:00.000Z',
    asOf: '2025-09-01',
    preset: {
      id: 'test-preset',
      name: 'Test preset',
      description: '',
      builtin: false,
      method: 'wsm',
      weights: Object.fromEntries(criteria.map((c) => [c.id, c.weight])),
      constraints: [],
      normalisation: 'criterion',
      updatedAt: '2025-01-01T00:00:00.000Z',
    },
    profile: null,
    chips: [],
    whatIf: null,
    method: { id: 'wsm', name: 'Weighted sum (WSM)', description: 'sum' },
    normalisation: 'criterion',
    constraints: [],
    staleAfterDays: 365,
    minCoverage,
    thinData,
    criteria: criteria.map((c, j) => criterionOf(c, ranking, j)),
    summary: [],
    ranking,
    top: topOf(built, ranking, criteria),
    uninformative: [],
    compare: null,
    legality: null,
    sensitivity: null,
    sources: {
      metrics: [
        {
          id: 'M1',
          title: 'Survey',
          url: 'https://example.org/survey?a=1&b=2',
          asOf: '2025-01-01',
          criteria: criteria.map((c) => c.id),
          facts: 6,
          methods: ['official', 'derived'],
          references: ['data/sources/survey/figures.csv', 'data/sources/fx/figures.csv'],
        },
      ],
      // One market fact, shared by its sites, computed from two tables.
      derivations: [
        {
          criterionId: 'power',
          marketId: `${sites[0]?.country.toLowerCase() ?? 'xx'}-m`,
          siteId: null,
          value: 10.19,
          method: 'derived',
          derivation: '45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh',
          reference: 'data/sources/survey/figures.csv data/sources/fx/figures.csv',
          source: 'M1',
        },
      ],
      methodNotRecorded: 1,
      policies: [],
      sites: sites.map((s) => ({
        siteId: s.id,
        title: 'Site list',
        url: 'https://example.org/sites',
        asOf: '2025-01-01',
      })),
    },
    dataHealth: {
      coverage: {
        all: { cells: 4, known: 3, share: 0.75, estimates: 1, estimateShare: 1 / 3, stale: 0 },
        presets: { criteria: ['power_price'], cells: 2, known: 2, share: 1, estimates: 0, estimateShare: 0, stale: 0 },
        byCriterion: [],
        byMarket: [],
        bySite: [],
      },
      stale: 0,
      unsourced: 0,
      undatedEvents: 0,
    },
    reproducibility: {
      appVersion: '0.0.0',
      schemaVersion: 2,
      databaseHash: 'a'.repeat(64),
      seed: null,
      inputs: { presetId: 'test-preset', asOf: '2025-09-01', sites: [], sensitivity: null },
      command: 'landfall report --preset test-preset --as-of 2025-09-01 --samples 0 --out report.pdf',
    },
    ...overrides,
  };
  return ReportModel.parse(model);
}

export const DEFAULT_SITES: SiteSpec[] = [
  { id: 'sg-a', name: 'Alpha', country: 'SG', lat: 1.3, lon: 103.7, r: [1, 0.5] },
  { id: 'my-b', name: 'Bravo', country: 'MY', lat: 1.5, lon: 103.6, r: [0.5, 1] },
  { id: 'jp-c', name: 'Charlie', country: 'JP', lat: 35.7, lon: 139.8, r: [0.2, 0.1] },
  { id: 'cn-d', name: 'Delta', country: 'CN', lat: 39.9, lon: 116.4, r: null },
];
