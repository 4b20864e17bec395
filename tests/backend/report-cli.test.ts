// `landfall report`: the format from --out's extension, the file written whole, --samples 0, usage
// mistakes (exit 2) and backend refusals (exit 1), and --inputs re-running a JSON report exactly.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { reportFormat } from '../../backend/cli/commands/report-commands';
import { parseCsv } from '../../shared/csv-parse';
import { ReportModel } from '../../shared/report/model';
import { runCliCapturing } from './cli-capture';
import { valueOf } from './dispatch-results';

let dir: string;
let dbPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-report-cli-'));
  dbPath = join(dir, 'store.sqlite');
  createBackend({ dbPath, version: 't', backupSchedule: false }).close();
});

let opened: Backend | null = null;
/** A backend on the test's store, for calls the CLI has no command for. */
const backend = (): Backend => (opened ??= createBackend({ dbPath, version: 't', backupSchedule: false }));

afterAll(() => {
  opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

const BASE = ['report', '--preset', 'cost-first', '--profile', 'cn-private-lab-rented', '--as-of', '2025-09-01'];

describe('landfall report', () => {
  it('writes a CSV with one row per site when --out ends in .csv', async () => {
    const out = join(dir, 'ranking.csv');
    const run = await runCliCapturing([...BASE, '--samples', '0', '--out', out], dbPath);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/^wrote .*ranking\.csv \(csv, \d+ KiB\)\n$/);
    const records = parseCsv(readFileSync(out, 'utf8')).records.filter((r) => r.fields.length > 1);
    expect(records[0]?.fields.slice(0, 6)).toEqual(['rank', 'site_id', 'site', 'market', 'country', 'score']);
    expect(records.length - 1).toBeGreaterThanOrEqual(20);
    // No temporary file left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes JSON with the title, author, pinned sites and SMAA settings given', async () => {
    const out = join(dir, 'r.json');
    const run = await runCliCapturing(
      [
        ...BASE,
        '--sites',
        'sg-tuas,my-kulai',
        '--title',
        'For the board',
        '--author',
        'Ops',
        '--samples',
        '250',
        '--seed',
        '9',
        '--out',
        out,
      ],
      dbPath,
    );
    expect(run.code).toBe(0);
    const report = ReportModel.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report).toMatchObject({ title: 'For the board', author: 'Ops', asOf: '2025-09-01' });
    expect(report.compare?.siteIds).toEqual(['sg-tuas', 'my-kulai']);
    expect(report.sensitivity).toMatchObject({ samples: 250, seed: 9 });
  });

  it('re-runs a JSON report with --inputs, overrides included, to the same numbers', async () => {
    const first = join(dir, 'first.json');
    const again = join(dir, 'again.json');
    expect((await runCliCapturing([...BASE, '--method', 'wpm', '--samples', '120', '--out', first], dbPath)).code).toBe(
      0,
    );
    expect((await runCliCapturing(['report', '--inputs', first, '--out', again], dbPath)).code).toBe(0);
    const a = ReportModel.parse(JSON.parse(readFileSync(first, 'utf8')));
    const b = ReportModel.parse(JSON.parse(readFileSync(again, 'utf8')));
    expect(b.method.id).toBe('wpm');
    expect(b.ranking).toEqual(a.ranking);
    expect(b.sensitivity).toEqual(a.sensitivity);
    expect(b.reproducibility.inputs).toEqual(a.reproducibility.inputs);
  });

  it('refuses usage mistakes with exit code 2 and writes nothing', async () => {
    const docx = join(dir, 'x.docx');
    const noExt = await runCliCapturing([...BASE, '--out', docx], dbPath);
    expect(noExt.code).toBe(2);
    expect(noExt.err).toContain('cannot tell the format');
    expect(existsSync(docx)).toBe(false);
    expect((await runCliCapturing([...BASE], dbPath)).err).toContain('--out FILE is required');
    expect((await runCliCapturing(['report', '--out', join(dir, 'y.md')], dbPath)).code).toBe(2);
    const clash = await runCliCapturing([...BASE, '--format', 'csv', '--out', join(dir, 'z.md')], dbPath);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('does not match');
    expect((await runCliCapturing([...BASE, '--samples', 'many', '--out', join(dir, 'z.md')], dbPath)).code).toBe(2);
  });

  it('reports what the backend refuses with exit code 1', async () => {
    const run = await runCliCapturing(['report', '--preset', 'nope', '--out', join(dir, 'n.html')], dbPath);
    expect(run.code).toBe(1);
    expect(run.err).toContain('no preset "nope"');
    expect(existsSync(join(dir, 'n.html'))).toBe(false);
  });
});

describe('the reproducibility command', () => {
  let reruns = 0;
  /** The report's recorded command, run (its words, less "landfall" and --out): the JSON report it writes. */
  async function rerun(command: string): Promise<ReportModel> {
    const words = command.split(' ');
    expect(words.slice(0, 2)).toEqual(['landfall', 'report']);
    const out = join(dir, `again-${++reruns}.json`);
    const args = words.slice(1, words.indexOf('--out'));
    const run = await runCliCapturing([...args, '--out', out], dbPath);
    expect(run).toMatchObject({ code: 0, err: '' });
    return ReportModel.parse(JSON.parse(readFileSync(out, 'utf8')));
  }

  it('carries the legality question and the coverage settings, and re-runs to the same inputs', async () => {
    const out = join(dir, 'question.json');
    const asked = ['--workload', 'inference', '--legality-mode', 'all', '--confidence-floor', 'announced'];
    const coverage = ['--min-coverage', '0.3', '--thin-data', 'exclude'];
    const run = await runCliCapturing([...BASE, ...asked, ...coverage, '--samples', '0', '--out', out], dbPath);
    expect(run.code).toBe(0);
    const report = ReportModel.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.reproducibility.inputs).toMatchObject({
      workload: 'inference',
      legalityMode: 'all',
      confidenceFloor: 'announced',
      minCoverage: 0.3,
      thinData: 'exclude',
    });
    for (const word of [...asked, ...coverage]) expect(report.reproducibility.command.split(' ')).toContain(word);
    const again = await rerun(report.reproducibility.command);
    expect(again.reproducibility.inputs).toEqual(report.reproducibility.inputs);
    expect(again.ranking).toEqual(report.ranking);
  });

  it('sends a scenario field no flag carries to --inputs', async () => {
    const model = await valueOf(backend(), 'report.build', {
      presetId: 'cost-first',
      asOf: '2025-09-01',
      staleAfterDays: 90,
      sensitivity: null,
    });
    expect(model.reproducibility.inputs.staleAfterDays).toBe(90);
    expect(model.staleAfterDays).toBe(90);
    expect(model.reproducibility.command).toMatch(/^landfall report --inputs report\.json /);
  });
});

describe('reportFormat', () => {
  it('reads the extension, case-blind, and lets --format say it instead', () => {
    expect(reportFormat('a/b/Report.PDF', undefined)).toBe('pdf');
    expect(reportFormat('r.markdown', undefined)).toBe('md');
    expect(reportFormat('r.htm', 'auto')).toBe('html');
    expect(reportFormat('report', 'json')).toBe('json');
    expect(() => reportFormat('report', undefined)).toThrow(/cannot tell the format/);
  });
});
