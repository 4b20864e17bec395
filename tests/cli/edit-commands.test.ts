// `landfall history|undo|redo|revert`, `landfall scenarios|scenario-export|scenario-import` and
// `landfall data-health`, run in-process against a database file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCapturing } from '../backend/cli-capture';
import { harness, openBackend, SOURCE } from '../backend/edit-fixture';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-cli-edit-'));
  db = join(dir, 'store.sqlite');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs calls on the store file through a backend of its own, closed afterwards. */
async function withStore<T>(run: (h: ReturnType<typeof harness>) => Promise<T>): Promise<T> {
  const backend = openBackend(db);
  try {
    return await run(harness(backend));
  } finally {
    backend.close();
  }
}

const tuasLat = (): Promise<unknown> =>
  withStore(async (h) => h.row("SELECT lat FROM sites WHERE id = 'sg-tuas'")?.lat);

describe('landfall history, undo, redo, revert', () => {
  it('lists the changes with before and after, and undoes and redoes them across runs', async () => {
    expect((await runCliCapturing(['history'], db)).out).toBe('no changes yet\n');
    const batchId = await withStore(async (h) => {
      const r = await h.value('data.apply', {
        table: 'sites',
        label: 'Move Tuas',
        changes: [{ op: 'update', key: 'sg-tuas', values: { lat: 1.4 } }],
      });
      return r.batchId;
    });
    const history = await runCliCapturing(['history'], db);
    expect(history.code).toBe(0);
    expect(history.out).toContain(`user  edit  Move Tuas  (1 row, batch ${String(batchId)})`);
    expect(history.out).toContain('    ~ sites sg-tuas: lat 1.3236 → 1.4\n');
    expect(history.out).toContain('undo would take back: Move Tuas\nredo would apply again: nothing\n');

    const undo = await runCliCapturing(['undo'], db);
    expect(undo).toMatchObject({ code: 0, err: '' });
    expect(undo.out).toMatch(/^Undid "Move Tuas" \(1 row change\); tables: sites \(batch [0-9a-f-]{36}\)\n$/);
    expect(await tuasLat()).toBe(1.3236);
    expect((await runCliCapturing(['undo'], db)).out).toBe('nothing to undo\n');
    expect((await runCliCapturing(['redo'], db)).out).toMatch(/^Redid "Move Tuas"/);
    expect(await tuasLat()).toBe(1.4);

    const json = await runCliCapturing(['history', '--limit', '1', '--format', 'json'], db);
    const parsed = JSON.parse(json.out) as { entries: { kind: string; label: string }[] };
    expect(parsed.entries).toEqual([expect.objectContaining({ kind: 'redo', label: 'Redo: Move Tuas' })]);
  });

  it('revert names the conflict and exits 1; a bad --limit is a usage error', async () => {
    const first = await withStore(async (h) => {
      const a = await h.value('data.apply', {
        table: 'sites',
        label: 'A',
        changes: [{ op: 'update', key: 'sg-tuas', values: { name: 'A' } }],
      });
      await h.value('data.apply', {
        table: 'sites',
        label: 'B',
        changes: [{ op: 'update', key: 'sg-tuas', values: { name: 'B' } }],
      });
      return String(a.batchId);
    });
    const refused = await runCliCapturing(['revert', first], db);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^landfall revert: cannot revert "A": a row it wrote has been changed since \(sites sg-tuas: changed since \(name\) by "B"/,
    );
    const usage = await runCliCapturing(['history', '--limit', 'lots'], db);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--limit must be a whole number, not "lots"');
  });
});

describe('landfall scenarios, scenario-export, scenario-import', () => {
  it('lists, exports to a file and imports it back; a bad file is refused line by line', async () => {
    await withStore(async (h) => {
      const s = await h.value('scenarios.create', { name: 'Malaysia licence' });
      await h.value('scenarios.applyEvents', {
        scenarioId: s.id,
        changes: [
          {
            op: 'insert',
            values: {
              id: 'us-my',
              issuer: 'US',
              regime: 'us-destination',
              title: 'US licence for Malaysia',
              effectiveDate: '2026-01-01',
              effect: 'licence_required',
              scope: { destinations: ['MY'] },
              confidence: 'reported',
              source: { title: SOURCE.title, url: SOURCE.url },
            },
          },
        ],
      });
    });
    expect((await runCliCapturing(['scenarios'], db)).out).toBe(
      `${'malaysia-licence'.padEnd(30)}    1 event   Malaysia licence\n`,
    );
    const out = join(dir, 'scenario.json');
    expect((await runCliCapturing(['scenario-export', 'malaysia-licence', '--out', out], db)).out).toBe(
      `wrote ${out}\n`,
    );
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      format: 'landfall.scenario',
      version: 1,
      events: [{ id: 'us-my', regime: 'us-destination', publishedDate: null, links: [], confidence: 'reported' }],
    });
    const imported = await runCliCapturing(['scenario-import', out, '--name', 'Copy'], db);
    expect(imported).toMatchObject({ code: 0, out: 'imported "Copy" as copy (1 event)\n' });

    const bad = join(dir, 'bad.json');
    const file = JSON.parse(readFileSync(out, 'utf8')) as { events: Record<string, unknown>[] };
    writeFileSync(
      bad,
      JSON.stringify({ ...file, events: [{ ...file.events[0], effect: 'banned', endDate: '2020-01-01' }] }),
    );
    const refused = await runCliCapturing(['scenario-import', bad], db);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n').slice(1, 3)).toEqual([
      '  events.0.endDate: us-my: end date 2020-01-01 is before the effective date 2026-01-01: give an end date on or after it, or none',
      expect.stringMatching(/^ {2}events\.0\.effect: us-my: "banned": Invalid option/) as unknown,
    ]);
    expect((await runCliCapturing(['scenarios', '--format', 'json'], db)).out).toContain('"eventCount": 1');
    expect(JSON.parse((await runCliCapturing(['scenarios', '--format', 'json'], db)).out)).toHaveLength(2);
  });
});

describe('landfall data-health', () => {
  it('prints the same numbers as data.health', async () => {
    const health = await withStore((h) => h.value('data.health', { staleAfterDays: 365, asOf: '2026-01-01' }));
    const run = await runCliCapturing(['data-health', '--as-of', '2026-01-01', '--stale-after', '365'], db);
    expect(run.code).toBe(0);
    const s = health.summary;
    const all = health.coverage.all;
    // The coverage lines come first, right under the heading, then the missing line.
    const [heading, overall] = run.out.split('\n');
    expect(heading).toBe('data health on 2026-01-01 (stale after 365 days)');
    expect(overall?.startsWith(`coverage, all stored criteria: ${all.known} of ${all.cells} cells known (`)).toBe(true);
    expect(run.out).toContain(
      `\nmissing: ${s.missing} site × criterion gaps in ${s.sitesWithMissing} of ${s.sites} sites (15 stored criteria)\n`,
    );
    expect(s.sites).toBe(75); // seed v5
    expect(run.out).toContain(`\nstale: ${s.stale} facts\n`);
    expect(run.out).toContain(`\nwithout a source: ${s.unsourced} facts\n`);
    expect(run.out).toContain(`\npolicy events without a publication date: ${health.undatedEvents.length}\n`);
  });
});

describe('--scenario on landfall score and legality', () => {
  it("judges and ranks under the what-if's events, and without the flag under the real timeline", async () => {
    await withStore(async (h) => {
      const s = await h.value('scenarios.create', { name: 'Malaysia licence' });
      await h.value('scenarios.applyEvents', {
        scenarioId: s.id,
        changes: [
          {
            op: 'insert',
            values: {
              id: 'us-my',
              issuer: 'US',
              regime: 'us-destination',
              title: 'US licence for Malaysia',
              effectiveDate: '2025-05-20',
              effect: 'licence_required',
              scope: { chipClasses: ['frontier_controlled'], destinations: ['MY'] },
              confidence: 'reported',
              source: { title: SOURCE.title, url: SOURCE.url },
            },
          },
        ],
      });
    });
    const legality = async (...extra: string[]): Promise<{ status: string }> =>
      JSON.parse(
        (
          await runCliCapturing(
            ['legality', '--profile', 'sg-neocloud', '--site', 'my-sedenak', '--as-of', '2025-06-01', ...extra],
            db,
          )
        ).out,
      ) as { status: string };
    expect((await legality()).status).toBe('allowed');
    expect((await legality('--scenario', 'malaysia-licence')).status).toBe('licence_required');

    type Ranked = { results: { siteId: string; excluded: boolean }[] };
    const score = async (...extra: string[]): Promise<Ranked> =>
      JSON.parse(
        (
          await runCliCapturing(
            ['score', '--preset', 'frontier-training', '--profile', 'sg-neocloud', '--as-of', '2025-06-01', ...extra],
            db,
          )
        ).out,
      ) as Ranked;
    const sedenak = (r: Ranked): boolean | undefined => r.results.find((x) => x.siteId === 'my-sedenak')?.excluded;
    expect(sedenak(await score())).toBe(false);
    expect(sedenak(await score('--scenario', 'malaysia-licence'))).toBe(true);

    const unknown = await runCliCapturing(['score', '--preset', 'cost-first', '--scenario', 'nope'], db);
    expect(unknown.code).toBe(1);
  });
});
