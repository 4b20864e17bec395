// The data build: every seeded metric value, derived from the sourced tables under data/sources by
// the rules in rules/. `npm run data:build` writes the result to db/seed/derived-metrics.json; a test
// re-derives it and compares byte for byte, so a refresh is: update a table, re-run, review the diff.
import type { Market } from '../../shared/model/jurisdictions';
import { Figures, type Fact } from './figures';
import { gridCarbon, regulatoryQuality, renewableShare } from './rules/country-datasets';
import type { SourceTable } from './source-tables';

/** A rule for one criterion of one market: a sourced fact, or an honest gap with its reason. */
export type MarketRule = (f: Figures, market: Market) => Fact;

/** Criterion id → its market rule. A criterion without a rule here is not derived yet. */
export const MARKET_RULES: Readonly<Record<string, MarketRule>> = {
  grid_carbon_g_kwh: gridCarbon,
  renewable_share_pct: renewableShare,
  rq_percentile: regulatoryQuality,
};

/** Every derived fact, in a stable order (criterion, then market), so the output diffs cleanly. */
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
  return out;
}

/** The generated file's text: stable, one fact per line group, ending in a newline. */
export function serialiseFacts(facts: readonly Fact[]): string {
  return `${JSON.stringify(facts, null, 2)}\n`;
}
