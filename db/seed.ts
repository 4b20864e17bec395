// Inserts the starter data once. INSERT OR IGNORE keeps it idempotent and never overwrites an edit.
import type Database from 'better-sqlite3';
import { fixtureMarkets, fixtureSites } from './fixture-sites';

export function seedFixture(db: Database.Database): void {
  const insertMarket = db.prepare('INSERT OR IGNORE INTO markets (id, name, country) VALUES (@id, @name, @country)');
  const insertSite = db.prepare(`
    INSERT OR IGNORE INTO sites (id, name, market_id, lat, lon, capacity_existing_mw,
      capacity_planned_mw, status, notes, source_title, source_url, source_as_of)
    VALUES (@id, @name, @marketId, @lat, @lon, @existingMw, @plannedMw, @status, @notes,
      @sourceTitle, @sourceUrl, @sourceAsOf)`);
  db.transaction(() => {
    for (const m of fixtureMarkets) insertMarket.run(m);
    for (const s of fixtureSites) {
      const { source, ...rest } = s;
      insertSite.run({
        ...rest,
        sourceTitle: source.title,
        sourceUrl: source.url,
        sourceAsOf: source.asOf,
      });
    }
  })();
}
