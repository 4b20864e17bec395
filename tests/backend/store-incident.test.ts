// A store that vanished or was emptied is an incident, not a fresh start; "latest" means the latest
// good backup; a backup stamped in the future never becomes latest; and a store Landfall may not
// write is reported as a permissions problem, not as damage (issue 14).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../backend/backend';
import { backupsDirFor, createBackup, listBackups, pruneBackups } from '../../db/durability';
import { openDatabase } from '../../db/open';
import type { BackupInfo, RestoreOutcome, StoreHealth } from '../../shared/calls/store-calls';
import type { ApiError, Result } from '../../shared/errors';
import { runCliCapturing } from './cli-capture';

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

interface Info {
  readOnly: boolean;
  readOnlyReason: string | null;
  siteCount: number;
}

const info = async (b: Backend): Promise<Info> => valueOf<Info>(await b.dispatch('app.info', {}));
const mine = (b: Backend): unknown => b.db.prepare("SELECT name FROM markets WHERE id = 'mine'").get();

/** A store holding the planner's own market, and a verified backup of it taken at `at`. */
function goodBackup(at: Date): BackupInfo {
  const db = openDatabase(path);
  db.prepare("INSERT OR IGNORE INTO markets (id, name, country) VALUES ('mine', 'My market', 'SG')").run();
  const backup = createBackup(db, backupsDirFor(path), 'manual', { now: at });
  db.close();
  return backup;
}

/** A backup, beside our store, of a store that holds nothing but the seed (what today's rebuild leaves). */
function blankBackup(at: Date, reason = 'scheduled'): BackupInfo {
  const blankPath = join(dir, 'blank', 'landfall.sqlite');
  const db = openDatabase(blankPath);
  const backup = createBackup(db, backupsDirFor(path), reason, { now: at });
  db.close();
  return backup;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-incident-'));
  path = join(dir, 'landfall.sqlite');
});

afterEach(() => {
  vi.useRealTimers();
  for (const b of backends.splice(0)) b.close();
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('a store that vanished or was emptied while backups exist', () => {
  it.each([
    { name: '0-byte', lose: () => writeFileSync(path, ''), says: /is empty/ },
    { name: 'deleted', lose: () => rmSync(path), says: /is missing/ },
  ])(
    '($name) is not seeded over: read-only, says so, and restore latest brings back the last good backup',
    async ({ lose, says }) => {
      const good = goodBackup(new Date('2025-05-01T00:00:00.000Z'));
      // Today's rebuild took a scheduled backup of the blank store seconds later: that one is not "good".
      const blank = blankBackup(new Date('2025-05-02T00:00:00.000Z'));
      lose();
      const sizeBefore = existsSync(path) ? statSync(path).size : null;

      const b = backend();
      const shown = await info(b);
      expect(shown.readOnly).toBe(true);
      expect(shown.readOnlyReason).toMatch(says);
      expect(shown.readOnlyReason).toMatch(/2 backups exist beside it/);
      expect(shown.readOnlyReason).toMatch(/latest good one is from 2025-05-01T00:00:00.000Z/);
      expect(shown.readOnlyReason).toMatch(/landfall restore latest/);
      expect(shown.readOnlyReason).toMatch(/landfall new-store/);
      const health = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
      expect(health).toMatchObject({ readOnly: true, integrity: { ok: false, problem: 'vanished' } });
      expect(errorOf(await b.dispatch('backups.create', {})).code).toBe('read_only');
      // Nothing was written where the store was.
      expect(existsSync(path) ? statSync(path).size : null).toBe(sizeBefore);

      const listed = valueOf<BackupInfo[]>(await b.dispatch('backups.list', {}));
      expect(listed.map((x) => [x.name, x.blank])).toEqual([
        [blank.name, true],
        [good.name, false],
      ]);

      const outcome = valueOf<RestoreOutcome>(await b.dispatch('backups.restore', { file: 'latest' }));
      expect(outcome.restored.name).toBe(good.name);
      expect(outcome.readOnly).toBe(false);
      expect(mine(b)).toEqual({ name: 'My market' });
    },
  );

  it('restores the last good one from the CLI too, and `landfall new-store` starts afresh on request', async () => {
    const good = goodBackup(new Date('2025-05-01T00:00:00.000Z'));
    blankBackup(new Date('2025-05-02T00:00:00.000Z'));
    writeFileSync(path, '');

    const health = await runCliCapturing(['health'], path);
    expect(health.out).toMatch(/integrity: vanished: .* is empty but 2 backups exist beside it/);
    expect(statSync(path).size).toBe(0);

    const restored = await runCliCapturing(['restore', 'latest'], path);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain(`restored ${good.name}`);

    rmSync(path);
    const fresh = await runCliCapturing(['new-store'], path);
    expect(fresh).toMatchObject({ code: 0, err: '' });
    expect(fresh.out).toMatch(/started a new store/);
    expect(fresh.out).toMatch(/2 backups .* stay in/);
    const b = backend();
    expect((await info(b)).readOnly).toBe(false);
    expect(mine(b)).toBeUndefined();
    // The old backups are still there to restore from.
    expect(listBackups(backupsDirFor(path)).map((x) => x.name)).toContain(good.name);
  });

  it('refuses new-store while the store is present', async () => {
    goodBackup(new Date('2025-05-01T00:00:00.000Z'));
    const b = backend();
    const refused = errorOf(await b.dispatch('store.startNew', {}));
    expect(refused.code).toBe('invalid_input');
    expect(mine(b)).toEqual({ name: 'My market' });
  });

  it('without backups, a missing store is simply a new one, as before', async () => {
    const b = backend();
    const shown = await info(b);
    expect(shown.readOnly).toBe(false);
    expect(shown.siteCount).toBeGreaterThan(0);
  });
});

describe('backups stamped in the future', () => {
  it('are listed last, are never latest, and do not stop scheduled backups', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2025-05-03T00:00:00.000Z'));
    const good = goodBackup(new Date('2025-05-01T00:00:00.000Z'));
    const future = blankBackup(new Date('2031-01-01T00:00:00.000Z'), 'manual');
    // A future-stamped backup that does hold data is still suspect: its clock was wrong.
    const db = openDatabase(path);
    const futureGood = createBackup(db, backupsDirFor(path), 'manual', { now: new Date('2030-01-01T00:00:00.000Z') });
    db.close();

    const b = backend({ backupSchedule: { startDelayMs: 5_000 } });
    const listed = valueOf<BackupInfo[]>(await b.dispatch('backups.list', {}));
    expect(listed.map((x) => [x.name, x.futureDated])).toEqual([
      [good.name, false],
      [future.name, true],
      [futureGood.name, true],
    ]);
    const health = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
    expect(health.latestBackup?.name).toBe(good.name);

    vi.advanceTimersByTime(5_000);
    const after = listBackups(backupsDirFor(path));
    expect(after).toHaveLength(4);
    expect(after[0]?.reason).toBe('scheduled');
    expect(after[0]?.createdAt).toBe('2025-05-03T00:00:05.000Z');

    const outcome = valueOf<RestoreOutcome>(await b.dispatch('backups.restore', { file: 'latest' }));
    expect(outcome.restored.name).toBe(after[0]?.name);
  });

  it('rotate out first when the folder is over the limit', () => {
    const good = goodBackup(new Date('2025-05-01T00:00:00.000Z'));
    const future = blankBackup(new Date('2031-01-01T00:00:00.000Z'));
    const next = goodBackup(new Date('2025-05-02T00:00:00.000Z'));
    pruneBackups(backupsDirFor(path), 2, 'landfall');
    const names = listBackups(backupsDirFor(path)).map((x) => x.name);
    expect(names).toEqual([next.name, good.name]);
    expect(names).not.toContain(future.name);
  });
});

describe('rotation', () => {
  it('never removes the last good backup, even after 11 backups of a blank store', () => {
    const good = goodBackup(new Date('2025-04-01T00:00:00.000Z'));
    for (let day = 1; day <= 11; day++) {
      blankBackup(new Date(`2025-05-${String(day).padStart(2, '0')}T00:00:00.000Z`));
      pruneBackups(backupsDirFor(path), 10, 'landfall');
    }
    const left = listBackups(backupsDirFor(path));
    expect(left).toHaveLength(10);
    expect(left.map((x) => x.name)).toContain(good.name);
    expect(left.filter((x) => x.blank)).toHaveLength(9);
  });
});

describe('a store Landfall may not write', () => {
  it('in a read-only folder is read-only for permissions, with its data shown and no restore advice', async () => {
    goodBackup(new Date('2025-05-01T00:00:00.000Z'));
    chmodSync(dir, 0o555);
    const b = backend();
    const shown = await info(b);
    expect(shown.readOnly).toBe(true);
    expect(shown.readOnlyReason).toMatch(/^permissions: the folder .* is not writable/);
    expect(shown.readOnlyReason).not.toMatch(/restore/i);
    expect(shown.siteCount).toBeGreaterThan(0);
    expect(mine(b)).toEqual({ name: 'My market' });
    const health = valueOf<StoreHealth>(await b.dispatch('store.health', {}));
    expect(health).toMatchObject({ readOnly: true, integrity: { ok: true, problem: null } });
    expect(errorOf(await b.dispatch('backups.create', {})).code).toBe('read_only');
  });

  it('as a read-only file says readOnly: true before any write is tried', async () => {
    goodBackup(new Date('2025-05-01T00:00:00.000Z'));
    chmodSync(path, 0o444);
    const b = backend();
    const shown = await info(b);
    expect(shown.readOnly).toBe(true);
    expect(shown.readOnlyReason).toMatch(/^permissions: the file .* is read-only/);
    expect(mine(b)).toEqual({ name: 'My market' });
    const refused = errorOf(await b.dispatch('backups.create', {}));
    expect(refused.code).toBe('read_only');
    expect(refused.message).toMatch(/permissions/);
  });

  it('a missing store in a read-only folder is not a new store either', async () => {
    mkdirSync(join(dir, 'locked'));
    path = join(dir, 'locked', 'landfall.sqlite');
    chmodSync(join(dir, 'locked'), 0o555);
    const b = backend();
    const shown = await info(b);
    expect(shown.readOnly).toBe(true);
    expect(shown.readOnlyReason).toMatch(/^permissions: the folder .* is not writable/);
    chmodSync(join(dir, 'locked'), 0o755);
  });
});
