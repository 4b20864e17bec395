// The PDF outside Electron: finding a Chromium (and saying what was searched when there is none),
// then a real print of the seeded report with the system Chromium, its text extracted with
// pdftotext (poppler-utils) and checked page by page, and every page rendered to PNG under
// test-results/report-pdf/ to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import {
  chromiumCandidates,
  chromiumPdfPrinter,
  findChromium,
  noChromiumMessage,
} from '../../backend/services/report/report-pdf';
import type { ReportModel } from '../../shared/report/model';
import { rankLabel } from '../../shared/score-words';
import { errorOf, valueOf } from './dispatch-results';

describe('finding a Chromium', () => {
  it('looks at CHROMIUM_PATH first, then the usual places, then PATH', () => {
    const env = { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/a:/b' };
    const list = chromiumCandidates(env, 'linux');
    expect(list[0]).toBe('/opt/my/chrome');
    expect(list.indexOf('/usr/bin/chromium')).toBeLessThan(list.indexOf('/a/chromium'));
    expect(list).toContain('/b/google-chrome');
    expect(findChromium(env, 'linux', (p) => p === '/b/google-chrome' || p === '/a/chromium').path).toBe('/a/chromium');
    expect(findChromium(env, 'linux', (p) => p === '/opt/my/chrome').path).toBe('/opt/my/chrome');
    expect(chromiumCandidates({}, 'darwin')[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('refuses a PDF with a message naming every place it looked, and leaves HTML working', async () => {
    const backend = createBackend({
      dbPath: ':memory:',
      version: 't',
      printPdf: chromiumPdfPrinter({ env: { PATH: '/nowhere' }, platform: 'linux', exists: () => false }),
    });
    try {
      const input = { presetId: 'cost-first', sensitivity: null };
      const error = await errorOf(backend, 'report.render', { ...input, format: 'pdf' });
      expect(error.code).toBe('not_found');
      expect(error.message).toBe(noChromiumMessage({ PATH: '/nowhere' }, 'linux'));
      for (const place of ['CHROMIUM_PATH (not set)', '/usr/bin/chromium', '/usr/bin/google-chrome', 'on PATH']) {
        expect(error.message).toContain(place);
      }
      expect(error.message).toContain('apt-get install chromium');
      expect((await valueOf(backend, 'report.render', { ...input, format: 'html' })).content).toContain('<html');
    } finally {
      backend.close();
    }
  });
});

const chromium = findChromium().path;
const hasPoppler = ((): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Needs Chromium and poppler-utils (both installed by .ci/run); skipped, not failed, without them.
describe.skipIf(chromium === null || !hasPoppler)('a printed report', () => {
  const dir = join(process.cwd(), 'test-results', 'report-pdf');
  let backend: Backend;
  let model: ReportModel;
  let pages: string[];

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    backend = createBackend({ dbPath: ':memory:', version: '1.2.3' });
    const input = {
      presetId: 'cost-first',
      profileId: 'cn-private-lab-rented',
      asOf: '2025-09-01',
      sites: ['sg-tuas', 'my-kulai'],
      title: 'Johor or Singapore',
      author: 'Test Planner',
      sensitivity: { samples: 500, seed: 5 },
    };
    model = await valueOf(backend, 'report.build', input);
    const pdf = await valueOf(backend, 'report.render', { ...input, format: 'pdf' });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64' });
    expect(pdf.filename).toBe('johor-or-singapore-2025-09-01.pdf');
    const file = join(dir, pdf.filename);
    writeFileSync(file, Buffer.from(pdf.content, 'base64'));
    // pdftotext separates pages with form feeds.
    pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, 'page')]);
  }, 60_000);

  afterAll(() => backend?.close());

  it('is an A4 document of several pages, each numbered "Page i of n"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
    const info = execFileSync('pdfinfo', [join(dir, 'johor-or-singapore-2025-09-01.pdf')], { encoding: 'utf8' });
    // A4 is 595 × 842 points; poppler names it.
    expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('opens with the title, author, data date and the executive summary, the map right after it', () => {
    const first = pages[0] as string;
    for (const text of ['Johor or Singapore', 'Test Planner', '2025-09-01', 'Executive summary']) {
      expect(first).toContain(text);
    }
    expect(first).toContain(model.ranking[0]?.name as string);
    // The summary (with its coverage statement) may fill the first page; the map then opens the second.
    expect(
      pages
        .slice(0, 2)
        .join('\n')
        .split('\n')
        .some((line) => line.trim() === 'Map'),
    ).toBe(true);
  });

  it('has every section, in order, each heading on the page where the section starts', () => {
    const sections = [
      'Ranking',
      'Score contributions',
      'Compare pinned sites',
      'Chip legality',
      'Sensitivity',
      'Method, normalisation and weights',
      'Sources',
      'Reproducibility',
    ];
    const at = sections.map((s) => pages.findIndex((p) => p.split('\n').some((line) => line.trim() === s)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Sections that start a page put their heading at its top.
    for (const s of ['Score contributions', 'Chip legality', 'Sensitivity', 'Sources', 'Reproducibility']) {
      const page = pages[at[sections.indexOf(s)] as number] as string;
      expect(
        page
          .split('\n')
          .find((l) => l.trim() !== '')
          ?.trim(),
      ).toBe(s);
    }
  });

  it('lists the ranking in rank order, and the reproducibility block with the hash and seed', () => {
    const text = pages.join('\n');
    const ranking = text.slice(text.indexOf('\nRanking'), text.indexOf('Score contributions'));
    const positions = model.ranking
      .filter((r) => r.rank !== null && r.rank <= 10)
      .map((r) => ranking.indexOf(` ${rankLabel(r.rank, r.tied)} `));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const last = pages.slice(pages.findIndex((p) => p.includes('Reproducibility'))).join('\n');
    expect(last).toContain(model.reproducibility.databaseHash);
    expect(last).toContain('"seed": 5');
    expect(last).toContain('"presetId": "cost-first"');
  });

  it('names the profile’s chips by vendor and name, their ids only in the reproducibility appendix', () => {
    const appendix = pages.findIndex((p) => p.split('\n').some((line) => line.trim() === 'Reproducibility'));
    expect(appendix).toBeGreaterThan(0);
    const body = pages.slice(0, appendix).join('\n');
    expect(model.chips.length).toBeGreaterThan(1);
    for (const chip of model.chips) {
      expect(body).not.toMatch(new RegExp(`(?<![\\w-])${chip.id}(?![\\w-])`));
      expect(pages.slice(appendix).join('\n')).toContain(chip.id);
    }
    expect(body).toContain('Nvidia H200');
  });

  it('renders every page to an image (test-results/report-pdf/page-*.png)', () => {
    const images = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages.length);
    for (const f of images) expect(statSync(join(dir, f)).size).toBeGreaterThan(5_000);
    expect(existsSync(join(dir, 'johor-or-singapore-2025-09-01.pdf'))).toBe(true);
  });
});
