import { describe, expect, it } from 'vitest';
import { earnedLossRatio } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { linearTrend, lossRatioTrend } from '../../src/lossratio/lossRatioTrend';
import { FINANCE_HEADER, financeRows, plainYear } from './tables';

// Yearly ratios 40%, 42%, 41%, 45%, 47% over 2021–2025 (claims on 1,000,000 of premium).
// Hand computation: x̄ = 2023, Sxx = 10, ȳ = 0.43, Sxy = 0.17, slope = 0.017, fitted 2021…2025 =
// 0.396, 0.413, 0.430, 0.447, 0.464; residuals 0.004, 0.007, −0.020, 0.003, 0.006; SSE = 0.00051;
// s = √(0.00051/3) = 0.0130384; SST = 0.0034, R² = 1 − 0.00051/0.0034 = 0.85.
// 2026: ŷ = 0.481, leverage 1/5 + 3²/10 = 1.1; t(0.975, 3) = 3.182 (Student t table, e.g. NIST/SEMATECH
// e-Handbook §1.3.6.7.2); half-widths t·s·√1.1 = 0.0435194 (mean) and t·s·√2.1 = 0.0601307 (new year).
const CLAIMS = ['400000.00', '420000.00', '410000.00', '450000.00', '470000.00'];
const years = financePeriods(financeRows([FINANCE_HEADER, ...CLAIMS.map((c, i) => plainYear('P01', 2021 + i, '1000000.00', c))].join('\n'))).years.map(earnedLossRatio);

describe('lossRatioTrend()', () => {
  const trend = lossRatioTrend(years)!;

  it('fits the least-squares line of the yearly ratios', () => {
    expect(trend.n).toBe(5);
    expect(trend.slope).toBeCloseTo(0.017, 12);
    expect(trend.r_squared).toBeCloseTo(0.85, 10);
    expect(trend.residual_se!).toBeCloseTo(0.0130384, 7);
    expect(trend.fitted.map((v) => v.fitted)).toEqual([0.396, 0.413, 0.43, 0.447, 0.464].map((x) => expect.closeTo(x, 10)));
  });

  it('projects the next year with confidence and prediction bands from the t quantile', () => {
    expect(trend.t_quantile!).toBeCloseTo(3.182, 3);
    const p = trend.projection;
    expect(p.year).toBe(2026);
    expect(p.fitted).toBeCloseTo(0.481, 10);
    expect(p.ci_high! - p.fitted).toBeCloseTo(0.0435194, 6);
    expect(p.fitted - p.ci_low!).toBeCloseTo(0.0435194, 6);
    expect(p.pi_high! - p.fitted).toBeCloseTo(0.0601307, 6);
  });

  it('is narrowest at the mean year', () => {
    const widths = trend.fitted.map((v) => v.ci_high! - v.ci_low!);
    expect(Math.min(...widths)).toBe(widths[2]);
  });

  it('leaves out years whose ratio is not computable', () => {
    const withZero = financePeriods(financeRows([FINANCE_HEADER, plainYear('P01', 2020, '0', '0'), ...CLAIMS.map((c, i) => plainYear('P01', 2021 + i, '1000000.00', c))].join('\n'))).years.map(earnedLossRatio);
    const t = lossRatioTrend(withZero)!;
    expect(t.excluded_years).toEqual([2020]);
    expect(t.slope).toBeCloseTo(0.017, 12);
  });

  it('has no trend with one year, and a line without bands with two', () => {
    expect(lossRatioTrend(years.slice(0, 1))).toBeNull();
    const two = lossRatioTrend(years.slice(0, 2))!;
    expect(two.slope).toBeCloseTo(0.02, 12);
    expect(two.projection.ci_low).toBeNull();
  });

  it('has no R² when the ratios do not vary (a product without claims: SST = 0, R² = 0/0)', () => {
    // Five years of premium and no claims: every ratio is 0, the line is flat at 0 with no residuals.
    const noClaims = financePeriods(financeRows([FINANCE_HEADER, ...CLAIMS.map((_, i) => plainYear('P01', 2021 + i, '1000000.00', '0'))].join('\n'))).years.map(earnedLossRatio);
    const flat = lossRatioTrend(noClaims)!;
    expect(flat.r_squared).toBeNull();
    expect(flat.slope).toBe(0);
    expect(flat.residual_se).toBe(0);
    expect(flat.projection.fitted).toBe(0);
  });

  it('does not depend on the order of the years', () => {
    expect(lossRatioTrend([...years].reverse())).toEqual(trend);
  });
});

describe('linearTrend()', () => {
  it('rejects a single point and repeated years', () => {
    expect(() => linearTrend([{ year: 1, value: 1 }], [2])).toThrow(RangeError);
    expect(() => linearTrend([{ year: 1, value: 1 }, { year: 1, value: 2 }], [2])).toThrow(RangeError);
  });
});
