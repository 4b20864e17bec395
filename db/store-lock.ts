// One writer per store, across processes. SQLite's own locks only serialise single transactions:
// they cannot stop the CLI from restoring (renaming a new file over the store) while browser mode
// keeps writing to the old inode, so every Landfall process that writes takes this lock first.
// The lock is a file beside the store (`<db>.lock`) holding who took it; it is created atomically, so
// of two processes racing for it exactly one wins, and a holder that died is recognised by its pid.
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export type WriterKind = 'desktop' | 'browser' | 'cli';

export interface LockHolder {
  pid: number;
  kind: WriterKind;
  /** ISO time the holder took the lock. */
  startedAt: string;
  host: string;
}

/** What the file holds: the holder, plus an id so a process never removes a lock that is not its own. */
interface LockContent extends LockHolder {
  id: string;
}

export interface StoreLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** A note for the user when a stale lock (dead holder, unreadable file) was taken over; else null. */
  readonly tookOver: string | null;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

export type LockAttempt =
  | { state: 'held'; lock: StoreLock }
  /** Another live process holds the store: `message` names it and says what to do. */
  | { state: 'busy'; holder: LockHolder; message: string }
  /** No lock file can be made (a read-only folder, say): SQLite will refuse writes there anyway. */
  | { state: 'unavailable'; reason: string };

export interface AcquireOptions {
  /**
   * How long to wait while a `landfall` command holds the store: those last a moment, so the app
   * starting while a script runs the CLI should not come up read-only for that. Default 3 s.
   */
  waitMs?: number;
}

const KINDS: readonly WriterKind[] = ['desktop', 'browser', 'cli'];
const POLL_MS = 50;
/** A lock file whose content is unreadable but this young may be one being written (no-hard-link file systems). */
const UNREADABLE_GRACE_MS = 2_000;

/** Locks this process holds, by lock path: released on exit, and told apart from a stale lock of a reused pid. */
const heldHere = new Map<string, StoreLock>();
let exitHookInstalled = false;

export function lockPathFor(dbPath: string): string {
  return `${dbPath}.lock`;
}

export function acquireStoreLock(dbPath: string, kind: WriterKind, options: AcquireOptions = {}): LockAttempt {
  const path = lockPathFor(dbPath);
  const content: LockContent = {
    pid: process.pid,
    kind,
    startedAt: new Date().toISOString(),
    host: hostname(),
    id: randomUUID(),
  };
  const deadline = Date.now() + (options.waitMs ?? 3_000);
  const notes: string[] = [];
  try {
    mkdirSync(dirname(dbPath), { recursive: true });
  } catch (error) {
    return { state: 'unavailable', reason: messageOf(error) };
  }
  for (;;) {
    try {
      if (create(path, content)) return { state: 'held', lock: register(path, content, notes) };
    } catch (error) {
      return { state: 'unavailable', reason: messageOf(error) };
    }
    const found = readLock(path);
    if (found.state === 'gone') continue;
    if (found.state === 'unreadable') {
      if (found.ageMs < UNREADABLE_GRACE_MS && Date.now() < deadline) {
        sleep(POLL_MS);
        continue;
      }
      if (takeOver(path, found.raw)) notes.push(`took over a stale store lock ${path}: its content was unreadable`);
      continue;
    }
    const holder = found.holder;
    if (isStale(path, holder)) {
      if (takeOver(path, found.raw)) {
        notes.push(
          `took over a stale store lock ${path} left by ${describeHolder(holder)}, which is no longer running`,
        );
      }
      continue;
    }
    if (holder.kind === 'cli' && Date.now() < deadline) {
      sleep(POLL_MS);
      continue;
    }
    return { state: 'busy', holder, message: heldMessage(holder, path) };
  }
}

/** "Landfall browser mode (pid 1234, since 14:02)" — the date too when the holder started on another day. */
export function describeHolder(holder: LockHolder, now: Date = new Date()): string {
  const who = { desktop: 'the Landfall desktop app', browser: 'Landfall browser mode', cli: 'a landfall command' }[
    holder.kind
  ];
  const at = new Date(holder.startedAt);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.toDateString() === now.toDateString();
  const since = sameDay ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
  const host = holder.host === hostname() ? '' : ` on host ${holder.host}`;
  return `${who} (pid ${holder.pid}${host}, since ${since})`;
}

/** Who holds the store and what to do about it, in one sentence (two for a holder on another host). */
export function heldMessage(holder: LockHolder, lockPath: string): string {
  const advice =
    holder.kind === 'cli' ? 'wait for that command to finish' : 'quit Landfall or stop browser mode, then retry';
  const sentence = `${describeHolder(holder)} has this store open for writing: ${advice}.`;
  // Its pid cannot be checked from here, so a crash there leaves a lock only a person can clear.
  if (holder.host === hostname()) return sentence;
  return `${sentence} If no Landfall runs on ${holder.host}, delete ${lockPath}.`;
}

/** Releases every lock this process holds; for exit paths that cannot reach the backend. */
export function releaseStoreLocks(): void {
  for (const lock of [...heldHere.values()]) lock.release();
}

/**
 * Creates the lock file with its whole content at once: written to a private file, then hard-linked
 * into place, which fails if the name exists. A reader therefore never sees a half-written lock.
 * Where hard links are not supported, falls back to an exclusive create (`wx`) and write.
 */
function create(path: string, content: LockContent): boolean {
  const text = `${JSON.stringify(content)}\n`;
  const temp = `${path}.${content.id}.tmp`;
  writeSynced(temp, text, 'w');
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EOPNOTSUPP'].includes(codeOf(error) ?? '')) throw error;
  } finally {
    unlinkQuietly(temp);
  }
  try {
    writeSynced(path, text, 'wx');
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
}

function writeSynced(path: string, text: string, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag, 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

type Found =
  | { state: 'gone' }
  | { state: 'unreadable'; raw: string; ageMs: number }
  | { state: 'holder'; raw: string; holder: LockContent };

function readLock(path: string): Found {
  let raw: string;
  let ageMs: number;
  try {
    raw = readFileSync(path, 'utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { state: 'gone' };
    return { state: 'unreadable', raw: '', ageMs: Number.POSITIVE_INFINITY };
  }
  const holder = parseLock(raw);
  return holder === null ? { state: 'unreadable', raw, ageMs } : { state: 'holder', raw, holder };
}

function parseLock(raw: string): LockContent | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const { pid, kind, startedAt, host, id } = v;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
  if (typeof kind !== 'string' || !KINDS.includes(kind as WriterKind)) return null;
  if (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))) return null;
  if (typeof host !== 'string' || typeof id !== 'string') return null;
  return { pid, kind: kind as WriterKind, startedAt, host, id };
}

/**
 * Stale when its holder is known to be gone: a pid on this host that no longer runs, or this very
 * process's pid without this process holding the lock (the pid of a crashed holder, reused). A lock
 * from another host (a store on a network share) cannot be checked, so it is never taken over.
 */
function isStale(path: string, holder: LockContent): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(path);
  return !pidAlive(holder.pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

/**
 * Moves the stale lock aside (atomic, so only one of two processes taking it over gets it), then
 * checks that what it moved is what it judged stale; if a live holder's fresh lock slipped in
 * between, it is put back. Returns whether the stale lock was removed by this call.
 */
function takeOver(path: string, staleRaw: string): boolean {
  const aside = `${path}.stale-${process.pid}-${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // Unreadable either way: treat it as the stale one.
    moved = staleRaw;
  }
  if (moved !== staleRaw) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone made a new lock meanwhile; theirs stands, and the fresh one we moved is lost. Its
      // holder still believes it holds the store — rare enough (two takeovers racing) to accept.
    }
    unlinkQuietly(aside);
    return false;
  }
  unlinkQuietly(aside);
  return true;
}

function register(path: string, content: LockContent, notes: string[]): StoreLock {
  const { id, ...holder } = content;
  const lock: StoreLock = {
    path,
    holder,
    tookOver: notes.length > 0 ? notes.join('; ') : null,
    release() {
      if (heldHere.get(path) !== lock) return;
      heldHere.delete(path);
      // Only our own lock: after a takeover by someone who judged us dead, theirs must stay.
      const found = readLock(path);
      if (found.state === 'holder' && found.holder.id === id) unlinkQuietly(path);
    },
  };
  heldHere.set(path, lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' also runs after process.exit(); a signal's default action or a crash skips it, which
    // is what the staleness check is for.
    process.on('exit', releaseStoreLocks);
  }
  return lock;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
