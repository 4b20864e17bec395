// Another program writing to the store while an import commits: the import's transaction starts
// IMMEDIATE, so it waits for the other writer (the busy timeout) instead of failing the moment it
// first writes; and when the other writer holds on past the timeout, the message names contention.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { contentHash } from '../../db/transfer/content-hash';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = 'Survey,https://example.org/s,2025-03-01';
const HEAD = 'id,name,country,region,lat,lon,source_title,source_url,as_of';
const CSV = `${HEAD}\ncontended-1,Contended,SG,sg,1.3,103.7,${SOURCE}\n`;

// A second process that takes SQLite's write lock, says so, and commits after `holdMs`.
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.exec('CREATE TABLE IF NOT EXISTS contention_probe (x INTEGER)');
db.exec('INSERT INTO contention_probe VALUES (1)');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('done\\n'); }, Number(process.argv[2]));
`;

let dir: string;
let dbPath: string;
let backend: Backend;
let holder: ChildProcess | null = null;

function holdWriteLock(holdMs: number): Promise<void> {
  const child = spawn(process.execPath, ['-e', HOLDER, dbPath, String(holdMs)], { cwd: ROOT, stdio: 'pipe' });
  holder = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${String(code)}: ${out}`)));
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-contention-'));
  dbPath = join(dir, 'store.sqlite');
  backend = createBackend({ dbPath, version: 't', backupSchedule: false });
});

afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import under contention', () => {
  it('waits for another writer to finish, then commits', async () => {
    await holdWriteLock(800);
    const result = await backend.dispatch('import.commit', { kind: 'sites-csv', content: CSV });
    expect(result).toMatchObject({ ok: true });
    const sites = await backend.dispatch('sites.list', {});
    expect(sites.ok && (sites.value as { id: string }[]).map((s) => s.id)).toContain('contended-1');
  });

  it('names the contention plainly when the other writer holds on past the busy timeout', async () => {
    backend.db.pragma('busy_timeout = 300');
    const before = contentHash(backend.db);
    await holdWriteLock(10_000);
    const result = await backend.dispatch('import.commit', { kind: 'sites-csv', content: CSV });
    if (result.ok) throw new Error('expected the import to be refused');
    expect(result.error.message).toMatch(/another program is writing to this store/);
    expect(result.error.message).toMatch(/nothing was changed/);
    expect(result.error.message).toMatch(/try again/);
    holder?.kill('SIGKILL');
    expect(contentHash(backend.db)).toBe(before);
  });
});
