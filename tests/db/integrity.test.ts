import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIntegrity, checkOpenDatabase, sqliteFailureKind } from '../../db/integrity';
import { latestVersion } from '../../db/migrations';
import { openDatabase, openStore, StoreProblemError, type Db } from '../../db/open';
import { corruptions, fingerprint, FILLER_ROWS, makeStoreFile } from './store-files';

let dir: string;
let path: string;
const opened: Db[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-integrity-'));
  path = join(dir, 'landfall.sqlite');
  makeStoreFile(path);
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkIntegrity', () => {
  it('passes a healthy store and reports its schema version', () => {
    expect(checkIntegrity(path)).toEqual({ ok: true, schemaVersion: latestVersion });
  });

  it('says a missing file cannot be read', () => {
    expect(checkIntegrity(join(dir, 'nowhere.sqlite'))).toMatchObject({ ok: false, kind: 'unreadable' });
  });

  it.each(corruptions)('names a $name and leaves the file as it was', ({ kind, damage, says }) => {
    damage(path);
    const before = fingerprint(path);
    const report = checkIntegrity(path);
    expect(report).toMatchObject({ ok: false, kind });
    expect(report.ok ? '' : report.reason).toMatch(says);
    expect(fingerprint(path)).toBe(before);
  });
});

describe('opening a damaged store', () => {
  it.each(corruptions)('openDatabase refuses a $name without writing to it', ({ kind, damage }) => {
    damage(path);
    const before = fingerprint(path);
    let thrown: unknown;
    try {
      opened.push(openDatabase(path));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreProblemError);
    expect((thrown as StoreProblemError).problem.kind).toBe(kind);
    expect(fingerprint(path)).toBe(before);
  });

  it.each(corruptions)('openStore opens a $name read-only and SQLite refuses writes', ({ kind, damage, says }) => {
    damage(path);
    const before = fingerprint(path);
    const { db, problem } = openStore(path);
    opened.push(db);
    expect(problem?.kind).toBe(kind);
    expect(problem?.reason).toMatch(says);
    let thrown: unknown;
    try {
      db.prepare("INSERT INTO markets (id, name, country) VALUES ('zz', 'Probe', 'ZZ')").run();
    } catch (error) {
      thrown = error;
    }
    expect(sqliteFailureKind(thrown)).toBe('read_only');
    db.close();
    expect(fingerprint(path)).toBe(before);
  });

  it('keeps a readable file open read-only, so reads still work', () => {
    const { db, problem } = openStore(path);
    opened.push(db);
    expect(problem).toBeNull();
    db.close();
    corruptions[3].damage(path);
    const degraded = openStore(path);
    opened.push(degraded.db);
    expect(degraded.db.memory).toBe(false);
    expect(degraded.db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: FILLER_ROWS });
  });

  it('stands in an empty read-only store when not even the schema can be read', () => {
    corruptions[0].damage(path);
    const { db, problem } = openStore(path);
    opened.push(db);
    expect(db.memory).toBe(true);
    expect(problem?.reason).toMatch(/cannot be read at all/);
    expect(db.prepare('SELECT count(*) AS n FROM sites').get()).toEqual({ n: 0 });
  });
});

describe('checkOpenDatabase', () => {
  it('runs quick_check on a live connection', () => {
    const db = openDatabase(path);
    opened.push(db);
    expect(checkOpenDatabase(db)).toEqual({ ok: true, schemaVersion: latestVersion });
    db.pragma(`user_version = ${latestVersion + 1}`);
    expect(checkOpenDatabase(db)).toMatchObject({ ok: false, kind: 'newer_version' });
  });
});
