// A small, hand-made report model (four sites, two criteria) for testing the pure report code
// without a database; checked against the model's own schema so it stays a real report.
import { ReportModel, type ReportRow } from '../../shared/report/model';

interface SiteSpec {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Normalised values for [power, latency]; null = excluded. */
  r: [number, number] | null;
}

const WEIGHTS = [0.6, 0.4] as const;

export function fixtureModel(sites: SiteSpec[] = DEFAULT_SITES, overrides: Partial<ReportModel> = {}): ReportModel {
  const rows: ReportRow[] = sites.map((s) => {
    const score = s.r === null ? null : WEIGHTS[0] * s.r[0] + WEIGHTS[1] * s.r[1];
    return {
      rank: null,
      siteId: s.id,
      name: s.name,
      marketId: `${s.country.toLowerCase()}-m`,
      market: `${s.country} market`,
      country: s.country,
      lat: s.lat,
      lon: s.lon,
      status: 'operational',
      score,
      excluded: s.r === null,
      reasons: s.r === null ? ['chips prohibited: no export licence'] : [],
      legality: { status: s.r === null ? 'prohibited' : 'allowed', reason: 'test' },
      missingHandled: [],
      cells: ['power', 'latency'].map((id, j) => ({
        criterionId: id,
        raw: s.r === null ? 10 : 100 * (s.r?.[j] ?? 0),
        low: null,
        high: null,
        normalised: s.r === null ? null : (s.r[j] as number),
        contribution: s.r === null ? null : (WEIGHTS[j] as number) * (s.r[j] as number),
        missingReason: null,
        source: 'M1',
        factAsOf: '2025-01-01',
        stale: false,
      })),
    };
  });
  // Rank as the engine does: score descending, ties by site id; excluded last.
  const ranked = rows
    .filter((r) => r.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || (a.siteId < b.siteId ? -1 : 1));
  ranked.forEach((r, i) => (r.rank = i + 1));
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
      weights: { power: 0.6, latency: 0.4 },
      constraints: [],
      normalisation: 'criterion',
      updatedAt: '2025-01-01T00:00:00.000Z',
    },
    profile: null,
    whatIf: null,
    method: { id: 'wsm', name: 'Weighted sum (WSM)', description: 'sum' },
    normalisation: 'criterion',
    constraints: [],
    staleAfterDays: 365,
    criteria: [
      {
        id: 'power',
        name: 'Power price',
        group: 'cost',
        unit: 'USc/kWh',
        direction: 'cost',
        normalisation: 'minmax',
        derived: false,
        description: 'd',
        weight: 0.6,
        presetWeight: 0.6,
        overrideWeight: null,
      },
      {
        id: 'latency',
        name: 'Latency',
        group: 'connectivity',
        unit: 'ms',
        direction: 'cost',
        normalisation: 'minmax',
        derived: false,
        description: 'd',
        weight: 0.4,
        presetWeight: 0.4,
        overrideWeight: null,
      },
    ],
    summary: [],
    ranking: [...ranked, ...rows.filter((r) => r.score === null)],
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
          criteria: ['power', 'latency'],
          facts: 6,
        },
      ],
      policies: [],
      sites: sites.map((s) => ({
        siteId: s.id,
        title: 'Site list',
        url: 'https://example.org/sites',
        asOf: '2025-01-01',
      })),
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
