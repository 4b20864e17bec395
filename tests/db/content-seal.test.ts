// Integrity beyond SQLite (issue 14): SQLite keeps no checksums of record data, so a flipped byte
// inside a value passes quick_check. Every write batch stores a hash of each table it touched; a
// store whose records no longer match is reported as damaged, naming the table, and opened read-only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { checkIntegrity } from '../../db/integrity';
import { openDatabase, openStore } from '../../db/open';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-seal-'));
  path = join(dir, 'store.sqlite');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const MARKER = 'Zq7 integrity marker note';
const SOURCE = { title: 'Survey', url: 'https://example.org/s', asOf: '2025-03-01' };
const US_MY = {
  id: 'us-my-licence',
  issuer: 'US',
  regime: 'us-destination',
  title: 'US adds a licence requirement for Malaysia',
  effectiveDate: '2025-05-20',
  effect: 'licence_required',
  scope: { chipClasses: ['frontier_controlled'], destinations: ['MY'] },
  confidence: 'reported',
  source: { title: 'Press report', url: 'https://example.org/press' },
};

async function call(backend: Backend, name: string, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Flips one bit in every copy of `text` in the main file (the store is closed and checkpointed). */
function flipEvery(text: string): number {
  const bytes = readFileSync(path);
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    const i = at + 3;
    bytes[i] = (bytes[i] ?? 0) ^ 0x01;
    count++;
  }
  writeFileSync(path, bytes);
  return count;
}

describe('content seal', () => {
  it('reports a flipped byte inside a record as damage naming its table, and opens read-only', async () => {
    const backend = createBackend({ dbPath: path, version: 't', backupSchedule: false });
    await call(backend, 'data.apply', {
      table: 'sites',
      changes: [
        {
          op: 'insert',
          values: { id: 'sg-seal', name: 'Seal', marketId: 'sg', lat: 1.3, lon: 103.7, notes: MARKER, source: SOURCE },
        },
      ],
    });
    backend.close();
    expect(checkIntegrity(path)).toMatchObject({ ok: true });

    expect(flipEvery(MARKER)).toBeGreaterThan(0);
    const report = checkIntegrity(path);
    expect(report).toMatchObject({ ok: false, kind: 'damaged' });
    expect(report.ok ? '' : report.reason).toMatch(/\bsites\b/);
    const opened = openStore(path);
    try {
      expect(opened.problem?.kind).toBe('damaged');
      expect(opened.problem?.reason).toMatch(/\bsites\b/);
      expect(opened.db.readonly).toBe(true);
    } finally {
      opened.db.close();
    }
  });

  it('stays current through every door: data.apply, imports, undo and redo, presets, scenarios', async () => {
    const backend = createBackend({ dbPath: path, version: 't', backupSchedule: false });
    const csv = `id,name,country,region,lat,lon,source_title,source_url,as_of\nnew-1,New one,SG,sg,1.3,103.7,Survey,https://example.org/s,2025-03-01\n`;
    await call(backend, 'import.commit', { kind: 'sites-csv', content: csv });
    await call(backend, 'data.apply', {
      table: 'sites',
      changes: [{ op: 'update', key: 'new-1', values: { name: 'Renamed' } }],
    });
    await call(backend, 'data.apply', { table: 'sites', changes: [{ op: 'delete', key: 'new-1' }] });
    await call(backend, 'history.undo', {});
    await call(backend, 'history.redo', {});
    await call(backend, 'presets.create', {
      name: 'Sealed',
      description: '',
      method: 'wsm',
      weights: { power_price_usc_kwh: 1 },
      constraints: [],
    });
    await call(backend, 'scenarios.create', { name: 'What if' });
    await call(backend, 'scenarios.applyEvents', { scenarioId: 'what-if', changes: [{ op: 'insert', values: US_MY }] });
    backend.close();
    expect(checkIntegrity(path)).toMatchObject({ ok: true });
    const db = openDatabase(path);
    db.close();
  });

  it('leaves a store written before seals unverified until it is sealed, then verifies it', () => {
    const db = openDatabase(path);
    db.prepare("DELETE FROM meta WHERE key = 'content_seal'").run();
    db.close();
    expect(checkIntegrity(path)).toMatchObject({ ok: true });
    openDatabase(path).close(); // seals it
    const raw = openDatabase(path);
    raw.prepare("UPDATE sites SET notes = 'edited outside Landfall' WHERE rowid = 1").run();
    raw.close();
    expect(checkIntegrity(path)).toMatchObject({ ok: false, kind: 'damaged' });
  });
});
