// The shared atomic writer refuses the open store when told which it is (store-targets.ts): before
// any file, temporary or not, is made.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../db/transfer/atomic-file';
import { storeTargetProblem, StoreTargetRefused } from '../../db/transfer/store-targets';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-targets-'));
  db = join(dir, 'store.sqlite');
  writeFileSync(db, 'the store');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('storeTargetProblem', () => {
  it('names the database, each side file and the backups folder, and nothing else', () => {
    expect(storeTargetProblem(db, db)).toBe(`is the open database (${db})`);
    expect(storeTargetProblem(`${db}-wal`, db)).toBe(`is the open database's -wal file (${db}-wal)`);
    expect(storeTargetProblem(`${db}-shm`, db)).toMatch(/-shm file/);
    expect(storeTargetProblem(`${db}-journal`, db)).toMatch(/-journal file/);
    expect(storeTargetProblem(join(dir, 'backups'), db)).toMatch(/^is the store's backups folder/);
    expect(storeTargetProblem(join(dir, 'backups', 'a', 'b.json'), db)).toMatch(/^is in the store's backups folder/);
    expect(storeTargetProblem(join(dir, 'store.json'), db)).toBeNull();
    expect(storeTargetProblem(join(dir, 'backups.json'), db)).toBeNull();
    expect(storeTargetProblem(join(dir, 'other', 'store.sqlite'), db)).toBeNull();
  });
});

describe('writeFileAtomic with { store }', () => {
  it('refuses the store and leaves it, and the folder, as they were', () => {
    mkdirSync(join(dir, 'backups'));
    for (const target of [db, `${db}-wal`, join(dir, 'backups', 'x.json')]) {
      expect(() => writeFileAtomic(target, 'export', { store: db })).toThrow(StoreTargetRefused);
    }
    expect(readFileSync(db, 'utf8')).toBe('the store');
    expect(readdirSync(dir).sort()).toEqual(['backups', 'store.sqlite']);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });

  it('writes anywhere else', () => {
    writeFileAtomic(join(dir, 'out.json'), 'export', { store: db });
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('export');
  });
});
