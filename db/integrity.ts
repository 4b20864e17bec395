// Decides whether a store file can be trusted with writes: SQLite's header, the file's length against
// what the header promises, `PRAGMA quick_check`, and the schema version. Every check reads only; a
// damaged file must stay byte-for-byte as we found it so that nothing the user might recover is lost.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './db';
import type { StoreProblemKind } from '../shared/calls/store-calls';
import { sealProblem } from './content-seal';
import { latestVersion, schemaVersion } from './migrations';

// The kinds live in the contract (the UI and CLI show them); db/ adds detection for each.
export type { StoreProblemKind };

/** What is wrong with a store: why Landfall will not write to it. */
export interface StoreProblem {
  kind: StoreProblemKind;
  /** One sentence for the user: what was found, in words that need no SQLite knowledge. */
  reason: string;
}

export type IntegrityReport = { ok: true; schemaVersion: number } | ({ ok: false } & StoreProblem);

export interface CheckOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron keeps its own build). */
  nativeBinding?: string;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** quick_check stops after this many findings; the first few are enough to tell the user. */
const MAX_FINDINGS = 10;

/** Checks a store file without writing to it (a read-only connection never checkpoints or recovers). */
export function checkIntegrity(path: string, options: CheckOptions = {}): IntegrityReport {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return { ok: false, kind: 'unreadable', reason: `${path} cannot be read: ${messageOf(error)}.` };
  }
  let header: Buffer;
  try {
    header = readHeader(path);
  } catch (error) {
    return { ok: false, kind: 'unreadable', reason: `${path} cannot be read: ${messageOf(error)}.` };
  }
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return notADatabase(path);
  }
  let db: Db | undefined;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    return inspect(db, path, size);
  } catch (error) {
    return classify(error, path, size);
  } finally {
    db?.close();
  }
}

/** Runs the same checks on a connection that is already open (e.g. `store.health` on the live store). */
export function checkOpenDatabase(db: Db): IntegrityReport {
  const path = db.name;
  let size = 0;
  if (!db.memory) {
    try {
      size = statSync(path).size;
    } catch {
      // The file vanished under us; quick_check below will say what the connection still sees.
    }
  }
  try {
    return inspect(db, path, size);
  } catch (error) {
    return classify(error, path, size);
  }
}

/** How a failed SQLite call relates to the store's state, for callers outside db/ (they cannot import SQLite). */
export function sqliteFailureKind(error: unknown): 'read_only' | 'damaged' | 'busy' | null {
  const code = codeOf(error);
  if (code === null) return null;
  // Another connection held the write lock past the busy timeout (or our snapshot went stale).
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) {
    return 'damaged';
  }
  return null;
}

function inspect(db: Db, path: string, size: number): IntegrityReport {
  const findings = (db.pragma(`quick_check(${MAX_FINDINGS})`) as { quick_check: string }[]).map((r) => r.quick_check);
  if (findings.length !== 1 || findings[0] !== 'ok') return damagedOrTruncated(path, size, findings);
  const version = schemaVersion(db);
  if (version > latestVersion) {
    return {
      ok: false,
      kind: 'newer_version',
      reason:
        `${path} has schema version ${version}, newer than this Landfall understands (${latestVersion}); ` +
        'it was written by a newer Landfall.',
    };
  }
  // quick_check vouches for the pages, not the values in them; the seal does (content-seal.ts).
  const sealed = sealProblem(db);
  if (sealed !== null) return { ok: false, kind: 'damaged', reason: `${path}: ${sealed}.` };
  return { ok: true, schemaVersion: version };
}

function classify(error: unknown, path: string, size: number): IntegrityReport {
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB') return notADatabase(path);
  if (code !== null && code.startsWith('SQLITE_CORRUPT')) return damagedOrTruncated(path, size, [messageOf(error)]);
  return { ok: false, kind: 'unreadable', reason: `${path} cannot be read: ${messageOf(error)}.` };
}

function notADatabase(path: string): IntegrityReport {
  return {
    ok: false,
    kind: 'not_a_database',
    reason: `${path} is not a SQLite database: its header has been overwritten or the file is something else.`,
  };
}

/**
 * quick_check failed; say "truncated" when the file is shorter than its header promises (pages are
 * missing off the end), otherwise "damaged pages". The length test is only trusted once quick_check
 * has failed: a checkpoint interrupted by a crash can leave the file short with the WAL still holding
 * the missing pages, and SQLite repairs that by itself.
 */
function damagedOrTruncated(path: string, size: number, findings: string[]): IntegrityReport {
  const expected = expectedSize(path);
  if (expected !== null && (size < expected.bytes || size % expected.pageSize !== 0)) {
    return {
      ok: false,
      kind: 'truncated',
      reason: `${path} is truncated: it is ${size} bytes long but its header promises ${expected.bytes}.`,
    };
  }
  return {
    ok: false,
    kind: 'damaged',
    reason: `${path} has damaged pages (SQLite's quick_check reports: ${findings.slice(0, 3).join('; ')}).`,
  };
}

/** Page size × page count from the header, when the header's page count is current (SQLite ≥ 3.7). */
function expectedSize(path: string): { bytes: number; pageSize: number } | null {
  let header: Buffer;
  try {
    header = readHeader(path);
  } catch {
    return null;
  }
  if (header.length < HEADER_BYTES) return null;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count is valid only when "version-valid-for" (offset 92) equals the change counter (24).
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (pageSize < 512 || !valid || pageCount === 0) return null;
  return { bytes: pageSize * pageCount, pageSize };
}

function readHeader(path: string): Buffer {
  const buffer = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
