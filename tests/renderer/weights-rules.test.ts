// The pure parts of the weights panel's editors: constraints in words and their checks, and the AHP
// judgments (Saaty scale, matrix, starting judgments, the most inconsistent pair, applying).
import { describe, expect, it } from 'vitest';
import {
  applyPairwise,
  describePosition,
  evaluatePairwise,
  judgmentOf,
  judgmentsFromWeights,
  pairwiseMatrix,
  positionOf,
  ratioText,
  upperPairs,
} from '../../renderer/src/weights/ahp-judgments';
import { checkBound, checkValue, describeConstraint, valueRange } from '../../renderer/src/weights/constraint-rules';
import { ahpWeights } from '../../shared/engine/weights';
import type { HardConstraint } from '../../shared/model/presets';

const criteria = [
  { id: 'power_price_usc_kwh', name: 'Power price', unit: 'US¢/kWh' },
  { id: 'dc_capacity_mw', name: 'Operational capacity', unit: 'MW' },
  { id: 'vacancy_pct', name: 'Colocation vacancy', unit: '%' },
  { id: 'chip_legality', name: 'Chip legality', unit: 'score 0–1' },
  { id: 'mean_temp_c', name: 'Mean temperature', unit: '°C' },
];
function byId(id: string): (typeof criteria)[number] {
  const found = criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id} in the fixture`);
  return found;
}

describe('constraints in words', () => {
  it('says which chip statuses exclude a site', () => {
    expect(describeConstraint({ kind: 'chips_legal', allow: ['allowed', 'conditional'] }, criteria)).toBe(
      'Exclude sites where chip legality is prohibited, licence-required with presumption of denial or licence-required',
    );
    expect(describeConstraint({ kind: 'chips_legal', allow: ['allowed'] }, criteria)).toBe(
      'Exclude sites where chip legality is prohibited, licence-required with presumption of denial, licence-required or conditional',
    );
    expect(
      describeConstraint({ kind: 'chips_legal', allow: ['allowed', 'conditional', 'licence_required'] }, criteria),
    ).toBe('Exclude sites where chip legality is prohibited or licence-required with presumption of denial');
    expect(
      describeConstraint(
        { kind: 'chips_legal', allow: ['allowed', 'conditional', 'licence_required', 'licence_denial'] },
        criteria,
      ),
    ).toBe('Exclude sites where chip legality is prohibited');
  });

  it('writes bounds with the sign and the unit', () => {
    expect(describeConstraint({ kind: 'max', criterionId: 'power_price_usc_kwh', value: 12 }, criteria)).toBe(
      'Power price ≤ 12 US¢/kWh',
    );
    expect(describeConstraint({ kind: 'min', criterionId: 'dc_capacity_mw', value: 100.5 }, criteria)).toBe(
      'Operational capacity ≥ 100.5 MW',
    );
  });
});

describe('constraint checks', () => {
  it('reads the range from the unit', () => {
    expect(valueRange('score 0–1')).toEqual({ min: 0, max: 1 });
    expect(valueRange('%')).toEqual({ min: 0, max: 100 });
    expect(valueRange('°C').min).toBeLessThan(0);
    expect(valueRange('MW')).toEqual({ min: 0, max: Number.POSITIVE_INFINITY });
  });

  it('refuses what is not a usable number, with a message for the field', () => {
    expect(checkValue('12', byId('power_price_usc_kwh'))).toEqual({ ok: true, value: 12 });
    expect(checkValue(' 7,5 ', byId('power_price_usc_kwh'))).toEqual({ ok: true, value: 7.5 });
    expect(checkValue('-5', byId('mean_temp_c'))).toEqual({ ok: true, value: -5 });
    expect(checkValue('', byId('dc_capacity_mw'))).toEqual({ ok: false, message: 'Enter a number.' });
    expect(checkValue('1e999', byId('dc_capacity_mw'))).toEqual({ ok: false, message: '"1e999" is not a number.' });
    expect(checkValue('1.5', byId('chip_legality'))).toEqual({
      ok: false,
      message: 'Chip legality is between 0 and 1 (score 0–1).',
    });
    expect(checkValue('120', byId('vacancy_pct'))).toMatchObject({ ok: false });
  });

  it('refuses a second bound of a kind and a minimum above the maximum', () => {
    const others: HardConstraint[] = [
      { kind: 'chips_legal', allow: ['allowed'] },
      { kind: 'max', criterionId: 'power_price_usc_kwh', value: 10 },
    ];
    const price = (kind: 'min' | 'max', value: number): string | null =>
      checkBound({ kind, criterionId: 'power_price_usc_kwh', value }, others, criteria);
    expect(price('max', 8)).toBe('There is already a maximum on Power price; edit that one instead.');
    expect(price('min', 11)).toBe(
      'A minimum of 11 US¢/kWh is above the maximum of 10 US¢/kWh: no site could meet both.',
    );
    expect(price('min', 10)).toBeNull();
    expect(checkBound({ kind: 'max', criterionId: 'dc_capacity_mw', value: 5 }, others, criteria)).toBeNull();
  });
});

describe('AHP judgments', () => {
  it("maps slider positions to Saaty's scale and back", () => {
    expect([-8, -2, 0, 2, 8].map(judgmentOf)).toEqual([9, 3, 1, 1 / 3, 1 / 9]);
    for (let p = -8; p <= 8; p++) expect(positionOf(judgmentOf(p))).toBe(p);
    expect(positionOf(100)).toBe(-8);
    expect(positionOf(0.01)).toBe(8);
    expect(positionOf(2.4)).toBe(-1);
    expect(ratioText(1 / 5)).toBe('1/5');
    expect(ratioText(7)).toBe('7');
    expect(describePosition(-4, 'A', 'B')).toBe('A strongly more important (5)');
    expect(describePosition(8, 'A', 'B')).toBe('B extremely more important (9)');
    expect(describePosition(0, 'A', 'B')).toBe('A and B equally important (1)');
  });

  it('builds the reciprocal matrix from the upper triangle', () => {
    const ids = ['a', 'b', 'c'];
    expect(upperPairs(ids)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    const m = pairwiseMatrix(ids, { 'a|b': -2, 'a|c': -4, 'b|c': 0 });
    expect(m).toEqual([
      [1, 3, 5],
      [1 / 3, 1, 1],
      [1 / 5, 1, 1],
    ]);
  });

  it('starts from the judgments the current weights imply', () => {
    const j = judgmentsFromWeights(['a', 'b', 'c'], { a: 0.6, b: 0.2, c: 0 });
    expect(j).toEqual({ 'a|b': -2, 'a|c': 0, 'b|c': 0 });
  });

  it('matches the engine and names the judgment that breaks consistency', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const consistent = { 'a|b': 2, 'a|c': 0, 'a|d': 0, 'b|c': -2, 'b|d': -2, 'c|d': 0 };
    const ok = evaluatePairwise(ids, consistent);
    expect(ok.cr).toBeCloseTo(0, 9);
    expect(ok.worst).toBeNull();
    expect(ok.weights).toEqual(ahpWeights(pairwiseMatrix(ids, consistent)).weights);

    const bad = evaluatePairwise(ids, { ...consistent, 'c|d': 6 });
    expect(bad.cr).toBeGreaterThan(0.1);
    expect(bad.warning).not.toBeNull();
    expect(bad.worst).toMatchObject({ a: 'c', b: 'd', said: 1 / 7 });
    expect(ratioText(bad.worst?.implied ?? 0)).toBe('1/3');
  });

  it('names no pair for an inconsistent triad, where every judgment is equally off', () => {
    const out = evaluatePairwise(['a', 'b', 'c'], { 'a|b': 2, 'a|c': -8, 'b|c': -2 });
    expect(out.cr).toBeGreaterThan(0.1);
    expect(out.worst).toBeNull();
  });

  it('applies AHP weights within the compared criteria’s share and leaves the others alone', () => {
    const current = { a: 0.3, b: 0.2, c: 0.5, d: 0 };
    const out = applyPairwise(current, ['a', 'b'], [0.75, 0.25]);
    expect(out.a).toBeCloseTo(0.375, 12);
    expect(out.b).toBeCloseTo(0.125, 12);
    expect(out.c).toBe(0.5);
    expect(out.d).toBe(0);
    // Compared criteria that weigh nothing take the whole total.
    expect(applyPairwise(current, ['d'], [1])).toEqual({ a: 0, b: 0, c: 0, d: 1 });
  });
});
