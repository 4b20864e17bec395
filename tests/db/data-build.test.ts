// The data build: the committed db/seed/derived-metrics.json is exactly what the rules derive from
// data/sources (so a refresh is: update a table, re-run `npm run data:build`, review the diff), and
// the derived facts carry the figures as published. Expectations read from the figures files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveAll, serialiseBuild } from '../../db/data-build/derive';
import { loadSourceTables } from '../../db/data-build/source-tables';
import { seedMarkets } from '../../db/seed/markets';
import { seedSites } from '../../db/seed/sites';

const tables = loadSourceTables('data/sources');
const build = deriveAll(tables, seedMarkets, seedSites);
const facts = build.facts;
const fact = (criterionId: string, marketId: string) =>
  facts.find((x) => x.criterionId === criterionId && x.marketId === marketId);

describe('data build', () => {
  it('re-derives db/seed/derived-metrics.json byte for byte', () => {
    expect(serialiseBuild(build)).toBe(readFileSync('db/seed/derived-metrics.json', 'utf8'));
  });

  it('reads every source table, each with its provenance', () => {
    expect(tables.size).toBeGreaterThan(50);
    for (const t of tables.values()) {
      expect(t.meta.url !== null || (t.meta.repository !== null && t.meta.path !== null)).toBe(true);
      expect(t.meta.licence.length).toBeGreaterThan(0);
    }
  });

  it('carries figures as published, with method and reference', () => {
    // owid-energy/figures.csv: SGP 2024 carbon_intensity_elec 498.740; MYS 2024 600.440.
    expect(fact('grid_carbon_g_kwh', 'sg')).toMatchObject({
      value: 498.74,
      method: 'official',
      reference: 'data/sources/owid-energy/figures.csv',
    });
    expect(
      fact('grid_carbon_g_kwh', 'my-johor')?.kind === 'known' && fact('grid_carbon_g_kwh', 'my-johor'),
    ).toMatchObject({
      value: 600.44,
      note: expect.stringMatching(/national figure for MY/),
    });
    // China's hubs: OWID CHN 2024 × the MEE 2022 factor of their grid ÷ the national 0.5366
    // (mee-provincial-grid-factors): North China 0.6776 → 555.4 × 0.6776 ÷ 0.5366 = 701.34; Inner
    // Mongolia 0.6849 → 708.90; Southern grid 0.3869 (Guangdong, Guizhou) → 400.46.
    const china = (id: string) => fact('grid_carbon_g_kwh', id) as { value: number; method: string; reference: string };
    expect(china('cn-jjj').value).toBeCloseTo(701.34, 1);
    expect(china('cn-nmg').value).toBeCloseTo(708.9, 1);
    expect(china('cn-gba').value).toBeCloseTo(400.46, 1);
    expect(china('cn-gz').value).toBe(china('cn-gba').value);
    expect(china('cn-yrd')).toMatchObject({ method: 'derived' });
    expect(china('cn-yrd').reference).toContain('data/sources/mee-provincial-grid-factors/figures.csv');
    // wgi-regulatory-quality/figures.csv: SGP 2022 RQ 100; CHN 36.7924537658691.
    expect(fact('rq_percentile', 'sg')).toMatchObject({ value: 100 });
    expect(fact('rq_percentile', 'cn-gz')).toMatchObject({ value: 36.7924537658691 });
  });
});

describe('site-level facts', () => {
  it('gives each Johor site its own C&W land band (cw-apac-dc-cost-guide-2025-land, p.22), nothing typed by hand', () => {
    const site = (id: string) => facts.find((x) => x.siteId === id && x.criterionId === 'land_cost_usd_m2');
    // Kulai & Sedenak 202–322 → (202 + 322) / 2 = 262; Pulai / Nusajaya 306–393 → 349.5.
    expect(site('my-kulai')).toMatchObject({ value: 262, low: 202, high: 322, method: 'derived' });
    expect(site('my-sedenak')).toMatchObject({ value: 262, low: 202, high: 322 });
    expect(site('my-pulai')).toMatchObject({ value: 349.5, low: 306, high: 393 });
    expect(site('my-nusajaya')).toMatchObject({ value: 349.5, low: 306, high: 393 });
  });
});
