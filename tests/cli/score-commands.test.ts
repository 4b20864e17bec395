// `landfall score`, `sensitivity` and `report` on the seed store (Cost first, the China-HQ lab
// renting offshore capacity, 2025-12-15, where six mainland sites share first place): shared ranks
// read "1=", coverage and thin data sit beside every score, the top sentence and the criteria that
// tell nobody apart are printed under the table, and --min-coverage / --thin-data are checked and
// passed through.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv-parse';
import { ReportModel } from '../../shared/report/model';
import { runCliCapturing, type CliRun } from '../backend/cli-capture';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-cli-score-'));
  db = join(dir, 'store.sqlite');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, db);
const SCENARIO = ['--preset', 'cost-first', '--profile', 'cn-private-lab-rented', '--as-of', '2025-12-15'];

const TIE =
  "Beijing (Yizhuang), Gui'an New Area, Qingpu (Shanghai), Shaoguan, Wujiang (Suzhou, Jiangsu) and Zhangjiakou (Huailai) tie for first with the same score: the data does not tell them apart.";

describe('landfall score --format md', () => {
  it('shows shared ranks, coverage (with its stale part) and thin data, then the top sentence and the silent criteria', async () => {
    const run = await cli('score', ...SCENARIO, '--format', 'md');
    expect(run).toMatchObject({ code: 0, err: '' });
    const out = run.out;
    expect(out).toContain('| rank | site | score | coverage | notes |\n| ---: | --- | ---: | ---: | --- |\n');
    expect(out).toMatch(/^\| 1= \| Beijing \(Yizhuang\) \(cn-beijing-yizhuang\) \| 0\.\d{4} \| 75 % \| {2}\|$/m);
    expect(out.match(/^\| 1= \|/gm)).toHaveLength(6);
    expect(out).toMatch(/^\| 9 \| Navi Mumbai \(Mahape\) \([\w-]+\) \| 0\.\d{4} \| 40 % \| thin data \|$/m);
    expect(out).toMatch(/^\| 19= \| Macquarie Park \([\w-]+\) \| 0\.\d{4} \| 15 % \| thin data \|$/m);
    expect(out).toMatch(
      /^\| 15= \| Jurong West \([\w-]+\) \| 0\.\d{4} \| 75 % \(35 % stale\) \| stale: power_price_usc_kwh \|$/m,
    );
    expect(out).toContain(
      `\n${TIE}\n` +
        '14 of 28 sites marked thin data: less than 50 % of the weight rests on known values.\n' +
        'No spread among the known values, so they give nobody anything: tax_incentive (all known values equal, 4 known).\n',
    );
    expect(out).not.toMatch(/ranks first/);
  });

  it('--min-coverage and --thin-data exclude leave thin sites out, with the reason', async () => {
    const run = await cli('score', ...SCENARIO, '--min-coverage', '0.5', '--thin-data', 'exclude', '--format', 'md');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^\| — \| Macquarie Park \([\w-]+\) \| {2}\| 15 % \| excluded: thin data: 15 % of the weight rests on known values, below the minimum of 50 % \|$/m,
    );
    expect(run.out).toContain(
      '14 of 28 sites excluded as thin data: less than 50 % of the weight rests on known values.\n',
    );
  });
});

describe('landfall score --format csv and json', () => {
  it('CSV: tied, coverage, stale coverage, thin and the criteria without a value, per site', async () => {
    const run = await cli('score', ...SCENARIO, '--format', 'csv');
    const [head, ...rows] = parseCsv(run.out)
      .records.map((r) => r.fields)
      .filter((f) => f.length > 1);
    expect(head?.slice(0, 12)).toEqual([
      'rank',
      'site_id',
      'name',
      'score',
      'tied',
      'coverage',
      'stale_coverage',
      'thin',
      'excluded',
      'reasons',
      'stale',
      'no_value',
    ]);
    const beijing = rows.find((r) => r[1] === 'cn-beijing-yizhuang');
    expect([beijing?.[0], beijing?.[4], beijing?.[7], beijing?.[11]]).toEqual([
      '1',
      'true',
      'false',
      'land_cost_usd_m2;tax_incentive',
    ]);
    expect(Number(beijing?.[5])).toBeCloseTo(0.75, 12);
  });

  it('JSON: coverage per site, and the top statement, the coverage settings and the silent criteria', async () => {
    const run = await cli('score', ...SCENARIO, '--min-coverage', '0.3');
    const out = JSON.parse(run.out) as {
      minCoverage: number;
      thinData: string;
      top: { kind: string; siteIds: string[] };
      uninformative: { criterionId: string }[];
      results: { name: string; rank: number; tied: boolean; coverage: number; staleCoverage: number; thin: boolean }[];
    };
    expect(out.minCoverage).toBe(0.3);
    expect(out.thinData).toBe('mark');
    expect(out.top.kind).toBe('tie');
    expect(out.top.siteIds).toHaveLength(6);
    expect(out.uninformative.map((u) => u.criterionId)).toEqual(['tax_incentive']);
    const navi = out.results.find((r) => r.name === 'Navi Mumbai (Mahape)');
    expect(navi).toMatchObject({ rank: 9, tied: false, staleCoverage: 0, thin: false });
    expect(navi?.coverage).toBeCloseTo(0.4, 12);
  });
});

describe('coverage flags are checked before anything runs', () => {
  it.each([
    [['--min-coverage', '1.5'], '--min-coverage must be a number from 0 to 1, not "1.5"'],
    [['--min-coverage', 'half'], '--min-coverage must be a number from 0 to 1, not "half"'],
    [['--min-coverage', ''], '--min-coverage must be a number from 0 to 1, not ""'],
    [['--thin-data', 'hide'], '--thin-data must be one of mark, exclude'],
  ])('score %j', async (flags, message) => {
    const run = await cli('score', '--preset', 'cost-first', ...flags);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });

  it('sensitivity and report refuse them the same way', async () => {
    const sens = await cli('sensitivity', '--preset', 'cost-first', '--thin-data', 'drop');
    expect(sens.code).toBe(2);
    expect(sens.err).toContain('--thin-data must be one of mark, exclude');
    const report = await cli('report', '--preset', 'cost-first', '--min-coverage=-0.1', '--out', join(dir, 'r.md'));
    expect(report.code).toBe(2);
    expect(report.err).toContain('--min-coverage must be a number from 0 to 1, not "-0.1"');
  });

  it('help lists both flags', async () => {
    for (const command of ['score', 'sensitivity', 'report']) {
      const help = await cli(command, '--help');
      expect(help.out).toMatch(/--min-coverage +share of the weight \(0\.\.1\) that must rest on known values/);
      expect(help.out).toMatch(/--thin-data +mark \(default\) or exclude/);
    }
  });
});

describe('landfall sensitivity --format text', () => {
  it('says when first place is shared and how a shared first place is counted', async () => {
    const run = await cli('sensitivity', ...SCENARIO, '--samples', '100', '--steps', '2', '--format', 'text');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^ {2}cn-beijing-yizhuang +first +16\.7% +tied first 100\.0% +mean rank 3\.50$/m);
    expect(run.out).toContain(
      'first: share of samples ranked first, a first place shared by g sites counting 1/g; tied first: share of samples in which the site shared first place',
    );
  });
});

describe('landfall report with coverage flags', () => {
  it('passes them to the report and records them in its command', async () => {
    const out = join(dir, 'thin.json');
    const args = ['--min-coverage', '0.6', '--thin-data', 'exclude', '--samples', '0', '--out', out];
    const run = await cli('report', ...SCENARIO, ...args);
    expect(run.code).toBe(0);
    const report = ReportModel.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.reproducibility.inputs).toMatchObject({ minCoverage: 0.6, thinData: 'exclude' });
    expect(report.minCoverage).toBe(0.6);
    expect(report.reproducibility.command).toContain('--min-coverage 0.6 --thin-data exclude');
    // Kulai's 65 % clears 60 %; Navi Mumbai's 40 % does not.
    expect(report.ranking.find((r) => r.name === 'Kulai')?.excluded).toBe(false);
    expect(report.ranking.find((r) => r.name === 'Navi Mumbai (Mahape)')?.reasons[0]).toMatch(/^thin data: 40 %/);
  });
});
