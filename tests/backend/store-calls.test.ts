import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../backend/backend';
import { startBackupScheduler } from '../../backend/backup-scheduler';
import { createDispatcher, type Handlers } from '../../backend/dispatcher';
import { guardWrites, isWritingCall } from '../../backend/read-only-guard';
import { openStoreHandle } from '../../backend/store';
import { withChangeBatch } from '../../db/change-log';
import { backupsDirFor, listBackups } from '../../db/durability';
import { latestVersion } from '../../db/migrations';
import type { BackupInfo, RestoreOutcome, StoreHealth } from '../../shared/calls/store-calls';
import { callNames } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/errors';
import { corruptions, fingerprint, makeStoreFile } from '../db/store-files';
import { runCliCapturing, type CliRun } from './cli-capture';

let dir: string;
let path: string;
const backends: Backend[] = [];

function backend(options: Partial<BackendOptions> = {}): Backend {
  const b = createBackend({ dbPath: path, version: 't', backupSchedule: false, ...options });
  backends.push(b);
  return b;
}

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function errorOf(result: Result<unknown>): ApiError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const count = (b: Backend, table: string): number =>
  (b.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-store-calls-'));
  path = join(dir, 'landfall.sqlite');
});

afterEach(() => {
  vi.useRealTimers();
  for (const b of backends.splice(0)) b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a healthy store', () => {
  it('reports its health: integrity, pragmas, schema version, size and latest backup', async () => {
    const b = backend();
    const before = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
    expect(before).toMatchObject({
      dbPath: path,
      inMemory: false,
      readOnly: false,
      readOnlyReason: null,
      integrity: { ok: true, problem: null, detail: null },
      schemaVersion: latestVersion,
      latestSchemaVersion: latestVersion,
      pragmas: { journalMode: 'wal', foreignKeys: true, synchronous: 'full', busyTimeoutMs: 5000 },
      backupsDir: backupsDirFor(path),
      backupCount: 0,
      latestBackup: null,
    });
    expect(before.sizeBytes).toBeGreaterThan(0);
    const made = valueOf<BackupInfo>(await b.dispatch('backups.create', { reason: 'before-import' }));
    const after = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
    expect(after).toMatchObject({ backupCount: 1, latestBackup: made });
  });

  it('takes backups on demand and prunes them to the retention limit', async () => {
    const b = backend({ backupSchedule: { keep: 3, startDelayMs: 60_000 } });
    const made: BackupInfo[] = [];
    for (let i = 0; i < 5; i++) made.push(valueOf<BackupInfo>(await b.dispatch('backups.create', {})));
    expect(made[0]?.reason).toBe('manual');
    const listed = valueOf<BackupInfo[]>(await b.dispatch('backups.list', {}));
    expect(listed.map((x) => x.name)).toEqual(
      made
        .slice(2)
        .reverse()
        .map((x) => x.name),
    );
  });

  it('refuses a backup reason that is not a plain word or that pretends to be a migration', async () => {
    const b = backend();
    expect(errorOf(await b.dispatch('backups.create', { reason: '../x' })).code).toBe('invalid_input');
    expect(errorOf(await b.dispatch('backups.create', { reason: 'pre-migration-v1' })).code).toBe('invalid_input');
  });

  it('has no backups in memory', async () => {
    const b = createBackend({ dbPath: ':memory:', version: 't' });
    backends.push(b);
    expect(valueOf(await b.dispatch('backups.list', {}))).toEqual([]);
    expect(errorOf(await b.dispatch('backups.create', {})).code).toBe('not_found');
  });
});

describe('a damaged store', () => {
  it.each(corruptions)(
    'with a $name comes up read-only, says why, refuses writes and leaves the file as it was',
    async ({ kind, damage, says }) => {
      makeStoreFile(path);
      damage(path);
      const before = fingerprint(path);
      const b = backend();

      const info = valueOf<{ readOnly: boolean; readOnlyReason: string }>(await b.dispatch('app.info', {}));
      expect(info.readOnly).toBe(true);
      expect(info.readOnlyReason).toMatch(says);
      expect(info.readOnlyReason).toMatch(/landfall restore FILE/);
      expect(info.readOnlyReason).toMatch(/from the app/);

      const health = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
      expect(health).toMatchObject({ readOnly: true, integrity: { ok: false, problem: kind } });

      const refused = errorOf(await b.dispatch('backups.create', {}));
      expect(refused.code).toBe('read_only');
      expect(refused.message).toMatch(says);

      // A read either answers or fails with words, never by crashing the backend.
      const sites = await b.dispatch('sites.list', {});
      if (!sites.ok) expect(sites.error.message).toMatch(/could not read the store/);

      b.close();
      expect(fingerprint(path)).toBe(before);
      expect(existsSync(backupsDirFor(path))).toBe(false);
    },
  );

  it('refuses with read_only a write the contract does not mark, because SQLite holds the file read-only', async () => {
    makeStoreFile(path);
    corruptions[3].damage(path);
    const before = fingerprint(path);
    const store = openStoreHandle(path);
    const unused = (): never => {
      throw new Error('not called');
    };
    const handlers = Object.fromEntries(callNames.map((name) => [name, unused])) as unknown as Handlers;
    expect(isWritingCall('sites.list')).toBe(false);
    handlers['sites.list'] = () => {
      store.db.prepare("INSERT INTO markets (id, name, country) VALUES ('zz', 'Probe', 'ZZ')").run();
      return [];
    };
    const dispatch = createDispatcher(guardWrites(handlers, store));
    const error = errorOf(await dispatch('sites.list', {}));
    expect(error.code).toBe('read_only');
    expect(error.message).toMatch(/newer/);
    store.close();
    expect(fingerprint(path)).toBe(before);
  });

  it('turns a read that hits a damaged page into an error that says so', async () => {
    makeStoreFile(path);
    corruptions[1].damage(path);
    const store = openStoreHandle(path);
    const handlers = Object.fromEntries(callNames.map((name) => [name, () => null])) as unknown as Handlers;
    handlers['sites.list'] = () => {
      store.db.prepare('SELECT sum(length(text)) FROM filler').get();
      return [];
    };
    const error = errorOf(await createDispatcher(guardWrites(handlers, store))('sites.list', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/sites.list could not read the store.*damaged pages/);
    store.close();
  });

  it('comes up even when the path cannot be opened at all, on an empty read-only store', async () => {
    mkdirSync(path); // a folder where the database should be
    const b = backend();
    const info = valueOf<{ readOnly: boolean; readOnlyReason: string; siteCount: number }>(
      await b.dispatch('app.info', {}),
    );
    expect(info).toMatchObject({ readOnly: true, siteCount: 0 });
    expect(info.readOnlyReason).toMatch(/cannot be read/);
    expect(valueOf(await b.dispatch('sites.list', {}))).toEqual([]);
    const health = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
    expect(health).toMatchObject({ readOnly: true, schemaVersion: null, integrity: { problem: 'unreadable' } });
  });
});

describe('backups.restore', () => {
  it('brings back the latest backup and writable mode, and tells the UI everything changed', async () => {
    const healthy = backend();
    // Through a change batch, as the app writes (so the backup's content seal verifies).
    withChangeBatch(healthy.db, 'test', (batch) => {
      healthy.db.prepare("INSERT INTO markets (id, name, country) VALUES ('mine', 'My market', 'SG')").run();
      batch.record('insert', 'markets', 'mine', null, null);
    });
    const backup = valueOf<BackupInfo>(await healthy.dispatch('backups.create', {}));
    const sites = count(healthy, 'sites');
    healthy.close();
    corruptions[2].damage(path);
    const damaged = fingerprint(path);

    const b = backend();
    expect(valueOf<{ readOnly: boolean }>(await b.dispatch('app.info', {})).readOnly).toBe(true);
    const changed: unknown[] = [];
    b.events.onAny((name, payload) => changed.push([name, payload]));

    const outcome = valueOf<RestoreOutcome>(await b.dispatch('backups.restore', { file: 'latest' }));
    expect(outcome).toMatchObject({ restored: backup, readOnly: false, readOnlyReason: null });
    expect(changed).toEqual([['data.changed', { tables: expect.arrayContaining(['markets', 'sites']) }]]);

    const info = valueOf<{ readOnly: boolean; siteCount: number }>(await b.dispatch('app.info', {}));
    expect(info).toMatchObject({ readOnly: false, siteCount: sites });
    expect(b.db.prepare("SELECT name FROM markets WHERE id = 'mine'").get()).toEqual({ name: 'My market' });
    expect(valueOf<BackupInfo>(await b.dispatch('backups.create', {})).reason).toBe('manual');
    // What was replaced is kept, byte for byte.
    expect(outcome.previousCopy && fingerprint(outcome.previousCopy)).toBe(damaged);
  });

  it('restores by name or by path inside the backups folder, and nothing else', async () => {
    const b = backend();
    const backup = valueOf<BackupInfo>(await b.dispatch('backups.create', {}));
    expect(valueOf<RestoreOutcome>(await b.dispatch('backups.restore', { file: backup.name })).restored).toEqual(
      backup,
    );
    expect(valueOf<RestoreOutcome>(await b.dispatch('backups.restore', { file: backup.path })).restored).toEqual(
      backup,
    );

    const elsewhere = join(dir, 'elsewhere.sqlite');
    makeStoreFile(elsewhere);
    const before = fingerprint(path);
    for (const file of [elsewhere, '../elsewhere.sqlite', join(backupsDirFor(path), '..', 'landfall.sqlite'), 'nope']) {
      expect(errorOf(await b.dispatch('backups.restore', { file })).code).toBe('not_found');
    }
    expect(fingerprint(path)).toBe(before);
  });
});

describe('scheduled backups', () => {
  it('backs up at start when the newest backup is stale, then again once it is a day old', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2025-05-01T00:00:00.000Z'));
    const first = backend({ backupSchedule: false });
    await first.dispatch('backups.create', {});
    first.close();

    vi.setSystemTime(new Date('2025-05-03T00:00:00.000Z'));
    const b = backend({ backupSchedule: { startDelayMs: 5_000 } });
    const reasons = (): string[] => listBackups(backupsDirFor(path)).map((x) => x.reason);
    expect(reasons()).toEqual(['manual']);
    vi.advanceTimersByTime(5_000);
    expect(reasons()).toEqual(['scheduled', 'manual']);
    vi.advanceTimersByTime(23 * 60 * 60 * 1000);
    expect(reasons()).toHaveLength(2);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(reasons()).toEqual(['scheduled', 'scheduled', 'manual']);
    b.close();
    vi.advanceTimersByTime(48 * 60 * 60 * 1000);
    expect(reasons()).toHaveLength(3);
  });

  it('waits when the newest backup is fresh, and retries sooner after a failure', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const hour = 60 * 60 * 1000;
    let newest: number | null = Date.now() - 20 * hour;
    const backup = vi.fn(() => {
      newest = Date.now();
    });
    const errors: unknown[] = [];
    const scheduler = startBackupScheduler(
      { newestBackupAt: () => newest, backup },
      { intervalMs: 24 * hour, startDelayMs: 1_000 },
      (e) => errors.push(e),
    );
    vi.advanceTimersByTime(1_000);
    expect(backup).not.toHaveBeenCalled();
    vi.advanceTimersByTime(4 * hour);
    expect(backup).toHaveBeenCalledTimes(1);

    backup.mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    vi.advanceTimersByTime(24 * hour);
    expect(errors).toHaveLength(1);
    vi.advanceTimersByTime(hour);
    expect(backup).toHaveBeenCalledTimes(3);
    scheduler.stop();
  });

  it('does not back up a read-only store, so good backups are never pushed out', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    makeStoreFile(path);
    corruptions[1].damage(path);
    backend({ backupSchedule: { startDelayMs: 1_000 } });
    vi.advanceTimersByTime(48 * 60 * 60 * 1000);
    expect(listBackups(backupsDirFor(path))).toEqual([]);
  });
});

describe('landfall backup / backups / restore / health', () => {
  const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, path);

  it('backs up, lists, repairs a damaged database and reports its health', async () => {
    const made = await cli('backup');
    expect(made).toMatchObject({ code: 0, err: '' });
    const backupPath = made.out.trim();
    expect(existsSync(backupPath)).toBe(true);
    expect(backupPath.startsWith(backupsDirFor(path))).toBe(true);

    const listed = await cli('backups');
    expect(listed.out).toContain(`  manual  `);
    expect(listed.out).toContain(backupPath.slice(backupsDirFor(path).length + 1));
    expect(JSON.parse((await cli('backups', '--format', 'json')).out)).toHaveLength(1);

    corruptions[0].damage(path);
    const sick = await cli('health');
    expect(sick.out).toMatch(/integrity: not_a_database/);
    expect(sick.out).toMatch(/writable: no/);
    expect((await cli('backup')).code).toBe(1);

    const restored = await cli('restore', backupPath);
    expect(restored).toMatchObject({ code: 0, err: '' });
    // The store held only the seed, and the backup's name says so.
    expect(restored.out).toMatch(/^restored landfall-.*-manual\.blank\.sqlite/);
    expect(restored.out).toMatch(/replaced database was kept at/);

    const well = JSON.parse((await cli('health', '--format', 'json')).out) as StoreHealth;
    expect(well).toMatchObject({ readOnly: false, integrity: { ok: true }, schemaVersion: latestVersion });
  });

  it('wants exactly one FILE for restore', async () => {
    expect((await cli('restore')).code).toBe(2);
  });
});
