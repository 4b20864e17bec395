// The report as one self-contained HTML file: inline CSS, inline SVG charts and map, no script and
// no external reference (its own Content-Security-Policy forbids fetching anything), so it opens
// offline and prints to A4 — the PDF is this file printed by Chromium or Electron.
import type { FeatureCollection } from 'geojson';
import { contributionChart, scoreLegend, smaaChart, stabilityChart } from './charts-svg';
import { esc } from './escape';
import {
  dataHealthSection,
  legalitySection,
  methodSection,
  reproducibilitySection,
  sourcesSection,
} from './html-sections';
import { chooseViews, mapSvg, type MapSite } from './map-svg';
import type { ReportModel, ReportRow } from './model';
import { REPORT_CSS } from './report-css';
import { coverageStatement, drivers } from './summary';
import {
  coverageCell,
  fmtPct,
  fmtRaw,
  fmtScore,
  LEGALITY_TEXT,
  legalityQuestionText,
  METHOD_TEXT,
  NORMALISATION_TEXT,
  noValueText,
  siteNamer,
  stabilityTop,
} from './words';
import { scoreColor } from '../score-colors';
import { coverageLabel, rankLabel, thinDataNote } from '../score-words';

export interface ReportAssets {
  /** Natural Earth countries (world-atlas 50m, as GeoJSON) for the map. */
  countries: FeatureCollection;
}

/** Nothing may be fetched: no script, no remote style, font or image; inline styles and SVG only. */
export const REPORT_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(model: ReportModel, assets: ReportAssets): string {
  const body = [
    cover(model),
    summarySection(model),
    mapSection(model, assets),
    rankingSection(model),
    contributionsSection(model),
    compareSection(model),
    legalitySection(model),
    sensitivitySection(model),
    methodSection(model),
    sourcesSection(model),
    dataHealthSection(model),
    reproducibilitySection(model),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Landfall ${esc(model.reproducibility.appVersion)}">
<title>${esc(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="report">
${body}
</main>
</body>
</html>
`;
}

function cover(model: ReportModel): string {
  const rows: [string, string][] = [
    ['Author', model.author || '—'],
    ['Created', `${model.createdAt.slice(0, 16).replace('T', ' ')} UTC`],
    ['Data as of', model.asOf],
    ['Weight preset', `${model.preset.name} (${model.preset.id})`],
    ['Company profile', model.profile === null ? 'none' : `${model.profile.name} (${model.profile.id})`],
    ...(model.whatIf === null
      ? []
      : [
          ['What-if scenario', `${model.whatIf.name} (${model.whatIf.events} hypothetical policy events)`] as [
            string,
            string,
          ],
        ]),
    ...(model.profile === null
      ? []
      : [['Legality question', legalityQuestionText(model.reproducibility.inputs)] as [string, string]]),
    ['Method', METHOD_TEXT[model.method.id].name],
    ['Normalisation', NORMALISATION_TEXT[model.normalisation] ?? model.normalisation],
    ['Database', `content hash ${model.reproducibility.databaseHash.slice(0, 16)}…`],
  ];
  return `<header class="cover">
<p class="kind">Landfall siting report</p>
<h1>${esc(model.title)}</h1>
<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
</header>`;
}

function summarySection(model: ReportModel): string {
  // The coverage statement stands out: it qualifies every number after it.
  const coverage = coverageStatement(model);
  const paragraph = (p: string): string => `<p${p === coverage ? ' class="coverage-statement"' : ''}>${esc(p)}</p>`;
  return `<section id="summary" class="summary"><h2>Executive summary</h2>
${model.summary.map(paragraph).join('\n')}
</section>`;
}

function mapSection(model: ReportModel, assets: ReportAssets): string {
  const sites: MapSite[] = model.ranking.map((r) => ({
    siteId: r.siteId,
    name: r.name,
    country: r.country,
    lat: r.lat,
    lon: r.lon,
    score: r.score,
    rank: r.rank,
    tied: r.tied,
  }));
  const views = chooseViews(sites);
  const figure = (v: (typeof views)[number], width: number): string =>
    `<figure>${mapSvg(assets.countries, sites, v, width)}<figcaption>${esc(v.title)}</figcaption></figure>`;
  const [overall, ...details] = views;
  // The overview on its own, the detail views side by side under it (a grid would print as one block).
  return `<section id="map"><h2>Map</h2>
${overall === undefined ? '' : figure(overall, 700)}
${details.length === 0 ? '' : `<div class="maps">${details.map((v) => figure(v, 380)).join('')}</div>`}
${scoreLegend()}
<p class="note">Dots are coloured by score (viridis: dark purple 0 to yellow 1); numbers are ranks ("1=": shared with another site). Basemap: Natural Earth 1:50m countries (public domain), via world-atlas.</p>
</section>`;
}

function scoreCell(score: number | null): string {
  if (score === null) return '<td class="num scorecell">excluded</td>';
  return `<td class="num scorecell">${fmtScore(score)}<span class="scorebar"><span style="width:${(score * 100).toFixed(1)}%;background:${scoreColor(score)}"></span></span></td>`;
}

function legalityCell(row: ReportRow): string {
  if (row.legality === null) return '<td>—</td>';
  const s = row.legality.status;
  return `<td><span class="status status-${s}">${esc(LEGALITY_TEXT[s] ?? s)}</span></td>`;
}

/** Thin data first (it qualifies the score), then stale facts or, for an excluded site, why. */
function rankingNotes(row: ReportRow, names: ReadonlyMap<string, string>): string {
  if (row.excluded) return row.reasons.join('; ');
  const stale = row.cells
    .filter((c) => c.stale && c.raw !== null)
    .map((c) => names.get(c.criterionId) ?? c.criterionId);
  const notes = [...(row.thin ? ['thin data'] : []), ...(stale.length > 0 ? [`stale: ${stale.join(', ')}`] : [])];
  return notes.join('; ');
}

function rankingSection(model: ReportModel): string {
  const names = new Map(model.criteria.map((c) => [c.id, c.name]));
  const rows = model.ranking
    .map((r) => {
      const kind = r.excluded ? 'excluded' : r.thin ? 'thin' : '';
      return `<tr class="${kind}"><td class="num">${rankLabel(r.rank, r.tied)}</td><td>${esc(r.name)}</td><td>${esc(r.market)}</td><td>${esc(r.country)}</td>${scoreCell(r.score)}<td class="num">${esc(coverageCell(r))}</td>${legalityCell(r)}<td>${esc(rankingNotes(r, names))}</td></tr>`;
    })
    .join('\n');
  const ranked = model.ranking.filter((r) => r.rank !== null).length;
  const thin = model.minCoverage > 0 ? `<p class="note">${esc(thinDataNote(model.minCoverage))}.</p>` : '';
  return `<section id="ranking"><h2>Ranking</h2>
<p class="muted">${ranked} ranked, ${model.ranking.length - ranked} excluded. Equal scores share a rank, shown as "1=", and are listed by site id. Coverage is the share of the weight resting on known values (and, in brackets, on stale ones).</p>
<table class="ranking"><thead><tr><th class="num">Rank</th><th>Site</th><th>Market</th><th>Country</th><th class="num">Score</th><th class="num">Coverage</th><th>Chips</th><th>Notes</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${thin}
</section>`;
}

function contributionsSection(model: ReportModel): string {
  const what =
    model.method.id === 'wsm'
      ? "Each bar is a site's score split into what every criterion contributes (weight × normalised value); the parts add up to the score."
      : `${METHOD_TEXT[model.method.id].name} does not split a score into parts; each bar shows weight × normalised value per criterion, to read what the site is strong on.`;
  const blocks = model.ranking.map((r) => siteBlock(model, r)).join('\n');
  return `<section id="contributions" class="page"><h2>Score contributions</h2>
<p class="muted">${esc(what)}</p>
${contributionChart(model)}
<h3>Per site: raw value, normalised value and contribution</h3>
<p class="note">Normalised values are over the ranked sites, 1 = best; a fact the site has no value for scores 0, no credit. [M…] is the fact's source (see Sources).</p>
<div class="sites">${blocks}</div>
</section>`;
}

/** A raw value as a site block shows it: the fact with its source, or what its gap scored, with a numbered note for why it is missing. */
function rawText(row: ReportRow, cell: ReportRow['cells'][number], unit: string, notes: string[]): string {
  if (cell.raw !== null) return `${fmtRaw(cell.raw, unit)}${cell.source === null ? '' : ` [${cell.source}]`}`;
  const policy = row.missingHandled.find((m) => m.criterionId === cell.criterionId)?.policy;
  const text = noValueText(policy);
  if (cell.missingReason === null) return text;
  if (!notes.includes(cell.missingReason)) notes.push(cell.missingReason);
  return `${text}; note ${notes.indexOf(cell.missingReason) + 1}`;
}

function siteBlock(model: ReportModel, row: ReportRow): string {
  const parts = drivers(model, row);
  const max = Math.max(1e-9, ...Object.values(parts));
  const silent = new Set(model.uninformative.map((u) => u.criterionId));
  // Why a fact is missing can be a sentence: it goes under the table, numbered, not into the cell.
  const notes: string[] = [];
  const cells = model.criteria
    .map((c, j) => {
      const cell = row.cells[j];
      if (cell === undefined) return '';
      const raw = rawText(row, cell, c.unit, notes);
      const part = parts[c.id];
      const bar =
        part === undefined ? '' : `<span class="bar" style="width:${((12 * part) / max).toFixed(1)}mm"></span>`;
      const role = c.weight === 0 ? ' (constraint)' : silent.has(c.id) ? ' (no spread: contributes nothing)' : '';
      return `<tr><td>${esc(c.name)}${role}</td><td class="num${cell.raw === null ? ' gap' : ''}">${esc(raw)}${cell.stale && cell.raw !== null ? ' (stale)' : ''}</td><td class="num">${fmtScore(cell.normalised)}</td><td class="num">${cell.contribution === null ? '—' : fmtScore(cell.contribution)}${bar}</td></tr>`;
    })
    .join('');
  const head = row.excluded
    ? `${esc(row.name)}: excluded`
    : `${esc(row.name)}: ${fmtScore(row.score)} (rank ${rankLabel(row.rank, row.tied)}, ${esc(coverageLabel(row))}${row.thin ? ', thin data' : ''})`;
  const reasons = row.excluded ? `<p class="reasons">${esc(row.reasons.join('; '))}</p>` : '';
  const missing = notes.map((n, i) => `<li value="${i + 1}">${esc(n)}</li>`).join('');
  return `<div class="site-block"><h3>${head}</h3>${reasons}<table><thead><tr><th>Criterion</th><th class="num">Raw</th><th class="num">Norm.</th><th class="num">Contrib.</th></tr></thead><tbody>${cells}</tbody></table>${missing === '' ? '' : `<ol class="missing">${missing}</ol>`}</div>`;
}

function compareSection(model: ReportModel): string {
  const cmp = model.compare;
  if (cmp === null) return '';
  const rows = cmp.siteIds
    .map((id) => model.ranking.find((r) => r.siteId === id))
    .filter((r): r is ReportRow => r !== undefined);
  const head = rows.map((r) => `<th class="num">${esc(r.name)}</th>`).join('');
  const total = rows
    .map((r) => `<td class="num"><strong>${r.excluded ? 'excluded' : fmtScore(r.score)}</strong></td>`)
    .join('');
  const coverage = rows
    .map((r) => `<td class="num">${esc(coverageCell(r))}${r.thin ? ', thin data' : ''}</td>`)
    .join('');
  const lines = model.criteria
    .filter((c) => c.weight > 0)
    .map((c) => {
      const j = model.criteria.indexOf(c);
      // A gap's 0 is no fact about the site: say so beside it.
      const gap = (r: ReportRow): string => (r.cells[j]?.raw === null ? ' (no value)' : '');
      const tds = rows
        .map(
          (r) => `<td class="num">${r.excluded ? '—' : `${fmtScore(drivers(model, r)[c.id] ?? null)}${gap(r)}`}</td>`,
        )
        .join('');
      return `<tr><td>${esc(c.name)} (${fmtPct(c.weight)})</td>${tds}</tr>`;
    })
    .join('');
  return `<section id="compare"><h2>Compare pinned sites</h2>
<table><thead><tr><th>Criterion (weight)</th>${head}</tr></thead><tbody><tr><td><strong>Score</strong></td>${total}</tr><tr><td>Coverage</td>${coverage}</tr>${lines}</tbody></table>
<div class="explain">${cmp.explanations.map((e) => `<p>${esc(e)}</p>`).join('')}</div>
</section>`;
}

function sensitivitySection(model: ReportModel): string {
  const s = model.sensitivity;
  if (s === null) return '';
  const name = siteNamer(model);
  const names = new Map(model.criteria.map((c) => [c.id, c.name]));
  const stability = s.stability
    .map(
      (st) =>
        `<tr><td>${esc(names.get(st.criterionId) ?? st.criterionId)}</td><td class="num">${fmtScore(st.current)}</td><td class="num">${fmtScore(st.lo)} – ${fmtScore(st.hi)}</td><td>${esc(stabilityTop(st, name))}</td><td>${esc(st.changesTo.lo === null ? '—' : name(st.changesTo.lo))}</td><td>${esc(st.changesTo.hi === null ? '—' : name(st.changesTo.hi))}</td></tr>`,
    )
    .join('');
  // Sites that reach the top three in some sample, and at least ten; the rest is one line under the table.
  const sorted = [...s.smaa].sort((a, b) => b.pFirst - a.pFirst || (a.meanRank ?? 1e9) - (b.meanRank ?? 1e9));
  const podium = (x: (typeof sorted)[number]): number => x.rankProbabilities.slice(0, 3).reduce((p, q) => p + q, 0);
  const listed = sorted.filter((x, i) => i < 10 || podium(x) > 0);
  const rest = sorted.length - listed.length;
  const smaa = listed
    .map(
      (x) =>
        `<tr><td>${esc(name(x.siteId))}</td><td class="num">${fmtPct(x.pFirst, 1)}</td><td class="num">${fmtPct(x.pTiedFirst, 1)}</td><td class="num">${fmtPct(x.rankProbabilities[1] ?? 0, 1)}</td><td class="num">${fmtPct(x.rankProbabilities[2] ?? 0, 1)}</td><td class="num">${x.meanRank === null ? '—' : x.meanRank.toFixed(2)}</td><td class="num">${fmtPct(x.pExcluded, 1)}</td></tr>`,
    )
    .join('');
  const draws =
    s.mode === 'around_preset'
      ? `weights drawn from a Dirichlet distribution around the scenario's weights (concentration ${s.concentration})`
      : 'weights drawn uniformly';
  return `<section id="sensitivity" class="page"><h2>Sensitivity</h2>
<h3>Stability intervals</h3>
<p class="muted">How far each weight can move (the others rescaled in proportion) before the top site changes; the bar is the interval, the tick the current weight.</p>
${stabilityChart(model)}
<table><thead><tr><th>Criterion</th><th class="num">Weight</th><th class="num">Top site stays within</th><th>Top site</th><th>Below, first is</th><th>Above, first is</th></tr></thead><tbody>${stability}</tbody></table>
<h3>SMAA rank probabilities</h3>
<p class="muted">${s.samples.toLocaleString('en-US')} samples, seed ${s.seed}, ${esc(draws)}${s.valuesSampled ? '; facts with a range drawn uniformly within it' : ''}.${rest > 0 ? ` The table leaves out ${rest} sites that never reached the top three (the JSON report has every site).` : ''}</p>
${smaaChart(model)}
<p class="note">A rank shared by g sites in a sample counts 1/g to each of them; P(tied first) is the share of samples in which the site shared first place.</p>
<table><thead><tr><th>Site</th><th class="num">P(first)</th><th class="num">P(tied first)</th><th class="num">P(second)</th><th class="num">P(third)</th><th class="num">Mean rank</th><th class="num">P(excluded)</th></tr></thead><tbody>${smaa}</tbody></table>
</section>`;
}
