// Two presets side by side: each criterion's weight in both (as stored, and as a share of the
// preset's total, which is what the engine scores with), how far apart they are, and whether the
// method, normalisation and hard constraints agree.
import { z } from 'zod';
import { HardConstraint, PresetMethod, PresetNormalisation, type Preset } from './model/presets';

const WeightSide = z.object({
  /** The weight as the preset stores it (any scale); null when the preset does not weigh the criterion. */
  raw: z.number().nullable(),
  /** raw ÷ the preset's total weight: its share in [0, 1] (0 when not weighed). */
  share: z.number(),
});

const Side = z.object({ id: z.string(), name: z.string(), builtin: z.boolean() });

export const PresetDiff = z.object({
  a: Side,
  b: Side,
  /** Every criterion either preset weighs, in criteria order. */
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      name: z.string(),
      a: WeightSide,
      b: WeightSide,
      /** b.share − a.share: positive when b counts the criterion more. */
      difference: z.number(),
    }),
  ),
  method: z.object({ a: PresetMethod, b: PresetMethod, same: z.boolean() }),
  normalisation: z.object({ a: PresetNormalisation, b: PresetNormalisation, same: z.boolean() }),
  constraints: z.object({
    onlyA: z.array(HardConstraint),
    onlyB: z.array(HardConstraint),
    both: z.array(HardConstraint),
  }),
  /** Same weights (as shares), method, normalisation and constraints: the two score every site alike. */
  sameScoring: z.boolean(),
});
export type PresetDiff = z.infer<typeof PresetDiff>;

/** Shares below this apart are the same weighting written on another scale (0.5/0.5 vs 1/1). */
const SHARE_TOLERANCE = 1e-12;

function shares(weights: Preset['weights']): Map<string, number> {
  const total = Object.values(weights).reduce((s, w) => s + w, 0);
  return new Map(Object.entries(weights).map(([id, w]) => [id, total > 0 ? w / total : 0]));
}

/** A constraint as a comparable key: the allow list of chips_legal is a set, its order says nothing. */
export function constraintKey(c: HardConstraint): string {
  return c.kind === 'chips_legal'
    ? `chips_legal:${[...new Set(c.allow)].sort().join(',')}`
    : `${c.kind}:${c.criterionId}:${c.value}`;
}

/**
 * Compares `a` with `b`. `criteria` gives the order and names of the criteria (criteria.list);
 * an id it does not list keeps its id as name and goes last.
 */
export function diffPresets(a: Preset, b: Preset, criteria: readonly { id: string; name: string }[]): PresetDiff {
  const sa = shares(a.weights);
  const sb = shares(b.weights);
  const position = new Map(criteria.map((c, i) => [c.id, i]));
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const ids = [...new Set([...Object.keys(a.weights), ...Object.keys(b.weights)])].sort(
    (x, y) =>
      (position.get(x) ?? Number.MAX_SAFE_INTEGER) - (position.get(y) ?? Number.MAX_SAFE_INTEGER) ||
      (x < y ? -1 : x > y ? 1 : 0),
  );
  const rows = ids.map((id) => {
    const shareA = sa.get(id) ?? 0;
    const shareB = sb.get(id) ?? 0;
    return {
      criterionId: id,
      name: names.get(id) ?? id,
      a: { raw: a.weights[id] ?? null, share: shareA },
      b: { raw: b.weights[id] ?? null, share: shareB },
      difference: shareB - shareA,
    };
  });
  const keysB = new Set(b.constraints.map(constraintKey));
  const keysA = new Set(a.constraints.map(constraintKey));
  const constraints = {
    onlyA: a.constraints.filter((c) => !keysB.has(constraintKey(c))),
    onlyB: b.constraints.filter((c) => !keysA.has(constraintKey(c))),
    both: a.constraints.filter((c) => keysB.has(constraintKey(c))),
  };
  const method = { a: a.method, b: b.method, same: a.method === b.method };
  const normalisation = { a: a.normalisation, b: b.normalisation, same: a.normalisation === b.normalisation };
  const sameScoring =
    rows.every((r) => Math.abs(r.difference) <= SHARE_TOLERANCE) &&
    method.same &&
    normalisation.same &&
    constraints.onlyA.length === 0 &&
    constraints.onlyB.length === 0;
  const side = (p: Preset): z.infer<typeof Side> => ({ id: p.id, name: p.name, builtin: p.builtin });
  return { a: side(a), b: side(b), criteria: rows, method, normalisation, constraints, sameScoring };
}

/** The fields a planner edits; id, builtin and updatedAt are the store's. */
export const PRESET_FIELDS = ['name', 'description', 'method', 'weights', 'constraints', 'normalisation'] as const;
export type PresetField = (typeof PRESET_FIELDS)[number];

function comparable(p: Pick<Preset, PresetField>, field: PresetField): string {
  // Weights by id and constraints by meaning: the same preset written in another order is the same.
  if (field === 'weights') return JSON.stringify(Object.entries(p.weights).sort(([x], [y]) => (x < y ? -1 : 1)));
  if (field === 'constraints') return JSON.stringify(p.constraints.map(constraintKey));
  return JSON.stringify(p[field]);
}

/** The planner's fields whose values differ between `a` and `b`. */
export function differingFields(a: Pick<Preset, PresetField>, b: Pick<Preset, PresetField>): PresetField[] {
  return PRESET_FIELDS.filter((f) => comparable(a, f) !== comparable(b, f));
}
