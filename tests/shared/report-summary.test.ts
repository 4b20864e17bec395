// The executive summary in plain words, from a hand-made report: who leads and why (from the
// contributions), what the coverage is, ties, leads that rest on filled-in values, thin leaders, the
// runner-up, exclusions, robustness (with SMAA ties), and non-additive methods. Every expected
// sentence is written out by hand.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/report/model';
import { coverageStatement, drivers, executiveSummary } from '../../shared/report/summary';
import { DEFAULT_SITES, fixtureModel } from './report-fixture';

const site = (id: string, name: string, r: (number | null)[] | null, stale?: string[]) => ({
  id,
  name,
  country: id.slice(0, 2).toUpperCase(),
  lat: 1,
  lon: 100,
  r,
  ...(stale === undefined ? {} : { stale }),
});

/** Six sites with the same data, then one that scores lower (0.6 · 0.5 + 0.4 · 1 = 0.7). */
const SIX_TIED = [
  site('cn-1', 'Beijing', [1, 0.5]),
  site('cn-2', 'Guian', [1, 0.5]),
  site('cn-3', 'Qingpu', [1, 0.5]),
  site('cn-4', 'Shaoguan', [1, 0.5]),
  site('cn-5', 'Wujiang', [1, 0.5]),
  site('cn-6', 'Zhangjiakou', [1, 0.5]),
  site('my-k', 'Kulai', [0.5, 1]),
];

type Sensitivity = NonNullable<ReportModel['sensitivity']>;

function withSmaa(model: ReportModel, smaa: Sensitivity['smaa'], stability: Sensitivity['stability']): ReportModel {
  return {
    ...model,
    sensitivity: {
      samples: 2000,
      requested: 2000,
      seed: 1,
      mode: 'around_preset',
      concentration: 50,
      valuesSampled: false,
      stability,
      smaa,
    },
  };
}

const CLAIMS_FIRST = /ranks first|ranked first/;

describe('executiveSummary', () => {
  it('a clear lead on known facts: names the leader first, with coverage, why, the runner-up and exclusions', () => {
    expect(executiveSummary(fixtureModel())).toEqual([
      'On 2025-09-01, with the Test preset weights (Weighted sum (WSM)) for no company profile, 3 of 4 sites are ranked and 1 is excluded.',
      'On average 100 % of the weight rests on known values across the 3 ranked sites; no site is thin data (below 50 %).',
      'Alpha ranks first, ahead of Bravo on the facts both have. Scores: Alpha 0.800, Bravo 0.700 and Charlie 0.160.',
      "Most of Alpha's score comes from Power price (0.600) and Latency (0.200): 100 % of it.",
      'Against the best site that scores lower: Alpha beats Bravo by 0.100: it gains 0.300 on Power price; Bravo does better on Latency (+0.200).',
      'Excluded: Delta (chips prohibited: no export licence).',
    ]);
  });

  it('six sites sharing rank 1: the sentence names the tie and calls none of them first', () => {
    const text = executiveSummary(fixtureModel(SIX_TIED));
    expect(text[2]).toBe(
      'Beijing, Guian, Qingpu, Shaoguan, Wujiang and Zhangjiakou tie for first with the same score: the data does not tell them apart. Each scores 0.800; the next site, Kulai, scores 0.700.',
    );
    expect(text[3]).toBe(
      'Of the tied sites, take Beijing: most of its score comes from Power price (0.600) and Latency (0.200): 100 % of it.',
    );
    expect(text[4]).toBe(
      'Against the best site that scores lower: Beijing beats Kulai by 0.100: it gains 0.300 on Power price; Kulai does better on Latency (+0.200).',
    );
    for (const p of text) expect(p).not.toMatch(CLAIMS_FIRST);
  });

  it('a lead from filled-in values: says the lead rests on them and where, never "ranks first"', () => {
    // Bravo has no power price: scored 0, so Alpha (0.8) leads Bravo (0.4) only through that gap;
    // on latency, the one criterion both have, Bravo is better.
    const sites = DEFAULT_SITES.map((s) => (s.id === 'my-b' ? { ...s, r: [null, 1] } : s));
    const text = executiveSummary(fixtureModel(sites));
    expect(text[1]).toBe(
      'On average 80 % of the weight rests on known values across the 3 ranked sites; 1 site is thin data (below 50 %) and marked in the ranking.',
    );
    expect(text[2]).toBe(
      'Alpha scores highest, but its lead over Bravo rests on filled-in values (no value for Power price on one side): on the facts both have, it is not ahead. Scores: Alpha 0.800, Bravo 0.400 and Charlie 0.160.',
    );
    expect(text[4]).toBe(
      'Against the best site that scores lower: Alpha beats Bravo by 0.400; Bravo does better on Latency (+0.200). Bravo has no value for Power price: scored 0, no credit (worth 0.600 to Alpha). On the facts both have, Alpha is not ahead.',
    );
    for (const p of text) expect(p).not.toMatch(CLAIMS_FIRST);
  });

  it('a thin leader: says it is on thin data, and never cites a criterion it has no value for', () => {
    // Alpha: no power price, latency best (0.4, coverage 40 %); Bravo 0.3 · 0.6 + 0.2 · 0.4 = 0.26.
    const sites = [site('sg-a', 'Alpha', [null, 1]), site('my-b', 'Bravo', [0.3, 0.2])];
    const text = executiveSummary(fixtureModel(sites));
    expect(text[2]).toBe(
      'Alpha scores highest, but on thin data: most of its score is filled in. Scores: Alpha 0.400 and Bravo 0.260.',
    );
    expect(text[3]).toBe(
      "Most of Alpha's score comes from Latency (0.400): 100 % of it; it has no value for Power price (scored 0, no credit).",
    );
    for (const p of text) expect(p).not.toMatch(CLAIMS_FIRST);
  });

  it('adds how robust the lead is when sensitivity was run', () => {
    const model = withSmaa(
      fixtureModel(),
      [
        {
          siteId: 'sg-a',
          rankProbabilities: [0.35, 0.65, 0],
          pFirst: 0.35,
          pTiedFirst: 0,
          meanRank: 1.65,
          pExcluded: 0,
        },
        {
          siteId: 'my-b',
          rankProbabilities: [0.65, 0.35, 0],
          pFirst: 0.65,
          pTiedFirst: 0,
          meanRank: 1.35,
          pExcluded: 0,
        },
      ],
      [
        {
          criterionId: 'power',
          current: 0.6,
          lo: 0.45,
          hi: 1,
          topSite: 'sg-a',
          tiedWith: [],
          changesTo: { lo: 'my-b', hi: null },
        },
        {
          criterionId: 'latency',
          current: 0.4,
          lo: 0,
          hi: 0.55,
          topSite: 'sg-a',
          tiedWith: [],
          changesTo: { lo: null, hi: 'my-b' },
        },
      ],
    );
    const last = executiveSummary(model).find((p) => p.startsWith('In 2,000 SMAA samples'));
    expect(last).toBe(
      'In 2,000 SMAA samples (weights drawn around the preset, seed 1), Alpha ranked first in 35 % of them; Bravo was first more often (65 %). ' +
        'The top site stays first while each weight moves within its stability interval; the narrowest is Power price: 0.450 to 1.000 around 0.600.',
    );
  });

  it('SMAA with a tie in every sample: "tied for first", each counted 1/6, never "ranked first in 100 %"', () => {
    const tied = SIX_TIED.slice(0, 6).map((s) => ({
      siteId: s.id,
      rankProbabilities: [1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6, 0],
      pFirst: 1 / 6,
      pTiedFirst: 1,
      meanRank: 3.5,
      pExcluded: 0,
    }));
    const kulai = {
      siteId: 'my-k',
      rankProbabilities: [0, 0, 0, 0, 0, 0, 1],
      pFirst: 0,
      pTiedFirst: 0,
      meanRank: 7,
      pExcluded: 0,
    };
    const model = withSmaa(
      fixtureModel(SIX_TIED),
      [...tied, kulai],
      [
        {
          criterionId: 'power',
          current: 0.6,
          lo: 0.2,
          hi: 1,
          topSite: 'cn-1',
          tiedWith: ['cn-2', 'cn-3', 'cn-4', 'cn-5', 'cn-6'],
          changesTo: { lo: 'my-k', hi: null },
        },
      ],
    );
    const text = executiveSummary(model).find((p) => p.startsWith('In 2,000 SMAA samples'));
    expect(text).toBe(
      'In 2,000 SMAA samples (weights drawn around the preset, seed 1), Beijing, Guian, Qingpu, Shaoguan, Wujiang and Zhangjiakou tied for first in 100 % of samples; ' +
        'a shared first place counts 1/6 to each of them (P(first) 17 % each). ' +
        'Beijing stays among the best while each weight moves within its stability interval; the narrowest is Power price: 0.200 to 1.000 around 0.600.',
    );
  });

  it('SMAA with occasional ties for the leader: the split share, how often it shared first and with whom', () => {
    const model = withSmaa(
      fixtureModel(),
      [
        {
          siteId: 'sg-a',
          rankProbabilities: [0.45, 0.55, 0],
          pFirst: 0.45,
          pTiedFirst: 0.1,
          meanRank: 1.55,
          pExcluded: 0,
        },
        {
          siteId: 'my-b',
          rankProbabilities: [0.55, 0.45, 0],
          pFirst: 0.55,
          pTiedFirst: 0.1,
          meanRank: 1.45,
          pExcluded: 0,
        },
      ],
      [],
    );
    const text = executiveSummary(model).find((p) => p.startsWith('In 2,000 SMAA samples'));
    expect(text).toBe(
      'In 2,000 SMAA samples (weights drawn around the preset, seed 1), Alpha was first in 45 % of them, a shared first place counted as 1/g for each of the g sites sharing it ' +
        '(it shared first place in 10 % of samples, with Bravo); Bravo was first more often (55 %).',
    );
  });

  it('under TOPSIS speaks of weighted strengths, not contributions, and makes no additive comparison', () => {
    const base = fixtureModel();
    const model = {
      ...base,
      method: { id: 'topsis' as const, name: 'TOPSIS', description: '' },
      ranking: base.ranking.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, contribution: null })) })),
    };
    const text = executiveSummary(model);
    expect(text[3]).toBe(
      'Alpha is strongest, weight for weight, on Power price (0.600) and Latency (0.200) (weight × normalised value).',
    );
    expect(text.some((p) => p.startsWith('Against'))).toBe(false);
    expect(drivers(model, model.ranking[0] as (typeof model.ranking)[0])).toEqual({ power: 0.6, latency: 0.2 });
  });

  it('says so when no site can be ranked', () => {
    const text = executiveSummary(fixtureModel(DEFAULT_SITES.map((s) => ({ ...s, r: null }))));
    expect(text[1]).toBe('No site could be ranked: every site is excluded (the reasons are listed with the ranking).');
  });
});

describe('coverageStatement', () => {
  // Weights 0.5 / 0.3 / 0.1 / 0.1. Alpha knows power (stale), latency and tax: 0.9 (0.5 stale);
  // Bravo only power: 0.5; Charlie only latency: 0.3, below 50 %. Tax: one known value (Alpha's);
  // regulatory quality: none anywhere.
  const criteria = [
    { id: 'power', name: 'Power price', weight: 0.5 },
    { id: 'latency', name: 'Latency', weight: 0.3 },
    { id: 'tax', name: 'Incentive tax rate', weight: 0.1 },
    { id: 'rq', name: 'Regulatory quality', weight: 0.1 },
  ];
  const sites = [
    site('sg-a', 'Alpha', [1, 0.5, 0, null], ['power']),
    site('my-b', 'Bravo', [0.5, null, null, null]),
    site('jp-c', 'Charlie', [null, 1, null, null]),
  ];
  const uninformative: ReportModel['uninformative'] = [
    { criterionId: 'tax', known: 1, reason: 'one known value' },
    { criterionId: 'rq', known: 0, reason: 'no known value' },
  ];

  it('states the mean coverage and its stale part, the thin sites, and the criteria that tell nobody apart', () => {
    const model = fixtureModel(sites, { uninformative }, { criteria });
    const statement =
      'On average 57 % of the weight rests on known values across the 3 ranked sites (17 % on stale ones); ' +
      '1 site is thin data (below 50 %) and marked in the ranking; ' +
      'Incentive tax rate and Regulatory quality have no spread among the known values and contribute nothing to anyone: ' +
      'Incentive tax rate (one known value), Regulatory quality (no known value anywhere).';
    expect(coverageStatement(model)).toBe(statement);
    expect(executiveSummary(model)[1]).toBe(statement);
  });

  it('says thin sites were left out when the scenario excludes them', () => {
    // Charlie (30 %) is excluded: the mean is over Alpha and Bravo, (0.9 + 0.5) / 2, stale 0.5 / 2.
    const model = fixtureModel(sites, {}, { criteria, thinData: 'exclude' });
    expect(coverageStatement(model)).toBe(
      'On average 70 % of the weight rests on known values across the 2 ranked sites (25 % on stale ones); 1 site is thin data (below 50 %) and left out of the ranking.',
    );
  });

  it('names one silent criterion in the singular, and says when no minimum is set', () => {
    const model = fixtureModel(sites, { uninformative: uninformative.slice(0, 1) }, { criteria, minCoverage: 0 });
    expect(coverageStatement(model)).toBe(
      'On average 57 % of the weight rests on known values across the 3 ranked sites (17 % on stale ones); no minimum coverage is set; ' +
        'Incentive tax rate has no spread among the known values and contributes nothing to anyone (one known value).',
    );
  });
});
