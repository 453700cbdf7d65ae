import { describe, expect, it } from 'vitest';
import { compareCounts } from '../../src/backtest/actualVsExpected';
import { binomialInterval, poissonInterval } from '../../src/backtest/confidenceInterval';
import { credibility, credibilityWeightedRate, fullCredibilityClaims } from '../../src/backtest/credibility';

describe('exact confidence intervals', () => {
  it('poissonInterval() gives the Garwood interval', () => {
    // R: poisson.test(10)$conf.int = 4.795389 18.390356; poisson.test(0)$conf.int = 0 3.688879
    // (checked by inverting the Poisson tail sums P(X ≥ 10 | m) = 0.025 and P(X ≤ 10 | m) = 0.025 by bisection).
    const ten = poissonInterval(10, 0.95);
    expect(ten.low).toBeCloseTo(4.795389, 6);
    expect(ten.high).toBeCloseTo(18.390356, 6);
    const zero = poissonInterval(0, 0.95);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(3.688879, 6);
  });

  it('binomialInterval() gives the Clopper–Pearson interval', () => {
    // By hand: bisection on the binomial tail sums, P(X ≥ 5 | 100, p) = 0.025 at p = 0.0164318792 and
    // P(X ≤ 5 | 100, p) = 0.025 at p = 0.1128349111; P(X ≤ 0 | 20, p) = 0.025 at p = 0.1684334710.
    const five = binomialInterval(5, 100, 0.95);
    expect(five.low).toBeCloseTo(0.0164318792, 9);
    expect(five.high).toBeCloseTo(0.1128349111, 9);
    const none = binomialInterval(0, 20, 0.95);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.168433471, 9);
  });

  it('compareCounts() scales the count interval by the expected count', () => {
    // 10 deaths where 8 were expected on central exposure: A/E 1.25, interval (4.795389, 18.390356) / 8.
    const c = compareCounts('calendar-year', 1000, 10, 8, { confidence: 0.95 });
    expect(c.ae).toBe(1.25);
    expect(c.ci_low).toBeCloseTo(4.795389 / 8, 6);
    expect(c.ci_high).toBeCloseTo(18.390356 / 8, 6);
    expect(c.deviation).toBeCloseTo(0.002, 15);
    // Nothing expected: A/E and its interval are not computable.
    expect(compareCounts('policy-year', 10, 1, 0, { confidence: 0.95 })).toMatchObject({ ae: null, ci_low: null, ci_high: null });
  });
});

describe('limited-fluctuation credibility', () => {
  it('needs 1,537 claims for full credibility at p = 0.95, r = 0.05', () => {
    // (Φ⁻¹(0.975) / 0.05)² = (1.959964 / 0.05)² = 1536.58 (the classical standard, Herzog).
    expect(fullCredibilityClaims(0.95, 0.05)).toBeCloseTo(1536.5834, 3);
    expect(credibility(2000, 0.01)).toBe(1);
  });

  it('weights actual and expected rates by Z', () => {
    // Z = √(56 / (1536.58 × (1 − 0.00725))) = 0.1916; actxps prints credibility 0.192 for this group.
    expect(credibility(56, 0.00725)).toBeCloseTo(0.19160, 4);
    expect(credibilityWeightedRate(0.2, 0.012, 0.01)).toBeCloseTo(0.0104, 15);
  });
});
