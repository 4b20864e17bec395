// Migration 7: a site names its operator (the company that runs or builds the campus), null for a
// district or park that several operators share. Older change-log images of sites gain
// `operator: null`, so undoing an edit made before the upgrade writes a complete row.
import type { Db } from './db';
import { rewriteChangeLog, type Row } from './migration-regimes';

export const siteOperatorMigration = {
  version: 7,
  description: 'sites name their operator',
  up: (db: Db): void => {
    db.exec(`ALTER TABLE sites ADD COLUMN operator TEXT CHECK (operator IS NULL OR length(trim(operator)) > 0)`);
    rewriteChangeLog(db, 'sites', (r: Row): Row => ('operator' in r ? r : { ...r, operator: null }));
  },
};
