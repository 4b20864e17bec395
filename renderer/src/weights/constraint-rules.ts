// Hard constraints in words and the checks the constraints editor makes before a value reaches the
// backend: a number in the criterion's plausible range, one minimum and one maximum per criterion,
// and no minimum above a maximum. Pure, so it is tested without a DOM.
import type { LegalityStatus } from '../../../shared/engine/types';
import type { Criterion } from '../../../shared/model/criteria';
import type { HardConstraint } from '../../../shared/model/presets';

export type ChipStatus = LegalityStatus;
/** The statuses a chips_legal constraint may accept ('prohibited' never is). */
export type AcceptableStatus = Exclude<ChipStatus, 'prohibited'>;
export const ACCEPTABLE_STATUSES: readonly AcceptableStatus[] = [
  'allowed',
  'conditional',
  'licence_required',
  'licence_denial',
];

/** Each status as one hyphenated phrase, so a list of them reads without commas inside an item. */
export const STATUS_WORDS: Readonly<Record<ChipStatus, string>> = {
  allowed: 'allowed',
  conditional: 'conditional',
  licence_required: 'licence-required',
  licence_denial: 'licence-required with presumption of denial',
  prohibited: 'prohibited',
};

type CriterionInfo = Pick<Criterion, 'id' | 'name' | 'unit'>;

/** "a, b or c". */
function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/** A value with its unit as the planner reads it: "12 US¢/kWh", "45 %". */
export function withUnit(value: number, unit: string): string {
  const n = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return unit === '' ? n : `${n} ${unit}`;
}

/** One constraint in words, e.g. "Power price ≤ 12 US¢/kWh". */
export function describeConstraint(c: HardConstraint, criteria: readonly CriterionInfo[]): string {
  if (c.kind === 'chips_legal') {
    const refused = (['prohibited', 'licence_denial', 'licence_required', 'conditional'] as const).filter(
      (s) => s === 'prohibited' || !c.allow.includes(s),
    );
    return `Exclude sites where chip legality is ${orList(refused.map((s) => STATUS_WORDS[s]))}`;
  }
  const criterion = criteria.find((x) => x.id === c.criterionId);
  const name = criterion?.name ?? c.criterionId;
  return `${name} ${c.kind === 'min' ? '≥' : '≤'} ${withUnit(c.value, criterion?.unit ?? '')}`;
}

/**
 * The values a bound on this criterion can sensibly take, from its unit: a range written in the
 * unit ("score 0–1", "percentile 0–100"), 0–100 for percentages, any temperature, else ≥ 0 (the
 * other quantities — prices, latencies, megawatts, counts — are never negative).
 */
export function valueRange(unit: string): { min: number; max: number } {
  const range = /(-?\d+(?:\.\d+)?)\s*[–-]\s*(-?\d+(?:\.\d+)?)/.exec(unit);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  if (unit.trim().startsWith('%')) return { min: 0, max: 100 };
  if (unit.includes('°')) return { min: -90, max: 60 };
  return { min: 0, max: Number.POSITIVE_INFINITY };
}

export type ValueCheck = { ok: true; value: number } | { ok: false; message: string };

/** Reads the value typed for a bound on `criterion`; a message for the field when it cannot be used. */
export function checkValue(text: string, criterion: CriterionInfo): ValueCheck {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, message: 'Enter a number.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text.trim()}" is not a number.` };
  const { min, max } = valueRange(criterion.unit);
  if (value < min || value > max) {
    const span = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `between ${min} and ${max}`;
    return { ok: false, message: `${criterion.name} is ${span}${criterion.unit ? ` (${criterion.unit})` : ''}.` };
  }
  return { ok: true, value };
}

type Bound = Extract<HardConstraint, { kind: 'min' | 'max' }>;

/**
 * Why `draft` cannot join `others` (the list without the constraint being edited), or null: a
 * second bound of the same kind on one criterion, or a minimum above the maximum (no site could
 * meet both).
 */
export function checkBound(
  draft: Bound,
  others: readonly HardConstraint[],
  criteria: readonly CriterionInfo[],
): string | null {
  const criterion = criteria.find((c) => c.id === draft.criterionId);
  const name = criterion?.name ?? draft.criterionId;
  const unit = criterion?.unit ?? '';
  for (const o of others) {
    if (o.kind === 'chips_legal' || o.criterionId !== draft.criterionId) continue;
    if (o.kind === draft.kind) {
      return `There is already a ${o.kind === 'min' ? 'minimum' : 'maximum'} on ${name}; edit that one instead.`;
    }
    const [lo, hi] = draft.kind === 'min' ? [draft.value, o.value] : [o.value, draft.value];
    if (lo > hi) {
      return `A minimum of ${withUnit(lo, unit)} is above the maximum of ${withUnit(hi, unit)}: no site could meet both.`;
    }
  }
  return null;
}
