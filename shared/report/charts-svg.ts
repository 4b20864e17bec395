// The report's charts as inline SVG strings: per-site contribution bars, SMAA rank probabilities as
// stacked bars, stability intervals, and the score colour legend. Pure string building, so the same
// charts go into the HTML file and the PDF printed from it.
import { SCORE_SCALE } from '../score-colors';
import { rankLabel } from '../score-words';
import { esc } from './escape';
import type { ReportModel } from './model';
import { drivers } from './summary';
import { fmtPct, fmtScore, siteNamer } from './words';

/**
 * Criterion colours: Okabe–Ito then Paul Tol's muted scheme, both chosen to stay apart for the common
 * colour-vision deficiencies; the values are also printed in the tables beside every chart.
 */
export const CRITERION_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#332288',
  '#44AA99',
  '#882255',
  '#999933',
  '#88CCEE',
  '#AA4499',
  '#117733',
  '#DDCC77',
  '#CC6677',
  '#777777',
];

export const criterionColour = (j: number): string => CRITERION_COLOURS[j % CRITERION_COLOURS.length] as string;

const r1 = (x: number): string => String(Math.round(x * 10) / 10);
const WIDTH = 700;
const LABEL = 210;
const VALUE = 56;

/** Each ranked site's score split by criterion (contributions, or weight × normalised value for WPM/TOPSIS). */
export function contributionChart(model: ReportModel): string {
  const rows = model.ranking.filter((r) => r.rank !== null);
  const bar = WIDTH - LABEL - VALUE;
  const rowH = 16;
  const top = 18;
  const height = top + rows.length * rowH + 6;
  const total = model.method.id === 'wsm' ? 'score' : 'sum of weight × normalised value';
  let body = `<text class="axis" x="${LABEL}" y="11">0</text><text class="axis" x="${LABEL + bar}" y="11" text-anchor="end">1 (${esc(total)})</text>`;
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const parts = drivers(model, row);
    let x = LABEL;
    let sum = 0;
    body += `<text class="label" x="${LABEL - 6}" y="${y + 11}" text-anchor="end">${rankLabel(row.rank, row.tied)} ${esc(truncate(row.name, 30))}</text>`;
    model.criteria.forEach((c, j) => {
      const v = parts[c.id] ?? 0;
      if (v <= 0) return;
      const w = v * bar;
      body += `<rect x="${r1(x)}" y="${y + 2}" width="${r1(w)}" height="${rowH - 4}" fill="${criterionColour(j)}"><title>${esc(`${row.name} · ${c.name}: ${fmtScore(v)}`)}</title></rect>`;
      x += w;
      sum += v;
    });
    const shown = model.method.id === 'wsm' ? row.score : sum;
    body += `<text class="value" x="${WIDTH - 4}" y="${y + 11}" text-anchor="end">${fmtScore(shown)}</text>`;
  });
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Score contributions of ${rows.length} ranked sites">${body}</svg>` +
    criterionLegend(model)
  );
}

export function criterionLegend(model: ReportModel): string {
  const items = model.criteria
    .map((c, j) =>
      c.weight > 0
        ? `<span class="key"><span class="swatch" style="background:${criterionColour(j)}"></span>${esc(c.name)}</span>`
        : '',
    )
    .join('');
  return `<div class="legend" aria-label="Criterion colours">${items}</div>`;
}

/** Rank r (0-based) of SMAA: rank 1 brightest, as in the workspace's sensitivity view. */
export function rankColour(rank: number): string {
  const scale = [...SCORE_SCALE].reverse();
  return scale[Math.min(scale.length - 1, rank)] ?? '#440154';
}

export const SMAA_RANKS_SHOWN = 5;

/** The sites most often first, each a bar of P(rank 1) … P(rank 5) and the rest. */
export function smaaChart(model: ReportModel, limit = 10): string {
  const s = model.sensitivity;
  if (s === null) return '';
  const name = siteNamer(model);
  const sites = [...s.smaa]
    .sort((a, b) => b.pFirst - a.pFirst || (a.meanRank ?? 1e9) - (b.meanRank ?? 1e9))
    .slice(0, limit);
  const bar = WIDTH - LABEL - VALUE;
  const rowH = 18;
  const top = 4;
  const height = top + sites.length * rowH + 4;
  let body = '';
  sites.forEach((site, i) => {
    const y = top + i * rowH;
    body += `<text class="label" x="${LABEL - 6}" y="${y + 12}" text-anchor="end">${esc(truncate(name(site.siteId), 30))}</text>`;
    let x = LABEL;
    site.rankProbabilities.slice(0, SMAA_RANKS_SHOWN).forEach((p, r) => {
      if (p <= 0) return;
      const w = p * bar;
      body += `<rect x="${r1(x)}" y="${y + 2}" width="${r1(w)}" height="${rowH - 4}" fill="${rankColour(r)}"><title>${esc(`${name(site.siteId)}: rank ${r + 1} in ${fmtPct(p, 1)} of samples`)}</title></rect>`;
      x += w;
    });
    const rest = Math.max(0, 1 - site.rankProbabilities.slice(0, SMAA_RANKS_SHOWN).reduce((a, b) => a + b, 0));
    if (rest > 0)
      body += `<rect class="rest" x="${r1(x)}" y="${y + 2}" width="${r1(rest * bar)}" height="${rowH - 4}"/>`;
    body += `<text class="value" x="${WIDTH - 4}" y="${y + 12}" text-anchor="end">${fmtPct(site.pFirst, 1)}</text>`;
  });
  const keys = Array.from(
    { length: SMAA_RANKS_SHOWN },
    (_, r) => `<span class="key"><span class="swatch" style="background:${rankColour(r)}"></span>rank ${r + 1}</span>`,
  ).join('');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="SMAA rank probabilities of the ${sites.length} sites most often first">${body}</svg>` +
    `<div class="legend">${keys}<span class="key"><span class="swatch rest"></span>lower ranks or excluded</span><span class="key">number: P(first)</span></div>`
  );
}

/** Each criterion's weight on [0, 1], the interval the top site survives, and the current weight. */
export function stabilityChart(model: ReportModel): string {
  const s = model.sensitivity;
  if (s === null || s.stability.length === 0) return '';
  const names = new Map(model.criteria.map((c) => [c.id, c.name]));
  const bar = WIDTH - LABEL - VALUE;
  const rowH = 16;
  const top = 16;
  const height = top + s.stability.length * rowH + 4;
  let body = `<text class="axis" x="${LABEL}" y="10">weight 0</text><text class="axis" x="${LABEL + bar}" y="10" text-anchor="end">1</text>`;
  s.stability.forEach((st, i) => {
    const y = top + i * rowH;
    body += `<text class="label" x="${LABEL - 6}" y="${y + 11}" text-anchor="end">${esc(truncate(names.get(st.criterionId) ?? st.criterionId, 30))}</text>`;
    body += `<rect class="track" x="${LABEL}" y="${y + 6}" width="${bar}" height="3"/>`;
    body += `<rect class="interval" x="${r1(LABEL + st.lo * bar)}" y="${y + 3}" width="${r1(Math.max(1, (st.hi - st.lo) * bar))}" height="9"><title>${esc(`${names.get(st.criterionId) ?? st.criterionId}: ${fmtScore(st.lo)} to ${fmtScore(st.hi)}`)}</title></rect>`;
    body += `<rect class="current" x="${r1(LABEL + st.current * bar - 1)}" y="${y + 1}" width="2" height="13"/>`;
    body += `<text class="value" x="${WIDTH - 4}" y="${y + 11}" text-anchor="end">${fmtScore(st.current)}</text>`;
  });
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Stability intervals of the top site per weight">${body}</svg>`;
}

/** The viridis scale from 0 to 1 and the hollow dot for excluded sites. */
export function scoreLegend(): string {
  const w = 24;
  const cells = SCORE_SCALE.map((c, i) => `<rect x="${30 + i * w}" y="2" width="${w}" height="10" fill="${c}"/>`).join(
    '',
  );
  const end = 30 + SCORE_SCALE.length * w;
  return (
    `<svg class="score-legend" viewBox="0 0 ${end + 150} 16" role="img" aria-label="Score colours: viridis from 0 to 1; hollow dashed: excluded">` +
    `<text class="axis" x="24" y="11" text-anchor="end">0</text>${cells}<text class="axis" x="${end + 6}" y="11">1</text>` +
    `<circle class="dot excluded" cx="${end + 34}" cy="7" r="4.5"/><text class="axis" x="${end + 44}" y="11">excluded</text></svg>`
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
