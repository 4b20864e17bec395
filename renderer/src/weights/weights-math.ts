// The weights panel's arithmetic: moving one weight rescales the unlocked others so the total stays 1,
// and percentages for display that add up to exactly 100. Pure, so it is tested without a DOM.

const sumOf = (values: Iterable<number>): number => {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
};

/** Weights scaled to sum 1; an all-zero (or empty) record is returned as zeros. Negatives count 0. */
export function normalise(weights: Readonly<Record<string, number>>): Record<string, number> {
  const clean = Object.entries(weights).map(([id, w]): [string, number] => [id, Number.isFinite(w) && w > 0 ? w : 0]);
  const sum = sumOf(clean.map(([, w]) => w));
  return Object.fromEntries(clean.map(([id, w]) => [id, sum > 0 ? w / sum : 0]));
}

/**
 * Sets `id` to `value` (a fraction) and rescales the other unlocked weights in proportion so the total
 * stays 1. If every other unlocked weight is 0 the remainder is shared equally among them; locked
 * weights never change; if everything else is locked, `id` takes exactly what the locked ones leave.
 * A locked `id` is not moved. `weights` should sum to 1 (see `normalise`).
 */
export function rescale(
  weights: Readonly<Record<string, number>>,
  id: string,
  value: number,
  locked: ReadonlySet<string>,
): Record<string, number> {
  const out: Record<string, number> = { ...weights };
  if (locked.has(id) || !Object.hasOwn(weights, id)) return out;
  const others = Object.keys(weights).filter((k) => k !== id);
  const free = others.filter((k) => !locked.has(k));
  const lockedSum = sumOf(others.filter((k) => locked.has(k)).map((k) => weights[k] ?? 0));
  const available = Math.max(0, 1 - lockedSum);
  const wanted = Number.isFinite(value) ? value : (weights[id] ?? 0);
  const moved = free.length === 0 ? available : Math.min(available, Math.max(0, wanted));
  out[id] = moved;
  const remainder = available - moved;
  const freeSum = sumOf(free.map((k) => weights[k] ?? 0));
  for (const k of free) {
    out[k] = freeSum > 0 ? ((weights[k] ?? 0) / freeSum) * remainder : remainder / free.length;
  }
  return out;
}

/**
 * Whole percentages, in the order of `ids`, that sum to exactly 100 (largest-remainder rounding;
 * ties go to the earlier id). All zeros when the weights sum to 0. Missing ids count 0.
 */
export function toPercents(weights: Readonly<Record<string, number>>, ids: readonly string[]): number[] {
  const raw = ids.map((id) => {
    const w = weights[id] ?? 0;
    return Number.isFinite(w) && w > 0 ? w : 0;
  });
  const sum = sumOf(raw);
  if (sum <= 0) return raw.map(() => 0);
  const exact = raw.map((w) => (w / sum) * 100);
  const floors = exact.map((x) => Math.floor(x));
  let left = 100 - sumOf(floors);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/** `toPercents` as a record keyed by criterion id. */
export function toPercent(weights: Readonly<Record<string, number>>, ids: readonly string[]): Record<string, number> {
  const percents = toPercents(weights, ids);
  return Object.fromEntries(ids.map((id, i) => [id, percents[i] ?? 0]));
}
