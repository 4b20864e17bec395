import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { contentHash } from '../../db/transfer/content-hash';
import type { ApiError, Result } from '../../shared/errors';
import type { ExportOutput, ImportPreview, ImportResult } from '../../shared/model/transfer';
import { runCliCapturing, type CliRun } from './cli-capture';

const SOURCE = 'Survey,https://example.org/s,2025-03-01';
const HEAD = 'id,name,country,region,lat,lon,source_title,source_url,as_of';

let backend: Backend;

beforeEach(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't' });
});

afterEach(() => {
  backend.close();
});

const ok = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const err = (result: Result<unknown>): ApiError => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};
const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

describe('import.preview and import.commit', () => {
  it('previews without writing, then commits and announces the change', async () => {
    const text = `${HEAD}\nnew-1,New one,SG,sg,1.3,103.7,${SOURCE}\n`;
    const before = contentHash(backend.db);
    const preview = ok<ImportPreview>(await backend.dispatch('import.preview', { kind: 'sites-csv', content: text }));
    expect(preview.added.map((e) => e.id)).toEqual(['new-1']);
    expect(contentHash(backend.db)).toBe(before);

    const heard: unknown[] = [];
    backend.events.onAny((name, payload) => heard.push([name, payload]));
    const result = ok<ImportResult>(
      await backend.dispatch('import.commit', { kind: 'sites-csv', contentBase64: b64(text) }),
    );
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.added.map((e) => e.id)).toEqual(['new-1']);
    expect(heard).toEqual([['data.changed', { tables: ['sites'] }]]);
    const sites = ok<{ id: string }[]>(await backend.dispatch('sites.list', {}));
    expect(sites.map((s) => s.id)).toContain('new-1');
  });

  it('refuses a bad file with invalid_input, one issue per bad row and column, and changes nothing', async () => {
    const text = `${HEAD}\na,A,SG,sg,95,103.7,${SOURCE}\nb,B,SG,sg,1,east,${SOURCE}\n`;
    const before = contentHash(backend.db);
    const heard: unknown[] = [];
    backend.events.onAny((name) => heard.push(name));
    const error = err(await backend.dispatch('import.commit', { kind: 'sites-csv', content: text }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/nothing was changed/);
    expect(error.issues).toEqual([
      { path: 'row 2, column lat', message: 'latitude 95 is outside -90 to 90' },
      { path: 'row 3, column lon', message: 'longitude "east" is not a number' },
    ]);
    expect(contentHash(backend.db)).toBe(before);
    expect(heard).toEqual([]);
  });

  it('names a UTF-16 file and a Latin-1 file sent as bytes', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEAD}\n`, 'utf16le')]);
    const preview = ok<ImportPreview>(
      await backend.dispatch('import.preview', { kind: 'sites-csv', contentBase64: b64(utf16) }),
    );
    expect(preview.errors).toEqual([
      { table: null, row: null, line: null, column: null, message: expect.stringContaining('UTF-16 LE') as unknown },
    ]);
    const latin1 = Buffer.from(`${HEAD}\nx,Café,SG,sg,1,2,${SOURCE}\n`, 'latin1');
    const error = err(await backend.dispatch('import.commit', { kind: 'sites-csv', contentBase64: b64(latin1) }));
    expect(error.message).toMatch(/not valid UTF-8 at line 2/);
  });

  it('refuses an input with both or neither of content and contentBase64, or bad base64', async () => {
    for (const input of [
      { kind: 'sites-csv' },
      { kind: 'sites-csv', content: 'a', contentBase64: 'YQ==' },
      { kind: 'sites-csv', contentBase64: 'not base64!' },
      { kind: 'xlsx', content: 'a' },
    ]) {
      expect(err(await backend.dispatch('import.preview', input)).code).toBe('invalid_input');
    }
  });

  it('reports a write failure as a clear error with nothing changed', async () => {
    backend.db.exec(`CREATE TRIGGER t BEFORE INSERT ON sites BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const before = contentHash(backend.db);
    const error = err(
      await backend.dispatch('import.commit', { kind: 'sites-csv', content: `${HEAD}\nz,Z,SG,sg,1,2,${SOURCE}\n` }),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/disk on fire.*nothing was changed/);
    expect(contentHash(backend.db)).toBe(before);
  });
});

describe('export.table', () => {
  it('exports a table as CSV and the whole store as JSON that imports back', async () => {
    const csv = ok<ExportOutput>(await backend.dispatch('export.table', { table: 'sites', format: 'csv' }));
    expect(csv.filename).toBe('landfall-sites.csv');
    expect(csv.content.startsWith('id,name,country,region,lat,lon,')).toBe(true);
    const all = ok<ExportOutput>(await backend.dispatch('export.table', { table: 'all', format: 'json' }));
    const preview = ok<ImportPreview>(
      await backend.dispatch('import.preview', { kind: 'database-json', content: all.content }),
    );
    expect(preview.added).toEqual([]);
    expect(preview.changed).toEqual([]);
    expect(preview.errors).toEqual([]);
  });

  it('refuses the whole store as CSV and an unknown table', async () => {
    expect(err(await backend.dispatch('export.table', { table: 'all', format: 'csv' })).issues[0]?.path).toBe('format');
    expect(err(await backend.dispatch('export.table', { table: 'meta', format: 'json' })).code).toBe('invalid_input');
  });
});

describe('landfall import / export', () => {
  let dir: string;
  let dbPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'landfall-transfer-cli-'));
    dbPath = join(dir, 'cli.sqlite');
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, dbPath);

  const sitesJson = async (): Promise<{ id: string }[]> => JSON.parse((await cli('sites')).out) as { id: string }[];

  it('--dry-run prints the preview and writes nothing; without it, imports', async () => {
    const file = join(dir, 'new.csv');
    writeFileSync(
      file,
      `\uFEFF${HEAD.replaceAll(',', ';')}\r\ncli-1;"Cli; one";SG;sg;1,25;103,5;Survey;https://example.org/s;2025-03-01\r\n`,
    );
    const before = (await sitesJson()).length;
    const dry = await cli('import', file, '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toContain('1 added, 0 changed, 0 unchanged');
    expect(dry.out).toContain('+ sites cli-1 (row 2)');
    expect((await sitesJson()).length).toBe(before);

    const run = await cli('import', file);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^imported sites-csv \(change batch [0-9a-f-]{36}\): 1 added/);
    expect((await sitesJson()).map((s) => s.id)).toContain('cli-1');
  });

  it('prints every bad row and column, exits 1 and leaves the data unchanged', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      `${HEAD}\ncli-2,Two,SG,sg,1,2,${SOURCE}\ncli-3,Three,SG,sg,-95,2,${SOURCE}\ncli-2,Dup,SG,sg,1,2,${SOURCE}\n`,
    );
    const before = await sitesJson();
    const run = await cli('import', file);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      'landfall import: import refused: 3 problem(s); nothing was changed\n' +
        '  row 2, column id: duplicate id "cli-2": also on row 4\n' +
        '  row 3, column lat: latitude -95 is outside -90 to 90\n' +
        '  row 4, column id: duplicate id "cli-2": also on row 2\n',
    );
    expect(await sitesJson()).toEqual(before);
  });

  it('guesses the kind from a JSON export, and refuses a file it cannot place', async () => {
    const out = join(dir, 'presets.json');
    expect((await cli('export', '--kind', 'presets', '--out', out)).code).toBe(0);
    const again = await cli('import', out, '--format', 'json');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as ImportResult).kind).toBe('presets-json');

    const bare = join(dir, 'bare.json');
    writeFileSync(bare, '[]');
    const run = await cli('import', bare);
    expect(run.code).toBe(2);
    expect(run.err).toContain('pass --kind');
    expect((await cli('import', bare, '--kind', 'presets-json')).code).toBe(0);
    expect((await cli('import', bare, '--kind', 'nonsense')).code).toBe(2);
    expect((await cli('import', join(dir, 'missing.csv'))).code).toBe(2);
  });

  it('exports to stdout, or atomically to --out, and every table as CSV into a directory', async () => {
    const stdout = await cli('export', '--kind', 'sites', '--format', 'csv');
    expect(stdout.code).toBe(0);
    expect(stdout.out.split('\r\n')[0]?.startsWith('id,name,country,region,lat,lon,status,')).toBe(true);

    const file = join(dir, 'store.json');
    const run = await cli('export', '--out', file);
    expect(run).toEqual({ code: 0, out: `wrote ${file}\n`, err: '' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'landfall.database', version: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const csvDir = join(dir, 'csv');
    expect((await cli('export', '--kind', 'all', '--format', 'csv', '--out', csvDir)).code).toBe(0);
    expect(readdirSync(csvDir).sort()).toContain('landfall-metric-values.csv');
    expect((await cli('export', '--kind', 'all', '--format', 'csv')).code).toBe(2);
    expect((await cli('export', '--kind', 'nope')).code).toBe(2);
  });

  it('lists import and export in the help', async () => {
    const help = await cli('--help');
    expect(help.out).toMatch(/^ {2}import +Import a sites CSV/m);
    expect(help.out).toMatch(/^ {2}export +Export a table/m);
  });
});
