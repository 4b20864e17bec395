import { describe, expect, it } from 'vitest';
import { explainWin } from '../../shared/compare-explain';

const names = new Map([
  ['power', 'Power price'],
  ['latency', 'Round trip to Hong Kong'],
  ['tax', 'Tax incentive'],
]);

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
});
