import { linearRegression } from 'simple-statistics';

/** A tail factor fitted to the development factors, and the fit it came from. */
export interface FittedTail {
  /** The tail factor (1 when none is indicated or when the fit exceeded 2 and was reset). */
  readonly factor: number;
  /** log(f_k − 1) = intercept + slope · k over the factors above 1 (k 1-based); null when no fit was made. */
  readonly intercept: number | null;
  readonly slope: number | null;
  /** Why the factor is 1, when it is. */
  readonly note: string | null;
}

/**
 * The log-linear tail factor (Mack 1999, ASTIN Bulletin 29(2), §4; R ChainLadder `tailfactor()`):
 * fit log(f_k − 1) = a + b·k to the factors above 1 (k the 1-based index), then
 * tail = Π_{k = K+1}^{K+100} (1 + e^{a + b·k}) with K the last index fitted. No tail (1) when the
 * last two factors multiply to 1.0001 or less; a fitted tail above 2 is reset to 1, as R does.
 *
 * @param factors the age-to-age factors f_1 … f_{n−1}
 * @example loglinearTail(raaFactors).factor // 1.00495 (RAA)
 */
export function loglinearTail(factors: readonly number[]): FittedTail {
  const n = factors.length;
  if (n < 2 || factors[n - 2] * factors[n - 1] <= 1.0001) {
    return { factor: 1, intercept: null, slope: null, note: 'the last two development factors show no further development (product ≤ 1.0001)' };
  }
  const points = factors.flatMap((f, k) => (f > 1 ? [[k + 1, Math.log(f - 1)]] : []));
  if (points.length < 2) return { factor: 1, intercept: null, slope: null, note: 'fewer than two development factors above 1 to fit' };
  const { m: slope, b: intercept } = linearRegression(points);
  const last = points[points.length - 1][0];
  let tail = 1;
  for (let k = last + 1; k <= last + 100; k++) tail *= 1 + Math.exp(intercept + slope * k);
  if (tail > 2) return { factor: 1, intercept, slope, note: `the fitted tail ${tail.toFixed(4)} exceeds 2 and was reset to 1` };
  return { factor: tail, intercept, slope, note: null };
}
