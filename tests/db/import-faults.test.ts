// An import that fails half-way — a bad last row, a fault inside the write, a full disk, a killed
// process — leaves the store exactly as it was: same row counts, same content hash, no log entries.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, rowCounts } from '../../db/transfer/content-hash';
import { exportTable } from '../../db/transfer/export';
import { commitImport, ImportFailed, ImportRefused } from '../../db/transfer/import';
import type { ImportKind } from '../../shared/model/transfer';
import { addReference, changeLogCount, emptyDb, populate, SOURCE, type Db } from './transfer-fixture';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-faults-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const HEAD = 'id,name,country,region,lat,lon,power_price,latency_sg,source_title,source_url,as_of';

/** A sites CSV of `n` new sites with two facts each. */
function sitesCsv(n: number, prefix = 's'): string {
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `${prefix}${i},Site ${i},SG,sg,${(i % 180) - 89.5},${(i % 360) - 179.5},${i * 0.5},${i % 50},"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}`,
  );
  return `${HEAD}\n${rows.join('\n')}\n`;
}

interface Snapshot {
  hash: string;
  counts: Record<string, number>;
  log: number;
}

const snapshot = (db: Db): Snapshot => ({ hash: contentHash(db), counts: rowCounts(db), log: changeLogCount(db) });

function failure(db: Db, kind: ImportKind, text: string): Error {
  try {
    commitImport(db, kind, text);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the import to fail');
}

describe('in process', () => {
  let db: Db;
  let before: Snapshot;

  beforeEach(() => {
    db = emptyDb();
    populate(db);
    before = snapshot(db);
  });

  afterEach(() => {
    db.close();
  });

  it('a CSV whose last row is bad changes nothing', () => {
    const text = `${sitesCsv(1000)}last,Last,SG,sg,1,103,not-a-number,,"${SOURCE.title}",${SOURCE.url},${SOURCE.asOf}\n`;
    const error = failure(db, 'sites-csv', text);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).preview.errors).toEqual([
      { table: null, row: 1002, line: 1002, column: 'power_price', message: '"not-a-number" is not a number' },
    ]);
    expect(snapshot(db)).toEqual(before);
  });

  it('a JSON store export whose last row is bad changes nothing', () => {
    const doc = JSON.parse(exportTable(db, 'all', 'json').content) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    for (const s of doc.tables.sites ?? []) s.notes = `${String(s.notes)} (edited)`;
    const presets = doc.tables.presets ?? [];
    presets.push({ ...presets[0], id: 'broken', method: 'vibes' });
    expect(failure(db, 'database-json', JSON.stringify(doc))).toBeInstanceOf(ImportRefused);
    expect(snapshot(db)).toEqual(before);
  });

  it('a fault raised inside the write (a trigger on row 700 of 1000) rolls every row back', () => {
    db.exec(`CREATE TRIGGER fault BEFORE INSERT ON sites WHEN NEW.id = 's700'
             BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    before = snapshot(db);
    const error = failure(db, 'sites-csv', sitesCsv(1000));
    expect(error).toBeInstanceOf(ImportFailed);
    expect(error.message).toContain('injected fault');
    expect(error.message).toContain('nothing was changed');
    expect(snapshot(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
  });

  it('a foreign key broken during the write, found only at COMMIT, rolls every row back', () => {
    // Foreign keys are deferred for JSON imports; a trigger removes a market the file’s sites use,
    // so every statement succeeds and the COMMIT itself fails.
    db.exec(`CREATE TRIGGER sabotage AFTER INSERT ON sites WHEN NEW.id = 'late'
             BEGIN DELETE FROM markets WHERE id = 'new-market'; END`);
    before = snapshot(db);
    const site = (id: string): unknown => ({
      id,
      name: id,
      marketId: 'new-market',
      lat: 1,
      lon: 2,
      capacityMw: { existing: null, planned: null },
      status: 'planned',
      notes: '',
      source: SOURCE,
      origin: 'import',
    });
    const doc = {
      format: 'landfall.database',
      version: 1,
      schemaVersion: 2,
      tables: {
        markets: [{ id: 'new-market', name: 'New', country: 'SG', jurisdictionCode: null, description: '' }],
        sites: [site('early'), site('late')],
      },
    };
    const error = failure(db, 'database-json', JSON.stringify(doc));
    expect(error).toBeInstanceOf(ImportFailed);
    expect((error as ImportFailed).sqliteCode).toMatch(/^SQLITE_CONSTRAINT/);
    expect(snapshot(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
  });
});

describe('a full disk', () => {
  it('fails with SQLITE_FULL named, changes nothing, and the store works afterwards', () => {
    const path = join(dir, 'full.sqlite');
    const db = emptyDb(path);
    populate(db);
    const before = snapshot(db);
    const pages = Number(db.pragma('page_count', { simple: true }));
    // Room for a few pages more than the store has now: the import runs out part-way.
    db.pragma(`max_page_count = ${pages + 8}`);
    const error = failure(db, 'sites-csv', sitesCsv(3000));
    expect(error).toBeInstanceOf(ImportFailed);
    expect((error as ImportFailed).sqliteCode).toBe('SQLITE_FULL');
    expect(error.message).toContain('full');
    expect(db.inTransaction).toBe(false);
    expect(snapshot(db)).toEqual(before);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');

    db.pragma('max_page_count = 1073741823');
    commitImport(db, 'sites-csv', sitesCsv(3000));
    expect(rowCounts(db).sites).toBe((before.counts.sites ?? 0) + 3000);
    db.close();
  });
});

describe('a process killed during an import', () => {
  let child: string;

  beforeAll(async () => {
    child = join(dir, 'import-child.cjs');
    await build({
      entryPoints: [resolve('tests/db/fixtures/import-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      outfile: child,
      logLevel: 'warning',
    });
  });

  interface Run {
    signal: NodeJS.Signals | null;
    code: number | null;
    stdout: string;
    stderr: string;
  }

  /** Runs the child; kills it with SIGKILL when it prints "paused", or after `killAfterMs`. */
  function runChild(args: string[], killAfterMs: number | null): Promise<Run> {
    return new Promise((done, fail) => {
      const proc = spawn(process.execPath, [child, ...args], {
        // The bundle lives in a temporary directory; let it find better-sqlite3 in ours.
        env: { ...process.env, NODE_PATH: resolve('node_modules') },
      });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('paused')) proc.kill('SIGKILL');
      });
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = killAfterMs === null ? null : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      proc.on('error', fail);
      proc.on('close', (code, signal) => {
        if (timer) clearTimeout(timer);
        done({ code, signal, stdout, stderr });
      });
    });
  }

  function prepare(name: string, rows: number): { db: string; file: string; before: Snapshot } {
    const db = join(dir, `${name}.sqlite`);
    const store = emptyDb(db);
    addReference(store);
    const before = snapshot(store);
    store.close();
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, sitesCsv(rows));
    return { db, file, before };
  }

  /** Opens the store after the crash: it must be intact and hold all of the import or none of it. */
  function afterCrash(path: string): Snapshot & { quick: unknown; fk: unknown[] } {
    const db = emptyDb(path);
    const result = {
      ...snapshot(db),
      quick: db.pragma('quick_check', { simple: true }),
      fk: db.pragma('foreign_key_check') as unknown[],
    };
    db.close();
    return result;
  }

  it('killed mid-transaction (row 15 000 of 20 000 written): the store is intact and unchanged', async () => {
    const { db, file, before } = prepare('killed', 20000);
    const run = await runChild([db, file, 'sites-csv', 's15000'], 60000);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('paused\n');
    expect(run.signal).toBe('SIGKILL');
    const after = afterCrash(db);
    expect(after.quick).toBe('ok');
    expect(after.fk).toEqual([]);
    expect({ hash: after.hash, counts: after.counts, log: after.log }).toEqual(before);
  });

  it('killed at an arbitrary moment: all of the import or none of it', async () => {
    const seen = new Set<string>();
    for (const [i, delay] of [150, 400, 800].entries()) {
      const { db, file, before } = prepare(`timed-${i}`, 8000);
      const run = await runChild([db, file, 'sites-csv'], delay);
      const after = afterCrash(db);
      expect(after.quick).toBe('ok');
      expect(after.fk).toEqual([]);
      const sites = after.counts.sites ?? -1;
      if (sites === before.counts.sites) {
        expect(after.hash).toBe(before.hash);
        expect(after.log).toBe(0);
        seen.add('before');
      } else {
        // All of it: every site, every fact, every change_log row.
        expect(sites).toBe(8000);
        expect(after.counts.metric_values).toBe(16000);
        expect(after.log).toBe(8000 + 16000);
        seen.add(run.signal === 'SIGKILL' ? 'after (killed late)' : 'after');
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });
});
