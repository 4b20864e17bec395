// The seeded random source: repeatable, in range, and with the right moments.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/engine/random';

const draw = (seed: number, count: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.next());
};

describe('Rng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
    expect(draw(0, 5)).not.toEqual(draw(1, 5));
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const xs = draw(7, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it('draws standard normals', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 100_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeCloseTo(1, 1);
  });

  it('draws Gamma(a) with mean a, for shapes below and above 1', () => {
    const rng = createRng(11);
    for (const shape of [0.3, 1, 4.5]) {
      let sum = 0;
      for (let i = 0; i < 50_000; i++) sum += rng.gamma(shape);
      expect(sum / 50_000).toBeCloseTo(shape, 1);
    }
    expect(rng.gamma(0)).toBe(0);
  });

  it('samples the simplex: non-negative, summing to 1, each coordinate with mean 1/n', () => {
    const rng = createRng(5);
    const out = new Float64Array(4);
    const mean = new Float64Array(4);
    let worstSum = 0;
    let lowest = 1;
    for (let s = 0; s < 20_000; s++) {
      rng.simplex(out);
      worstSum = Math.max(worstSum, Math.abs(out.reduce((a, b) => a + b, 0) - 1));
      for (let j = 0; j < 4; j++) {
        lowest = Math.min(lowest, out[j] as number);
        mean[j] = (mean[j] as number) + (out[j] as number) / 20_000;
      }
    }
    expect(worstSum).toBeLessThan(1e-12);
    expect(lowest).toBeGreaterThanOrEqual(0);
    for (const m of mean) expect(m).toBeCloseTo(0.25, 2);
  });

  it('samples a Dirichlet around its mean; a zero parameter stays zero', () => {
    const rng = createRng(9);
    const alpha = Float64Array.from([30, 15, 5, 0]);
    const out = new Float64Array(4);
    const mean = new Float64Array(4);
    let stray = 0;
    for (let s = 0; s < 20_000; s++) {
      rng.dirichlet(alpha, out);
      stray = Math.max(stray, out[3] as number, Math.abs(out.reduce((a, b) => a + b, 0) - 1));
      for (let j = 0; j < 4; j++) mean[j] = (mean[j] as number) + (out[j] as number) / 20_000;
    }
    expect(stray).toBeLessThan(1e-12);
    expect(mean[0]).toBeCloseTo(0.6, 2);
    expect(mean[1]).toBeCloseTo(0.3, 2);
    expect(mean[2]).toBeCloseTo(0.1, 2);
  });
});
