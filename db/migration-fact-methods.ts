// Migration 6: every known metric value says how it was obtained (method), with its derivation
// (required for derived values and estimates) and the repository path of its sourced table.
//
// SQLite cannot add a table CHECK to an existing table, so metric_values is rebuilt and its rows
// copied with their ids (change_log.row_id points at them). Which method a stored value had was
// never recorded, and it cannot be inferred: a source's title does not say whether the figure is a
// regulator's, a measurement or someone's estimate. So each known value becomes an estimate whose
// derivation says the method was not recorded (METHOD_NOT_RECORDED) rather than `official`, which
// would claim a provenance no one checked; data health counts these apart, and restating one is an
// ordinary edit. Missing values have no method. The change log's images of metric values are
// rewritten the same way, so undoing an edit made before the upgrade writes a row the checks accept.
import type { Db } from './db';
import { DERIVATION_NEEDED, FactMethod, METHOD_NOT_RECORDED } from '../shared/model/facts';
import { rewriteChangeLog, type Row } from './migration-regimes';

const METHOD_CHECK = FactMethod.options.map((m) => `'${m}'`).join(',');
const NEEDS_DERIVATION = FactMethod.options
  .filter((m) => DERIVATION_NEEDED[m] !== null)
  .map((m) => `'${m}'`)
  .join(',');

/** A metric-value row (or change-log image of one) as the new columns want it. */
export function upgradeFactRow(r: Row): Row {
  if ('method' in r) return r;
  const known = r.value !== null && r.value !== undefined;
  return known ? { ...r, ...METHOD_NOT_RECORDED } : { ...r, method: null, derivation: null, reference: null };
}

export const factMethodsMigration = {
  version: 6,
  description: 'metric values record their method (official, measured, derived, estimate), derivation and reference',
  up: (db: Db): void => {
    db.exec(`
      CREATE TABLE metric_values_v6 (
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
        method TEXT CHECK (method IN (${METHOD_CHECK})),
        derivation TEXT,
        reference TEXT,
        CHECK ((market_id IS NULL) <> (site_id IS NULL)),
        CHECK ((value IS NULL) <> (missing_reason IS NULL)),
        CHECK (value IS NULL OR (source_url IS NOT NULL AND as_of IS NOT NULL)),
        CHECK (low IS NULL OR high IS NULL OR low <= high),
        -- A known value says how it was obtained; a missing one has no value to say it of.
        CHECK ((value IS NULL) = (method IS NULL)),
        CHECK (value IS NOT NULL OR (derivation IS NULL AND reference IS NULL)),
        -- A derived value shows its formula, an estimate its reasoning.
        CHECK (method IS NULL OR method NOT IN (${NEEDS_DERIVATION}) OR length(trim(coalesce(derivation, ''))) > 0)
      ) STRICT;
    `);
    const insert = db.prepare(`
      INSERT INTO metric_values_v6 (id, criterion_id, market_id, site_id, value, low, high, missing_reason,
        source_title, source_url, as_of, note, method, derivation, reference)
      VALUES (@id, @criterion_id, @market_id, @site_id, @value, @low, @high, @missing_reason,
        @source_title, @source_url, @as_of, @note, @method, @derivation, @reference)`);
    for (const r of db.prepare<[], Row>('SELECT * FROM metric_values').all()) insert.run(upgradeFactRow(r));
    db.exec(`
      DROP TABLE metric_values;
      ALTER TABLE metric_values_v6 RENAME TO metric_values;
      CREATE UNIQUE INDEX metric_values_market ON metric_values(criterion_id, market_id) WHERE market_id IS NOT NULL;
      CREATE UNIQUE INDEX metric_values_site ON metric_values(criterion_id, site_id) WHERE site_id IS NOT NULL;
      CREATE INDEX metric_values_site_lookup ON metric_values(site_id);
    `);
    rewriteChangeLog(db, 'metric_values', upgradeFactRow);
  },
};
