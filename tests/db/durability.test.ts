import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BackupRejectedError,
  backupsDirFor,
  createBackup,
  listBackups,
  migrationBackupReason,
  pruneBackups,
  restoreBackup,
} from '../../db/durability';
import { withChangeBatch } from '../../db/change-log';
import { checkIntegrity } from '../../db/integrity';
import { latestVersion, migrate, schemaVersion } from '../../db/migrations';
import { openDatabase, type Db } from '../../db/open';
import { corruptions, fingerprint, makeStoreFile } from './store-files';

let dir: string;
let path: string;
let backups: string;
const opened: Db[] = [];

function open(file: string): Db {
  const db = openDatabase(file);
  opened.push(db);
  return db;
}

function raw(file: string, readonly = false): Db {
  const db = new Database(file, { readonly, fileMustExist: readonly });
  opened.push(db);
  return db;
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** A database left at `version` by an older Landfall, holding one market and site the user added. */
function olderStore(file: string, version: number): void {
  const db = new Database(file);
  migrate(db, version);
  if (version >= 1) {
    db.prepare("INSERT INTO markets (id, name, country) VALUES ('test-market', 'Test market', 'SG')").run();
    db.prepare(
      `INSERT INTO sites (id, name, market_id, lat, lon, status, source_title, source_url, source_as_of)
       VALUES ('test-site', 'Kept site', 'test-market', 1.3, 103.8, 'planned', 'Test', 'https://example.org', '2025-01-01')`,
    ).run();
  }
  db.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-durability-'));
  path = join(dir, 'landfall.sqlite');
  backups = backupsDirFor(path);
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening', () => {
  it('runs the store in WAL mode, on disk as well as on the connection', () => {
    const db = open(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const header = readFileSync(path).subarray(0, 20);
    // File format write/read versions 2 mean WAL (1 is the rollback journal).
    expect([header[18], header[19]]).toEqual([2, 2]);
  });

  it('backs up an older database, verified, before migrating it', () => {
    olderStore(path, 1);
    const db = open(path);
    expect(schemaVersion(db)).toBe(latestVersion);

    const list = listBackups(backups);
    expect(list.map((b) => b.reason)).toEqual([migrationBackupReason(1)]);
    const backup = list[0];
    if (!backup) throw new Error('no backup was taken');
    expect(checkIntegrity(backup.path)).toEqual({ ok: true, schemaVersion: 1 });
    const copy = raw(backup.path, true);
    expect(copy.prepare("SELECT name FROM sites WHERE id = 'test-site'").get()).toEqual({ name: 'Kept site' });
    const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    expect(tables).toEqual([{ name: 'markets' }, { name: 'sites' }]);
  });

  it.each(Array.from({ length: latestVersion }, (_, version) => version))(
    'migrates a version %i database to the latest and keeps its data',
    (version) => {
      olderStore(path, version);
      const db = open(path);
      expect(schemaVersion(db)).toBe(latestVersion);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      if (version >= 1) {
        expect(db.prepare("SELECT name, market_id FROM sites WHERE id = 'test-site'").get()).toEqual({
          name: 'Kept site',
          market_id: 'test-market',
        });
        expect(listBackups(backups).map((b) => b.reason)).toEqual([migrationBackupReason(version)]);
      } else {
        // Version 0 holds nothing of the user's, so there is nothing to back up.
        expect(listBackups(backups)).toEqual([]);
        expect(count(db, 'SELECT count(*) AS n FROM sites')).toBeGreaterThan(0);
      }
    },
  );

  it('takes no backup when nothing needs migrating', () => {
    open(path).close();
    open(path).close();
    expect(listBackups(backups)).toEqual([]);
  });
});

describe('createBackup and listBackups', () => {
  it('writes a verified, named copy and lists backups newest first with size and time', () => {
    const db = open(path);
    // A store that holds only the seed is backed up all the same, but its name says so.
    const blank = createBackup(db, backups, 'manual', { now: new Date('2025-03-01T09:00:00.000Z') });
    expect(blank).toMatchObject({ name: 'landfall-20250301T090000.000Z-manual.blank.sqlite', blank: true });
    rmSync(blank.path);
    db.prepare("INSERT INTO markets (id, name, country) VALUES ('mine', 'My market', 'SG')").run();
    const first = createBackup(db, backups, 'manual', { now: new Date('2025-03-01T10:00:00.000Z') });
    const second = createBackup(db, backups, 'scheduled', { now: new Date('2025-03-02T10:00:00.000Z') });
    expect(first.name).toBe('landfall-20250301T100000.000Z-manual.sqlite');
    expect(first).toMatchObject({ blank: false, futureDated: false });
    expect(first.path).toBe(join(backups, first.name));
    expect(checkIntegrity(first.path)).toMatchObject({ ok: true });
    const list = listBackups(backups, 'landfall');
    expect(list).toEqual([second, first]);
    expect(list[0]).toMatchObject({ createdAt: '2025-03-02T10:00:00.000Z', reason: 'scheduled' });
    expect(list[0]?.sizeBytes).toBe(statSync(second.path).size);
    expect(listBackups(backups, 'other')).toEqual([]);
  });

  it('never overwrites a backup taken in the same millisecond', () => {
    const db = open(path);
    const now = new Date('2025-03-01T10:00:00.000Z');
    const a = createBackup(db, backups, 'manual', { now });
    const b = createBackup(db, backups, 'manual', { now });
    expect(a.path).not.toBe(b.path);
    expect(listBackups(backups)).toHaveLength(2);
  });

  it('copies what is committed in the WAL but not yet checkpointed into the main file', () => {
    const db = open(path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    // Through a change batch, as the app writes (so the backup's content seal verifies).
    withChangeBatch(db, 'test', (batch) => {
      db.prepare("INSERT INTO markets (id, name, country) VALUES ('wal-only', 'Only in the WAL', 'SG')").run();
      batch.record('insert', 'markets', 'wal-only', null, null);
    });
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    // The main file alone does not have the row yet: a plain file copy would lose it.
    const mainOnly = join(dir, 'main-only.sqlite');
    copyFileSync(path, mainOnly);
    expect(count(raw(mainOnly, true), "SELECT count(*) AS n FROM markets WHERE id = 'wal-only'")).toBe(0);

    const backup = createBackup(db, backups, 'manual');
    const copy = raw(backup.path, true);
    expect(copy.prepare("SELECT name FROM markets WHERE id = 'wal-only'").get()).toEqual({ name: 'Only in the WAL' });
  });

  it('refuses an in-memory store and a reason that would not make a file name', () => {
    const memory = openDatabase(':memory:');
    opened.push(memory);
    expect(() => createBackup(memory, backups, 'manual')).toThrow(/in-memory/);
    expect(() => createBackup(open(path), backups, '../escape')).toThrow(/reason/);
    expect(existsSync(backups)).toBe(false);
  });
});

describe('pruneBackups', () => {
  it('keeps only the newest N', () => {
    const db = open(path);
    for (let day = 1; day <= 6; day++) {
      createBackup(db, backups, 'scheduled', { now: new Date(`2025-03-0${day}T00:00:00.000Z`) });
    }
    const removed = pruneBackups(backups, 3, 'landfall');
    expect(removed).toHaveLength(3);
    expect(listBackups(backups).map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2025-03-06',
      '2025-03-05',
      '2025-03-04',
    ]);
  });

  it('keeps the newest backup from before each migration, counted within N', () => {
    const db = open(path);
    createBackup(db, backups, migrationBackupReason(1), { now: new Date('2025-01-01T00:00:00.000Z') });
    for (let day = 1; day <= 5; day++) {
      createBackup(db, backups, 'scheduled', { now: new Date(`2025-03-0${day}T00:00:00.000Z`) });
    }
    pruneBackups(backups, 3);
    expect(listBackups(backups).map((b) => `${b.createdAt.slice(0, 10)} ${b.reason}`)).toEqual([
      '2025-03-05 scheduled',
      '2025-03-04 scheduled',
      '2025-01-01 pre-migration-v1',
    ]);
  });
});

describe('restoreBackup', () => {
  it('puts the backup in place, drops the stale WAL, and keeps a copy of what it replaced', () => {
    const db = open(path);
    db.pragma('wal_autocheckpoint = 0');
    const backup = createBackup(db, backups, 'manual');
    db.prepare("INSERT INTO markets (id, name, country) VALUES ('after-backup', 'Later', 'SG')").run();
    // A crash: the file and its WAL as they are on disk while the app still runs.
    const crashed = join(dir, 'crashed.sqlite');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    writeFileSync(`${crashed}-shm`, Buffer.alloc(32768, 1));

    const { previousCopy } = restoreBackup(crashed, backup.path);
    expect(existsSync(`${crashed}-wal`)).toBe(false);
    expect(existsSync(`${crashed}-shm`)).toBe(false);
    const restored = open(crashed);
    expect(restored.prepare("SELECT count(*) AS n FROM markets WHERE id = 'after-backup'").get()).toEqual({ n: 0 });
    expect(checkIntegrity(crashed)).toMatchObject({ ok: true });

    expect(previousCopy).toMatch(/crashed-.*-replaced\.sqlite\.old$/);
    const previous = raw(previousCopy ?? '', true);
    expect(previous.prepare("SELECT name FROM markets WHERE id = 'after-backup'").get()).toEqual({ name: 'Later' });
    // The kept copy is not offered as a backup: it was never verified.
    expect(listBackups(backups).map((b) => b.name)).toEqual([backup.name]);
  });

  it.each(corruptions)('refuses a backup with a $name and leaves the store untouched', ({ kind, damage }) => {
    makeStoreFile(path);
    const bad = join(dir, 'bad.sqlite');
    makeStoreFile(bad);
    damage(bad);
    const before = fingerprint(path);
    let thrown: unknown;
    try {
      restoreBackup(path, bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BackupRejectedError);
    expect(String(thrown)).toMatch(kind === 'newer_version' ? /newer/ : /cannot be restored/);
    expect(fingerprint(path)).toBe(before);
    expect(existsSync(backups)).toBe(false);
  });
});
