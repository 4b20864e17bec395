// The pure renderers on a hand-made report: optional sections come and go with the model, the HTML
// fetches nothing, and CSV and Markdown carry the same rows in the same order.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv-parse';
import { renderReportText, reportFilename } from '../../shared/report/render';
import { fixtureModel } from './report-fixture';

const countries: FeatureCollection = { type: 'FeatureCollection', features: [] };

describe('renderReportText', () => {
  it('leaves out compare, legality and sensitivity when the model has none', () => {
    const html = renderReportText(fixtureModel(), 'html', { countries }).content;
    const ids = [...html.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'map', 'ranking', 'contributions', 'method', 'sources', 'reproducibility']);
    const md = renderReportText(fixtureModel(), 'md', { countries }).content;
    expect(md).not.toContain('## Sensitivity');
    expect(md).not.toContain('## Chip legality');
  });

  it('writes HTML that references nothing outside itself and prints URLs as text', () => {
    const html = renderReportText(fixtureModel(), 'html', { countries }).content;
    expect(html).not.toMatch(/<script|\ssrc=|\shref=|url\(|@import|<link/i);
    expect(html).toContain('https://example.org/survey?a=1&amp;b=2');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('break-before: page');
  });

  it('writes one CSV row per site in ranking order with raw, normalised and contribution per criterion', () => {
    const model = fixtureModel();
    const csv = renderReportText(model, 'csv', { countries }).content;
    const [head, ...rows] = parseCsv(csv)
      .records.map((r) => r.fields)
      .filter((f) => f.length > 1);
    expect(head).toEqual([
      'rank',
      'site_id',
      'site',
      'market',
      'country',
      'score',
      'excluded',
      'reasons',
      'chip_legality_status',
      'power.raw',
      'power.normalised',
      'power.contribution',
      'latency.raw',
      'latency.normalised',
      'latency.contribution',
    ]);
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['1', 'sg-a', String(0.6 * 1 + 0.4 * 0.5)],
      ['2', 'my-b', String(0.6 * 0.5 + 0.4 * 1)],
      ['3', 'jp-c', String(0.6 * 0.2 + 0.4 * 0.1)],
      ['', 'cn-d', ''],
    ]);
    expect(rows[3]?.slice(6, 9)).toEqual(['true', 'chips prohibited: no export licence', 'prohibited']);
  });

  it('names the file from the title and the data date', () => {
    expect(reportFilename({ title: 'Johor vs. Singapore — Q3!', asOf: '2025-09-01' }, 'pdf')).toBe(
      'johor-vs-singapore-q3-2025-09-01.pdf',
    );
    expect(reportFilename({ title: '???', asOf: '2025-09-01' }, 'md')).toBe('landfall-report-2025-09-01.md');
    const json = renderReportText(fixtureModel(), 'json', { countries });
    expect(JSON.parse(json.content)).toEqual(fixtureModel());
    expect(json.mimeType).toBe('application/json');
  });
});
