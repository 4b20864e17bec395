// Text hygiene at the boundary (issue 14): a NUL anywhere in an imported file is refused with its row
// and column, lone surrogates never reach the store, source URLs are http(s) only, and an import
// whose kind cannot be guessed says what is actually wrong. Each refusal leaves the store unchanged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend';
import type { ApiError, Result } from '../../shared/errors';
import type { ImportPreview } from '../../shared/model/transfer';
import { runCliCapturing } from './cli-capture';
import { harness, openBackend, SOURCE, type Harness } from './edit-fixture';
import { MINE } from './preset-fixture';

let backend: Backend;
let h: Harness;

beforeEach(() => {
  backend = openBackend();
  h = harness(backend);
});

afterEach(() => backend.close());

const HEAD = 'id,name,country,region,lat,lon,notes,source_title,source_url,as_of';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** A sites CSV well over 4 KiB (the encoding sniffer's window) with `bad` as the notes of its last row. */
function bigCsv(bad: string, url = 'https://example.org/s'): { text: string; lastRow: number } {
  const rows = [HEAD];
  for (let i = 0; i < 80; i++)
    rows.push(`pad-${i},Pad ${i},SG,sg,1.3,103.7,${'n'.repeat(40)},Survey,${url},2025-03-01`);
  rows.push(`last-one,Last,SG,sg,1.3,103.7,${bad},Survey,${url},2025-03-01`);
  const text = `${rows.join('\n')}\n`;
  expect(Buffer.byteLength(text)).toBeGreaterThan(4096);
  return { text, lastRow: rows.length };
}

const err = (result: Result<unknown>): ApiError => {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
};

describe('NUL in an imported file', () => {
  it('refuses a NUL after the first 4 KiB of a sites CSV, naming its row and column, and writes nothing', async () => {
    const { text, lastRow } = bigCsv('before\u0000after');
    const before = h.hash();
    for (const input of [
      { kind: 'sites-csv', contentBase64: b64(text) },
      { kind: 'sites-csv', content: text },
    ]) {
      const preview = (await backend.dispatch('import.preview', input)) as Result<ImportPreview>;
      if (!preview.ok) throw new Error(preview.error.message);
      const nul = preview.value.errors.find((e) => /NUL/.test(e.message));
      expect(nul).toMatchObject({ row: lastRow, column: 'notes' });
      expect(nul?.message).not.toMatch(/UTF-16/);
      const failure = err(await backend.dispatch('import.commit', input));
      expect(failure.code).toBe('invalid_input');
      expect(failure.issues.map((i) => i.path)).toContain(`row ${lastRow}, column notes`);
    }
    expect(h.hash()).toBe(before);
  });

  it('refuses a NUL in a JSON import, raw or escaped, naming where it is', async () => {
    const before = h.hash();
    const site = { ...bareSite('nul-site'), name: 'A\u0000B' };
    const escaped = JSON.stringify({ format: 'landfall.table', version: 1, table: 'sites', rows: [site] });
    const preview = (await backend.dispatch('import.preview', {
      kind: 'sites-json',
      content: escaped,
    })) as Result<ImportPreview>;
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors).toEqual([
      expect.objectContaining({ table: 'sites', row: 1, column: 'name', message: expect.stringMatching(/NUL/) }),
    ]);
    const raw = escaped.replace('\\u0000', '\u0000');
    const rawPreview = (await backend.dispatch('import.preview', {
      kind: 'sites-json',
      contentBase64: b64(raw),
    })) as Result<ImportPreview>;
    if (!rawPreview.ok) throw new Error(rawPreview.error.message);
    expect(rawPreview.value.errors[0]?.message).toMatch(/NUL.*line 1, character \d+/);
    expect(h.hash()).toBe(before);
  });

  it('refuses NUL through data.apply and in a scenario name', async () => {
    const before = h.hash();
    const apply = err(
      await backend.dispatch('data.apply', {
        table: 'sites',
        changes: [{ op: 'insert', values: { ...NEW_SITE, notes: 'x\u0000y' } }],
      }),
    );
    expect(JSON.stringify(apply)).toMatch(/NUL/);
    const scenario = err(await backend.dispatch('scenarios.create', { name: 'What\u0000if' }));
    expect(JSON.stringify(scenario)).toMatch(/NUL/);
    expect(h.hash()).toBe(before);
  });
});

const NEW_SITE = { id: 'sg-kranji', name: 'Kranji', marketId: 'sg', lat: 1.43, lon: 103.76, source: SOURCE };

function bareSite(id: string): Record<string, unknown> {
  return {
    id,
    name: 'Site',
    marketId: 'sg',
    lat: 1.3,
    lon: 103.7,
    capacityMw: { existing: null, planned: null },
    status: 'planned',
    operator: null,
    notes: '',
    source: SOURCE,
    origin: 'import',
  };
}

describe('lone surrogates', () => {
  it('refuses a preset name with an unpaired surrogate in presets.create and presets.update', async () => {
    const before = h.hash();
    const created = err(await backend.dispatch('presets.create', { ...MINE, name: 'Power \uD800 first' }));
    expect(created.code).toBe('invalid_input');
    expect(JSON.stringify(created.issues)).toMatch(/surrogate/i);
    const updated = err(await backend.dispatch('presets.update', { id: 'balanced', name: 'x\uDC00' }));
    expect(JSON.stringify(updated.issues)).toMatch(/surrogate/i);
    expect(h.hash()).toBe(before);
  });

  it('refuses an unpaired surrogate through data.apply and a presets JSON import', async () => {
    const before = h.hash();
    const apply = err(
      await backend.dispatch('data.apply', {
        table: 'sites',
        changes: [{ op: 'insert', values: { ...NEW_SITE, name: 'Kranji \uD83D' } }],
      }),
    );
    expect(JSON.stringify(apply.issues)).toMatch(/surrogate/i);
    const preset = {
      id: 'lonely',
      name: 'Lonely \uDE00',
      description: '',
      builtin: false,
      method: 'wsm',
      weights: { power_price_usc_kwh: 1 },
      constraints: [],
      normalisation: 'criterion',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const file = JSON.stringify({ format: 'landfall.table', version: 1, table: 'presets', rows: [preset] });
    expect(file).toContain('\\ude00'); // JSON.stringify escapes the lone surrogate; parsing restores it
    const failure = err(await backend.dispatch('import.commit', { kind: 'presets-json', content: file }));
    expect(failure.issues).toEqual([
      expect.objectContaining({ path: 'presets, row 1, column name', message: expect.stringMatching(/surrogate/i) }),
    ]);
    expect(h.hash()).toBe(before);
  });
});

describe('source URLs are http(s) only', () => {
  it('refuses javascript: in a sites CSV, data.apply, a scenario event and a JSON import', async () => {
    const before = h.hash();
    const { text, lastRow } = bigCsv('fine', 'javascript:alert(1)');
    const csv = err(await backend.dispatch('import.commit', { kind: 'sites-csv', content: text }));
    expect(csv.issues).toContainEqual({
      path: `row ${lastRow}, column source_url`,
      message: expect.stringMatching(/http/),
    });

    const apply = err(
      await backend.dispatch('data.apply', {
        table: 'sites',
        changes: [{ op: 'insert', values: { ...NEW_SITE, source: { ...SOURCE, url: 'javascript:alert(1)' } } }],
      }),
    );
    expect(JSON.stringify(apply.issues)).toMatch(/source\.url.*http/);
    expect(h.hash()).toBe(before);

    await h.value('scenarios.create', { name: 'Scheme' });
    const event = {
      id: 'js-event',
      issuer: 'US',
      regime: 'us-destination',
      title: 'A hypothetical rule',
      effectiveDate: '2025-05-20',
      effect: 'licence_required',
      scope: { destinations: ['MY'] },
      confidence: 'reported',
      source: { title: 'Press', url: 'javascript:alert(1)' },
    };
    const scenario = err(
      await backend.dispatch('scenarios.applyEvents', {
        scenarioId: 'scheme',
        changes: [{ op: 'insert', values: event }],
      }),
    );
    expect(JSON.stringify(scenario.issues)).toMatch(/source\.url.*http/);
    const afterScenario = h.hash();

    const site = { ...bareSite('js-site'), source: { ...SOURCE, url: 'javascript:alert(1)' } };
    const file = JSON.stringify({ format: 'landfall.table', version: 1, table: 'sites', rows: [site] });
    const json = err(await backend.dispatch('import.commit', { kind: 'sites-json', content: file }));
    expect(json.issues).toEqual([
      expect.objectContaining({ path: 'sites, row 1, column source.url', message: expect.stringMatching(/http/) }),
    ]);
    expect(h.hash()).toBe(afterScenario);
  });

  it('still takes http and https sources', async () => {
    const result = await h.value('data.apply', {
      table: 'sites',
      changes: [{ op: 'insert', values: { ...NEW_SITE, source: { ...SOURCE, url: 'http://example.org/x' } } }],
    });
    expect(result.inserts).toBe(1);
  });
});

describe('landfall import of a file whose kind cannot be guessed', () => {
  it('names the real problem, not only "cannot tell what FILE holds"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'landfall-guess-'));
    try {
      const dbPath = join(dir, 'store.sqlite');
      const file = join(dir, 'rows.json');
      writeFileSync(file, JSON.stringify([{ a: 1, b: 2 }, { a: 3 }, { b: 4 }]));
      const run = await runCliCapturing(['import', file], dbPath);
      expect(run.code).not.toBe(0);
      expect(run.err).toMatch(
        /JSON array of 3 objects whose keys \(a, b\) match no Landfall table: .*a sites file needs id, name, marketId/,
      );
      writeFileSync(file, '{"format":"acme.export","version":1}');
      const wrong = await runCliCapturing(['import', file], dbPath);
      expect(wrong.err).toMatch(
        /the envelope's format is "acme\.export", expected landfall\.table or landfall\.database/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
