// Weight presets: how much each criterion counts, how scores combine, and what excludes a site.
import { z } from 'zod';
import { Text } from '../text';
import { CriterionId } from './criteria';

export const HardConstraint = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('chips_legal'),
    allow: z.array(z.enum(['allowed', 'conditional', 'licence_required', 'licence_denial'])),
  }),
  z.object({
    kind: z.literal('min'),
    criterionId: CriterionId,
    value: z.number().finite(),
  }),
  z.object({
    kind: z.literal('max'),
    criterionId: CriterionId,
    value: z.number().finite(),
  }),
]);
export type HardConstraint = z.infer<typeof HardConstraint>;

/**
 * How a preset turns each criterion's raw values into scores in [0, 1]: 'criterion' keeps each
 * criterion's own normalisation (criteria.list); the others apply one rule to every criterion.
 */
export const PresetNormalisation = z.enum(['criterion', 'minmax', 'vector', 'max'], {
  error: 'must be criterion, minmax, vector or max',
});
export type PresetNormalisation = z.infer<typeof PresetNormalisation>;

/** A preset's id: lower-case letters, digits and hyphens (user presets get a slug of their name). */
export const PresetId = z
  .string()
  .max(200, 'must be at most 200 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, e.g. "my-preset"');

export const PresetMethod = z.enum(['wsm', 'wpm', 'topsis'], { error: 'must be wsm, wpm or topsis' });

/** Criterion id → weight, any scale (the engine normalises them to sum 1); one must be above zero. */
export const PresetWeights = z
  .record(CriterionId, z.number('must be a number').finite('must be finite').nonnegative('must be ≥ 0'))
  .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one weight must be above zero' });

export const Preset = z.object({
  id: PresetId,
  name: Text.min(1),
  description: Text,
  builtin: z.boolean(),
  method: PresetMethod,
  weights: PresetWeights,
  constraints: z.array(HardConstraint),
  // Files written before presets had a normalisation (schema v2) still read: they meant 'criterion'.
  normalisation: PresetNormalisation.default('criterion'),
  updatedAt: z.iso.datetime(),
});
export type Preset = z.infer<typeof Preset>;

/** The longest name a planner may give a preset (it has to fit a menu). */
export const PRESET_NAME_MAX = 80;

/** A name as typed: trimmed, 1 to 80 characters. */
export const PresetName = Text.trim()
  .min(1, 'must not be empty')
  .max(PRESET_NAME_MAX, `must be at most ${PRESET_NAME_MAX} characters`);

/** The id a new preset called `name` would get before uniqueness: a lower-case ASCII slug. */
export function presetSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  // A name of only symbols or non-Latin letters still needs an id.
  return slug === '' ? 'preset' : slug;
}

/** `base` if free, else base-2, base-3 … : the first id `taken` says is free. */
export function uniquePresetId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}

/** `name` with a suffix such as " (copy)", the name cut so the whole fits PRESET_NAME_MAX. */
export function suffixedName(name: string, suffix: string): string {
  const room = PRESET_NAME_MAX - suffix.length;
  return `${name.length > room ? name.slice(0, room).trimEnd() : name}${suffix}`;
}
