import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { writeFileAtomic } from '../../db/transfer/atomic-file';
import { contentHash, rowCounts } from '../../db/transfer/content-hash';
import { exportTable } from '../../db/transfer/export';
import { commitImport } from '../../db/transfer/import';
import { parseCsv } from '../../shared/csv-parse';
import { DataTable, ExportTable, tableImportKind } from '../../shared/model/transfer';
import { addReference, copyTables, emptyDb, populate, type Db } from './transfer-fixture';

let source: Db;

beforeEach(() => {
  source = emptyDb();
  populate(source);
});

afterEach(() => {
  source.close();
});

/**
 * An import never trusts `builtin` from a file: into a store without them, a file's built-in presets
 * arrive as the user's own. Asserts that, then makes `db` say the same, so the rest can be compared.
 */
function presetsAsImported(target: Db, db: Db): void {
  const builtins = target.prepare('SELECT count(*) AS n FROM presets WHERE builtin = 1').get();
  expect(builtins).toEqual({ n: 0 });
  db.prepare('UPDATE presets SET builtin = 0').run();
}

describe('JSON round trip', () => {
  it('exports the whole store and imports it into an empty store with the same content hash', () => {
    const file = exportTable(source, 'all', 'json');
    expect(file.filename).toBe('landfall-database.json');
    const target = emptyDb();
    const { result } = commitImport(target, 'database-json', file.content);
    expect(result.changed).toEqual([]);
    expect(rowCounts(target)).toEqual(rowCounts(source));
    presetsAsImported(target, source);
    expect(contentHash(target)).toBe(contentHash(source));
    // And an export of the copy holds the same records.
    const again = exportTable(source, 'all', 'json').content;
    expect(JSON.parse(exportTable(target, 'all', 'json').content)).toEqual(JSON.parse(again));
    target.close();
  });

  it('round-trips the seeded store too', () => {
    const seeded = openDatabase(':memory:');
    const target = emptyDb();
    commitImport(target, 'database-json', exportTable(seeded, 'all', 'json').content);
    presetsAsImported(target, seeded);
    expect(contentHash(target)).toBe(contentHash(seeded));
    seeded.close();
    target.close();
  });

  it('round-trips one table at a time, in dependency order', () => {
    const target = emptyDb();
    for (const table of DataTable.options) {
      const file = exportTable(source, table, 'json');
      expect(file.filename).toBe(`landfall-${table.replaceAll('_', '-')}.json`);
      commitImport(target, tableImportKind[table], file.content);
    }
    presetsAsImported(target, source);
    expect(contentHash(target)).toBe(contentHash(source));
    target.close();
  });

  it('a second import of the same export changes nothing and logs nothing', () => {
    const file = exportTable(source, 'all', 'json').content;
    const before = contentHash(source);
    const { result } = commitImport(source, 'database-json', file);
    expect(result.added).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.unchanged.length).toBeGreaterThan(20);
    expect(contentHash(source)).toBe(before);
    expect(source.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 0 });
  });

  it('the content hash sees a one-character change and a changed JSON value, but not JSON key order', () => {
    const before = contentHash(source);
    source.prepare('UPDATE presets SET weights = \'{"latency_sg":0.25,"power_price":0.5}\'').run();
    expect(contentHash(source)).toBe(before);
    source.prepare('UPDATE presets SET weights = \'{"latency_sg":0.25,"power_price":0.6}\'').run();
    expect(contentHash(source)).not.toBe(before);
    source.prepare('UPDATE presets SET weights = \'{"latency_sg":0.25,"power_price":0.5}\'').run();
    source.prepare("UPDATE sites SET notes = notes || '.' WHERE id = 'sg-tuas'").run();
    expect(contentHash(source)).not.toBe(before);
  });
});

describe('sites CSV round trip', () => {
  it('exports sites and their facts and imports them into a store with the same markets and criteria', () => {
    const file = exportTable(source, 'sites', 'csv');
    expect(file.filename).toBe('landfall-sites.csv');
    const target = emptyDb();
    copyTables(source, target, [
      'jurisdictions',
      'markets',
      'criteria',
      'chips',
      'policy_events',
      'company_profiles',
      'presets',
    ]);
    // Market-level facts are not part of a sites file; copy them so the whole-store hash can compare.
    for (const r of source.prepare('SELECT * FROM metric_values WHERE market_id IS NOT NULL').all() as Record<
      string,
      unknown
    >[]) {
      const { id: _id, ...rest } = r;
      const cols = Object.keys(rest);
      target
        .prepare(`INSERT INTO metric_values (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(rest);
    }
    const { result } = commitImport(target, 'sites-csv', file.content);
    expect(
      result.added
        .filter((e) => e.table === 'sites')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['cn-zhangbei', 'my-sedenak', 'sg-tuas', 'us-ashburn']);
    expect(result.added.filter((e) => e.table === 'markets')).toEqual([]);
    expect(contentHash(target)).toBe(contentHash(source));
    target.close();
  });

  it('writes the wide header, each row’s shared source once, and per-criterion columns only where needed', () => {
    const { content } = exportTable(source, 'sites', 'csv');
    const [header] = parseCsv(content).records;
    expect(header?.fields).toEqual([
      'id',
      'name',
      'country',
      'region',
      'lat',
      'lon',
      'status',
      'capacity_existing_mw',
      'capacity_planned_mw',
      'notes',
      'operator',
      'origin',
      'site_source_title',
      'site_source_url',
      'site_source_as_of',
      'source_title',
      'source_url',
      'as_of',
      // my-sedenak's two values have different sources: the row takes one (a tie: the first criterion
      // id), the other gets its own columns.
      'power_price',
      'power_price.source_title',
      'power_price.source_url',
      'power_price.as_of',
      // Every known value says its method; a derivation or reference only where one is stored.
      'power_price.method',
      'power_price.derivation',
      'power_price.reference',
      'latency_sg',
      'latency_sg.low',
      'latency_sg.high',
      'latency_sg.note',
      'latency_sg.method',
      'latency_sg.derivation',
      // Missing values only: no method columns.
      'water_stress',
      'water_stress.note',
      'water_stress.missing_reason',
      'water_stress.source_title',
      'water_stress.source_url',
      'water_stress.as_of',
    ]);
  });

  it('a sites file without facts round-trips the sites table', () => {
    const bare = emptyDb();
    addReference(bare);
    copyTables(source, bare, ['sites']);
    const target = emptyDb();
    addReference(target);
    commitImport(target, 'sites-csv', exportTable(bare, 'sites', 'csv').content);
    expect(contentHash(target)).toBe(contentHash(bare));
    bare.close();
    target.close();
  });
});

describe('CSV export', () => {
  it('escapes cells that start with =, +, - or @ and leaves numbers alone', () => {
    const { content } = exportTable(source, 'sites', 'csv');
    const rows = parseCsv(content).records.map((r) => r.fields);
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(byId.get('my-sedenak')?.[1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(byId.get('cn-zhangbei')?.[1]).toBe("'-north campus");
    expect(byId.get('cn-zhangbei')?.[9]).toBe("'@mention +plus");
    expect(byId.get('us-ashburn')?.[9]).toBe("''=already escaped");
    // A negative number is a number, not a formula: no apostrophe.
    expect(byId.get('us-ashburn')?.[5]).toBe('-77.4874');
    expect(content).toContain(',-0.5,');
    // The raw text of a quoted, escaped cell.
    expect(content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // A derivation is text like any other.
    expect(content).toContain(",'=same metro,");
  });

  it('escapes formula-looking cells in every other table too', () => {
    source.prepare("UPDATE chips SET notes = '+cmd|calc' WHERE id = 'h100'").run();
    const { content } = exportTable(source, 'chips', 'csv');
    expect(content).toContain(",'+cmd|calc,");
    expect(content.split('\r\n')[0]).toBe(
      'id,vendor,name,chip_class,tpp,memory_gb,notes,source_title,source_url,as_of',
    );
  });

  it('exports every table in both formats', () => {
    for (const table of ExportTable.options) {
      for (const format of ['csv', 'json'] as const) {
        const file = exportTable(source, table, format);
        expect(file.filename.endsWith(`.${format}`)).toBe(true);
        if (format === 'json') expect(() => JSON.parse(file.content) as unknown).not.toThrow();
        else expect(parseCsv(file.content).problems).toEqual([]);
      }
    }
  });

  it('refuses the whole store as CSV', () => {
    expect(() => exportTable(source, 'all', 'csv')).toThrow(/JSON only/);
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-export-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the file and leaves no temporary file behind', () => {
    const path = join(dir, 'sites.csv');
    writeFileAtomic(path, 'a,b\r\n1,2\r\n');
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(readdirSync(dir)).toEqual(['sites.csv']);
  });

  it('replaces an existing file by rename: a new inode, and a hard link to the old one keeps the old bytes', () => {
    const path = join(dir, 'out.json');
    writeFileSync(path, 'old');
    linkSync(path, join(dir, 'old-link'));
    const inode = statSync(path).ino;
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).ino).not.toBe(inode);
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['old-link', 'out.json']);
  });

  it('on a failed rename keeps the target as it was and removes the temporary file', () => {
    const path = join(dir, 'taken');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    expect(() => writeFileAtomic(path, 'content')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(path)).toEqual(['inside']);
  });
});
