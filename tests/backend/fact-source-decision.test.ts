// data.apply and data.validate enforce the source decision at the boundary: Singapore's power price
// (19.19 US¢/kWh in the seeded store, from the report that gives it) cannot be saved at 5 under that
// report; it can with a new source, or as the planner's estimate with a note.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import { plannersEstimate } from '../../shared/model/fact-source-decision';
import { harness, openBackend, QUOTE, type Harness } from './edit-fixture';

let backend: Backend;
let h: Harness;

beforeEach(() => {
  backend = openBackend();
  h = harness(backend);
});

afterEach(() => backend.close());

const key = { criterionId: 'power_price_usc_kwh', marketId: 'sg' };
const stored = (): Record<string, unknown> | undefined =>
  h.row(
    "SELECT value, source_title, source_url, as_of, method, derivation FROM metric_values WHERE criterion_id = 'power_price_usc_kwh' AND market_id = 'sg'",
  );
const update = (values: Record<string, unknown>): unknown => ({
  table: 'metric_values',
  changes: [{ op: 'update', key, values }],
});

describe('a changed value needs a source decision', () => {
  it('refuses 5 US¢ under the source that gives the stored number, whether the source is left out or repeated', async () => {
    const before = stored();
    expect(before).toMatchObject({ value: expect.any(Number) as unknown });
    const source = { title: before?.source_title, url: before?.source_url, asOf: before?.as_of };
    const hash = h.hash();
    for (const values of [
      { value: 5, method: 'official' },
      { value: 5, method: 'measured', source },
    ]) {
      const error = await h.failure('data.apply', update(values));
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([
        {
          path: 'changes.0.values.source',
          message: `power_price_usc_kwh@market:sg: the value changes from ${String(before?.value)} to 5 but keeps the source of the old value ("${String(before?.source_title)}", as of ${String(before?.as_of)}), which does not give the new number: give the new value's own source (source.title, source.url, source.asOf), or mark it as your estimate (method estimate, with a derivation saying why it is 5)`,
        },
      ]);
      expect(error.message).toMatch(/^data\.apply refused: .*keeps the source of the old value.*nothing was written$/);
    }
    // data.validate says the same without writing.
    const checked = await h.value('data.validate', update({ value: 5, method: 'official' }));
    expect(checked.ok).toBe(false);
    expect(checked.issues.map((i) => [i.field, i.key])).toEqual([['source', 'power_price_usc_kwh@market:sg']]);
    expect(h.hash()).toBe(hash);
    expect(stored()).toEqual(before);
  });

  it('stores the value with a new source', async () => {
    await h.value('data.apply', update({ value: 5, method: 'official', source: QUOTE }));
    expect(stored()).toMatchObject({
      value: 5,
      source_title: QUOTE.title,
      source_url: QUOTE.url,
      as_of: QUOTE.asOf,
      method: 'official',
    });
  });

  it('stores the planner’s estimate with its note under the kept source, and asks for a new note for another number', async () => {
    const before = stored();
    await h.value('data.apply', update({ value: 5, ...plannersEstimate('negotiated PPA, 2026 offer') }));
    expect(stored()).toEqual({
      ...before,
      value: 5,
      method: 'estimate',
      derivation: "Planner's estimate (the source does not give this number): negotiated PPA, 2026 offer",
    });
    // The same note for another number is the old number's reasoning.
    const error = await h.failure(
      'data.apply',
      update({ value: 6, ...plannersEstimate('negotiated PPA, 2026 offer') }),
    );
    expect(error.issues.map((i) => i.message)).toEqual([
      expect.stringContaining("its derivation is the old value's: write in it why the value is now 6") as unknown,
    ]);
    await h.value('data.apply', update({ value: 6, ...plannersEstimate('revised PPA offer, March') }));
    expect(stored()).toMatchObject({ value: 6, method: 'estimate' });
  });

  it('asks nothing when the value stays: a note, a range or the method alone may change under the same source', async () => {
    await h.value(
      'data.apply',
      update({ note: 'checked against the EMA page', low: 15, high: 25, method: 'measured' }),
    );
    expect(stored()).toMatchObject({ method: 'measured' });
  });
});
