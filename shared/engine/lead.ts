// Who is first, and may a summary say so? A planner reads "X ranks first" as a statement about X's
// facts. It is not one when X only leads because the runner-up's gaps were scored as no credit, or
// when X's own score rests mostly on filled-in values. This decides, from the scored arrays, what a
// summary sentence may claim about the top of a ranking.
import { applyTransform, type ColumnTransform } from './normalise';
import type { DecisionMatrix, TopStatement } from './types';

export type { TopStatement };

export interface LeadInput {
  matrix: DecisionMatrix;
  weights: Float64Array;
  include: Uint8Array;
  scores: Float64Array;
  rank: Uint32Array;
  thin: Uint8Array;
  transforms: readonly ColumnTransform[] | null;
}

/** What may be said about the top of the ranking (see TopStatement). */
export function topStatement({ matrix, weights, include, scores, rank, thin, transforms }: LeadInput): TopStatement {
  const { siteIds, values, criteria } = matrix;
  const m = criteria.length;
  const first: number[] = [];
  for (let i = 0; i < siteIds.length; i++) {
    if (include[i] !== 1) continue;
    if (rank[i] === 1) first.push(i);
  }
  if (first.length === 0) return { kind: 'none' };
  if (first.length > 1) return { kind: 'tie', siteIds: first.map((i) => siteIds[i] as string) };
  const leader = first[0] as number;
  // The runners-up: every site sharing the best rank after the leader's (a tie for second is
  // several runners-up, and the lead must stand against each of them).
  let nextRank = Infinity;
  for (let i = 0; i < siteIds.length; i++) {
    if (include[i] === 1 && i !== leader && (rank[i] as number) < nextRank) nextRank = rank[i] as number;
  }
  const leaderThin = thin[leader] === 1;
  if (nextRank === Infinity) return { kind: 'alone', siteId: siteIds[leader] as string, thin: leaderThin };
  const runnersUp: number[] = [];
  for (let i = 0; i < siteIds.length; i++)
    if (include[i] === 1 && i !== leader && rank[i] === nextRank) runnersUp.push(i);

  const filled = new Set<string>();
  let restsOnKnown = true;
  for (const second of runnersUp) {
    let gaps = false;
    let diff = 0;
    for (let j = 0; j < m; j++) {
      const w = weights[j] as number;
      if (!(w > 0)) continue;
      const a = values[leader * m + j] as number;
      const b = values[second * m + j] as number;
      if (a !== a || b !== b) {
        filled.add((criteria[j] as { id: string }).id);
        gaps = true;
        continue;
      }
      const t = transforms?.[j];
      if (t !== undefined) diff += w * (applyTransform(t, a) - applyTransform(t, b));
    }
    // Without gaps the scores already compare known facts only (TOPSIS and WPM included).
    const ahead = gaps ? diff > 1e-12 : (scores[leader] as number) > (scores[second] as number);
    if (!ahead) restsOnKnown = false;
  }
  const second = runnersUp[0] as number;
  return {
    kind: 'lead',
    siteId: siteIds[leader] as string,
    runnerUpId: siteIds[second] as string,
    restsOnKnown,
    filledCriteria: [...filled],
    thin: leaderThin,
  };
}
