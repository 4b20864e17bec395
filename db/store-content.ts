// Tells a store that holds the planner's work from one that holds nothing but the seed. A backup of
// a just-seeded store protects nothing, so it must never be offered as "the latest good backup"
// (issue 14: a vanished store was rebuilt, backed up within seconds, and that blank copy restored).
// The test is a digest of every row, compared with the digest of a freshly seeded store: any edit,
// import, preset, scenario or table of the user's own makes them differ, whether or not it went
// through the change log.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from './db';
import { migrate } from './migrations';
import { seedDatabase } from './seed/run-seed';

/** 'data': holds something beyond the seed; 'blank': exactly what a fresh store holds. */
export type StoreContent = 'data' | 'blank';

export interface ContentOptions {
  nativeBinding?: string;
}

// `meta` holds bookkeeping (seed version, a pending data refresh), not the planner's work.
const SKIPPED_TABLES = new Set(['meta', 'sqlite_sequence']);

/**
 * SHA-256 over every table's name and rows. Rows are sorted as text because VACUUM (and so every
 * backup) may renumber the rowids of tables without an INTEGER PRIMARY KEY.
 */
export function contentDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((t) => t.name)
    .filter((name) => !SKIPPED_TABLES.has(name));
  for (const table of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const rows = db
      .prepare(`SELECT * FROM ${quoted}`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)));
    rows.sort();
    hash.update(`${table}\n${rows.length}\n`);
    for (const row of rows) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}

let freshDigest: string | undefined;

/** The digest of a store that was just created and seeded; worked out once per process. */
function freshSeedDigest(options: ContentOptions): string {
  if (freshDigest !== undefined) return freshDigest;
  const db = new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    migrate(db);
    seedDatabase(db);
    freshDigest = contentDigest(db);
    return freshDigest;
  } finally {
    db.close();
  }
}

export function storeContent(db: Db, options: ContentOptions = {}): StoreContent {
  return contentDigest(db) === freshSeedDigest(options) ? 'blank' : 'data';
}

/** The content of a store file, read without writing to it. */
export function fileContent(path: string, options: ContentOptions = {}): StoreContent {
  const db = new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    return storeContent(db, options);
  } finally {
    db.close();
  }
}
