// The source-decision rule on its own: a changed value under the old value's source needs a decision.
import { describe, expect, it } from 'vitest';
import { METHOD_NOT_RECORDED } from '../../shared/model/facts';
import {
  plannersEstimate,
  sameSource,
  sourceDecisionProblem,
  type FactSourceState,
} from '../../shared/model/fact-source-decision';

const EMA = { title: 'EMA tariffs Q4', url: 'https://www.ema.gov.sg/tariffs', asOf: '2025-10-01' };
const stored: FactSourceState = { value: 19.19, source: EMA, method: 'official', derivation: null };
const after = (over: Partial<FactSourceState>): FactSourceState => ({ ...stored, ...over });

describe('sourceDecisionProblem', () => {
  it('refuses a changed value that keeps the old source, naming both numbers, the source and the two ways out', () => {
    const message = sourceDecisionProblem(stored, after({ value: 5 }));
    expect(message).toContain('from 19.19 to 5');
    expect(message).toContain('"EMA tariffs Q4", as of 2025-10-01');
    expect(message).toContain("give the new value's own source");
    expect(message).toContain('method estimate');
    // Another sourced method under the same source is no decision either.
    expect(sourceDecisionProblem(stored, after({ value: 5, method: 'measured' }))).not.toBeNull();
    // Spaces around the same text are the same source.
    const spaced = { title: ` ${EMA.title} `, url: `${EMA.url} `, asOf: EMA.asOf };
    expect(sourceDecisionProblem(stored, after({ value: 5, source: spaced }))).not.toBeNull();
  });

  it('accepts a new source: a different title, URL or date each makes one', () => {
    for (const change of [{ title: 'Utility quote' }, { url: 'https://example.org/q' }, { asOf: '2026-01-01' }]) {
      expect(sourceDecisionProblem(stored, after({ value: 5, source: { ...EMA, ...change } }))).toBeNull();
    }
  });

  it('accepts the planner’s estimate with a note written for the new number', () => {
    const estimate = plannersEstimate('  PPA offer from the operator, 2026  ');
    expect(estimate).toEqual({
      method: 'estimate',
      derivation: "Planner's estimate (the source does not give this number): PPA offer from the operator, 2026",
    });
    expect(sourceDecisionProblem(stored, after({ value: 5, ...estimate }))).toBeNull();
  });

  it('refuses an estimate whose derivation is the old number’s, blank, or the stand-in for an unrecorded method', () => {
    const old = after({ method: 'estimate', derivation: 'Half the EMA tariff, as quoted' });
    const same = sourceDecisionProblem(old, { ...old, value: 9 });
    expect(same).toContain("its derivation is the old value's: write in it why the value is now 9");
    expect(sourceDecisionProblem(stored, after({ value: 5, method: 'estimate', derivation: '  ' }))).not.toBeNull();
    expect(sourceDecisionProblem(stored, after({ value: 5, ...METHOD_NOT_RECORDED }))).not.toBeNull();
  });

  it('asks nothing of a new fact, a missing one, or a value left as it was', () => {
    expect(sourceDecisionProblem(undefined, stored)).toBeNull();
    expect(sourceDecisionProblem(after({ value: null }), stored)).toBeNull();
    expect(sourceDecisionProblem(stored, after({ value: null }))).toBeNull();
    expect(sourceDecisionProblem(stored, after({ method: 'measured', derivation: null }))).toBeNull();
  });

  it('compares sources by all three parts', () => {
    expect(sameSource(EMA, { ...EMA })).toBe(true);
    expect(sameSource(EMA, { ...EMA, asOf: '2025-10-02' })).toBe(false);
    expect(sameSource(null, null)).toBe(true);
    expect(sameSource(EMA, null)).toBe(false);
  });
});
