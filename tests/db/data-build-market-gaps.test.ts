// The data build's fill of the market-report gaps (issue 13): statutory tax rates from the Tax
// Foundation's dataset, and vacancy, pipeline, build and land cost for markets that had none. Every
// expected number was worked out by hand from the figures files under data/sources (named beside each
// expectation), so a rule that reads the wrong row, period or unit fails here.
import { describe, expect, it } from 'vitest';
import { deriveAll } from '../../db/data-build/derive';
import type { Fact, KnownFact } from '../../db/data-build/figures';
import { loadSourceTables } from '../../db/data-build/source-tables';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';

const build = deriveAll(loadSourceTables('data/sources'), seedMarkets, seedSites);

function fact(criterionId: string, marketId: string): Fact {
  const f = build.facts.find((x) => x.criterionId === criterionId && x.marketId === marketId);
  if (f === undefined) throw new Error(`no fact for ${criterionId} in ${marketId}`);
  return f;
}
function known(criterionId: string, marketId: string): KnownFact {
  const f = fact(criterionId, marketId);
  if (f.kind !== 'known') throw new Error(`${criterionId} in ${marketId} is a gap: ${f.missingReason}`);
  return f;
}

const TF = 'data/sources/taxfoundation-corporate-tax-rates-2025/figures.csv';

describe('tax incentive (% corporate tax): a data-centre rate where a source states one, else the headline rate', () => {
  it("gives Johor Malaysia's statutory 24 %: the JS-SEZ 5 % covers listed sectors that do not include data centres", () => {
    // all_rates_2025.csv: MYS 24.
    const johor = known('tax_incentive', 'my-johor');
    expect(johor).toMatchObject({ value: 24, method: 'official' });
    expect(johor.note).toMatch(/5% rate .* do not include data centres/);
  });

  it('takes the Tax Foundation 2025 statutory rate elsewhere, as published', () => {
    // all_rates_2025.csv: SGP 17, HKG 16.5, IDN 22, CHN 25, THA 20, JPN 29.74, IND 30, AUS 30, USA 25.569714.
    const expected: Record<string, number> = {
      sg: 17,
      hk: 16.5,
      'id-jakarta': 22,
      'id-batam': 22,
      'cn-jjj': 25,
      'cn-nmg': 25,
      'cn-gz': 25,
      'cn-nx': 25,
      'cn-yrd': 25,
      'cn-gba': 25,
      'th-eec': 20,
      'jp-tokyo': 29.74,
      'in-mumbai': 30,
      'au-sydney': 30,
      'us-nova': 25.569714,
    };
    for (const [marketId, value] of Object.entries(expected)) {
      const f = known('tax_incentive', marketId);
      expect(f, marketId).toMatchObject({ value, method: 'official', reference: TF });
      expect(f.source.asOf, marketId).toBe('2025-12-31');
    }
  });

  it('names the incentives it does not model', () => {
    expect(known('tax_incentive', 'cn-gz').note).toMatch(/15 ?%/);
    expect(known('tax_incentive', 'th-eec').note).toMatch(/BOI/);
    expect(known('tax_incentive', 'id-batam').note).toMatch(/free-trade zone|SEZ/);
    expect(known('tax_incentive', 'us-nova').note).toMatch(/average of state/);
  });
});

describe('vacancy (%)', () => {
  it('takes C&W colocation vacancy where a report gives the market', () => {
    // cw-gdcmc-2024-sg-release 1 %; cw-apac-dc-update-h1-2025-mumbai 6.6 % (H1 2025);
    // wmedia-cw-sydney-h2-2024 9 %; realestateasia-cw-bangkok-h1-2025 16 % (H1 2025, not the H2 2024 24 %).
    expect(known('vacancy_pct', 'sg')).toMatchObject({ value: 1, method: 'measured' });
    expect(known('vacancy_pct', 'in-mumbai')).toMatchObject({ value: 6.6, method: 'measured' });
    expect(known('vacancy_pct', 'au-sydney')).toMatchObject({ value: 9, method: 'measured' });
    expect(known('vacancy_pct', 'th-eec')).toMatchObject({ value: 16, method: 'measured' });
    expect(known('vacancy_pct', 'th-eec').note).toMatch(/Bangkok/);
  });

  it('Jakarta: 100 − JLL’s national 60–70 % occupancy, an estimate kept as a range', () => {
    // 100 − 70 = 30, 100 − 60 = 40, midpoint 35.
    const f = known('vacancy_pct', 'id-jakarta');
    expect(f).toMatchObject({ value: 35, low: 30, high: 40, method: 'estimate' });
    expect(f.derivation).toMatch(/inputs: /);
  });
});

describe('pipeline (MW)', () => {
  it('Bangkok: under construction + planned, H1 2025', () => {
    // 169 + 515 = 684.
    expect(known('pipeline_mw', 'th-eec')).toMatchObject({ value: 684, method: 'derived' });
  });

  it('Beijing: C&W’s colocation pipeline for the city', () => {
    const f = known('pipeline_mw', 'cn-jjj');
    expect(f).toMatchObject({ value: 613, method: 'measured' });
    expect(f.note).toMatch(/colocation/);
  });
});

describe('build cost (US$/W)', () => {
  it('Sydney: C&W’s Australian US$9.63m per MW ÷ 10^6, a national figure', () => {
    const f = known('build_cost_usd_w', 'au-sydney');
    expect(f).toMatchObject({ value: 9.63, method: 'derived' });
    expect(f.note).toMatch(/national/);
  });

  it('Hong Kong: the 2023/2024 C&W guide’s 9.20', () => {
    expect(known('build_cost_usd_w', 'hk')).toMatchObject({ value: 9.2, method: 'measured' });
  });
});

describe('land cost (US$/m²)', () => {
  it('Singapore and Hong Kong: the C&W guide’s market averages', () => {
    expect(known('land_cost_usd_m2', 'sg')).toMatchObject({ value: 11500, method: 'measured' });
    expect(known('land_cost_usd_m2', 'hk')).toMatchObject({ value: 3400, method: 'measured' });
  });

  it('Northern Virginia: Prince William to Ashburn per-acre prices ÷ 4,046.8564224 m² per acre, an estimate', () => {
    // 903,000 ÷ 4,046.8564224 = 223.137; 2,100,000 ÷ 4,046.8564224 = 518.922; midpoint 371.03.
    const f = known('land_cost_usd_m2', 'us-nova');
    expect(f.method).toBe('estimate');
    expect(f.low).toBeCloseTo(223.137, 2);
    expect(f.high).toBeCloseTo(518.922, 2);
    expect(f.value).toBeCloseTo(371.03, 1);
  });

  it('Beijing and Shanghai: the mainland average ("just under 3,000") as an estimate; the western hubs stay gaps', () => {
    for (const id of ['cn-jjj', 'cn-yrd']) {
      const f = known('land_cost_usd_m2', id);
      expect(f, id).toMatchObject({ value: 3000, method: 'estimate' });
      expect(f.derivation, id).toMatch(/just under/);
    }
    for (const id of ['cn-nmg', 'cn-gz', 'cn-nx', 'cn-gba'])
      expect(fact('land_cost_usd_m2', id).kind, id).toBe('missing');
  });
});

describe('coverage of the built-in presets’ criteria over the seeded sites', () => {
  it('leaves at most a fifth of the filled cells an estimate', () => {
    const sitesPer = new Map<string, number>();
    for (const s of seedSites) sitesPer.set(s.marketId, (sitesPer.get(s.marketId) ?? 0) + 1);
    let filled = 0;
    let estimates = 0;
    for (const f of build.facts) {
      const n = sitesPer.get(f.marketId ?? '') ?? 0;
      if (f.kind !== 'known') continue;
      filled += n;
      if (f.method === 'estimate') estimates += n;
    }
    expect(estimates / filled).toBeLessThanOrEqual(0.2);
  });
});
