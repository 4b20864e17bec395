import { describe, expect, it } from 'vitest';
import { topsis, WPM_FLOOR, wpm, wsm, wsmContributions } from '../../shared/engine/aggregate';

describe('WSM', () => {
  it('is Σ w_j r_ij, decomposable into contributions', () => {
    // Site 0: 0.5·0.2 + 0.3·1 + 0.2·0.5 = 0.5; site 1: 0.5·1 + 0.3·0 + 0.2·0.25 = 0.55
    const r = Float64Array.from([0.2, 1, 0.5, 1, 0, 0.25]);
    const w = Float64Array.from([0.5, 0.3, 0.2]);
    const s = wsm(r, 2, w);
    expect(s[0]).toBeCloseTo(0.5, 12);
    expect(s[1]).toBeCloseTo(0.55, 12);
    const c = Array.from(wsmContributions(r, 0, w));
    expect(c[0]).toBeCloseTo(0.1, 12);
    expect(c[1]).toBeCloseTo(0.3, 12);
    expect(c[2]).toBeCloseTo(0.1, 12);
  });

  it('leaves NaN cells out and renormalises the weights over the known ones', () => {
    // (0.5·0.2 + 0.2·0.5) / 0.7 = 0.2/0.7
    const s = wsm(Float64Array.from([0.2, Number.NaN, 0.5]), 1, Float64Array.from([0.5, 0.3, 0.2]));
    expect(s[0]).toBeCloseTo(0.2 / 0.7, 12);
  });
});

describe('WPM', () => {
  it('is Π r_ij^w_j', () => {
    // 0.25^0.5 · 1^0.5 = 0.5; 0.64^0.5 · 0.25^0.5 = 0.8 · 0.5 = 0.4
    const s = wpm(Float64Array.from([0.25, 1, 0.64, 0.25]), 2, Float64Array.from([0.5, 0.5]));
    expect(s[0]).toBeCloseTo(0.5, 12);
    expect(s[1]).toBeCloseTo(0.4, 12);
  });

  it('floors zeros at 1e-9 so a zero does not erase the other criteria', () => {
    const s = wpm(Float64Array.from([0, 1, 0, 0.25]), 2, Float64Array.from([0.5, 0.5]));
    expect(s[0]).toBeCloseTo(Math.sqrt(WPM_FLOOR), 15);
    expect(s[1]).toBeCloseTo(Math.sqrt(WPM_FLOOR * 0.25), 15);
    expect(s[0] as number).toBeGreaterThan(s[1] as number);
  });
});

describe('TOPSIS', () => {
  it('reproduces Hwang & Yoon’s fighter-aircraft example', () => {
    // Hwang, C.L. & Yoon, K. (1981) Multiple Attribute Decision Making: Methods and Applications,
    // Springer, §TOPSIS numerical example (also in Yoon & Hwang 1995, "Multiple Attribute Decision
    // Making: An Introduction", Sage): four fighter aircraft on maximum speed (Mach), ferry range
    // (NM), maximum payload (lb), acquisition cost ($M, a cost), reliability and manoeuvrability
    // (1–9 scale); weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Published relative closeness:
    // A1 0.643, A2 0.268, A3 0.613, A4 0.312, so A1 ≻ A3 ≻ A4 ≻ A2.
    const raw = Float64Array.from([
      2.0, 1500, 20000, 5.5, 5, 9, 2.5, 2700, 18000, 6.5, 3, 5, 1.8, 2000, 21000, 4.5, 7, 7, 2.2, 1800, 20000, 5.0, 5,
      5,
    ]);
    const w = Float64Array.from([0.2, 0.1, 0.1, 0.1, 0.2, 0.3]);
    const r = topsis(raw, 4, w, [true, true, true, false, true, true]);
    const c = Array.from(r.closeness);
    // Within 0.001: the book rounds its intermediate tables (we get 0.6433, 0.2684, 0.6135, 0.3123).
    [0.643, 0.268, 0.613, 0.312].forEach((p, i) => expect(Math.abs((c[i] as number) - p)).toBeLessThan(1e-3));
    const order = [0, 1, 2, 3].sort((a, b) => (c[b] as number) - (c[a] as number));
    expect(order).toEqual([0, 2, 3, 1]);
  });

  it('leaves excluded rows out of the ideal points', () => {
    const raw = Float64Array.from([1, 2, 1000]);
    const all = topsis(raw, 3, Float64Array.from([1]), [true]);
    const some = topsis(raw, 3, Float64Array.from([1]), [true], Uint8Array.from([1, 1, 0]));
    expect(all.closeness[1]).toBeLessThan(0.01);
    expect(Array.from(some.closeness)).toEqual([0, 1, Number.NaN]);
  });
});
