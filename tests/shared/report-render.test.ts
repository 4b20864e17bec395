// The pure renderers on a hand-made report: optional sections come and go with the model, the HTML
// fetches nothing, CSV and Markdown carry the same rows in the same order, shared ranks read "1=",
// coverage and thin data show beside every score, and a gap reads as what it scored.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv-parse';
import type { ReportModel } from '../../shared/report/model';
import { renderReportText, reportFilename } from '../../shared/report/render';
import { coverageStatement } from '../../shared/report/summary';
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

  it('says in the sources how each fact was obtained, with the formula of each derived one', () => {
    const model = fixtureModel();
    const md = renderReportText(model, 'md', { countries }).content;
    expect(md).toContain(
      '| M1 | [Survey](https://example.org/survey?a=1&amp;b=2) | 2025-01-01 | Power price, Latency | official, derived | data/sources/survey/figures.csv, data/sources/fx/figures.csv |',
    );
    expect(md).toContain(
      [
        '### Derived and estimated facts',
        '',
        '| Fact | Where | Value | Method | Derivation | Ref. |',
        '| --- | --- | ---: | --- | --- | --- |',
        '| Power price | SG market (market) | 10.19 USc/kWh | derived | 45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh (from data/sources/survey/figures.csv data/sources/fx/figures.csv) | M1 |',
        '',
        '1 cited fact has no recorded method (stored before methods were kept, or imported without one); they count as estimates until someone restates them.',
      ].join('\n'),
    );
    const html = renderReportText(model, 'html', { countries }).content;
    expect(html).toContain('<td>official, derived</td>');
    expect(html).toContain(
      '<td>derived</td><td>45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh<br><span class="url">from data/sources/survey/figures.csv data/sources/fx/figures.csv</span></td><td>M1</td>',
    );
    expect(html).toContain('1 cited fact has no recorded method');
    // Nothing derived, nothing unrecorded: the section says so and nothing more.
    const plain = fixtureModel(undefined, {
      sources: { ...model.sources, derivations: [], methodNotRecorded: 0 },
    });
    const plainMd = renderReportText(plain, 'md', { countries }).content;
    expect(plainMd).toContain('### Derived and estimated facts\n\nNone.\n');
    expect(plainMd).not.toContain('no recorded method');
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
      'tied',
      'coverage',
      'stale_coverage',
      'thin',
      'no_value',
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
    expect(rows[0]?.slice(9, 14)).toEqual(['false', '1', '0', 'false', '']);
  });

  it('CSV names the criteria a site has no value for, with its coverage and thin flag', () => {
    const sites = [
      { id: 'sg-a', name: 'Alpha', country: 'SG', lat: 1, lon: 100, r: [1, 0.5] },
      { id: 'my-b', name: 'Bravo', country: 'MY', lat: 1, lon: 100, r: [null, 1] },
    ];
    const csv = renderReportText(fixtureModel(sites), 'csv', { countries }).content;
    const bravo = parseCsv(csv).records.find((r) => r.fields[1] === 'my-b')?.fields;
    // Bravo: 0.4 of the weight known (latency), below the 0.5 minimum; power is blank and scored 0.
    expect(bravo?.slice(9, 14)).toEqual(['false', '0.4', '0', 'true', 'power']);
    expect(bravo?.slice(14, 17)).toEqual(['', '0', '0']);
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

const at = (id: string, name: string, r: (number | null)[]) => ({
  id,
  name,
  country: id.slice(0, 2).toUpperCase(),
  lat: 1,
  lon: 100,
  r,
});

/** The HTML of one section, by id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('shared ranks, coverage and thin data', () => {
  // Six sites tie at 0.8; Kulai 0.7; Lonely has no power price: 0.4 · 1 = 0.4 on 40 % of the weight, thin.
  const sites = [
    ...['Beijing', 'Guian', 'Qingpu', 'Shaoguan', 'Wujiang', 'Zhangjiakou'].map((n, i) =>
      at(`cn-${i + 1}`, n, [1, 0.5]),
    ),
    at('my-k', 'Kulai', [0.5, 1]),
    at('th-l', 'Lonely', [null, 1]),
  ];
  const model = fixtureModel(sites);

  it('HTML ranking: "1=" for each tied site, a coverage column, the thin row marked and the note under it', () => {
    const ranking = section(renderReportText(model, 'html', { countries }).content, 'ranking');
    expect(ranking).toContain(
      '<th class="num">Rank</th><th>Site</th><th>Market</th><th>Country</th><th class="num">Score</th><th class="num">Coverage</th>',
    );
    expect(ranking.match(/<td class="num">1=<\/td>/g)).toHaveLength(6);
    expect(ranking).toContain('<td class="num">1=</td><td>Beijing</td>');
    expect(ranking).toContain('<td class="num">7</td><td>Kulai</td>');
    expect(ranking).toMatch(
      /<tr class="thin"><td class="num">8<\/td><td>Lonely<\/td>.*<td class="num">40 %<\/td>.*thin data/,
    );
    expect(ranking).toContain('thin data: less than 50 % of the weight rests on known values');
    expect(ranking).toContain('Equal scores share a rank, shown as "1="');
  });

  it('Markdown ranking: the same labels, coverage and thin marker', () => {
    const md = renderReportText(model, 'md', { countries }).content;
    expect(md).toContain('| Rank | Site | Market | Country | Score | Coverage | Chips | Notes |');
    expect(md).toContain('| 1= | Beijing | CN market | CN | 0.800 | 100 % | allowed |  |');
    expect(md).toContain('| 8 | Lonely | TH market | TH | 0.400 | 40 % | allowed | thin data |');
    // The contributions table ranks the same way.
    expect(md).toContain('| 1= | Zhangjiakou | 0.800 | 0.600 | 0.200 |');
  });

  it('shows a gap as what it scored, never as a missing value that was rewarded', () => {
    const html = renderReportText(model, 'html', { countries }).content;
    const md = renderReportText(model, 'md', { countries }).content;
    for (const text of [html, md]) {
      expect(text).toContain('no value (scored 0, no credit)');
      expect(text).not.toContain('missing (');
      expect(text).not.toContain('worst value');
      expect(text).toContain('Missing facts score 0 on their criterion: no credit');
    }
    expect(section(html, 'contributions')).toContain('Lonely: 0.400 (rank 8, coverage 40 %, thin data)');
  });
});

describe('the coverage statement and the criteria nobody gains from', () => {
  const criteria = [
    { id: 'power', name: 'Power price', weight: 0.5 },
    { id: 'latency', name: 'Latency', weight: 0.3 },
    { id: 'tax', name: 'Incentive tax rate', weight: 0.1 },
    { id: 'rq', name: 'Regulatory quality', weight: 0.1 },
  ];
  const uninformative: ReportModel['uninformative'] = [
    { criterionId: 'tax', known: 1, reason: 'one known value' },
    { criterionId: 'rq', known: 0, reason: 'no known value' },
  ];
  const model = fixtureModel(
    [
      at('sg-a', 'Alpha', [1, 0.5, 0, null]),
      at('my-b', 'Bravo', [0.5, null, null, null]),
      at('jp-c', 'Charlie', [null, 1, null, null]),
    ],
    { uninformative },
    { criteria },
  );
  const withSummary = { ...model, summary: [coverageStatement(model)] };

  it('prints the statement in the summary and the method section of HTML and Markdown', () => {
    const statement = coverageStatement(model);
    const html = renderReportText(withSummary, 'html', { countries }).content;
    expect(section(html, 'summary')).toContain(statement);
    expect(section(html, 'method')).toContain(statement);
    const md = renderReportText(withSummary, 'md', { countries }).content;
    expect(md.split(statement)).toHaveLength(3);
  });

  it('flags, in the criteria table, a criterion with no known value anywhere and one with no spread', () => {
    const method = section(renderReportText(model, 'html', { countries }).content, 'method');
    expect(method).toContain('<td>Regulatory quality</td>');
    expect(method).toContain('0 of 3; no known value anywhere: contributes nothing');
    expect(method).toContain('1 of 3; no spread among the ranked sites (one known value): contributes nothing');
    expect(method).toContain('<td>2 of 3</td>');
    const md = renderReportText(model, 'md', { countries }).content;
    expect(md).toMatch(/\| Regulatory quality \|.*\| 0 of 3; no known value anywhere: contributes nothing \|/);
  });

  it('SMAA tables give the share of samples each site shared first place', () => {
    const smaa = [
      { siteId: 'sg-a', rankProbabilities: [0.5, 0.5, 0], pFirst: 0.5, pTiedFirst: 1, meanRank: 1.5, pExcluded: 0 },
      { siteId: 'my-b', rankProbabilities: [0.5, 0.5, 0], pFirst: 0.5, pTiedFirst: 1, meanRank: 1.5, pExcluded: 0 },
    ];
    const sensitivity = {
      samples: 10,
      requested: 10,
      seed: 1,
      mode: 'around_preset' as const,
      concentration: 50,
      valuesSampled: false,
      stability: [],
      smaa,
    };
    const tied = { ...model, sensitivity };
    const html = section(renderReportText(tied, 'html', { countries }).content, 'sensitivity');
    expect(html).toContain('<th class="num">P(first)</th><th class="num">P(tied first)</th>');
    expect(html).toContain('<td>Alpha</td><td class="num">50.0 %</td><td class="num">100.0 %</td>');
    const md = renderReportText(tied, 'md', { countries }).content;
    expect(md).toContain('| Alpha | 50.0 % | 100.0 % | 50.0 % | 0.0 % | 1.50 |');
  });
});
