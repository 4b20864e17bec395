// The pure preset code: ids from names, the presets file reader, and the side-by-side diff — with
// properties over generated presets where a rule should hold for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPresetsFile, type PresetsDocument } from '../../shared/model/preset-file';
import {
  type Preset,
  PresetId,
  presetSlug,
  suffixedName,
  uniquePresetId,
  type HardConstraint,
} from '../../shared/model/presets';
import { differingFields, diffPresets } from '../../shared/preset-diff';

const CRITERIA = ['power', 'latency', 'water', 'carbon', 'tax'].map((id, i) => ({ id, name: `Criterion ${i}` }));
const KNOWN = new Set(CRITERIA.map((c) => c.id));

const weightsArb = fc
  .dictionary(fc.constantFrom(...KNOWN), fc.double({ min: 0, max: 1000, noNaN: true }), { minKeys: 1 })
  .filter((w) => Object.values(w).some((v) => v > 1e-9));

const constraintArb: fc.Arbitrary<HardConstraint> = fc.oneof(
  fc.record({
    kind: fc.constant('chips_legal' as const),
    allow: fc.subarray(['allowed', 'conditional', 'licence_required', 'licence_denial'] as const),
  }),
  fc.record({
    kind: fc.constantFrom('min' as const, 'max' as const),
    criterionId: fc.constantFrom(...KNOWN),
    // JSON has no -0: + 0 turns it into 0, so a round trip compares equal.
    value: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
  }),
);

const presetArb: fc.Arbitrary<Preset> = fc.record({
  id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
  name: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && s !== ''),
  description: fc.string({ maxLength: 200 }),
  builtin: fc.boolean(),
  method: fc.constantFrom('wsm' as const, 'wpm' as const, 'topsis' as const),
  weights: weightsArb,
  constraints: fc.array(constraintArb, { maxLength: 4 }),
  normalisation: fc.constantFrom('criterion' as const, 'minmax' as const, 'vector' as const, 'max' as const),
  updatedAt: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
});

describe('preset ids and names', () => {
  it('a slug of any name is a valid id of at most 60 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const slug = presetSlug(name);
        expect(PresetId.safeParse(slug).success).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(60);
      }),
    );
    expect(presetSlug('  Frontier — training (EU) ')).toBe('frontier-training-eu');
    expect(presetSlug('Ångström café')).toBe('angstrom-cafe');
    expect(presetSlug('!!!')).toBe('preset');
  });

  it('uniquePresetId never returns a taken id, and adds the smallest free suffix', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'a-2', 'a-3', 'a-5', 'b'), { maxLength: 5 }), (taken) => {
        const set = new Set<string>(taken);
        const id = uniquePresetId('a', (x) => set.has(x));
        expect(set.has(id)).toBe(false);
        expect(id).toMatch(/^a(-\d+)?$/);
      }),
    );
    expect(uniquePresetId('a', (x) => ['a', 'a-2', 'a-3'].includes(x))).toBe('a-4');
  });

  it('suffixedName keeps the whole within 80 characters', () => {
    expect(suffixedName('Short', ' (copy)')).toBe('Short (copy)');
    expect(suffixedName('x'.repeat(80), ' (copy 2)')).toHaveLength(80);
  });
});

describe('readPresetsFile', () => {
  const doc = (presets: unknown[]): PresetsDocument =>
    ({ format: 'landfall-presets', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', presets }) as PresetsDocument;

  it('reads back exactly what an export holds, as text or as an object (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(presetArb, { selector: (p) => p.id, maxLength: 5 }), (presets) => {
        const text = JSON.stringify(doc(presets));
        const read = readPresetsFile(text, KNOWN);
        expect(read).toEqual({ ok: true, presets });
        expect(readPresetsFile(JSON.parse(text), KNOWN)).toEqual(read);
      }),
    );
  });

  it('names every problem with its path, and never returns part of a file', () => {
    const good = { id: 'ok', name: 'OK', method: 'wsm', weights: { power: 1 } };
    const read = readPresetsFile(
      doc([
        good,
        { ...good, id: 'neg', weights: { power: -1, latency: Number.NaN } },
        { ...good, id: 'ok', constraints: [{ kind: 'min', criterionId: 'moon', value: 1 }] },
        { ...good, id: 'nm', name: ' '.repeat(3), normalisation: 'zscore', updatedAt: 'yesterday' },
        'not a preset',
      ]),
      KNOWN,
    );
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'presets[1].weights.power: must be ≥ 0',
      'presets[1].weights.latency: must be a number',
      'presets[2].constraints[0].criterionId: "moon" is an unknown criterion (criteria.list shows them)',
      'presets[2].id: "ok" is used twice in the file (also presets[0])',
      'presets[3].name: must not be empty',
      'presets[3].normalisation: must be criterion, minmax, vector or max',
      'presets[3].updatedAt: must be an ISO date-time, e.g. 2026-01-24T00:00:00.000Z',
      'presets[4]: must be an object',
    ]);
  });
});

describe('diffPresets', () => {
  it('shares sum to 1, differences to 0, and swapping sides negates them (property)', () => {
    fc.assert(
      fc.property(presetArb, presetArb, (a, b) => {
        const d = diffPresets(a, b, CRITERIA);
        const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
        expect(sum(d.criteria.map((c) => c.a.share))).toBeCloseTo(1, 9);
        expect(sum(d.criteria.map((c) => c.b.share))).toBeCloseTo(1, 9);
        expect(sum(d.criteria.map((c) => c.difference))).toBeCloseTo(0, 9);
        const back = diffPresets(b, a, CRITERIA);
        expect(back.criteria.map((c) => c.criterionId)).toEqual(d.criteria.map((c) => c.criterionId));
        back.criteria.forEach((c, i) => expect(c.difference).toBeCloseTo(-(d.criteria[i]?.difference ?? 0), 12));
        expect(back.constraints.onlyA).toEqual(d.constraints.onlyB);
      }),
    );
  });

  it('a preset and a rescaled copy with reordered constraints score alike; any real change does not', () => {
    fc.assert(
      fc.property(presetArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (a, k) => {
        const copy = {
          ...a,
          weights: Object.fromEntries(Object.entries(a.weights).map(([id, w]) => [id, w * k])),
          constraints: [...a.constraints].reverse(),
        };
        expect(diffPresets(a, copy, CRITERIA).sameScoring).toBe(true);
        const other = { ...a, method: a.method === 'wsm' ? ('topsis' as const) : ('wsm' as const) };
        expect(diffPresets(a, other, CRITERIA).sameScoring).toBe(false);
        expect(differingFields(a, other)).toEqual(['method']);
      }),
    );
  });
});
