import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../backend/cli/main';
import type { CliIo } from '../../backend/cli/io';
import { appVersion } from '../../backend/version';
import { latestVersion } from '../../db/migrations';
import { seedSites } from '../../db/seed/sites';
import { failure } from '../../shared/errors';

interface Run {
  code: number;
  out: string;
  err: string;
}

let dir: string;
let dbPath: string;

async function cli(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** Runs a command against the test database. */
const onDb = (...argv: string[]): Promise<Run> => cli(...argv, '--db', dbPath);

const CSV_HEADER = 'id,name,market,country,lat,lon,existing_mw,planned_mw,status,operator,source_url,source_as_of';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-cli-'));
  dbPath = join(dir, 'cli.sqlite');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('landfall info', () => {
  it('prints the app facts as JSON', async () => {
    const run = await onDb('info');
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(run.out)).toEqual({
      name: 'Landfall',
      version: appVersion,
      schemaVersion: latestVersion,
      dbPath: resolve(dbPath),
      siteCount: seedSites.length,
      readOnly: false,
      readOnlyReason: null,
      readOnlyCause: null,
    });
  });

  it('prints key: value lines with --format text', async () => {
    const run = await onDb('info', '--format', 'text');
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toContain('name: Landfall');
    expect(run.out.split('\n')).toContain(`siteCount: ${seedSites.length}`);
  });
});

describe('landfall sites', () => {
  it('prints every seeded site as a JSON array by default and with --format json', async () => {
    for (const args of [['sites'], ['sites', '--format', 'json']]) {
      const run = await onDb(...args);
      expect(run).toMatchObject({ code: 0, err: '' });
      const sites = JSON.parse(run.out) as { id: string; source: { url: string } }[];
      expect(Array.isArray(sites)).toBe(true);
      expect(sites).toHaveLength(seedSites.length);
      expect(sites.map((s) => s.id)).toContain('sg-tuas');
    }
  });

  it('prints CSV with a header line and one line per site', async () => {
    const run = await onDb('sites', '--format', 'csv');
    expect(run.code).toBe(0);
    expect(run.out.endsWith('\r\n')).toBe(true);
    const lines = run.out.slice(0, -2).split('\r\n');
    expect(lines).toHaveLength(seedSites.length + 1);
    expect(lines[0]).toBe(CSV_HEADER);
    // Ashburn is a district with no single operator: the operator cell is empty.
    expect(lines).toContain(
      'us-ashburn,Ashburn,Northern Virginia,US,39.0438,-77.4874,,,operational,,https://cushwake.cld.bz/apac-dc-h2-2023-update/5,2023-12-31',
    );
  });

  it('filters by --country', async () => {
    const all = JSON.parse((await onDb('sites')).out) as { country: string }[];
    const run = await onDb('sites', '--country', 'SG', '--format', 'json');
    expect(run.code).toBe(0);
    const sites = JSON.parse(run.out) as { country: string }[];
    expect(sites.length).toBeGreaterThan(1);
    expect(sites).toHaveLength(all.filter((s) => s.country === 'SG').length);
    expect(new Set(sites.map((s) => s.country))).toEqual(new Set(['SG']));
  });

  it('filters by --status, in CSV too', async () => {
    const run = await onDb('sites', '--status', 'land_bank', '--format', 'csv');
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split('\r\n');
    // Seed v5 holds two land banks, both in Johor: the Pulai district and Microsoft's Kulai site.
    const landBanks = seedSites.filter((x) => x.status === 'land_bank').map((x) => x.id);
    expect(landBanks.sort()).toEqual(['my-microsoft-ebp6-kulai', 'my-pulai']);
    expect(lines).toHaveLength(landBanks.length + 1);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(landBanks);
    expect(lines.some((l) => l.startsWith('my-pulai,Pulai,Johor,MY,'))).toBe(true);
  });

  it('refuses an unknown --format with exit 2 and names --format', async () => {
    const run = await onDb('sites', '--format', 'xml');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('--format must be one of json, csv, not "xml"');
    expect(run.err).toContain('Usage: landfall sites');
  });

  it('reports invalid input from the backend with exit 1, naming the field', async () => {
    const run = await onDb('sites', '--country', 'usa');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(/^landfall sites: invalid input for sites\.list \(country: /);
  });

  it('refuses an unknown option with exit 2', async () => {
    const run = await onDb('sites', '--bogus');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('--bogus');
  });

  it('refuses a positional argument with exit 2', async () => {
    const run = await onDb('sites', 'SG');
    expect(run.code).toBe(2);
  });

  it('refuses --country without a value with exit 2', async () => {
    const run = await cli('sites', '--db', dbPath, '--country');
    expect(run.code).toBe(2);
  });

  it('shows its own options with --help', async () => {
    const run = await cli('sites', '--help');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: landfall sites');
    expect(run.out).toContain('--country');
    expect(run.out).toContain('--status');
    expect(run.out).toContain('json or csv (default json)');
  });
});

describe('landfall (top level)', () => {
  it('lists the commands with --help and exits 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = await cli(flag);
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      expect(run.out).toContain('Usage: landfall <command>');
      expect(run.out).toMatch(/^ {2}info +Show the app version/m);
      expect(run.out).toMatch(/^ {2}sites +List candidate sites/m);
      expect(run.out).toContain('--db');
    }
  });

  it('prints usage and exits 2 when no command is given', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.out).toContain('Commands:');
  });

  it('refuses an unknown command with exit 2', async () => {
    const run = await cli('frobnicate');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('unknown command "frobnicate"');
    expect(run.err).toContain('Commands:');
  });

  it('prints the version', async () => {
    const run = await cli('--version');
    expect(run).toEqual({ code: 0, out: `${appVersion}\n`, err: '' });
  });
});

describe('runCli with an injected backend', () => {
  it('passes the resolved --db path, reports backend errors with exit 1 and always closes', async () => {
    const opened: string[] = [];
    let closed = 0;
    let out = '';
    let err = '';
    const code = await runCli(
      ['sites', '--db', 'relative/x.sqlite'],
      { out: (t) => (out += t), err: (t) => (err += t) },
      (path) => {
        opened.push(path);
        return {
          dispatch: () => Promise.resolve(failure('internal', 'store exploded', [{ path: 'sites', message: 'gone' }])),
          close: () => {
            closed += 1;
          },
        };
      },
    );
    expect(code).toBe(1);
    expect(opened).toEqual([resolve('relative/x.sqlite')]);
    expect(closed).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('landfall sites: store exploded (sites: gone)\n');
  });

  it('exits 1 with the message when opening the backend throws', async () => {
    let err = '';
    const code = await runCli(['info', '--db', 'x.sqlite'], { out: () => undefined, err: (t) => (err += t) }, () => {
      throw new Error('this database has schema version 99, newer than this app understands');
    });
    expect(code).toBe(1);
    expect(err).toContain('newer than this app understands');
  });
});
