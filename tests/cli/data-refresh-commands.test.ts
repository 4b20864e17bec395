// `landfall data-refresh [--accept [--keys …] | --dismiss] [--format text|json]`, in-process against
// a store file a previous seed version left (tests/backend/refresh-fixture.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_VERSION } from '../../db/seed/run-seed';
import type { DataRefreshPreview } from '../../shared/calls/data-refresh-calls';
import { runCliCapturing } from '../backend/cli-capture';
import { JOHOR_KEY, OLD_SG_VALUE, SG_KEY, seedValue, writeOldSeedStore } from '../backend/refresh-fixture';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-cli-refresh-'));
  db = join(dir, 'store.sqlite');
  writeOldSeedStore(db);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('landfall data-refresh', () => {
  it('prints the pending change and the kept fact, then applies it with --accept', async () => {
    const sg = seedValue('power_price_usc_kwh', 'sg');
    const preview = await runCliCapturing(['data-refresh'], db);
    expect(preview).toMatchObject({ code: 0, err: '' });
    const lines = preview.out.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^data refresh from seed v${SEED_VERSION} \\(this store's facts came from v${SEED_VERSION - 1}; worked out \\d{4}-`,
      ),
    );
    expect(lines[1]).toBe('1 pending change: 0 new, 1 changed, 0 retired');
    expect(lines[2]).toMatch(
      new RegExp(
        `^  ~ Power price · Singapore \\(${SG_KEY}\\): 17\\.5 estimate, Old tariff survey, 2023-06-30 → ${String(sg).replace('.', '\\.')} `,
      ),
    );
    expect(lines[2]).toMatch(/\[value, source_title, source_url, as_of, note, method, derivation, reference\]$/);
    expect(lines[3]).toBe('kept, you edited these (1):');
    // The planner changed only the number (and a note): method and source stay the seed's.
    const johor = String(seedValue('power_price_usc_kwh', 'my-johor')).replace('.', '\\.');
    expect(lines[4]).toMatch(
      new RegExp(`^  = Power price · Johor \\(${JOHOR_KEY}\\): yours 12 \\w+, .*; the seed's ${johor} `),
    );
    expect(lines[5]).toBe(
      'apply: landfall data-refresh --accept [--keys KEY,KEY]   drop: landfall data-refresh --dismiss',
    );

    const json = await runCliCapturing(['data-refresh', '--format', 'json'], db);
    const parsed = JSON.parse(json.out) as DataRefreshPreview;
    expect(parsed.counts).toEqual({ new: 0, changed: 1, retired: 0, kept: 1 });
    expect(parsed.changes[0]).toMatchObject({ key: SG_KEY, before: { value: OLD_SG_VALUE }, after: { value: sg } });

    const accepted = await runCliCapturing(['data-refresh', '--accept'], db);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(
      new RegExp(
        `^applied 1 fact from seed v${SEED_VERSION}: 0 new, 1 changed, 0 retired \\(batch [0-9a-f-]{36}; landfall undo takes it back\\)\\n$`,
      ),
    );
    expect((await runCliCapturing(['data-refresh'], db)).out).toBe(
      `no data refresh pending (this store has seed v${SEED_VERSION})\n`,
    );
    const history = await runCliCapturing(['history', '--limit', '1'], db);
    expect(history.out).toContain(
      `data-refresh  import  Data refresh v${SEED_VERSION}: 1 fact (1 changed)  (1 row, batch`,
    );
  });

  it('accepts only the given keys and refuses one that is not pending', async () => {
    const refused = await runCliCapturing(['data-refresh', '--accept', '--keys', JOHOR_KEY], db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('not in the pending data refresh; nothing was written');
    expect(refused.err).toContain(`${JOHOR_KEY} is not pending`);
    const ok = await runCliCapturing(['data-refresh', '--accept', '--keys', SG_KEY, '--format', 'json'], db);
    expect(JSON.parse(ok.out)).toMatchObject({ applied: 1, remaining: 0 });
  });

  it('drops the refresh with --dismiss', async () => {
    const dismissed = await runCliCapturing(['data-refresh', '--dismiss'], db);
    expect(dismissed).toEqual({
      code: 0,
      out: `dismissed 1 pending change of seed v${SEED_VERSION}; the facts stay as they are\n`,
      err: '',
    });
    expect((await runCliCapturing(['data-refresh', '--dismiss'], db)).out).toBe('no data refresh pending\n');
  });

  it('refuses --accept with --dismiss, and --keys without --accept', async () => {
    const both = await runCliCapturing(['data-refresh', '--accept', '--dismiss'], db);
    expect(both.code).toBe(2);
    expect(both.err).toContain('give --accept or --dismiss, not both');
    expect((await runCliCapturing(['data-refresh', '--keys', SG_KEY], db)).code).toBe(2);
  });
});
