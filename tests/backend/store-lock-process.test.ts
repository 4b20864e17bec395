// One writer per store, across processes: browser mode (a real `serve.cjs` child) holds the store
// lock, and the CLI (a real `bin/landfall.cjs` child) is refused for writes, can still read, and
// cannot restore under it. A crashed holder's lock is taken over by the next opener.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedSites } from '../../db/seed/sites';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'landfall.cjs');
const SOURCE = 'Survey,https://example.org/s,2025-03-01';
const HEAD = 'id,name,country,region,lat,lon,source_title,source_url,as_of';

let dir: string;
let serveDir: string;
const running: ChildProcess[] = [];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function landfall(...args: string[]): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Served {
  child: ChildProcess;
  url: string;
  token: string;
  output: () => string;
}

/**
 * Browser mode on `db`. serve.cjs finds the renderer beside its own folder; a copy of it next to a
 * one-line index.html lets this test read the API token without building the renderer.
 */
async function serve(db: string): Promise<Served> {
  const child = spawn(process.execPath, [join(serveDir, 'node', 'serve.cjs'), '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  running.push(child);
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}: ${out}`)));
  });
  const html = await (await fetch(url)).text();
  const token = /name="landfall-token" content="([0-9a-f]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error(`no token in ${html}`);
  return { child, url, token, output: () => out };
}

function stop(served: Served, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (served.child.exitCode !== null || served.child.signalCode !== null) {
      resolve(served.child.exitCode);
      return;
    }
    served.child.once('exit', (code) => resolve(code));
    served.child.kill(signal);
  });
}

async function call(served: Served, name: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${served.url}api/${name}`, {
    method: 'POST',
    headers: { 'x-landfall-token': served.token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** The store's bytes on disk: the database file and its WAL, where browser mode's commits sit. */
function hashStore(db: string): string {
  const hash = createHash('sha256');
  for (const file of [db, `${db}-wal`]) {
    hash.update(file.endsWith('-wal') ? 'wal:' : 'db:');
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const HOLDER = /Landfall browser mode \(pid (\d+), since \d\d:\d\d\) has this store open for writing/;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-lock-'));
  serveDir = join(dir, 'dist');
  mkdirSync(join(serveDir, 'node'), { recursive: true });
  mkdirSync(join(serveDir, 'renderer'), { recursive: true });
  copyFileSync(join(ROOT, 'dist', 'node', 'serve.cjs'), join(serveDir, 'node', 'serve.cjs'));
  writeFileSync(join(serveDir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
});

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('one writer per store across processes', () => {
  it('refuses a CLI write while browser mode holds the store, names the holder, and changes nothing', async () => {
    const db = join(dir, 'two-writers.sqlite');
    const served = await serve(db);
    const csv = join(dir, 'new-site.csv');
    writeFileSync(csv, `${HEAD}\nlock-1,Lock test,SG,sg,1.3,103.7,${SOURCE}\n`);
    const before = hashStore(db);

    const duplicate = landfall('presets', 'duplicate', 'cost-first', '--name', 'Second writer', '--db', db);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(HOLDER);
    expect(HOLDER.exec(duplicate.stderr)?.[1]).toBe(String(served.child.pid));
    expect(duplicate.stderr).toContain('quit Landfall or stop browser mode, then retry');

    const imported = landfall('import', csv, '--db', db);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(HOLDER);

    expect(hashStore(db)).toBe(before);
    expect(existsSync(`${db}.lock`)).toBe(true);
    await stop(served, 'SIGTERM');
    const presets = JSON.parse(landfall('presets', '--format', 'json', '--db', db).stdout) as { name: string }[];
    expect(presets.map((p) => p.name)).not.toContain('Second writer');
  });

  it('still answers read-only commands, and says another writer holds the store (not damage)', async () => {
    const db = join(dir, 'reader.sqlite');
    const served = await serve(db);
    const sites = landfall('sites', '--format', 'json', '--db', db);
    expect(sites.stderr).toBe('');
    expect(sites.status).toBe(0);
    expect(JSON.parse(sites.stdout) as unknown[]).toHaveLength(seedSites.length);
    expect(landfall('score', '--preset', 'cost-first', '--format', 'json', '--db', db).status).toBe(0);

    const info = landfall('info', '--format', 'json', '--db', db);
    expect(info.status).toBe(0);
    const parsed = JSON.parse(info.stdout) as { readOnly: boolean; readOnlyReason: string | null };
    expect(parsed.readOnly).toBe(true);
    expect(parsed.readOnlyReason).toMatch(HOLDER);
    expect(parsed.readOnlyReason).not.toMatch(/damage|restore|cannot be read/i);
    await stop(served, 'SIGTERM');
  });

  it('refuses a restore while browser mode runs; the server’s later writes are in the file after it stops', async () => {
    const db = join(dir, 'restore.sqlite');
    expect(landfall('backup', '--db', db).status).toBe(0);
    const served = await serve(db);

    const restore = landfall('restore', 'latest', '--db', db);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(HOLDER);
    expect(restore.stderr).toMatch(/nothing was changed/);

    const write = await call(served, 'presets.duplicate', { id: 'cost-first', name: 'Kept after restore' });
    expect(write.status).toBe(200);
    expect(await stop(served, 'SIGTERM')).toBe(0);
    // A clean stop releases the lock, and what the server answered 200 to is in the file.
    expect(existsSync(`${db}.lock`)).toBe(false);
    const presets = JSON.parse(landfall('presets', '--format', 'json', '--db', db).stdout) as { name: string }[];
    expect(presets.map((p) => p.name)).toContain('Kept after restore');
  });

  it('releases the lock on SIGINT', async () => {
    const db = join(dir, 'sigint.sqlite');
    const served = await serve(db);
    expect(existsSync(`${db}.lock`)).toBe(true);
    await stop(served, 'SIGINT');
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('takes over the lock a crashed browser mode left behind, and says so', async () => {
    const db = join(dir, 'crash.sqlite');
    const served = await serve(db);
    const pid = served.child.pid;
    await stop(served, 'SIGKILL');

    const write = landfall('presets', 'duplicate', 'cost-first', '--name', 'After the crash', '--db', db);
    expect(write.status).toBe(0);
    expect(write.stderr).toContain(`stale store lock`);
    expect(write.stderr).toContain(`pid ${String(pid)}`);
    expect(existsSync(`${db}.lock`)).toBe(false);
    const presets = JSON.parse(landfall('presets', '--format', 'json', '--db', db).stdout) as { name: string }[];
    expect(presets.map((p) => p.name)).toContain('After the crash');
  });
});
