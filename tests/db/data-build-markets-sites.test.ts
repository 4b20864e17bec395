// The data build's power prices, market-report facts and site capacities. Every expected number was
// worked out by hand from the figures files under data/sources (named beside each expectation), so
// a rule that reads the wrong row, year or unit fails here.
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
const capacity = (siteId: string) => build.sites.find((c) => c.siteId === siteId);

describe('power price (US¢/kWh): tariff ÷ dated rate × 100', () => {
  it('Johor: the regulator’s RP4 base tariff 45.40 sen at the 2025 MYR rate 4.2809', () => {
    // st-rp4-base-tariff-2025: 45.40 sen/kWh; fx-rates: Malaysia 2025 4.2809 → 0.4540 / 4.2809 × 100.
    const f = known('power_price_usc_kwh', 'my-johor');
    expect(f.value).toBeCloseTo(10.6052, 3);
    expect(f.method).toBe('derived');
    expect(f.derivation).toMatch(/45\.40 sen\/kWh ÷ 100 sen per ringgit/);
    expect(f.derivation).toMatch(/4\.2809 MYR per USD \(2025/);
    expect(f.reference).toContain('data/sources/st-rp4-base-tariff-2025/figures.csv');
    expect(f.reference).toContain('data/sources/fx-rates/figures.csv');
  });

  it('each Chinese hub its own province, at the tariff year’s rate; the national average only where none exists', () => {
    // chinadaily-hohhot-2015 0.38 yuan, 2015 rate 6.2827 (fx-rates-2015-2020) → 6.0484.
    expect(known('power_price_usc_kwh', 'cn-nmg').value).toBeCloseTo(6.0484, 3);
    expect(known('power_price_usc_kwh', 'cn-nmg').note).toMatch(/stale/);
    // chinatoday-guian-electricity 0.35 yuan, 2020 rate 6.9042 → 5.0694.
    expect(known('power_price_usc_kwh', 'cn-gz').value).toBeCloseTo(5.0694, 3);
    // cccweb-zhongwei-2020 0.36 yuan, 2020 rate 6.9042 → 5.2142.
    expect(known('power_price_usc_kwh', 'cn-nx').value).toBeCloseTo(5.2142, 3);
    // china-briefing 0.088 US$/kWh national average × 100 = 8.8: a proxy for the province, so an
    // `estimate` (as its table says), with the reasoning written down.
    for (const id of ['cn-jjj', 'cn-yrd', 'cn-gba']) {
      const f = known('power_price_usc_kwh', id);
      expect(f.value).toBeCloseTo(8.8, 6);
      expect(f.method).toBe('estimate');
      expect(f.note).toMatch(/national average/);
      expect(f.derivation).toMatch(/0\.088 US\$\/kWh × 100 = 8\.8 US¢\/kWh/);
      expect(f.derivation).toMatch(/no provincial/);
      expect(f.reference).toBe('data/sources/china-briefing-industrial-power-2024/figures.csv');
    }
  });

  it('Hong Kong, Bangkok, Jakarta and Tokyo convert their own currencies', () => {
    // scmp-clp-tariff-2025: 98 + 46.3 HK¢ = 1.443 HKD; 2025 rate 7.7956 → 18.5104.
    expect(known('power_price_usc_kwh', 'hk').value).toBeCloseTo(18.5104, 3);
    // mea 4.1.1 energy charge 3.1097 Baht; 2025 rate 32.8619 → 9.4629.
    expect(known('power_price_usc_kwh', 'th-eec').value).toBeCloseTo(9.4629, 3);
    // suara-pln I-4 996.74 Rp; JISDOR 2025-09-25 "16.752" = 16,752 Rp → 5.9500.
    const jkt = known('power_price_usc_kwh', 'id-jakarta');
    expect(jkt.value).toBeCloseTo(5.95, 3);
    expect(jkt.derivation).toMatch(/16752 Rp per USD/);
    // tepco FY2015 29.38 yen; 2015 rate 121.0491 → 24.2711, flagged stale.
    const tokyo = known('power_price_usc_kwh', 'jp-tokyo');
    expect(tokyo.value).toBeCloseTo(24.2711, 3);
    expect(tokyo.note).toMatch(/stale/);
  });

  it('figures already in US cents are taken as published', () => {
    // cw-apac-dc-cost-guide-2025-power sg 19.19; eia Virginia industrial 8.92; T&T Mumbai 6.71.
    expect(known('power_price_usc_kwh', 'sg')).toMatchObject({ value: 19.19, method: 'measured' });
    expect(known('power_price_usc_kwh', 'us-nova')).toMatchObject({ value: 8.92, method: 'official' });
    expect(known('power_price_usc_kwh', 'in-mumbai')).toMatchObject({ value: 6.71, method: 'measured' });
  });

  it('Batam and Sydney are honest gaps', () => {
    const batam = fact('power_price_usc_kwh', 'id-batam');
    expect(batam.kind === 'missing' && batam.missingReason).toMatch(/PLN Batam/);
    expect(fact('power_price_usc_kwh', 'au-sydney').kind).toBe('missing');
  });
});

describe('market-report facts', () => {
  it('build cost: T&T city figures, C&W national cost for hubs without one', () => {
    expect(known('build_cost_usd_w', 'sg')).toMatchObject({ value: 14.5, method: 'measured' });
    expect(known('build_cost_usd_w', 'jp-tokyo')).toMatchObject({ value: 15.2 });
    expect(known('build_cost_usd_w', 'in-mumbai')).toMatchObject({ value: 6.64 });
    expect(known('build_cost_usd_w', 'id-jakarta')).toMatchObject({ value: 11.21 });
    expect(known('build_cost_usd_w', 'cn-yrd')).toMatchObject({ value: 6.12 }); // Shanghai
    // C&W "7,110,000" US$ per MW ÷ 10^6 = 7.11 US$/W, national.
    expect(known('build_cost_usd_w', 'cn-gz')).toMatchObject({ value: 7.11, method: 'derived' });
    // Johor: Kuala Lumpur's 11.37 as a stated proxy.
    expect(known('build_cost_usd_w', 'my-johor')).toMatchObject({ value: 11.37, method: 'estimate' });
  });

  it('land cost keeps the range: Johor spans its two bands, Tokyo its five clusters', () => {
    // Kulai & Sedenak 202–322, Pulai / Nusajaya 306–393 → 202–393, midpoint 297.5.
    expect(known('land_cost_usd_m2', 'my-johor')).toMatchObject({ low: 202, high: 393, value: 297.5 });
    // Inzai 752 … Central Tokyo 15,038 → midpoint 7,895.
    expect(known('land_cost_usd_m2', 'jp-tokyo')).toMatchObject({ low: 752, high: 15038, value: 7895 });
    expect(known('land_cost_usd_m2', 'au-sydney')).toMatchObject({ value: 1036 });
  });

  it('tax incentive: the statutory headline rate, Johor included (the JS-SEZ 5 % does not name data centres)', () => {
    // taxfoundation-corporate-tax-rates-2025: MYS 24.
    expect(known('tax_incentive', 'my-johor')).toMatchObject({
      value: 24,
      method: 'official',
      reference: 'data/sources/taxfoundation-corporate-tax-rates-2025/figures.csv',
    });
    // taxfoundation-corporate-tax-rates-2025: HKG 16.5 (see data-build-market-gaps.test.ts for the rest);
    // the note keeps what C&W said before a rate was sourced.
    const hk = known('tax_incentive', 'hk');
    expect(hk).toMatchObject({
      value: 16.5,
      method: 'official',
      reference: 'data/sources/taxfoundation-corporate-tax-rates-2025/figures.csv',
    });
    expect(hk.note).toMatch(/lowest-taxed/);
  });

  it('capacity, pipeline and vacancy: C&W key indicators, sums with their formula', () => {
    expect(known('dc_capacity_mw', 'sg')).toMatchObject({ value: 985 });
    expect(known('dc_capacity_mw', 'hk')).toMatchObject({ value: 581 });
    expect(known('dc_capacity_mw', 'us-nova')).toMatchObject({ value: 4600, method: 'derived' }); // 4.6 GW
    expect(known('dc_capacity_mw', 'cn-jjj')).toMatchObject({ value: 2000, method: 'estimate' }); // ~2 GW
    // goinnermongolia: 1.22 billion kWh in Q1 2025 ÷ 2,160 h = 564.815 MW average draw.
    expect(known('dc_capacity_mw', 'cn-nmg').value).toBeCloseTo(564.815, 2);
    expect(known('pipeline_mw', 'my-johor')).toMatchObject({ value: 1048, method: 'derived' }); // 226 + 822
    expect(known('pipeline_mw', 'hk')).toMatchObject({ value: 698 }); // 208 + 490
    expect(known('pipeline_mw', 'jp-tokyo')).toMatchObject({ value: 1671 }); // 261 + 1,410
    expect(known('pipeline_mw', 'in-mumbai')).toMatchObject({ value: 1160 }); // 545 + 615
    expect(known('pipeline_mw', 'au-sydney')).toMatchObject({ value: 1224 }); // 274 + 950
    expect(known('pipeline_mw', 'id-batam').value).toBeCloseTo(364.2, 6); // 96 + 120 + 51 + 72 + 25.2
    // cw-sg-dc-update-h1-2023: C&W press release of 2023-08-25, 209 MW planned or under construction
    // (supersedes H2 2022's 170 MW).
    expect(known('pipeline_mw', 'sg')).toMatchObject({ value: 209, method: 'measured' });
    expect(known('pipeline_mw', 'sg').reference).toBe('data/sources/cw-sg-dc-update-h1-2023/figures.csv');
    expect(known('pipeline_mw', 'sg').source.asOf).toBe('2023-08-25');
    expect(known('vacancy_pct', 'jp-tokyo')).toMatchObject({ value: 8 });
    expect(known('vacancy_pct', 'us-nova')).toMatchObject({ value: 0.5, low: 0, high: 1, method: 'estimate' });
  });

  it('every known derived or estimated fact says how it was reached', () => {
    const mine = new Set([
      'power_price_usc_kwh',
      'build_cost_usd_w',
      'land_cost_usd_m2',
      'tax_incentive',
      'dc_capacity_mw',
      'pipeline_mw',
      'vacancy_pct',
    ]);
    for (const f of build.facts) {
      if (mine.has(f.criterionId) && f.kind === 'known' && (f.method === 'derived' || f.method === 'estimate'))
        expect(f.derivation, `${f.criterionId} ${f.marketId ?? ''}`).toMatch(/inputs: /);
    }
  });
});

describe('site capacities', () => {
  // Every site has a rule but Ashburn (dropped rather than given the whole of Northern Virginia) and
  // the districts no source sizes; campuses a source names without a MW cite it with both null.
  it('sizes at least 80 % of the seeded sites', () => {
    const sized = build.sites.filter((c) => c.existing !== null || c.planned !== null);
    expect(sized.length / seedSites.length).toBeGreaterThanOrEqual(0.8);
    expect(capacity('us-ashburn')).toBeUndefined();
  });

  it('single announcements keep their table’s method', () => {
    expect(capacity('sg-tuas')).toMatchObject({ existing: 58, planned: null, method: 'official' });
    expect(capacity('my-nusajaya')).toMatchObject({ existing: 69.5, method: 'official' });
    expect(capacity('hk-tseung-kwan-o')).toMatchObject({ existing: 100 });
    expect(capacity('jp-koto')).toMatchObject({ planned: 60, method: 'measured' });
  });

  it('sums and differences are derived and list their campuses', () => {
    // sg-loyang is AirTrunk SGP1 alone (78 MW); Digital Loyang II (50 MW) is its own campus now.
    expect(capacity('sg-loyang')).toMatchObject({ siteId: 'sg-loyang', existing: 78, planned: null });
    expect(capacity('sg-digital-loyang-ii')).toMatchObject({ existing: 50, planned: null });
    // 53 % × 401 = 212.53 for the park, less PDG JH1's 52 MW built (its own site): 160.53; the
    // campuses carry their planned MW.
    expect(capacity('my-sedenak')).toMatchObject({ existing: 160.53, planned: null, method: 'derived' });
    // Pulai's cluster share is carried by the Iskandar Puteri campuses seeded on their own.
    expect(capacity('my-pulai')).toBeUndefined();
    // TOK1 60 + Colt 15; campus 300 − 60.
    expect(capacity('jp-inzai')).toMatchObject({ existing: 75, planned: 240 });
    // 50 − 32 = 18 existing; 63 − 18 = 45 planned.
    expect(capacity('au-macquarie-park')).toMatchObject({ existing: 18, planned: 45 });
    expect(capacity('th-chonburi')).toMatchObject({ planned: 260 }); // 180 + 80
    expect(capacity('id-nongsa')).toMatchObject({ planned: 168 }); // 96 + 72
  });

  it('bounds and proxies are estimates with their reasoning', () => {
    expect(capacity('cn-zhangjiakou')).toMatchObject({ existing: 500, method: 'estimate' });
    // 2.29 TWh ÷ 8,760 h = 261.416 MW.
    expect(capacity('cn-zhongwei')?.planned).toBeCloseTo(261.416, 2);
    expect(capacity('cn-zhongwei')?.derivation).toMatch(/8,760 h/);
  });

  it('leaves a site no source sizes unknown', () => {
    expect(capacity('sg-tai-seng')).toBeUndefined();
    expect(capacity('cn-qingpu')).toBeUndefined();
    // A region's whole inventory is not one site's capacity.
    expect(capacity('us-ashburn')).toBeUndefined();
  });
});
