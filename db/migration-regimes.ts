// Migration 5: policy events gain regimes, publication and compliance dates, explicit links and the
// three confidence tiers; company profiles state accelerators per workload and an ultimate parent.
//
// SQLite cannot alter a CHECK constraint, so policy_events, scenario_policy_events and
// company_profiles are rebuilt and their rows copied. Nothing the user typed is lost: every stored
// event (the seed's, the user's own and each what-if scenario's) keeps its fields, 'official' becomes
// 'rule', and its regime is inferred from its issuer and scope (legacyRegime); a profile's needed
// chips become its training chips. The change log's before/after images of those tables are
// rewritten the same way, so undoing an edit made before the upgrade writes columns that exist.
import type { Db } from './db';
import { PolicyEffect, PolicyRegime, PolicyScope, legacyRegime } from '../shared/model/policy';
import { encodeBulkInsert, expandBulkRow, isBulkRow, type LoggedRow } from './change-log-bulk';
import type { DbRow } from './transfer/tables';

const REGIME_CHECK = PolicyRegime.options.map((r) => `'${r}'`).join(',');

const EVENT_COLUMNS = `
  id TEXT NOT NULL,
  issuer TEXT NOT NULL,
  regime TEXT NOT NULL CHECK (regime IN (${REGIME_CHECK})),
  title TEXT NOT NULL,
  published_date TEXT,
  effective_date TEXT NOT NULL,
  compliance_date TEXT,
  end_date TEXT,
  effect TEXT NOT NULL CHECK (effect IN
    ('prohibited','licence_presumption_denial','licence_required','allowed_with_conditions','allowed','informational')),
  condition TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL CHECK (json_valid(scope)),
  links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
  confidence TEXT NOT NULL CHECK (confidence IN ('rule','announced','reported')),
  source_title TEXT NOT NULL,
  source_url TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  CHECK (end_date IS NULL OR end_date >= effective_date),
  CHECK (compliance_date IS NULL OR compliance_date >= effective_date)`;

export type Row = Record<string, unknown>;

/** A policy-event row (or change-log image of one) as the new columns want it. */
export function upgradeEventRow(r: Row): Row {
  if ('regime' in r) return r;
  const scope = PolicyScope.safeParse(JSON.parse(String(r.scope ?? '{}')));
  const effect = PolicyEffect.safeParse(r.effect);
  const regime =
    scope.success && effect.success
      ? legacyRegime({ issuer: String(r.issuer), effect: effect.data, scope: scope.data })
      : 'other-chip-rules';
  return {
    ...r,
    regime,
    published_date: null,
    compliance_date: null,
    links: '[]',
    confidence: r.confidence === 'official' ? 'rule' : r.confidence,
  };
}

/** A company-profile row (or change-log image of one) as the new columns want it. */
export function upgradeProfileRow(r: Row): Row {
  if (!('needed_chips' in r)) return r;
  const { needed_chips: needed, ...rest } = r;
  return { ...rest, ultimate_parent_country: null, training_chips: needed, inference_chips: '[]' };
}

function copyRows(db: Db, from: string, to: string, upgrade: (r: Row) => Row): void {
  const rows = db.prepare<[], Row>(`SELECT * FROM ${from}`).all();
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(upgrade(first));
  const insert = db.prepare(
    `INSERT INTO ${to} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  for (const r of rows) insert.run(upgrade(r));
}

/**
 * Rewrites the change log's before/after images of `table`, so an undo writes columns that exist;
 * a bulk row (change-log-bulk.ts) is rewritten image by image.
 */
export function rewriteChangeLog(db: Db, table: string, upgrade: (r: Row) => Row): void {
  const rows = db
    .prepare<[string], LoggedRow & { before: string | null }>(
      'SELECT id, row_id, before, after, summary FROM change_log WHERE table_name = ?',
    )
    .all(table);
  const update = db.prepare('UPDATE change_log SET before = @before, after = @after WHERE id = @id');
  const image = (j: string | null): string | null =>
    j === null ? null : JSON.stringify(upgrade(JSON.parse(j) as Row));
  for (const r of rows) {
    const after = isBulkRow(r) ? rewriteBulk(r, upgrade) : image(r.after);
    update.run({ id: r.id, before: image(r.before), after });
  }
}

function rewriteBulk(row: LoggedRow, upgrade: (r: Row) => Row): string {
  const changes = expandBulkRow(row);
  const images = changes.map((c) => upgrade(c.after) as DbRow);
  const columns = Object.keys(images[0] ?? {});
  const values = images.map((i) => columns.map((c) => i[c] ?? null));
  return encodeBulkInsert(
    columns,
    values,
    changes.map((c) => c.rowId),
    changes.map((c) => c.summary),
  ).after;
}

export const regimesMigration = {
  version: 5,
  description: 'policy regimes, dates, links and confidence tiers; profiles per workload with an ultimate parent',
  up: (db: Db): void => {
    db.exec(`
      CREATE TABLE policy_events_v5 (${EVENT_COLUMNS}, PRIMARY KEY (id)) STRICT;
      CREATE TABLE scenario_policy_events_v5 (
        scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        ${EVENT_COLUMNS},
        PRIMARY KEY (scenario_id, id)
      ) STRICT;
      CREATE TABLE company_profiles_v5 (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        hq_country TEXT NOT NULL,
        ultimate_parent_country TEXT,
        state_funded INTEGER NOT NULL CHECK (state_funded IN (0,1)),
        entity_listed INTEGER NOT NULL CHECK (entity_listed IN (0,1)),
        deployment TEXT NOT NULL CHECK (deployment IN ('owned','rented')),
        named_company TEXT,
        training_chips TEXT NOT NULL CHECK (json_valid(training_chips)),
        inference_chips TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(inference_chips)),
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0,1))
      ) STRICT;
    `);
    copyRows(db, 'policy_events', 'policy_events_v5', upgradeEventRow);
    copyRows(db, 'scenario_policy_events', 'scenario_policy_events_v5', upgradeEventRow);
    copyRows(db, 'company_profiles', 'company_profiles_v5', upgradeProfileRow);
    db.exec(`
      DROP TABLE policy_events;
      ALTER TABLE policy_events_v5 RENAME TO policy_events;
      CREATE INDEX policy_events_dates ON policy_events(effective_date, end_date);
      DROP TABLE scenario_policy_events;
      ALTER TABLE scenario_policy_events_v5 RENAME TO scenario_policy_events;
      DROP TABLE company_profiles;
      ALTER TABLE company_profiles_v5 RENAME TO company_profiles;
    `);
    rewriteChangeLog(db, 'policy_events', upgradeEventRow);
    rewriteChangeLog(db, 'scenario_policy_events', upgradeEventRow);
    rewriteChangeLog(db, 'company_profiles', upgradeProfileRow);
  },
};
