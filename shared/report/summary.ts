// The executive summary: the top sites and why, in plain words, derived only from the report's own
// numbers (contributions, coverage, legality, sensitivity), so it can never say something the tables
// do not. What it says about first place is score.run's `top` in the shared words (topSentence): a
// tie is a tie, and a lead that rests on filled-in values or thin data is never "first".
import { explainWin } from '../compare-explain';
import { percent, rankLabel, topSentence } from '../score-words';
import { chipNamer } from './chips';
import type { ReportModel, ReportRow } from './model';
import { fmtPct, fmtScore, gapWords, LEGALITY_TEXT, listWords, METHOD_TEXT, silenceReason, siteNamer } from './words';

export type SummaryInput = Omit<ReportModel, 'summary'>;

/**
 * Per criterion, what it adds to a site's score: the contribution under the weighted sum, otherwise
 * weight × normalised value (how strongly the site does on what the preset cares about).
 */
export function drivers(model: Pick<SummaryInput, 'criteria'>, row: ReportRow): Record<string, number> {
  const out: Record<string, number> = {};
  model.criteria.forEach((c, j) => {
    const cell = row.cells[j];
    if (cell === undefined || c.weight === 0) return;
    const value = cell.contribution ?? (cell.normalised === null ? null : c.weight * cell.normalised);
    if (value !== null) out[c.id] = value;
  });
  return out;
}

export function executiveSummary(model: SummaryInput): string[] {
  const ranked = model.ranking.filter((r) => r.rank !== null && r.score !== null);
  const excluded = model.ranking.filter((r) => r.excluded);
  const names = new Map(model.criteria.map((c) => [c.id, c.name]));
  const method = METHOD_TEXT[model.method.id];
  const who = model.profile === null ? 'no company profile' : model.profile.name;
  const whatIf = model.whatIf === null ? '' : ` under the what-if scenario "${model.whatIf.name}"`;
  const out: string[] = [
    `On ${model.asOf}${whatIf}, with the ${model.preset.name} weights (${method.name}) for ${who}, ` +
      `${ranked.length} of ${model.ranking.length} sites are ranked` +
      (excluded.length > 0 ? ` and ${excluded.length} ${excluded.length === 1 ? 'is' : 'are'} excluded.` : '.'),
  ];
  const first = ranked[0];
  if (first === undefined) {
    out.push('No site could be ranked: every site is excluded (the reasons are listed with the ranking).');
    return out;
  }
  out.push(coverageStatement(model));
  out.push(`${topSentence(model.top, siteNamer(model), (id) => names.get(id) ?? id)} ${scoresSentence(ranked)}`);
  out.push(whySentence(model, first, names));
  // The best site below the top group: the one a planner would weigh against it.
  const challenger = ranked.find((r) => (r.rank as number) > (first.rank as number));
  if (challenger !== undefined && model.method.id === 'wsm') {
    const silent = new Set(model.uninformative.map((u) => u.criterionId));
    out.push(
      `Against the best site that scores lower: ${explainWin(contender(model, first), contender(model, challenger), names, { uninformative: silent })}`,
    );
  }
  const chips = model.legality?.find((l) => l.siteId === first.siteId);
  if (chips !== undefined) {
    const status = LEGALITY_TEXT[chips.status] ?? chips.status;
    const chip = chipNamer(model)(chips.chipId);
    const how =
      chips.mode === 'all'
        ? `every one of its ${chips.chips.length} ${chips.workload} chips must clear, and ${chip} is the most restricted`
        : `the best lawful option for ${chips.workload} is ${chip}`;
    const tier =
      chips.confidence === null || chips.confidence === 'rule' ? '' : ` (resting on ${chips.confidence} measures)`;
    out.push(
      `At ${first.name} on ${model.asOf} the profile is ${status}${tier}: ${how}; each regime's verdict and the chain of policy events are under Chip legality.`,
    );
  }
  const robust = robustness(model, first);
  if (robust !== null) out.push(robust);
  if (excluded.length > 0) out.push(exclusions(excluded));
  return out;
}

/**
 * How much of the ranking rests on known values: the mean coverage of the ranked sites (and its
 * stale part), how many sites are thin data and what became of them, and the weighted criteria that
 * tell nobody apart. Printed in the summary and again in the method section.
 */
export function coverageStatement(
  model: Pick<SummaryInput, 'ranking' | 'criteria' | 'minCoverage' | 'thinData' | 'uninformative'>,
): string {
  const ranked = model.ranking.filter((r) => r.rank !== null);
  if (ranked.length === 0) return 'No site is ranked, so no coverage is stated.';
  const mean = (f: (r: ReportRow) => number): number => ranked.reduce((s, r) => s + f(r), 0) / ranked.length;
  const stale = mean((r) => r.staleCoverage);
  const parts = [
    `On average ${percent(mean((r) => r.coverage))} of the weight rests on known values across the ${ranked.length} ranked ${ranked.length === 1 ? 'site' : 'sites'}` +
      (stale > 0.005 ? ` (${percent(stale)} on stale ones)` : ''),
    thinClause(model),
  ];
  const silent = silentClause(model);
  if (silent !== null) parts.push(silent);
  return `${parts.join('; ')}.`;
}

function thinClause(model: Pick<SummaryInput, 'ranking' | 'minCoverage' | 'thinData'>): string {
  if (model.minCoverage <= 0) return 'no minimum coverage is set';
  const below = `(below ${percent(model.minCoverage)})`;
  const excluding = model.thinData === 'exclude';
  // Marked: the thin sites among the ranked ones; excluded: the thin sites left out.
  const thin = model.ranking.filter((r) => r.thin && r.excluded === excluding).length;
  if (thin === 0) return `no site is thin data ${below}`;
  const sites = thin === 1 ? '1 site is' : `${thin} sites are`;
  return `${sites} thin data ${below} and ${excluding ? 'left out of the ranking' : 'marked in the ranking'}`;
}

function silentClause(model: Pick<SummaryInput, 'criteria' | 'uninformative'>): string | null {
  const criteria = new Map(model.criteria.map((c) => [c.id, c]));
  const items = model.uninformative.map((u) => {
    const c = criteria.get(u.criterionId);
    return { name: c?.name ?? u.criterionId, why: silenceReason(u, c?.known ?? u.known) };
  });
  const [only] = items;
  if (only === undefined) return null;
  if (items.length === 1) {
    return `${only.name} has no spread among the known values and contributes nothing to anyone (${only.why})`;
  }
  return (
    `${listWords(items.map((i) => i.name))} have no spread among the known values and contribute nothing to anyone: ` +
    items.map((i) => `${i.name} (${i.why})`).join(', ')
  );
}

/** The scores behind the top sentence: the tie's shared score and the next group, or the first three. */
function scoresSentence(ranked: readonly ReportRow[]): string {
  const first = ranked[0] as ReportRow;
  if (!first.tied) {
    const shown = ranked.slice(0, 3).map((r) => `${r.name} ${fmtScore(r.score)}`);
    return `Scores: ${listWords(shown)}.`;
  }
  const next = ranked.find((r) => (r.rank as number) > (first.rank as number));
  let text = `Each scores ${fmtScore(first.score)}`;
  if (next !== undefined) {
    const group = ranked.filter((r) => r.rank === next.rank);
    text +=
      group.length === 1
        ? `; the next site, ${next.name}, scores ${fmtScore(next.score)}`
        : `; the next sites, ${listWords(group.map((r) => r.name))}, share rank ${rankLabel(next.rank, true)} at ${fmtScore(next.score)}`;
  }
  return `${text}.`;
}

/**
 * What the first listed site's score comes from, naming only criteria it has a value for and that
 * tell sites apart; the criteria it has no value for are named as such. In a tie the site is one of
 * several, and the sentence says so.
 */
function whySentence(model: SummaryInput, first: ReportRow, names: ReadonlyMap<string, string>): string {
  const gaps = new Map(first.missingHandled.map((m) => [m.criterionId, m.policy]));
  const silent = new Set(model.uninformative.map((u) => u.criterionId));
  const parts = Object.entries(drivers(model, first))
    .filter(([id, v]) => v > 0 && !gaps.has(id) && !silent.has(id))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  const subject = first.tied
    ? `Of the tied sites, take ${first.name}: most of its score`
    : `Most of ${first.name}'s score`;
  const noValue = gapNote(first, names);
  if (parts.length === 0) return `${first.name} scores nothing on any weighted criterion it has a value for${noValue}.`;
  const listed = listWords(parts.map(([id, v]) => `${names.get(id) ?? id} (${fmtScore(v)})`));
  if (model.method.id === 'wsm' && first.score !== null && first.score > 0) {
    const share = parts.reduce((s, [, v]) => s + v, 0) / first.score;
    return `${subject} comes from ${listed}: ${fmtPct(share)} of it${noValue}.`;
  }
  const who = first.tied ? `Of the tied sites, ${first.name}` : first.name;
  return `${who} is strongest, weight for weight, on ${listed} (weight × normalised value)${noValue}.`;
}

/** "; it has no value for Land cost and Incentive tax rate (scored 0, no credit)", or "" without gaps. */
function gapNote(row: ReportRow, names: ReadonlyMap<string, string>): string {
  const byWords = new Map<string, string[]>();
  for (const m of row.missingHandled) {
    const words = gapWords(m.policy);
    byWords.set(words, [...(byWords.get(words) ?? []), names.get(m.criterionId) ?? m.criterionId]);
  }
  const notes = [...byWords].map(([words, list]) => `${listWords(list)} (${words})`);
  return notes.length === 0 ? '' : `; it has no value for ${listWords(notes)}`;
}

function contender(
  model: SummaryInput,
  row: ReportRow,
): { name: string; score: number; contributions: Record<string, number>; missingHandled: ReportRow['missingHandled'] } {
  return {
    name: row.name,
    score: row.score ?? 0,
    contributions: drivers(model, row),
    missingHandled: row.missingHandled,
  };
}

function robustness(model: SummaryInput, first: ReportRow): string | null {
  const s = model.sensitivity;
  if (s === null) return null;
  const draws = s.mode === 'around_preset' ? 'weights drawn around the preset' : 'weights drawn uniformly';
  const opening = `In ${s.samples.toLocaleString('en-US')} SMAA samples (${draws}, seed ${s.seed}), `;
  const tiedGroup = model.top.kind === 'tie' ? sharedFirst(s.smaa, model.top.siteIds, siteNamer(model)) : null;
  let text = opening + (tiedGroup ?? leaderFirst(model, s.smaa, first));
  const narrow = [...s.stability].sort((a, b) => a.hi - a.lo - (b.hi - b.lo))[0];
  if (narrow !== undefined && narrow.topSite !== null) {
    const criterion = model.criteria.find((c) => c.id === narrow.criterionId)?.name ?? narrow.criterionId;
    // When sites share the top, the interval is where the listed one stays among them.
    const stays =
      narrow.tiedWith.length > 0
        ? `${siteNamer(model)(narrow.topSite)} stays among the best`
        : 'The top site stays first';
    text +=
      ` ${stays} while each weight moves within its stability interval; the narrowest is ${criterion}: ` +
      `${fmtScore(narrow.lo)} to ${fmtScore(narrow.hi)} around ${fmtScore(narrow.current)}.`;
  }
  return text;
}

type SmaaSite = NonNullable<SummaryInput['sensitivity']>['smaa'][number];

/**
 * When the sites tied at the top shared first place alike in the samples: "A, B and C tied for first
 * in 100 % of samples; a shared first place counts 1/3 to each of them (P(first) 33 % each)." Null
 * when their shares differ (the leader's own sentence is then used).
 */
function sharedFirst(smaa: readonly SmaaSite[], ids: readonly string[], name: (id: string) => string): string | null {
  const group = ids.map((id) => smaa.find((x) => x.siteId === id));
  const [one] = group;
  if (one === undefined || group.some((x) => x === undefined || !same(x, one)) || one.pTiedFirst <= 0) return null;
  // With the same g sites sharing first in every tied sample, each gets pTiedFirst / g of first place.
  const g = one.pFirst > 0 ? one.pTiedFirst / one.pFirst : Number.NaN;
  const split =
    Math.abs(g - Math.round(g)) < 1e-6 && Math.round(g) > 1 ? `counts 1/${Math.round(g)}` : 'is split evenly';
  return (
    `${listWords(ids.map(name))} tied for first in ${percent(one.pTiedFirst)} of samples; ` +
    `a shared first place ${split} to each of them (P(first) ${percent(one.pFirst)} each).`
  );
}

function same(a: SmaaSite, b: SmaaSite): boolean {
  return Math.abs(a.pFirst - b.pFirst) < 1e-9 && Math.abs(a.pTiedFirst - b.pTiedFirst) < 1e-9;
}

/** The first listed site's share of first place, saying how often it was shared and with whom. */
function leaderFirst(model: SummaryInput, smaa: readonly SmaaSite[], first: ReportRow): string {
  const name = siteNamer(model);
  const mine = smaa.find((x) => x.siteId === first.siteId);
  const pFirst = mine?.pFirst ?? 0;
  let text: string;
  if (mine === undefined || mine.pTiedFirst <= 0) {
    text = `${first.name} ranked first in ${percent(pFirst)} of them`;
  } else {
    const others = smaa.filter((x) => x.siteId !== first.siteId && x.pTiedFirst > 0).map((x) => name(x.siteId));
    const shown = others.length <= 3 ? others : [...others.slice(0, 3), `${others.length - 3} more`];
    text =
      `${first.name} was first in ${percent(pFirst)} of them, a shared first place counted as 1/g for each of the g sites sharing it ` +
      `(it shared first place in ${percent(mine.pTiedFirst)} of samples${shown.length > 0 ? `, with ${listWords(shown)}` : ''})`;
  }
  const best = [...smaa].sort((a, b) => b.pFirst - a.pFirst || (a.siteId < b.siteId ? -1 : 1))[0];
  if (best !== undefined && best.siteId !== first.siteId && best.pFirst > pFirst) {
    text += `; ${name(best.siteId)} was first more often (${percent(best.pFirst)})`;
  }
  return `${text}.`;
}

/** Excluded sites grouped by their first reason (sites of one market usually share it), three groups at most. */
function exclusions(excluded: readonly ReportRow[]): string {
  const groups = new Map<string, string[]>();
  for (const r of excluded) {
    const why = r.reasons[0] ?? 'excluded';
    groups.set(why, [...(groups.get(why) ?? []), r.name]);
  }
  const names = (list: readonly string[]): string =>
    list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more`;
  const shown = [...groups].slice(0, 3).map(([why, list]) => `${names(list)} (${why})`);
  const rest = [...groups].slice(3).reduce((n, [, list]) => n + list.length, 0);
  const more = rest > 0 ? `; and ${rest} more, listed after the ranking` : '';
  return `Excluded: ${shown.join('; ')}${more}.`;
}
