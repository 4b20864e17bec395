// Writers never target the store (issue 14): every CLI `--out` refuses the open database, its -wal,
// -shm and -journal files and its backups folder — by real path (symlinks and relative paths
// resolved, the same file under another name found by identity) — and leaves the store byte for byte
// as it was. A normal --out still writes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend/backend';
import { commands } from '../../backend/cli/commands/index';
import { runCliCapturing, type CliRun } from './cli-capture';
import { valueOf } from './dispatch-results';

const BIN = fileURLToPath(new URL('../../bin/landfall.cjs', import.meta.url));

let dir: string;
let db: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-out-'));
  db = join(dir, 'store.sqlite');
  expect((await cli('backup')).code).toBe(0); // seeds the store and makes the backups folder
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, db);

/** The store's bytes: the database and whichever of its -wal, -shm files exist, and its backups. */
function storeHash(): string {
  const hash = createHash('sha256');
  for (const path of [db, `${db}-wal`, `${db}-shm`]) {
    hash.update(`${path}\0`);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  const backups = join(dir, 'backups');
  for (const name of readdirSync(backups).sort()) hash.update(name).update(readFileSync(join(backups, name)));
  return hash.digest('hex');
}

function expectRefused(run: CliRun, named: RegExp): void {
  expect(run.code).not.toBe(0);
  expect(run.out).not.toMatch(/^wrote/m);
  expect(run.err).toMatch(named);
  expect(run.err).toMatch(/nothing was written/);
}

describe('landfall export --out onto the store', () => {
  it('as the issue ran it: `landfall export --out f.sqlite --db f.sqlite`, relative, in a child process', () => {
    const before = storeHash();
    const run = spawnSync(process.execPath, [BIN, 'export', '--out', 'store.sqlite', '--db', 'store.sqlite'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 15000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`--out store.sqlite is the open database (${db})`);
    expect(storeHash()).toBe(before);
    // And the store still opens and reads.
    expect(spawnSync(process.execPath, [BIN, 'health', '--db', db], { encoding: 'utf8' }).status).toBe(0);
  });

  it('reading the store is not what changes it: export to stdout leaves the same hash', async () => {
    const before = storeHash();
    expect((await cli('export')).code).toBe(0);
    expect(storeHash()).toBe(before);
  });

  it('refuses its -wal, -shm and -journal files, whether they exist or not', async () => {
    const before = storeHash();
    for (const suffix of ['-wal', '-shm', '-journal']) {
      expectRefused(await cli('export', '--out', `${db}${suffix}`), new RegExp(`is the open database's ${suffix}`));
      expect(existsSync(`${db}${suffix}`)).toBe(false);
    }
    expect(storeHash()).toBe(before);
  });

  it('refuses the backups folder and anything in it, existing or new', async () => {
    const before = storeHash();
    const backups = join(dir, 'backups');
    const [existing] = readdirSync(backups);
    expectRefused(await cli('export', '--out', join(backups, existing ?? '')), /is in the store's backups folder/);
    expectRefused(await cli('export', '--out', join(backups, 'mine.json')), /is in the store's backups folder/);
    expectRefused(await cli('export', '--out', join(backups, 'sub', 'deeper.json')), /backups folder/);
    expectRefused(await cli('export', '--out', backups), /is the store's backups folder/);
    expectRefused(await cli('export', '--kind', 'all', '--format', 'csv', '--out', backups), /backups folder/);
    expect(existsSync(join(backups, 'sub'))).toBe(false);
    expect(storeHash()).toBe(before);
  });

  it('refuses the store through a symlink, a symlinked folder, `..` and a hard link', async () => {
    const before = storeHash();
    symlinkSync(db, join(dir, 'alias.sqlite'));
    symlinkSync(dir, join(dir, 'linked-dir'));
    linkSync(db, join(dir, 'hard.sqlite'));
    mkdirSync(join(dir, 'sub'));
    expectRefused(await cli('export', '--out', join(dir, 'alias.sqlite')), /is the open database/);
    expectRefused(await cli('export', '--out', join(dir, 'linked-dir', 'store.sqlite')), /is the open database/);
    expectRefused(await cli('export', '--out', join(dir, 'sub', '..', 'store.sqlite')), /is the open database/);
    expectRefused(await cli('export', '--out', join(dir, 'linked-dir', 'store.sqlite-wal')), /-wal/);
    expectRefused(await cli('export', '--out', join(dir, 'linked-dir', 'backups', 'x.json')), /backups folder/);
    expectRefused(await cli('export', '--out', join(dir, 'hard.sqlite')), /is the open database/);
    expect(storeHash()).toBe(before);
  });

  it.skipIf(!caseInsensitive())('on a case-insensitive file system, the store’s name in other case', async () => {
    const before = storeHash();
    expectRefused(await cli('export', '--out', join(dir, 'STORE.sqlite')), /is the open database/);
    expectRefused(await cli('export', '--out', join(dir, 'Store.SQLITE-WAL')), /-wal/);
    expect(storeHash()).toBe(before);
  });

  it('still writes anywhere else, beside the store included', async () => {
    const out = join(dir, 'store.json');
    const run = await cli('export', '--out', out);
    expect(run.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect((await cli('export', '--out', join(dir, 'store.sqlite-wal.json'))).code).toBe(0);
  });
});

/** Every command with an --out option, with the arguments that make it write. */
const WRITERS: Record<string, (out: string) => string[]> = {
  export: (out) => ['export', '--out', out],
  report: (out) => ['report', '--preset', 'cost-first', '--format', 'md', '--out', out],
  'presets export': (out) => ['presets', 'export', '--out', out],
  'scenario-export': (out) => ['scenario-export', 'what-if', '--out', out],
};

describe('every --out', () => {
  it('the list above is every command with --out', () => {
    const withOut = Object.entries(commands)
      .filter(([, c]) => Object.hasOwn(c.options, 'out'))
      .map(([name]) => name);
    expect(withOut.sort()).toEqual(Object.keys(WRITERS).sort());
  });

  it('each refuses the database, its WAL and the backups folder, and writes elsewhere', async () => {
    const backend = createBackend({ dbPath: db, version: 't', backupSchedule: false });
    await valueOf(backend, 'scenarios.create', { name: 'What if', id: 'what-if' });
    backend.close();
    const before = storeHash();
    for (const [name, argv] of Object.entries(WRITERS)) {
      for (const target of [db, `${db}-wal`, join(dir, 'backups', 'x.md')]) {
        const run = await cli(...argv(target));
        expect(run.code, `${name} --out ${target}`).not.toBe(0);
        expect(run.err, name).toMatch(/nothing was written/);
      }
      expect(storeHash(), name).toBe(before);
      const fine = await cli(...argv(join(dir, `${name.replace(' ', '-')}.out`)));
      expect(fine.err, name).toBe('');
      expect(fine.code, name).toBe(0);
    }
  });
});

/** Whether the temporary folder's file system finds a name in other case (macOS, Windows). */
function caseInsensitive(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'landfall-Case-'));
  try {
    return existsSync(probe.toLowerCase()) && existsSync(probe.toUpperCase());
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
