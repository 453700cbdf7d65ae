import { jStat } from 'jstat';
import type { Triangle } from './triangle';

/** One diagonal of Mack's calendar-year test. */
export interface CalendarDiagonal {
  /** The calendar year the link ratios start in (valuation triangles), else the diagonal's position (1 = the second diagonal). */
  readonly diagonal: number;
  /** How many link ratios of the diagonal are below (S) and above (L) their column's median. */
  readonly small: number;
  readonly large: number;
  /** Z_j = min(S_j, L_j), with its mean and variance when there is no calendar-year effect. */
  readonly z: number;
  readonly expected: number;
  readonly variance: number;
}

/** Mack's test for a calendar-year effect. */
export interface CalendarYearTest {
  readonly diagonals: readonly CalendarDiagonal[];
  /** Z = Σ Z_j, E[Z] and Var[Z]. */
  readonly z: number;
  readonly expected: number;
  readonly variance: number;
  /** The interval E[Z] ± Φ⁻¹((1 + level)/2)·√Var[Z] and its confidence level. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** Z outside the interval: the calendar years are not independent (a claims-handling, reserving or inflation change); null when the triangle is too small to test (Var[Z] = 0). */
  readonly effect: boolean | null;
}

/** Mack's test for correlation between subsequent development factors. */
export interface FactorCorrelationTest {
  /** Spearman's rank correlation T_k of the link ratios of periods k and k + 1, with the pairs it rests on. */
  readonly periods: readonly { readonly from_age: number; readonly t: number; readonly pairs: number }[];
  /** T = weighted mean of the T_k (weights n_k − 1), Var(T) = 1 ÷ Σ(n_k − 1); null when no two adjacent periods share two origins. */
  readonly t: number | null;
  readonly variance: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly level: number;
  /** T outside the interval: subsequent development factors are correlated; null when not testable. */
  readonly correlated: boolean | null;
}

/** Link ratios F(i,k) by origin and period (null where a cell is missing or beyond the latest age). */
function ratioGrid(triangle: Triangle): (number | null)[][] {
  const n = triangle.ages.length;
  return triangle.values.map((row) =>
    Array.from({ length: n - 1 }, (_, k) => {
      const a = row[k];
      const b = row[k + 1];
      return k + 1 < row.length && a !== null && b !== null && a !== undefined && b !== undefined ? b / a : null;
    }),
  );
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function choose(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

/**
 * Mack's (1994) test for calendar-year effects (Mack, "Measuring the variability of chain ladder
 * reserve estimates", CAS Forum Spring 1994, Appendix H; R ChainLadder `cyEffTest`): each link
 * ratio is small (S) or large (L) against its column's median (equal to it: neither); on each
 * diagonal j = 2 … n − 1 of link ratios, Z_j = min(S_j, L_j) with n = S_j + L_j, m = ⌊(n − 1)/2⌋,
 * E[Z_j] = n/2 − C(n−1, m)·n/2ⁿ, Var[Z_j] = n(n−1)/4 − C(n−1, m)·n(n−1)/2ⁿ + E[Z_j] − E[Z_j]².
 * Z = Σ Z_j is compared with E[Z] ± z·√Var[Z]. Missing link ratios are left out.
 * @param level confidence level (default 0.95, as R)
 * @example calendarYearTest(raa) // { z: 14, expected: 12.875, effect: false } (R ChainLadder's test of cyEffTest(RAA))
 */
export function calendarYearTest(triangle: Triangle, level = 0.95): CalendarYearTest {
  const grid = ratioGrid(triangle);
  const n = triangle.ages.length;
  const medians = Array.from({ length: n - 1 }, (_, k) => {
    const column = grid.flatMap((row) => (row[k] === null ? [] : [row[k]!]));
    return column.length > 0 ? median(column) : Number.NaN;
  });
  const diagonals: CalendarDiagonal[] = [];
  for (let d = 1; d <= n - 2; d++) {
    let small = 0;
    let large = 0;
    for (let i = 0; i <= d && i < grid.length; i++) {
      const k = d - i;
      const f = grid[i][k];
      if (f === null || f === undefined) continue;
      if (f < medians[k]) small++;
      else if (f > medians[k]) large++;
    }
    const m = small + large;
    const half = Math.floor((m - 1) / 2);
    const expected = m === 0 ? 0 : m / 2 - (choose(m - 1, half) * m) / 2 ** m;
    const variance = m === 0 ? 0 : (m * (m - 1)) / 4 - (choose(m - 1, half) * m * (m - 1)) / 2 ** m + expected - expected ** 2;
    diagonals.push({ diagonal: triangle.development === 'valuation' ? triangle.origins[0] + d : d, small, large, z: Math.min(small, large), expected, variance });
  }
  const z = diagonals.reduce((a, x) => a + x.z, 0);
  const expected = diagonals.reduce((a, x) => a + x.expected, 0);
  const variance = diagonals.reduce((a, x) => a + x.variance, 0);
  const q = jStat.normal.inv((1 + level) / 2, 0, 1);
  const low = expected - q * Math.sqrt(variance);
  const high = expected + q * Math.sqrt(variance);
  return { diagonals, z, expected, variance, low, high, level, effect: variance > 0 ? z < low || z > high : null };
}

/** Ranks 1…n with ties given their average rank. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length);
  for (let a = 0; a < order.length; ) {
    let b = a;
    while (b + 1 < order.length && order[b + 1][0] === order[a][0]) b++;
    for (let j = a; j <= b; j++) r[order[j][1]] = (a + b) / 2 + 1;
    a = b + 1;
  }
  return r;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i] - my);
    sxx += (v - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Mack's (1994) test for correlations between subsequent development factors (Mack 1994,
 * Appendix G; R ChainLadder `dfCorTest`): for each pair of adjacent periods k, k + 1, Spearman's
 * rank correlation T_k of the link ratios of the origins observed in both (ties at average
 * ranks, as R's `cor(method = "spearman")`); T = Σ (n_k − 1)·T_k ÷ Σ (n_k − 1) with
 * Var(T) = 1 ÷ Σ (n_k − 1), compared with 0 ± z·√Var(T). Pairs with fewer than two points are skipped.
 * @param level confidence level (default 0.5, as Mack and R: a test meant to flag only a substantial correlation)
 * @example factorCorrelationTest(raa).t // 0.06955782 (R ChainLadder's test of dfCorTest(RAA)), variance 1/28
 */
export function factorCorrelationTest(triangle: Triangle, level = 0.5): FactorCorrelationTest {
  const grid = ratioGrid(triangle);
  const n = triangle.ages.length;
  const periods: { from_age: number; t: number; pairs: number }[] = [];
  for (let k = 0; k + 2 < n; k++) {
    const pairs = grid.flatMap((row) => (row[k] !== null && row[k + 1] !== null && row[k + 1] !== undefined ? [[row[k]!, row[k + 1]!] as const] : []));
    if (pairs.length < 2) continue;
    const t = pearson(ranks(pairs.map((p) => p[0])), ranks(pairs.map((p) => p[1])));
    if (Number.isFinite(t)) periods.push({ from_age: triangle.ages[k], t, pairs: pairs.length });
  }
  const weight = periods.reduce((a, p) => a + p.pairs - 1, 0);
  if (weight === 0) return { periods, t: null, variance: null, low: null, high: null, level, correlated: null };
  const t = periods.reduce((a, p) => a + (p.pairs - 1) * p.t, 0) / weight;
  const variance = 1 / weight;
  const q = jStat.normal.inv((1 + level) / 2, 0, 1);
  return { periods, t, variance, low: -q * Math.sqrt(variance), high: q * Math.sqrt(variance), level, correlated: Math.abs(t) > q * Math.sqrt(variance) };
}
