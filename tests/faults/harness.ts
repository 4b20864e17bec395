// The fault-injection suite's tools: real `landfall` and browser-mode processes on real store files in
// temp folders, a fingerprint of the store's user content (db/transfer/content-hash.ts), and a verdict
// per case — handled cleanly, user data changed when it should not have been, user data lost.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { contentHash } from '../../db/transfer/content-hash';

export const ROOT = resolve(process.env.LANDFALL_ROOT ?? '.');
export const BIN = join(ROOT, 'bin', 'landfall.cjs');
export const SOURCE = 'Survey,https://example.org/s,2025-03-01';
export const HEAD = 'id,name,country,region,lat,lon,source_title,source_url,as_of';
/** What the base store holds beyond the seed: one preset and one site of the planner's own. */
export const PLANNER_PRESET = 'Planner preset';
export const PLANNER_SITE = 'planner-1';

export interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export function landfall(args: string[], timeout = 30_000): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  return { status: run.status, signal: run.signal, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** The same, without blocking this process (for two writers at once). */
export function landfallAsync(args: string[], timeout = 30_000): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (status, signal) => done({ status, signal, stdout, stderr }));
  });
}

/** A stack trace, an unhandled error or a fatal V8/native message: not a clean answer. */
const CRASH = /^\s+at .+(:\d+:\d+\)?|\(native\))$|Unhandled|node:internal|FATAL ERROR|Segmentation fault|Aborted/m;

export function crashText(text: string): string | null {
  const match = CRASH.exec(text);
  return match ? match[0].trim() : null;
}

// ---------------------------------------------------------------------------------------------------
// Store fingerprints

export interface Snapshot {
  /** contentHash of the user tables, or `unreadable: …` when SQLite cannot open the file. */
  hash: string;
  /** The planner's own preset and site are there. */
  planner: boolean;
  presets: { id: string; name: string; builtin: number }[];
}

let scratchDir: string | null = null;

function scratch(): string {
  scratchDir ??= mkdtempSync(join(tmpdir(), 'landfall-faults-scratch-'));
  return scratchDir;
}

/**
 * The store's content as a reader would see it (the file and its WAL), read from a copy so that
 * looking never creates -wal/-shm files beside the store or takes a lock.
 */
export function snapshot(db: string): Snapshot {
  if (!existsSync(db)) return { hash: 'missing', planner: false, presets: [] };
  const copy = join(mkdtempSync(join(scratch(), 'snap-')), 'copy.sqlite');
  copyFileSync(db, copy);
  if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${copy}-wal`);
  let conn: Database.Database | null = null;
  try {
    conn = new Database(copy, { fileMustExist: true });
    const hash = contentHash(conn);
    const presets = conn.prepare('SELECT id, name, builtin FROM presets ORDER BY id').all() as Snapshot['presets'];
    const site = conn.prepare('SELECT count(*) AS n FROM sites WHERE id = ?').get(PLANNER_SITE) as { n: number };
    return { hash, planner: site.n === 1 && presets.some((p) => p.name === PLANNER_PRESET), presets };
  } catch (error) {
    return {
      hash: `unreadable: ${error instanceof Error ? error.message : String(error)}`,
      planner: false,
      presets: [],
    };
  } finally {
    conn?.close();
  }
}

export function fileHash(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';
}

// ---------------------------------------------------------------------------------------------------
// Verdicts

export interface Verdict {
  handled: boolean;
  changed: boolean;
  lost: boolean;
  notes: string[];
}

export class Check {
  readonly verdict: Verdict = { handled: true, changed: false, lost: false, notes: [] };

  /** The documented safe behaviour happened. */
  handled(ok: boolean, why: string): this {
    if (!ok) {
      this.verdict.handled = false;
      this.verdict.notes.push(`not handled: ${why}`);
    }
    return this;
  }

  /** The process answered without a crash: it exited by itself with no stack trace. */
  clean(run: Run, what: string): this {
    if (run.status === null) return this.handled(false, `${what} did not exit (signal ${String(run.signal)})`);
    const crash = crashText(run.stderr) ?? crashText(run.stdout);
    return this.handled(crash === null, `${what} crashed: ${crash ?? ''}`);
  }

  /** A clear refusal: non-zero exit, a message on stderr (matching `says`), no crash. */
  refused(run: Run, what: string, says?: RegExp): this {
    this.clean(run, what);
    this.handled(run.status !== 0 && run.status !== null, `${what} exited ${String(run.status)}, expected a refusal`);
    this.handled(run.stderr.trim().length > 0, `${what} refused without saying why`);
    if (says) this.handled(says.test(run.stderr), `${what} said ${JSON.stringify(firstLine(run.stderr))}, not ${says}`);
    return this;
  }

  /** Success: exit 0, no crash. */
  succeeded(run: Run, what: string): this {
    this.clean(run, what);
    return this.handled(run.status === 0, `${what} exited ${String(run.status)}: ${firstLine(run.stderr)}`);
  }

  /** The user content must be what it was. */
  unchanged(before: Snapshot | string, after: Snapshot | string, what = 'store'): this {
    const a = typeof before === 'string' ? before : before.hash;
    const b = typeof after === 'string' ? after : after.hash;
    if (a !== b) {
      this.verdict.changed = true;
      this.verdict.notes.push(`data changed: ${what} ${a.slice(0, 12)} → ${b.slice(0, 12)}`);
    }
    return this;
  }

  /** Work the user was told is saved, or good user data, must still be there. */
  kept(ok: boolean, why: string): this {
    if (!ok) {
      this.verdict.lost = true;
      this.verdict.notes.push(`data lost: ${why}`);
    }
    return this;
  }
}

export function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').slice(0, 200);
}

// ---------------------------------------------------------------------------------------------------
// The catalogue

export interface Ctx {
  /** A fresh folder for this case, holding a copy of the base store and its backups. */
  dir: string;
  /** The store: `<dir>/store.sqlite` (a copy of the base: seed + the planner's preset and site). */
  db: string;
  base: Base;
}

export interface FaultCase {
  name: string;
  /** Left out of the fast subset that vitest runs. */
  slow?: boolean;
  run(ctx: Ctx): Verdict | Promise<Verdict>;
}

export interface FaultKind {
  kind: string;
  cases: FaultCase[];
}

export interface Base {
  root: string;
  dir: string;
  db: string;
  /** Snapshot of the base store. */
  snap: Snapshot;
  /** A backup taken of a store that holds only the seed (`….blank.sqlite`). */
  blankBackup: string;
  /** The base store's good backup (file name in backups/). */
  goodBackup: string;
}

function must(run: Run, what: string): Run {
  if (run.status !== 0) throw new Error(`setting up the base store: ${what} failed: ${run.stderr}`);
  return run;
}

/** The base store every case starts from: the seed, the planner's preset and site, a good backup. */
export function makeBase(): Base {
  const root = mkdtempSync(join(tmpdir(), 'landfall-faults-'));
  const dir = join(root, 'base');
  mkdirSync(dir);
  const db = join(dir, 'store.sqlite');
  must(landfall(['presets', 'duplicate', 'cost-first', '--name', PLANNER_PRESET, '--db', db]), 'presets duplicate');
  const csv = join(root, 'planner.csv');
  writeFileSync(csv, `${HEAD}\n${PLANNER_SITE},Planner site,SG,sg,1.3,103.7,${SOURCE}\n`);
  must(landfall(['import', csv, '--db', db]), 'import');
  const good = must(landfall(['backup', '--db', db]), 'backup').stdout.trim();
  const freshDir = join(root, 'fresh');
  mkdirSync(freshDir);
  const blankBackup = must(landfall(['backup', '--db', join(freshDir, 'store.sqlite')]), 'blank backup').stdout.trim();
  if (!blankBackup.endsWith('.blank.sqlite')) throw new Error(`a seed-only backup should be .blank: ${blankBackup}`);
  const snap = snapshot(db);
  if (!snap.planner) throw new Error('the base store lacks the planner data');
  return { root, dir, db, snap, blankBackup, goodBackup: good.split('/').pop() ?? good };
}

let caseNo = 0;

export function caseContext(base: Base): Ctx {
  const dir = join(base.root, `case-${++caseNo}`);
  cpSync(base.dir, dir, { recursive: true });
  return { dir, db: join(dir, 'store.sqlite'), base };
}

export function cleanup(base: Base): void {
  rmSync(base.root, { recursive: true, force: true });
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  scratchDir = null;
}

// ---------------------------------------------------------------------------------------------------
// Browser mode

export interface Served {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  output: () => string;
}

const running = new Set<ChildProcess>();

/**
 * Browser mode on `db`: a copy of dist/node/serve.cjs beside a one-line renderer, so that the API
 * token can be read without building the renderer.
 */
export async function serve(root: string, db: string): Promise<Served> {
  const serveDir = join(root, 'serve-dist');
  if (!existsSync(join(serveDir, 'node', 'serve.cjs'))) {
    mkdirSync(join(serveDir, 'node'), { recursive: true });
    mkdirSync(join(serveDir, 'renderer'), { recursive: true });
    copyFileSync(join(ROOT, 'dist', 'node', 'serve.cjs'), join(serveDir, 'node', 'serve.cjs'));
    writeFileSync(join(serveDir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  }
  const child = spawn(process.execPath, [join(serveDir, 'node', 'serve.cjs'), '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser mode did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`browser mode exited with ${String(code)}: ${out}`)));
  });
  const html = await (await fetch(url)).text();
  const token = /name="landfall-token" content="([0-9a-f]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error(`no token in ${html}`);
  return { child, url, port: Number(new URL(url).port), token, output: () => out };
}

/** Stops browser mode with `signal` and resolves to its exit code. */
export function stop(served: Served, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((done) => {
    if (served.child.exitCode !== null || served.child.signalCode !== null) {
      done(served.child.exitCode);
      return;
    }
    served.child.once('exit', (code) => done(code));
    served.child.kill(signal);
  });
}

export function killAll(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

export interface Answer {
  status: number;
  text: string;
  json: unknown;
}

export async function call(
  served: Served,
  name: string,
  body: unknown,
  init: { token?: string | null; contentType?: string; raw?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/json' };
  const token = init.token === undefined ? served.token : init.token;
  if (token !== null) headers['x-landfall-token'] = token;
  const res = await fetch(`${served.url}api/${name}`, {
    method: 'POST',
    headers,
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

/** A refusal over HTTP: the status expected, a JSON `{ ok: false, error: { message } }`, no stack. */
export function refusedHttp(check: Check, answer: Answer, status: number, what: string): void {
  check.handled(
    answer.status === status,
    `${what} answered ${answer.status}, expected ${status}: ${answer.text.slice(0, 160)}`,
  );
  const error = (answer.json as { ok?: boolean; error?: { message?: string } } | null)?.error;
  check.handled(typeof error?.message === 'string' && error.message.length > 0, `${what}: no error message`);
  check.handled(crashText(answer.text) === null, `${what}: a stack trace in the answer`);
}
