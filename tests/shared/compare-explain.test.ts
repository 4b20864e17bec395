// "Why A beats B": the margin, where the winner gains and the loser does better on the facts both
// have, and — said as such, never as a strength — what came from a gap scored 0.
import { describe, expect, it } from 'vitest';
import { explainWin, gapWords } from '../../shared/compare-explain';

const names = new Map([
  ['power', 'Power price'],
  ['latency', 'Round trip to Hong Kong'],
  ['tax', 'Tax incentive'],
  ['build', 'Build cost'],
  ['land', 'Land cost'],
  ['chip', 'Chip legality'],
]);

const zero = (criterionId: string) => ({ criterionId, policy: 'zero' });

describe('explainWin', () => {
  it('names the winner, the margin, where it gains most and where the loser does better', () => {
    const a = { name: 'Jurong West', score: 0.7, contributions: { power: 0.1, latency: 0.5, tax: 0.1 } };
    const b = { name: 'Kulai', score: 0.55, contributions: { power: 0.25, latency: 0.2, tax: 0.1 } };
    expect(explainWin(b, a, names)).toBe(
      'Jurong West beats Kulai by 0.150: it gains 0.300 on Round trip to Hong Kong; Kulai does better on Power price (+0.150).',
    );
  });

  it('says when two sites are level on everything', () => {
    const a = { name: 'A', score: 0.5, contributions: { power: 0.5 } };
    expect(explainWin(a, { ...a, name: 'B' }, names)).toBe('A and B score the same on every criterion.');
  });

  it('never cites a gap scored 0 as a strength: it says whose value is missing, and what the known facts say', () => {
    // Kulai has no power price (0 instead of up to 0.35); Beijing has no land cost (0 instead of 0.15).
    const beijing = {
      name: 'Beijing',
      score: 0.7,
      contributions: { chip: 0.1, power: 0.35, build: 0.25, land: 0 },
      missingHandled: [zero('land')],
    };
    const kulai = {
      name: 'Kulai',
      score: 0.4,
      contributions: { chip: 0.1, power: 0, build: 0.15, land: 0.15 },
      missingHandled: [zero('power')],
    };
    const text = explainWin(beijing, kulai, names);
    expect(text).toBe(
      'Beijing beats Kulai by 0.300: it gains 0.100 on Build cost. ' +
        'Kulai has no value for Power price: scored 0, no credit (worth 0.350 to Beijing). ' +
        'Beijing has no value for Land cost: scored 0, no credit (worth 0.150 to Kulai). ' +
        'On the facts both have, Beijing is ahead by 0.100.',
    );
    expect(text).not.toMatch(/gains [^.]*Power price/);
    expect(text).not.toMatch(/does better on Land cost/);
  });

  it('says when a win comes only from filled-in values', () => {
    const a = { name: 'A', score: 0.6, contributions: { power: 0.6, latency: 0 } };
    const b = { name: 'B', score: 0.4, contributions: { power: 0, latency: 0.4 }, missingHandled: [zero('power')] };
    expect(explainWin(a, b, names)).toBe(
      'A beats B by 0.200; B does better on Round trip to Hong Kong (+0.400). ' +
        'B has no value for Power price: scored 0, no credit (worth 0.600 to A). ' +
        'On the facts both have, A is not ahead.',
    );
  });

  it('never cites a criterion that tells nobody apart', () => {
    const a = { name: 'A', score: 0.6, contributions: { power: 0.4, tax: 0.2 } };
    const b = { name: 'B', score: 0.3, contributions: { power: 0.3, tax: 0 } };
    expect(explainWin(a, b, names, { uninformative: new Set(['tax']) })).toBe(
      'A beats B by 0.300: it gains 0.100 on Power price.',
    );
  });

  it('words each missing-value policy for what it scored', () => {
    expect(gapWords('zero')).toBe('scored 0, no credit');
    expect(gapWords('worst')).toBe('scored as the worst known value');
    expect(gapWords('neutral')).toBe('scored 0.5');
    expect(gapWords('reweight')).toBe('left out, its weight spread over the known criteria');
  });
});
