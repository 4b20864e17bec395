// The executive summary: the top sites and why, in plain words, derived only from the report's own
// numbers (contributions, legality, sensitivity), so it can never say something the tables do not.
import { explainWin } from '../compare-explain';
import type { ReportModel, ReportRow } from './model';
import { fmtPct, fmtScore, LEGALITY_TEXT, listWords, METHOD_TEXT, siteNamer } from './words';

export type SummaryInput = Omit<ReportModel, 'summary'>;

/** Scores closer than this count as a tie (the engine ranks ties by site id). */
const TIE = 1e-9;

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
  if (first === undefined || first.score === null) {
    out.push('No site could be ranked: every site is excluded (the reasons are listed with the ranking).');
    return out;
  }
  out.push(topSentence(ranked, first.score));
  out.push(whySentence(model, first, names));
  const challenger = ranked.find((r) => r.score !== null && first.score !== null && first.score - r.score > TIE);
  if (challenger !== undefined && model.method.id === 'wsm') {
    out.push(
      `Against the best site that scores lower: ${explainWin(contender(model, first), contender(model, challenger), names)}`,
    );
  }
  const chips = model.legality?.find((l) => l.siteId === first.siteId);
  if (chips !== undefined) {
    const status = LEGALITY_TEXT[chips.status] ?? chips.status;
    const how =
      chips.mode === 'all'
        ? `every one of its ${chips.chips.length} ${chips.workload} chips must clear, and ${chips.chipId} is the most restricted`
        : `the best lawful option for ${chips.workload} is ${chips.chipId}`;
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

function topSentence(ranked: readonly ReportRow[], best: number): string {
  const tied = ranked.filter((r) => r.score !== null && best - r.score <= TIE);
  const where = (r: ReportRow): string => `${r.name} (${r.market}, ${r.country})`;
  if (tied.length > 1) {
    const shown = tied.slice(0, 4).map(where);
    const more = tied.length > 4 ? ` and ${tied.length - 4} more` : '';
    return `${tied.length} sites tie for first at ${fmtScore(best)}: ${shown.join(', ')}${more}; ties are listed by site id.`;
  }
  const next = ranked.slice(1, 3).map((r) => `${r.name} (${fmtScore(r.score)})`);
  const first = ranked[0] as ReportRow;
  return (
    `${where(first)} ranks first with a score of ${fmtScore(best)}` +
    (next.length > 0 ? `, ahead of ${listWords(next)}.` : '.')
  );
}

function whySentence(model: SummaryInput, first: ReportRow, names: ReadonlyMap<string, string>): string {
  const parts = Object.entries(drivers(model, first))
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  if (parts.length === 0) return `${first.name} scores nothing on any weighted criterion.`;
  const listed = listWords(parts.map(([id, v]) => `${names.get(id) ?? id} (${fmtScore(v)})`));
  if (model.method.id === 'wsm' && first.score !== null && first.score > 0) {
    const share = parts.reduce((s, [, v]) => s + v, 0) / first.score;
    return `Most of ${first.name}'s score comes from ${listed}: ${fmtPct(share)} of it.`;
  }
  return `${first.name} is strongest, weight for weight, on ${listed} (weight × normalised value).`;
}

function contender(
  model: SummaryInput,
  row: ReportRow,
): { name: string; score: number; contributions: Record<string, number> } {
  return { name: row.name, score: row.score ?? 0, contributions: drivers(model, row) };
}

function robustness(model: SummaryInput, first: ReportRow): string | null {
  const s = model.sensitivity;
  if (s === null) return null;
  const name = siteNamer(model);
  const mine = s.smaa.find((x) => x.siteId === first.siteId);
  const best = [...s.smaa].sort((a, b) => b.pFirst - a.pFirst || (a.siteId < b.siteId ? -1 : 1))[0];
  const draws = s.mode === 'around_preset' ? 'weights drawn around the preset' : 'weights drawn uniformly';
  let text = `In ${s.samples.toLocaleString('en-US')} SMAA samples (${draws}, seed ${s.seed}), ${first.name} ranked first in ${fmtPct(mine?.pFirst ?? 0)} of them`;
  if (best !== undefined && best.siteId !== first.siteId && best.pFirst > (mine?.pFirst ?? 0)) {
    text += `; ${name(best.siteId)} was first more often (${fmtPct(best.pFirst)})`;
  }
  text += '.';
  const narrow = [...s.stability].sort((a, b) => a.hi - a.lo - (b.hi - b.lo))[0];
  if (narrow !== undefined && narrow.topSite !== null) {
    const criterion = model.criteria.find((c) => c.id === narrow.criterionId)?.name ?? narrow.criterionId;
    text +=
      ` The top site stays first while each weight moves within its stability interval; the narrowest is ${criterion}: ` +
      `${fmtScore(narrow.lo)} to ${fmtScore(narrow.hi)} around ${fmtScore(narrow.current)}.`;
  }
  return text;
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
