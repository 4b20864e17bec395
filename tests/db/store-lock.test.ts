// The store lock file on its own: taken atomically, refused while a live holder has it, taken over
// when its holder is gone or its content cannot be read, and released only by its owner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireStoreLock, describeHolder, lockPathFor, type LockHolder } from '../../db/store-lock';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-store-lock-'));
  db = join(dir, 'store.sqlite');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', '']);
  return run.pid ?? 999_999;
}

function writeLock(holder: Partial<LockHolder> & { pid: number; id?: string }): void {
  const full = { kind: 'browser', startedAt: new Date().toISOString(), host: hostname(), id: 'x', ...holder };
  writeFileSync(lockPathFor(db), JSON.stringify(full));
}

describe('store lock', () => {
  it('writes the holder beside the store and removes it on release', () => {
    const attempt = acquireStoreLock(db, 'cli');
    if (attempt.state !== 'held') throw new Error(`expected held, got ${attempt.state}`);
    const onDisk = JSON.parse(readFileSync(`${db}.lock`, 'utf8')) as LockHolder;
    expect(onDisk).toMatchObject({ pid: process.pid, kind: 'cli', host: hostname() });
    expect(Number.isNaN(Date.parse(onDisk.startedAt))).toBe(false);
    expect(attempt.lock.tookOver).toBeNull();
    attempt.lock.release();
    expect(existsSync(`${db}.lock`)).toBe(false);
    attempt.lock.release();
  });

  it('refuses a second holder while the first is alive, naming it', () => {
    const first = acquireStoreLock(db, 'browser');
    if (first.state !== 'held') throw new Error('expected held');
    const second = acquireStoreLock(db, 'desktop', { waitMs: 0 });
    expect(second.state).toBe('busy');
    if (second.state !== 'busy') return;
    expect(second.holder).toMatchObject({ pid: process.pid, kind: 'browser' });
    expect(second.message).toMatch(
      /^Landfall browser mode \(pid \d+, since \d\d:\d\d\) has this store open for writing: quit Landfall or stop browser mode, then retry\.$/,
    );
    first.lock.release();
    const third = acquireStoreLock(db, 'desktop');
    expect(third.state).toBe('held');
    if (third.state === 'held') third.lock.release();
  });

  it('takes over a lock whose holder is no longer running on this host', () => {
    const pid = deadPid();
    writeLock({ pid, kind: 'desktop' });
    const attempt = acquireStoreLock(db, 'cli');
    if (attempt.state !== 'held') throw new Error('expected held');
    expect(attempt.lock.tookOver).toMatch(new RegExp(`stale store lock .*the Landfall desktop app \\(pid ${pid}`));
    expect(JSON.parse(readFileSync(`${db}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, kind: 'cli' });
    attempt.lock.release();
  });

  it('takes over a lock file whose content cannot be read', () => {
    writeFileSync(lockPathFor(db), 'not json at all');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(db), old, old);
    const attempt = acquireStoreLock(db, 'browser');
    if (attempt.state !== 'held') throw new Error('expected held');
    expect(attempt.lock.tookOver).toMatch(/unreadable/);
    attempt.lock.release();
  });

  it('does not take over a lock held on another host (it cannot tell whether that holder lives)', () => {
    writeLock({ pid: deadPid(), host: 'elsewhere.example' });
    const attempt = acquireStoreLock(db, 'cli', { waitMs: 0 });
    expect(attempt.state).toBe('busy');
    if (attempt.state === 'busy') expect(attempt.message).toContain('on host elsewhere.example');
  });

  it('leaves a lock it no longer owns alone on release', () => {
    const attempt = acquireStoreLock(db, 'cli');
    if (attempt.state !== 'held') throw new Error('expected held');
    writeLock({ pid: process.pid, id: 'someone-else' });
    attempt.lock.release();
    expect(existsSync(lockPathFor(db))).toBe(true);
  });

  it('describes each kind of holder', () => {
    const at = new Date(2025, 5, 1, 14, 2).toISOString();
    const base = { pid: 1234, startedAt: at, host: hostname() };
    expect(describeHolder({ ...base, kind: 'browser' }, new Date(2025, 5, 1, 15, 0))).toBe(
      'Landfall browser mode (pid 1234, since 14:02)',
    );
    expect(describeHolder({ ...base, kind: 'desktop' }, new Date(2025, 5, 1, 15, 0))).toBe(
      'the Landfall desktop app (pid 1234, since 14:02)',
    );
    expect(describeHolder({ ...base, kind: 'cli' }, new Date(2025, 5, 3, 9, 0))).toBe(
      'a landfall command (pid 1234, since 2025-06-01 14:02)',
    );
  });
});
