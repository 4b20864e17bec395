// "Why A beats B" in plain words, from the difference of the two sites' per-criterion contributions.
// Shared by the compare panel and the report, so both explain a win in the same words. A difference
// that comes from a gap — a criterion one site has no value for, scored by its missing-value policy —
// is never given as a strength: it is named as the gap it is ("B has no value for power price: scored
// 0, no credit"), and the sentence then says whether the winner is ahead on the facts both sites have.
// A criterion that tells nobody apart (score.run's `uninformative`) is never a reason either way.
import { gapWords, listWords } from './report/words';

/** The words for what a gap scored, for callers that explain without a report (the compare panel). */
export { gapWords };

export interface FilledCriterion {
  criterionId: string;
  /** The missing-value policy that scored the gap (shared/engine/types.ts, MissingPolicy). */
  policy: string;
}

export interface Contender {
  name: string;
  score: number;
  contributions: Readonly<Record<string, number>>;
  /** Criteria this site has no value for (score.run's missingHandled); absent: it has every value. */
  missingHandled?: readonly FilledCriterion[];
}

export interface ExplainOptions {
  /** How many gains and losses to name (default 3). */
  top?: number;
  /** Criteria with no spread among the candidates: they give nobody anything, so they are no reason. */
  uninformative?: ReadonlySet<string>;
}

/** Differences below this are float noise, not a reason. */
const EPS = 1e-9;

interface Diff {
  id: string;
  /** Winner's contribution minus the loser's. */
  delta: number;
}

export function explainWin(
  a: Contender,
  b: Contender,
  names: ReadonlyMap<string, string>,
  options: ExplainOptions = {},
): string {
  const [winner, loser] = a.score >= b.score ? [a, b] : [b, a];
  const label = (id: string): string => names.get(id) ?? id;
  const silent = options.uninformative ?? new Set<string>();
  const top = options.top ?? 3;
  const gaps = { winner: gapsOf(winner), loser: gapsOf(loser) };
  const diffs = differences(winner, loser).filter((d) => !silent.has(d.id));
  const known = diffs.filter((d) => !gaps.winner.has(d.id) && !gaps.loser.has(d.id));
  const filled = diffs.filter((d) => gaps.winner.has(d.id) || gaps.loser.has(d.id));
  const margin = winner.score - loser.score;
  if (margin < EPS && diffs.length === 0) return `${winner.name} and ${loser.name} score the same on every criterion.`;

  const gains = strongest(known, 1, top);
  const losses = strongest(known, -1, top);
  let text =
    margin < EPS
      ? `${winner.name} and ${loser.name} score the same (${winner.score.toFixed(3)})`
      : `${winner.name} beats ${loser.name} by ${margin.toFixed(3)}`;
  if (gains.length > 0) {
    const who = margin < EPS ? `${winner.name} does better on` : 'it gains';
    text += `: ${who} ${gains.map((g) => `${g.delta.toFixed(3)} on ${label(g.id)}`).join(', ')}`;
  }
  if (losses.length > 0) {
    text += `; ${loser.name} does better on ${losses.map((l) => `${label(l.id)} (+${(-l.delta).toFixed(3)})`).join(', ')}`;
  }
  text += '.';
  if (filled.length === 0) return text;

  const sentences = [text, ...gapSentences(filled, winner, loser, gaps, label)];
  const onKnown = known.reduce((s, d) => s + d.delta, 0);
  sentences.push(
    `On the facts both have, ${winner.name} ${onKnown > EPS ? `is ahead by ${onKnown.toFixed(3)}` : 'is not ahead'}.`,
  );
  return sentences.join(' ');
}

function gapsOf(c: Contender): Map<string, string> {
  return new Map((c.missingHandled ?? []).map((m) => [m.criterionId, m.policy]));
}

/** Per criterion either site weighs, the winner's contribution minus the loser's, when it differs. */
function differences(winner: Contender, loser: Contender): Diff[] {
  const ids = new Set([...Object.keys(winner.contributions), ...Object.keys(loser.contributions)]);
  return [...ids]
    .map((id) => ({ id, delta: (winner.contributions[id] ?? 0) - (loser.contributions[id] ?? 0) }))
    .filter((d) => Math.abs(d.delta) > EPS);
}

/** The `top` largest differences in one direction (1: the winner's gains, -1: the loser's). */
function strongest(diffs: readonly Diff[], sign: 1 | -1, top: number): Diff[] {
  return diffs
    .filter((d) => sign * d.delta > 0)
    .sort((x, y) => sign * (y.delta - x.delta))
    .slice(0, top);
}

/**
 * "Kulai has no value for Power price: scored 0, no credit (worth 0.350 to Beijing)." One sentence
 * per site with a gap, per policy and per side it helped: the loser's gaps first (they made the win).
 */
function gapSentences(
  filled: readonly Diff[],
  winner: Contender,
  loser: Contender,
  gaps: { winner: ReadonlyMap<string, string>; loser: ReadonlyMap<string, string> },
  label: (id: string) => string,
): string[] {
  const groups = new Map<
    string,
    { owner: Contender; helped: Contender; policy: string; ids: string[]; worth: number }
  >();
  for (const d of filled) {
    // A gap on both sides is charged to the side the difference goes against.
    const ownerIsLoser = gaps.loser.has(d.id) && (d.delta > 0 || !gaps.winner.has(d.id));
    const owner = ownerIsLoser ? loser : winner;
    const policy = (ownerIsLoser ? gaps.loser : gaps.winner).get(d.id) as string;
    const helped = d.delta > 0 ? winner : loser;
    const key = `${ownerIsLoser ? 0 : 1}|${helped === winner ? 0 : 1}|${policy}`;
    const group = groups.get(key) ?? { owner, helped, policy, ids: [], worth: 0 };
    group.ids.push(d.id);
    group.worth += Math.abs(d.delta);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(
      ([, g]) =>
        `${g.owner.name} has no value for ${listWords(g.ids.map(label))}: ${gapWords(g.policy)} (worth ${g.worth.toFixed(3)} to ${g.helped.name}).`,
    );
}
