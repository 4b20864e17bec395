// Schema changes as an ordered list; PRAGMA user_version records how many have run.
import type Database from 'better-sqlite3';

type Db = Database.Database;

export interface Migration {
  version: number;
  description: string;
  up: (db: Db) => void;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'markets and sites',
    up: (db: Db): void => {
      db.exec(`
        CREATE TABLE markets (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          country TEXT NOT NULL CHECK (length(country) = 2)
        ) STRICT;
        CREATE TABLE sites (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          market_id TEXT NOT NULL REFERENCES markets(id),
          lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
          lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
          capacity_existing_mw REAL,
          capacity_planned_mw REAL,
          status TEXT NOT NULL CHECK (status IN ('operational','under_construction','planned','land_bank')),
          notes TEXT NOT NULL DEFAULT '',
          source_title TEXT NOT NULL,
          source_url TEXT NOT NULL,
          source_as_of TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sites_market ON sites(market_id);
      `);
    },
  },
];

export const latestVersion = migrations.at(-1)?.version ?? 0;

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Runs every pending migration in one transaction; refuses a database written by a newer app. */
export function migrate(db: Db, target: number = latestVersion): void {
  const current = schemaVersion(db);
  if (current > latestVersion) {
    throw new Error(
      `this database has schema version ${current}, newer than this app understands (${latestVersion}); ` +
        'open it with a newer Landfall',
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`migration left ${violations.length} foreign-key violations; rolled back`);
    }
  })();
}
