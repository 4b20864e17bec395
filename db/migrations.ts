// Schema changes as an ordered list; PRAGMA user_version records how many have run.
import type { Db } from './db';
import { sealTables } from './content-seal';
import { factMethodsMigration } from './migration-fact-methods';
import { regimesMigration } from './migration-regimes';
import { siteOperatorMigration } from './migration-site-operator';

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
  {
    version: 2,
    description: 'jurisdictions, criteria, metric values, chips, policy events, profiles, presets, change log',
    up: (db: Db): void => {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        CREATE TABLE jurisdictions (
          code TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          parent_code TEXT REFERENCES jurisdictions(code),
          level TEXT NOT NULL CHECK (level IN ('country','subdivision')),
          CHECK ((level = 'country') = (parent_code IS NULL))
        ) STRICT;

        ALTER TABLE markets ADD COLUMN jurisdiction_code TEXT REFERENCES jurisdictions(code);
        ALTER TABLE markets ADD COLUMN description TEXT NOT NULL DEFAULT '';
        ALTER TABLE sites ADD COLUMN origin TEXT NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed','user','import'));

        CREATE TABLE criteria (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          group_id TEXT NOT NULL CHECK (group_id IN
            ('chip_legality','connectivity','cost','regulatory_stability','power','water_climate','carbon')),
          unit TEXT NOT NULL,
          direction TEXT NOT NULL CHECK (direction IN ('benefit','cost')),
          normalisation TEXT NOT NULL CHECK (normalisation IN ('minmax','vector','max','target')),
          derived INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0,1)),
          description TEXT NOT NULL,
          sort_order INTEGER NOT NULL DEFAULT 0
        ) STRICT;

        -- One fact: a criterion's value for a market (inherited by its sites) or for one site.
        CREATE TABLE metric_values (
          id INTEGER PRIMARY KEY,
          criterion_id TEXT NOT NULL REFERENCES criteria(id),
          market_id TEXT REFERENCES markets(id) ON DELETE CASCADE,
          site_id TEXT REFERENCES sites(id) ON DELETE CASCADE,
          value REAL,
          low REAL,
          high REAL,
          missing_reason TEXT,
          source_title TEXT,
          source_url TEXT,
          as_of TEXT,
          note TEXT NOT NULL DEFAULT '',
          CHECK ((market_id IS NULL) <> (site_id IS NULL)),
          CHECK ((value IS NULL) <> (missing_reason IS NULL)),
          CHECK (value IS NULL OR (source_url IS NOT NULL AND as_of IS NOT NULL)),
          CHECK (low IS NULL OR high IS NULL OR low <= high)
        ) STRICT;
        CREATE UNIQUE INDEX metric_values_market ON metric_values(criterion_id, market_id) WHERE market_id IS NOT NULL;
        CREATE UNIQUE INDEX metric_values_site ON metric_values(criterion_id, site_id) WHERE site_id IS NOT NULL;
        CREATE INDEX metric_values_site_lookup ON metric_values(site_id);

        CREATE TABLE chips (
          id TEXT PRIMARY KEY,
          vendor TEXT NOT NULL,
          name TEXT NOT NULL,
          chip_class TEXT NOT NULL CHECK (chip_class IN
            ('frontier_controlled','china_export_variant','domestic_chinese','other')),
          tpp REAL,
          memory_gb REAL,
          notes TEXT NOT NULL DEFAULT '',
          source_title TEXT NOT NULL,
          source_url TEXT NOT NULL,
          as_of TEXT NOT NULL
        ) STRICT;

        -- scope is JSON validated by shared/ schemas at every boundary: which chips, destinations
        -- and companies an event governs, and whether it reaches owned hardware, rented capacity or both.
        CREATE TABLE policy_events (
          id TEXT PRIMARY KEY,
          issuer TEXT NOT NULL,
          title TEXT NOT NULL,
          effective_date TEXT NOT NULL,
          end_date TEXT,
          effect TEXT NOT NULL CHECK (effect IN
            ('prohibited','licence_presumption_denial','licence_required','allowed_with_conditions','allowed','informational')),
          condition TEXT NOT NULL DEFAULT '',
          scope TEXT NOT NULL CHECK (json_valid(scope)),
          confidence TEXT NOT NULL CHECK (confidence IN ('official','reported')),
          source_title TEXT NOT NULL,
          source_url TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          CHECK (end_date IS NULL OR end_date >= effective_date)
        ) STRICT;
        CREATE INDEX policy_events_dates ON policy_events(effective_date, end_date);

        CREATE TABLE company_profiles (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          hq_country TEXT NOT NULL,
          state_funded INTEGER NOT NULL CHECK (state_funded IN (0,1)),
          entity_listed INTEGER NOT NULL CHECK (entity_listed IN (0,1)),
          deployment TEXT NOT NULL CHECK (deployment IN ('owned','rented')),
          named_company TEXT,
          needed_chips TEXT NOT NULL CHECK (json_valid(needed_chips)),
          builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0,1))
        ) STRICT;

        CREATE TABLE presets (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0,1)),
          method TEXT NOT NULL CHECK (method IN ('wsm','wpm','topsis')),
          weights TEXT NOT NULL CHECK (json_valid(weights)),
          constraints TEXT NOT NULL CHECK (json_valid(constraints)),
          updated_at TEXT NOT NULL
        ) STRICT;

        -- Every user edit and import: enough to show who changed what and to undo it.
        CREATE TABLE change_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          batch_id TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
          table_name TEXT NOT NULL,
          row_id TEXT NOT NULL,
          before TEXT CHECK (before IS NULL OR json_valid(before)),
          after TEXT CHECK (after IS NULL OR json_valid(after)),
          summary TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX change_log_batch ON change_log(batch_id);
      `);
    },
  },
  {
    version: 3,
    description: "presets choose their normalisation ('criterion' keeps each criterion's own)",
    up: (db: Db): void => {
      // Existing presets keep scoring exactly as before: 'criterion' is what score.run always did.
      db.exec(`
        ALTER TABLE presets ADD COLUMN normalisation TEXT NOT NULL DEFAULT 'criterion'
          CHECK (normalisation IN ('criterion','minmax','vector','max'));
      `);
    },
  },
  {
    version: 4,
    description: 'undo/redo state of change batches; what-if scenarios and their hypothetical policy events',
    up: (db: Db): void => {
      db.exec(`
        -- Undo/redo state of change_log batches (a batch with no row here is a done edit or import).
        -- state: done (in effect), undone (on the redo stack), discarded (undone, then a new edit
        -- cleared the redo stack). An undo, redo or revert batch names the batch it acted on.
        CREATE TABLE history_batches (
          batch_id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('edit','import','undo','redo','revert')),
          label TEXT NOT NULL DEFAULT '',
          target_batch_id TEXT,
          state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done','undone','discarded')),
          CHECK ((kind IN ('undo','redo','revert')) = (target_batch_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX history_batches_target ON history_batches(target_batch_id) WHERE target_batch_id IS NOT NULL;
        CREATE INDEX history_batches_undone ON history_batches(state) WHERE state = 'undone';
        -- history.list lists the tables of a batch and filters batches by table with index seeks.
        CREATE INDEX change_log_batch_table ON change_log(batch_id, table_name);

        -- What-if scenarios and their hypothetical policy events, kept apart from policy_events so
        -- they never mix with the real timeline (same columns and checks as policy_events).
        CREATE TABLE scenarios (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL CHECK (length(trim(name)) > 0),
          description TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX scenarios_name ON scenarios(name COLLATE NOCASE);

        CREATE TABLE scenario_policy_events (
          scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
          id TEXT NOT NULL,
          issuer TEXT NOT NULL,
          title TEXT NOT NULL,
          effective_date TEXT NOT NULL,
          end_date TEXT,
          effect TEXT NOT NULL CHECK (effect IN
            ('prohibited','licence_presumption_denial','licence_required','allowed_with_conditions','allowed','informational')),
          condition TEXT NOT NULL DEFAULT '',
          scope TEXT NOT NULL CHECK (json_valid(scope)),
          confidence TEXT NOT NULL CHECK (confidence IN ('official','reported')),
          source_title TEXT NOT NULL,
          source_url TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (scenario_id, id),
          CHECK (end_date IS NULL OR end_date >= effective_date)
        ) STRICT;
      `);
    },
  },
  regimesMigration,
  factMethodsMigration,
  siteOperatorMigration,
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
    // A migration rewrites records; their seal must follow or the next open would call it damage.
    sealTables(db, 'all');
  })();
}
