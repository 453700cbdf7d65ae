import { jStat } from 'jstat';
import { linearRegression, rSquared } from 'simple-statistics';
import { periodYear } from '../data/period';
import type { EarnedLossRatio, LossRatioBasis } from './earnedLossRatio';
import { lossRatioNumber, onBasis } from './earnedLossRatio';

/** A fitted value with its confidence band (mean response) and prediction band (a new year). */
export interface TrendValue {
  readonly year: number;
  readonly fitted: number;
  /** Confidence interval of the fitted mean; null with fewer than three years. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  /** Prediction interval for one year's ratio; null with fewer than three years. */
  readonly pi_low: number | null;
  readonly pi_high: number | null;
}

/** A straight-line trend of yearly loss ratios and the ratio it projects for the next year. */
export interface LossRatioTrend {
  readonly product_code: string;
  readonly basis: LossRatioBasis;
  /** Years in the fit (those with a computable ratio). */
  readonly n: number;
  /** Change of the loss ratio per year (fraction per year: 0.01 = one percentage point). */
  readonly slope: number;
  readonly intercept: number;
  /** Share of the ratios' variation the line explains; null when the ratios do not vary (0/0, as R's `summary.lm` gives NaN). */
  readonly r_squared: number | null;
  /** Residual standard error s = √(SSE ÷ (n − 2)); null with fewer than three years. */
  readonly residual_se: number | null;
  readonly confidence: number;
  /** t quantile t(1 − (1 − confidence)/2, n − 2) used for both bands; null with fewer than three years. */
  readonly t_quantile: number | null;
  /** Years whose ratio is not computable (earned ≤ 0), left out of the fit. */
  readonly excluded_years: readonly number[];
  /** The fit at each observed year. */
  readonly fitted: readonly TrendValue[];
  /** The fit at the year after the last observed one. */
  readonly projection: TrendValue;
}

/** A point of a trend: a year and its loss ratio as a fraction. */
export interface TrendPoint {
  readonly year: number;
  readonly value: number;
}

/**
 * Ordinary least squares line through (year, value) points with the usual bands: at x₀,
 * ŷ ± t·s·√(1/n + (x₀ − x̄)²/Sxx) for the mean response and ŷ ± t·s·√(1 + 1/n + (x₀ − x̄)²/Sxx)
 * for a new observation, s² = SSE/(n − 2), t the two-sided Student t quantile with n − 2
 * degrees of freedom (Montgomery, Peck & Vining, Introduction to Linear Regression Analysis,
 * §2.4.2 and §2.5). The line comes from simple-statistics, the t quantile from jStat.
 *
 * @param points at least two points with distinct years
 * @param at the years to evaluate the fit at
 * @param confidence two-sided level of both bands (0 < confidence < 1)
 * @returns r_squared null when all values are equal (R² is 0/0).
 * @throws RangeError with fewer than two points, repeated years, or a confidence outside (0, 1).
 * @example linearTrend([{year: 1, value: 1}, {year: 2, value: 2}, {year: 3, value: 4}], [4]).values[0].fitted // 5.333… (slope 1.5, intercept −2/3)
 */
export function linearTrend(
  points: readonly TrendPoint[],
  at: readonly number[],
  confidence = 0.95,
): { slope: number; intercept: number; r_squared: number | null; residual_se: number | null; t_quantile: number | null; values: TrendValue[] } {
  const n = points.length;
  if (n < 2) throw new RangeError(`linearTrend: at least two points are needed, got ${n}`);
  if (new Set(points.map((p) => p.year)).size !== n) throw new RangeError('linearTrend: each year may appear once');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`linearTrend: confidence must be between 0 and 1, got ${confidence}`);
  const pairs = points.map((p) => [p.year, p.value]);
  const { m: slope, b: intercept } = linearRegression(pairs);
  const line = (x: number) => intercept + slope * x;
  // R² = 1 − SSE/SST is 0/0 when every value is the same (a product with no claims in any year):
  // not computable, so null rather than NaN.
  const r2 = new Set(points.map((p) => p.value)).size > 1 ? rSquared(pairs, line) : null;
  const meanX = points.reduce((a, p) => a + p.year, 0) / n;
  const sxx = points.reduce((a, p) => a + (p.year - meanX) ** 2, 0);
  const sse = points.reduce((a, p) => a + (p.value - line(p.year)) ** 2, 0);
  const s = n > 2 ? Math.sqrt(sse / (n - 2)) : null;
  const t = n > 2 ? jStat.studentt.inv(1 - (1 - confidence) / 2, n - 2) : null;
  const values = at.map((x): TrendValue => {
    const fitted = line(x);
    if (s === null || t === null) return { year: x, fitted, ci_low: null, ci_high: null, pi_low: null, pi_high: null };
    const leverage = 1 / n + (x - meanX) ** 2 / sxx;
    const ci = t * s * Math.sqrt(leverage);
    const pi = t * s * Math.sqrt(1 + leverage);
    return { year: x, fitted, ci_low: fitted - ci, ci_high: fitted + ci, pi_low: fitted - pi, pi_high: fitted + pi };
  });
  return { slope, intercept, r_squared: r2, residual_se: s, t_quantile: t, values };
}

/**
 * The trend of one product's yearly loss ratios: an OLS line over the years with a computable
 * ratio, its confidence and prediction bands, and the projected ratio of the next year.
 *
 * @param years yearly loss ratios of one product (any order)
 * @param basis 'gross' or 'net' of reinsurance
 * @param confidence two-sided level of the bands (default 0.95)
 * @returns null when fewer than two years have a computable ratio.
 * @example lossRatioTrend(yearsOfP01)?.projection.fitted // 0.41 for ratios 0.45, 0.44, 0.43, 0.42 over 2022–2025
 */
export function lossRatioTrend(years: readonly EarnedLossRatio[], basis: LossRatioBasis = 'gross', confidence = 0.95): LossRatioTrend | null {
  const usable: TrendPoint[] = [];
  const excluded: number[] = [];
  for (const row of [...years].sort((a, b) => periodYear(a.period) - periodYear(b.period))) {
    const figures = onBasis(row, basis);
    const ratio = lossRatioNumber(figures.incurred, figures.earned);
    if (ratio === null) excluded.push(periodYear(row.period));
    else usable.push({ year: periodYear(row.period), value: ratio });
  }
  if (usable.length < 2) return null;
  const observed = usable.map((p) => p.year);
  const next = observed[observed.length - 1] + 1;
  const fit = linearTrend(usable, [...observed, next], confidence);
  return {
    product_code: years[0].product_code,
    basis,
    n: usable.length,
    slope: fit.slope,
    intercept: fit.intercept,
    r_squared: fit.r_squared,
    residual_se: fit.residual_se,
    confidence,
    t_quantile: fit.t_quantile,
    excluded_years: excluded,
    fitted: fit.values.slice(0, observed.length),
    projection: fit.values[observed.length],
  };
}
