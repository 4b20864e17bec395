// The words and number formats every report format shares, so the HTML, PDF, Markdown and summary
// say the same thing the same way.
import { coverageLabel, percent } from '../score-words';
import type { ReportModel, ReportRow } from './model';

type MethodId = ReportModel['method']['id'];

export const METHOD_TEXT: Record<MethodId, { name: string; description: string }> = {
  wsm: {
    name: 'Weighted sum (WSM)',
    description:
      "Each criterion's raw values are normalised over the candidate sites to [0, 1] (1 = best) and the site's score is the weighted sum; it splits exactly into per-criterion contributions that add up to the score.",
  },
  wpm: {
    name: 'Weighted product (WPM)',
    description:
      'Each criterion is normalised to [0, 1] (1 = best) and the score is the product of the normalised values raised to their weights (zeros floored at 1e-9), so a very weak criterion pulls the score down hard. A product does not split into additive contributions.',
  },
  topsis: {
    name: 'TOPSIS',
    description:
      "Each criterion is normalised as chosen (1 = best) and weighted; each site's score is its closeness to the ideal site relative to the anti-ideal one (Hwang & Yoon), both taken among the candidates except on a fixed scale such as chip legality, where they are 1 and 0. TOPSIS does not split into additive contributions.",
  },
};

/**
 * What a gap scores, as the method sections say it: stored criteria use the 'zero' policy
 * (backend/services/scoring/score-matrix.ts; docs/scoring.md says why).
 */
export const MISSING_TEXT =
  'Missing facts score 0 on their criterion: no credit, since an unknown must not be rewarded, and never more than the worst known value; a site never gains from a value it does not have. ' +
  "A criterion with no spread among the ranked sites' known values (none, one, or all equal) tells nobody apart and contributes nothing to anyone.";

const GAP_WORDS: Record<string, string> = {
  zero: 'scored 0, no credit',
  worst: 'scored as the worst known value',
  neutral: 'scored 0.5',
  reweight: 'left out, its weight spread over the known criteria',
};

/** What a gap scored under a missing-value policy (shared/engine/types.ts), in words: "scored 0, no credit". */
export function gapWords(policy: string): string {
  return GAP_WORDS[policy] ?? `filled by the ${policy} policy`;
}

/** A cell with no value, as the tables show it: what its policy scored it (score.run's missingHandled). */
export function noValueText(policy: string | undefined): string {
  return policy === undefined ? 'no value' : `no value (${gapWords(policy)})`;
}

export const NORMALISATION_TEXT: Record<string, string> = {
  criterion: "each criterion's own normalisation",
  minmax: 'min-max: (x − min)/(max − min), turned round for costs',
  vector: 'vector: x/‖x‖ (costs 1 − x/‖x‖)',
  max: 'max: x/max (costs min/x)',
  target: 'a value function through planner breakpoints',
};

export const LEGALITY_TEXT: Record<string, string> = {
  allowed: 'allowed',
  conditional: 'conditional',
  licence_required: 'licence required',
  licence_denial: 'licence, presumption of denial',
  prohibited: 'prohibited',
};

export const ROLE_TEXT = {
  decides: 'decides',
  applies: 'applies',
  superseded: 'displaced',
  'not-counted': 'not counted',
  'out-of-scope': 'out of scope',
  context: 'context',
} as const satisfies Record<string, string>;

/** Chain roles a printed report lists; out-of-scope and uncounted events are only counted there. */
export const PRINTED_ROLES: ReadonlySet<string> = new Set(['decides', 'applies', 'superseded', 'context']);

/** How firm an event is, as a report says it after the title ("" for rule text). */
export const TIER_TEXT: Record<string, string> = { rule: '', announced: ' (announced)', reported: ' (press report)' };

/** The scenario's legality question in words, for a report's header ("training · best lawful chip · …"). */
export function legalityQuestionText(inputs: {
  workload?: string | undefined;
  legalityMode?: string | undefined;
  confidenceFloor?: string | undefined;
}): string {
  const mode = inputs.legalityMode === 'all' ? 'every chip must clear' : 'best lawful chip';
  const floor =
    inputs.confidenceFloor === 'rule'
      ? 'rule text only counted'
      : inputs.confidenceFloor === 'announced'
        ? 'rules and announcements counted (press reports not)'
        : 'rules, announcements and press reports counted (the last two flagged)';
  return `${inputs.workload ?? 'training'} · ${mode} · ${floor}`;
}

/** A score or normalised value: three decimals (what the workspace shows). */
export function fmtScore(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

/** A raw fact with up to six significant digits and its unit. */
export function fmtRaw(x: number | null, unit = ''): string {
  if (x === null) return '—';
  const text = String(Number(x.toPrecision(6)));
  return unit === '' ? text : `${text} ${unit}`;
}

/** A share as a percentage, "35 %" (score-words' percent) or with decimals, "35.0 %", in tables. */
export function fmtPct(p: number, digits = 0): string {
  return digits === 0 ? percent(p) : `${(100 * p).toFixed(digits)} %`;
}

/** "378 of 420 (90.0 %)": known site × criterion cells of all, as the data-health appendix counts them. */
export function knownCellsText(c: { known: number; cells: number; share: number | null }): string {
  return `${c.known} of ${c.cells} (${c.share === null ? '—' : fmtPct(c.share, 1)})`;
}

/** The appendix's opening sentence: the built-in presets' cells, then every stored criterion's. */
export function dataHealthSentence(h: ReportModel['dataHealth']): string {
  const { presets, all } = h.coverage;
  const estimates = (x: { estimateShare: number | null }): string =>
    x.estimateShare === null ? 'no known values' : `${fmtPct(x.estimateShare, 1)} of them estimates`;
  return (
    `Of the site × criterion cells of the criteria the built-in presets weigh, ${knownCellsText(presets)} hold a known value, ${estimates(presets)}; ` +
    `of every stored criterion, ${knownCellsText(all)}, ${estimates(all)}. ` +
    `${h.stale} stored facts are older than the stale threshold, ${h.unsourced} have no source, and ${h.undatedEvents} policy events have no publication date.`
  );
}

/** A coverage under a "Coverage" heading: score-words' label without its leading word, "75 % (35 % stale)". */
export function coverageCell(r: Pick<ReportRow, 'coverage' | 'staleCoverage'>): string {
  return coverageLabel(r).replace(/^coverage /, '');
}

/** Why a criterion told nobody apart, in words; "anywhere" only when no site of the report knows it. */
export function silenceReason(u: ReportModel['uninformative'][number], knownAnywhere: number): string {
  if (u.reason === 'no known value')
    return knownAnywhere === 0 ? 'no known value anywhere' : 'no known value among the ranked sites';
  if (u.reason === 'one known value') return 'one known value';
  return `all ${u.known} known values equal`;
}

/** The note a criterion earns in the criteria table when it contributes nothing to anyone; null when it counts. */
export function silentCriterionNote(
  model: Pick<ReportModel, 'uninformative'>,
  c: ReportModel['criteria'][number],
): string | null {
  if (c.weight > 0 && c.known === 0) return 'no known value anywhere: contributes nothing';
  const u = model.uninformative.find((x) => x.criterionId === c.id);
  return u === undefined
    ? null
    : `no spread among the ranked sites (${silenceReason(u, c.known)}): contributes nothing`;
}

/** "2 of 3", with the silent-criterion note after a semicolon when there is one. */
export function knownText(
  model: Pick<ReportModel, 'uninformative' | 'ranking'>,
  c: ReportModel['criteria'][number],
): string {
  const note = silentCriterionNote(model, c);
  const count = `${c.known} of ${model.ranking.length}`;
  return note === null ? count : `${count}; ${note}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function constraintText(
  c: ReportModel['constraints'][number],
  names: ReadonlyMap<string, { name: string; unit: string }>,
): string {
  if (c.kind === 'chips_legal') {
    return `the profile's chips must be ${listWords(c.allow.map((s) => LEGALITY_TEXT[s] ?? s))}`;
  }
  const criterion = names.get(c.criterionId);
  const value = fmtRaw(c.value, criterion?.unit ?? '');
  return `${criterion?.name ?? c.criterionId} ${c.kind === 'min' ? 'at least' : 'at most'} ${value}`;
}

/** The name of a site by id, for text; the id itself when unknown. */
export function siteNamer(model: Pick<ReportModel, 'ranking'>): (id: string | null) => string {
  const names = new Map(model.ranking.map((r) => [r.siteId, r.name]));
  return (id) => (id === null ? '—' : (names.get(id) ?? id));
}

/** Where a stored fact lives: a site by its name, a market by its name ("Johor market facts" serve its sites). */
export function factPlaceNamer(
  model: Pick<ReportModel, 'ranking'>,
): (fact: { marketId: string | null; siteId: string | null }) => string {
  const site = siteNamer(model);
  const markets = new Map(model.ranking.map((r) => [r.marketId, r.market]));
  return (f) => (f.siteId !== null ? site(f.siteId) : `${markets.get(f.marketId ?? '') ?? f.marketId ?? '—'} (market)`);
}

/** The sentence under the derivations: how many cited facts never had their method recorded. */
export function methodNotRecordedText(n: number): string {
  if (n === 0) return '';
  const facts = n === 1 ? 'fact has' : 'facts have';
  return `${n} cited ${facts} no recorded method (stored before methods were kept, or imported without one); they count as estimates until someone restates them.`;
}

/** The top site of a stability interval, saying when it shares the top: "Beijing (tied with 5 more)". */
export function stabilityTop(
  st: { topSite: string | null; tiedWith: readonly string[] },
  name: (id: string | null) => string,
): string {
  return st.tiedWith.length === 0 ? name(st.topSite) : `${name(st.topSite)} (tied with ${st.tiedWith.length} more)`;
}

/** A file name from the title and date: lower-case words joined by hyphens. */
export function reportFileStem(model: Pick<ReportModel, 'title' | 'asOf'>): string {
  const slug = model.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'landfall-report'}-${model.asOf}`;
}
