// The one name for an open database handle, so the repositories, migrations and transfer code do not
// each restate better-sqlite3's type.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
