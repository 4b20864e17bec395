// The executive summary in plain words, from a hand-made report: who leads and why (from the
// contributions), ties, the runner-up, exclusions, robustness, and non-additive methods.
import { describe, expect, it } from 'vitest';
import { drivers, executiveSummary } from '../../shared/report/summary';
import { DEFAULT_SITES, fixtureModel } from './report-fixture';

describe('executiveSummary', () => {
  it('names the leader, what its score comes from, how it beats the next site, and who is excluded', () => {
    const text = executiveSummary(fixtureModel());
    expect(text).toEqual([
      'On 2025-09-01, with the Test preset weights (Weighted sum (WSM)) for no company profile, 3 of 4 sites are ranked and 1 is excluded.',
      'Alpha (SG market, SG) ranks first with a score of 0.800, ahead of Bravo (0.700) and Charlie (0.160).',
      "Most of Alpha's score comes from Power price (0.600) and Latency (0.200): 100% of it.",
      'Against the best site that scores lower: Alpha beats Bravo by 0.100: it gains 0.300 on Power price; Bravo does better on Latency (+0.200).',
      'Excluded: Delta (chips prohibited: no export licence).',
    ]);
  });

  it('says when sites tie for first instead of picking one', () => {
    const sites = DEFAULT_SITES.map((s) => (s.id === 'my-b' ? { ...s, r: [1, 0.5] as [number, number] } : s));
    const text = executiveSummary(fixtureModel(sites));
    expect(text[1]).toBe(
      '2 sites tie for first at 0.800: Bravo (MY market, MY), Alpha (SG market, SG); ties are listed by site id.',
    );
    // The next site that scores lower is Charlie, not the tied one.
    expect(text[3]).toMatch(/^Against the best site that scores lower: Bravo beats Charlie by 0\.640/);
  });

  it('adds how robust the lead is when sensitivity was run', () => {
    const model = fixtureModel(undefined, {
      sensitivity: {
        samples: 2000,
        requested: 2000,
        seed: 11,
        mode: 'around_preset',
        concentration: 50,
        valuesSampled: false,
        stability: [
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
        smaa: [
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
      },
    });
    const last = executiveSummary(model).find((p) => p.startsWith('In 2,000 SMAA samples'));
    expect(last).toBe(
      'In 2,000 SMAA samples (weights drawn around the preset, seed 11), Alpha ranked first in 35% of them; Bravo was first more often (65%). ' +
        'The top site stays first while each weight moves within its stability interval; the narrowest is Power price: 0.450 to 1.000 around 0.600.',
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
    expect(text[2]).toBe(
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
