// The data build: every seeded metric value, derived from the sourced tables under data/sources by
// the rules in rules/. `npm run data:build` writes the result to db/seed/derived-metrics.json; a test
// re-derives it and compares byte for byte, so a refresh is: update a table, re-run, review the diff.
import type { Market } from '../../shared/model/jurisdictions';
import { CAMPUS_OF_DISTRICT, type SeedSite } from '../seed/sites';
import { Figures, type Fact } from './figures';
import { gridCarbon, regulatoryQuality, renewableShare } from './rules/country-datasets';
import { latencyHk, latencySg, meanTemperature, subseaCables, waterStress } from './rules/connectivity-climate';
import { buildCost, dcCapacity, siteLand, landCost, pipeline, taxIncentive, vacancy } from './rules/market-reports';
import { powerPrice } from './rules/power-prices';
import { campusCapacityRules } from './rules/campus-capacities';
import { siteCapacityRules } from './rules/site-capacities';
import type { SiteCapacity } from './site-capacity';
import type { SiteCapacityRule } from './rules/site-capacity-rule';
import type { SourceTable } from './source-tables';

/** A rule for one criterion of one market: a sourced fact, or an honest gap with its reason. */
export type MarketRule = (f: Figures, market: Market) => Fact;

/** Criterion id → its market rule. A criterion without a rule here is not derived yet. */
export const MARKET_RULES: Readonly<Record<string, MarketRule>> = {
  grid_carbon_g_kwh: gridCarbon,
  renewable_share_pct: renewableShare,
  rq_percentile: regulatoryQuality,
  latency_sg_ms: latencySg,
  latency_hk_ms: latencyHk,
  subsea_cables: subseaCables,
  mean_temp_c: meanTemperature,
  water_stress: waterStress,
  power_price_usc_kwh: powerPrice,
  build_cost_usd_w: buildCost,
  land_cost_usd_m2: landCost,
  tax_incentive: taxIncentive,
  dc_capacity_mw: dcCapacity,
  pipeline_mw: pipeline,
  vacancy_pct: vacancy,
};

/** Site id → its capacity rule. */
export const SITE_CAPACITY_RULES: Readonly<Record<string, SiteCapacityRule>> = {
  ...siteCapacityRules,
  ...campusCapacityRules,
  // A district that is one campus is sized by that campus's rule, under the district's id.
  ...Object.fromEntries(
    Object.entries(CAMPUS_OF_DISTRICT).map(([districtId, campusId]): [string, SiteCapacityRule] => [
      districtId,
      (f, site) => {
        const c = campusCapacityRules[campusId]?.(f, site);
        return c === undefined ? undefined : { ...c, siteId: districtId };
      },
    ]),
  ),
};

export interface DataBuild {
  facts: Fact[];
  sites: SiteCapacity[];
}

/** Everything the seed takes from the data build, in a stable order so the output diffs cleanly. */
export function deriveAll(
  tables: ReadonlyMap<string, SourceTable>,
  markets: readonly Market[],
  sites: readonly SeedSite[],
): DataBuild {
  const f = new Figures(tables);
  const capacities: SiteCapacity[] = [];
  for (const site of sites) {
    const c = SITE_CAPACITY_RULES[site.id]?.(f, site);
    if (c !== undefined) capacities.push(c);
  }
  return { facts: deriveFacts(tables, markets), sites: capacities };
}

/** Facts finer than their market (a site's own band or figure), each rule giving its sites' facts. */
export const SITE_FACT_RULES: readonly ((f: Figures) => Fact[])[] = [siteLand];

/** Every derived fact, in a stable order (criterion, then market; then site facts), so the output diffs cleanly. */
export function deriveFacts(tables: ReadonlyMap<string, SourceTable>, markets: readonly Market[]): Fact[] {
  const f = new Figures(tables);
  const out: Fact[] = [];
  for (const [criterionId, rule] of Object.entries(MARKET_RULES).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const market of markets) {
      const fact = rule(f, market);
      if (fact.criterionId !== criterionId) throw new Error(`rule for ${criterionId} returned ${fact.criterionId}`);
      out.push(fact);
    }
  }
  for (const rule of SITE_FACT_RULES) out.push(...rule(f));
  return out;
}

/** The generated file's text: stable, ending in a newline. */
export function serialiseBuild(build: DataBuild): string {
  return `${JSON.stringify(build, null, 2)}\n`;
}
