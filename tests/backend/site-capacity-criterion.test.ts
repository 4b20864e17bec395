// site_capacity_mw: the site's own existing + planned MW, so a minimum-capacity constraint reads the
// site and not its market (a 5 MW suite in a 985 MW market is not a 100 MW site).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import type { CallOutput } from '../../shared/contract';

let backend: Backend;
beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't' });
});
afterAll(() => backend.close());

async function value<T>(name: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(name, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

const SOURCE = { title: 'Memo', url: 'https://example.org/m', asOf: '2026-01-01' };
const site = (id: string, existing: number | null, planned: number | null) => ({
  op: 'insert',
  values: { id, name: id, marketId: 'sg', lat: 1.3, lon: 103.8, capacityMw: { existing, planned }, source: SOURCE },
});

describe('site capacity as a criterion', () => {
  it('adds existing and planned, takes an unknown half as 0, and is missing when both are unknown', async () => {
    await value('data.apply', {
      table: 'sites',
      changes: [
        site('t-60-50', 60, 50),
        site('t-99', 99, null),
        site('t-0-100', null, 100),
        site('t-none', null, null),
      ],
    });
    const out = await value<CallOutput<'score.run'>>('score.run', {
      presetId: 'cost-first',
      profileId: 'cn-private-lab-rented',
      asOf: '2025-12-01',
      constraints: [{ kind: 'min', criterionId: 'site_capacity_mw', value: 100 }],
    });
    const byId = new Map(out.results.map((r) => [r.siteId, r]));
    // 60 + 50 = 110 ≥ 100 and 0 + 100 = 100 ≥ 100 pass; 99 does not; no figure at all is no value.
    expect(byId.get('t-60-50')?.excluded).toBe(false);
    expect(byId.get('t-0-100')?.excluded).toBe(false);
    expect(byId.get('t-99')?.excluded).toBe(true);
    expect(byId.get('t-99')?.reasons.join(' ')).toMatch(/Site capacity/);
    expect(byId.get('t-none')?.excluded).toBe(true);
    // Singapore's market capacity (985 MW) does not carry a small site: PDG SG3 is sized at 5 MW.
    expect(byId.get('sg-pdg-sg3')?.excluded).toBe(true);
  });
});
