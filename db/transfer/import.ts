// The two steps of every import: a preview that writes nothing, and a commit that plans again inside
// one transaction and writes every row with its change_log entry — or, on any error, nothing at all.
import type { Db } from '../db';
import type { ImportKind, ImportPreview, ImportResult } from '../../shared/model/transfer';
import { withChangeBatch } from '../change-log';
import type { ImportPlan } from './import-plan';
import { planJsonImport } from './import-json';
import { planSitesCsvImport } from './import-sites-csv';

/** The file has bad rows; the preview names every one. Nothing was written. */
export class ImportRefused extends Error {
  constructor(readonly preview: ImportPreview) {
    const rows = new Set(preview.errors.map((e) => `${e.table ?? ''}:${e.row ?? ''}`)).size;
    super(`import refused: ${preview.errors.length} problem(s) in ${rows} row(s) of the file; nothing was changed`);
    this.name = 'ImportRefused';
  }
}

/** The database refused a write (disk full, a constraint, a trigger); the transaction was rolled back. */
export class ImportFailed extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string | null,
  ) {
    super(message);
    this.name = 'ImportFailed';
  }
}

function plan(db: Db, kind: ImportKind, text: string): ImportPlan {
  return kind === 'sites-csv' ? planSitesCsvImport(db, text) : planJsonImport(db, kind, text);
}

/** What the import would do, row by row, and every error; writes nothing. */
export function previewImport(db: Db, kind: ImportKind, text: string): ImportPreview {
  return plan(db, kind, text).preview;
}

export interface Committed {
  result: ImportResult;
  tables: string[];
}

/**
 * Re-validates and writes in one transaction (the file may have changed, or the store, since the
 * preview). Throws ImportRefused when the file has errors and ImportFailed when SQLite refuses a
 * write; in both cases the store is as it was.
 */
export function commitImport(db: Db, kind: ImportKind, text: string, actor = 'import'): Committed {
  try {
    return withChangeBatch(db, actor, (batch) => {
      const p = plan(db, kind, text);
      if (p.preview.errors.length > 0) throw new ImportRefused(p.preview);
      p.apply(batch);
      return { result: { ...p.preview, batchId: batch.id }, tables: p.tables };
    });
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    const code = (error as { code?: unknown }).code;
    const sqliteCode = typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
    if (sqliteCode?.startsWith('SQLITE_BUSY')) throw new ImportFailed(contentionMessage(sqliteCode), sqliteCode);
    const reason = error instanceof Error ? error.message : String(error);
    const hint = sqliteCode === 'SQLITE_FULL' ? ' — the disk (or the database size limit) is full' : '';
    throw new ImportFailed(
      `import failed while writing (${reason}${sqliteCode ? `, ${sqliteCode}` : ''})${hint}; the transaction was rolled back and nothing was changed`,
      sqliteCode,
    );
  }
}

/**
 * SQLITE_BUSY after the busy timeout: a program other than Landfall's own processes (which take the
 * store lock) held SQLite's write lock throughout — a sqlite3 shell, a sync tool, a backup agent.
 */
export function contentionMessage(sqliteCode: string): string {
  return (
    `import could not start writing: another program is writing to this store and did not finish within the ` +
    `busy timeout (${sqliteCode}); nothing was changed — try again when it has finished`
  );
}
