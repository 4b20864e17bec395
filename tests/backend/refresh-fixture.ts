// A store file as a previous seed version left it, for the data refresh tests of the calls, the CLI
// and the panel: Singapore's power price is an older survey figure nobody touched (the new seed
// restates it), Johor's was edited by the planner to 12 (logged, so the refresh keeps it), and the
// version stamp is one behind, so the next open works out the pending refresh.
import { withChangeBatch } from '../../db/change-log';
import { setMeta } from '../../db/meta-repo';
import { openDatabase } from '../../db/open';
import { seedMetricValues } from '../../db/seed/metrics';
import { SEED_VERSION, SEED_VERSION_KEY } from '../../db/seed/run-seed';

export const SG_KEY = 'power_price_usc_kwh@market:sg';
export const JOHOR_KEY = 'power_price_usc_kwh@market:my-johor';
export const OLD_SG_VALUE = 17.5;
export const JOHOR_EDIT = 12;

/** The new seed's known value of a market fact (the input data). */
export function seedValue(criterionId: string, marketId: string): number {
  const v = seedMetricValues.find((m) => m.criterionId === criterionId && m.marketId === marketId);
  if (v?.kind !== 'known') throw new Error(`the seed has no known ${criterionId} for ${marketId}`);
  return v.value;
}

export function writeOldSeedStore(file: string): void {
  const db = openDatabase(file);
  try {
    db.prepare(
      `UPDATE metric_values SET value = ${OLD_SG_VALUE}, source_title = 'Old tariff survey',
         source_url = 'https://example.org/old-tariffs', as_of = '2023-06-30', note = 'older survey',
         method = 'estimate', derivation = 'average of two 2023 quotes', reference = NULL
       WHERE criterion_id = 'power_price_usc_kwh' AND market_id = 'sg'`,
    ).run();
    withChangeBatch(db, 'user', (batch) => {
      const select = db.prepare(
        "SELECT * FROM metric_values WHERE criterion_id = 'power_price_usc_kwh' AND market_id = 'my-johor'",
      );
      const before = select.get() as { id: number };
      db.prepare('UPDATE metric_values SET value = ?, note = ? WHERE id = ?').run(
        JOHOR_EDIT,
        'our PPA quote',
        before.id,
      );
      batch.record('update', 'metric_values', String(before.id), before, select.get(), 'value, note');
    });
    setMeta(db, SEED_VERSION_KEY, String(SEED_VERSION - 1));
  } finally {
    db.close();
  }
}
