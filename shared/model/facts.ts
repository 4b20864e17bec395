// Metric values: one sourced, dated fact per (criterion, market or site). Missing is explicit. A
// known value also says how it was obtained (its method), so a planner can tell a regulator's
// figure from a computed or estimated one and trace each back to its sourced table.
import { z } from 'zod';
import { HttpUrl, Text } from '../text';
import { IsoDate } from '../schemas';
import { CriterionId } from './criteria';

export const FactSource = z.object({ title: Text.min(1), url: HttpUrl, asOf: IsoDate });

/**
 * How a known value was obtained: `official` (published by a regulator or statistics office),
 * `measured` (published measurements), `derived` (computed from other sourced values by a stated
 * formula) or `estimate` (a judgement, with its reasoning written down).
 */
export const FactMethod = z.enum(['official', 'measured', 'derived', 'estimate'], {
  error: 'method must be official, measured, derived or estimate',
});
export type FactMethod = z.infer<typeof FactMethod>;

/** What the derivation of a value of each method must hold; null where it is optional. */
export const DERIVATION_NEEDED: Readonly<Record<FactMethod, string | null>> = {
  official: null,
  measured: null,
  derived: 'the formula and its inputs with their values and sources',
  estimate: 'the reasoning and the inputs behind it',
};

/**
 * What a known value records when nobody said how it was obtained: every value stored before schema
 * 6 (migration 6) and a value imported from a file without a method. Not `official`: calling an
 * unrecorded method official would claim a provenance no one checked, so it counts as the least
 * trusted kind, an estimate, whose derivation says why and what to do.
 */
export const METHOD_NOT_RECORDED = {
  method: 'estimate',
  derivation: 'method not recorded (entered before schema 6 or imported without one): check the source and restate it',
  reference: null,
} as const satisfies { method: FactMethod; derivation: string; reference: null };

/** One repository path: relative, "/" between folders, no "." or ".." step, no space (spaces separate paths). */
const isRepositoryPath = (p: string): boolean =>
  p.split('/').every((step) => /^[A-Za-z0-9._-]+$/.test(step) && step !== '.' && step !== '..');

/**
 * Where in the repository the value was read or derived from: the path of its sourced table, e.g.
 * "data/sources/owid-energy/figures.csv", or several separated by single spaces (a derived value
 * names the table of each input).
 */
export const FactReference = z
  .string()
  .refine(
    (s) => s.split(' ').every(isRepositoryPath),
    'reference must be repository paths such as data/sources/owid-energy/figures.csv (relative, "/" between folders, several separated by one space)',
  );

const base = {
  criterionId: CriterionId,
  marketId: Text.nullable(),
  siteId: Text.nullable(),
  note: Text,
};

export const KnownMetricValue = z
  .object({
    kind: z.literal('known'),
    ...base,
    value: z.number().finite(),
    low: z.number().finite().nullable(),
    high: z.number().finite().nullable(),
    method: FactMethod,
    /** Required for derived and estimate values (DERIVATION_NEEDED); optional otherwise. */
    derivation: Text.nullable(),
    reference: FactReference.nullable(),
    source: FactSource,
  })
  .superRefine((v, ctx) => {
    const needed = DERIVATION_NEEDED[v.method];
    const blank = v.derivation === null || v.derivation.trim() === '';
    if (blank && needed !== null) {
      const what = v.method === 'derived' ? 'a derived value' : 'an estimate';
      ctx.addIssue({ code: 'custom', path: ['derivation'], message: `${what} needs its derivation: give ${needed}` });
    } else if (blank && v.derivation !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['derivation'],
        message: 'derivation is blank: leave it null, or say how the value was read',
      });
    }
  });

/** How a known value was obtained: the three fields every known value carries. */
export type HowObtained = Pick<z.infer<typeof KnownMetricValue>, 'method' | 'derivation' | 'reference'>;

export const MetricValue = z.discriminatedUnion('kind', [
  KnownMetricValue,
  z.object({
    kind: z.literal('missing'),
    ...base,
    /** Why there is no number, e.g. "no source found" — shown to the planner instead of a zero. */
    missingReason: Text.min(1),
    source: FactSource.nullable(),
  }),
]);
export type MetricValue = z.infer<typeof MetricValue>;

/** Whether a known value's derivation is the stand-in for an unrecorded method (not a real estimate). */
export function methodNotRecorded(v: { method: FactMethod; derivation: string | null }): boolean {
  return v.method === METHOD_NOT_RECORDED.method && v.derivation === METHOD_NOT_RECORDED.derivation;
}

/**
 * A metric value as import files hold it. Files written before schema 6 have no method: a known
 * value without a `method` field gets METHOD_NOT_RECORDED (the importer keeps the stored method
 * instead when the stored value is the same number, see db/transfer/import-json.ts); one with a
 * method but no `derivation` or `reference` has none.
 */
export const MetricValueRecord = z.preprocess((raw) => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  if (r.kind !== 'known') return r;
  if (!Object.hasOwn(r, 'method')) return { ...r, ...METHOD_NOT_RECORDED };
  return { derivation: null, reference: null, ...r };
}, MetricValue);

/** Whether an import record leaves the method out (so an unchanged stored value keeps its own). */
export function recordOmitsMethod(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as Record<string, unknown>).kind === 'known' &&
    !Object.hasOwn(raw, 'method')
  );
}
