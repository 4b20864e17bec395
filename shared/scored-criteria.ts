// Which criteria a scenario scores, and with which weights: the caller's weights merged over the
// preset's, every criterion weighted above zero, plus any a min/max constraint names (at weight 0,
// so the constraint can read it). One rule for score.run (backend/services/scoring/score-matrix.ts) and for
// the renderer's live scoring (shared/score-live.ts), so a dragged slider ranks what score.run will.
import type { HardConstraint } from './model/presets';

export type CriteriaChoice =
  | {
      ok: true;
      /** Criterion id → weight, over the preset's and the caller's (unnormalised). */
      weights: Record<string, number>;
      /** Positions in `catalogue` of the criteria scored, in catalogue order. */
      used: number[];
    }
  | {
      ok: false;
      /** What makes the scenario unscorable, with the criterion at fault when there is one. */
      problem: 'unknown_weight' | 'unknown_constraint' | 'no_weight';
      criterionId: string | null;
    };

export function chooseCriteria(
  catalogue: readonly { id: string }[],
  presetWeights: Readonly<Record<string, number>>,
  weightOverrides: Readonly<Record<string, number>> | undefined,
  constraints: readonly HardConstraint[],
): CriteriaChoice {
  const known = new Set(catalogue.map((c) => c.id));
  const weights: Record<string, number> = { ...presetWeights, ...weightOverrides };
  const unknownWeight = Object.keys(weights).find((id) => !known.has(id));
  if (unknownWeight !== undefined) return { ok: false, problem: 'unknown_weight', criterionId: unknownWeight };
  const constrained = new Set(constraints.flatMap((c) => (c.kind === 'chips_legal' ? [] : [c.criterionId])));
  const unknownConstraint = [...constrained].find((id) => !known.has(id));
  if (unknownConstraint !== undefined) {
    return { ok: false, problem: 'unknown_constraint', criterionId: unknownConstraint };
  }
  const used: number[] = [];
  catalogue.forEach((c, j) => {
    if ((weights[c.id] ?? 0) > 0 || constrained.has(c.id)) used.push(j);
  });
  if (!used.some((j) => (weights[catalogue[j]?.id ?? ''] ?? 0) > 0)) {
    return { ok: false, problem: 'no_weight', criterionId: null };
  }
  return { ok: true, weights, used };
}
