import { linearRegression } from 'simple-statistics';

/** A tail factor fitted to the development factors, and the fit it came from. */
export interface FittedTail {
  /** The tail factor (1 when none is indicated or when the fit exceeded 2 and was reset). */
  readonly factor: number;
  /** log(f_k − 1) = intercept + slope · k over the factors above 1 (k 1-based); null when no fit was made. */
  readonly intercept: number | null;
  readonly slope: number | null;
  /** Whether a curve was fitted (a fit above 2 is fitted and then reset). */
  readonly fitted: boolean;
  /** Why the factor is 1, when it is: in words a reserving actuary reads, with the figures tested. */
  readonly note: string | null;
}

/**
 * The log-linear tail factor (Mack 1999, ASTIN Bulletin 29(2), §4; R ChainLadder `tailfactor()`):
 * fit log(f_k − 1) = a + b·k to the factors above 1 (k the 1-based index), then
 * tail = Π_{k = K+1}^{K+100} (1 + e^{a + b·k}) with K the last index fitted. As R does, no tail
 * is fitted (factor 1) unless the third- and second-to-last factors multiply to more than 1.0001
 * (R's `f[n−2]·f[n−1]` of the n factors), and a fitted tail above 2 is reset to 1; the note says which.
 *
 * @param factors the age-to-age factors f_1 … f_{n−1}
 * @example loglinearTail(raaFactors).factor // 1.00495 (RAA)
 * @example loglinearTail([1.5, 1.00004, 1.00005, 1.2]).note // 'not fitted: the third- and second-to-last factors …'
 */
export function loglinearTail(factors: readonly number[]): FittedTail {
  const n = factors.length;
  if (n < 3) return { factor: 1, intercept: null, slope: null, fitted: false, note: `not fitted: the test of further development needs at least three development factors, the triangle has ${n}` };
  const product = factors[n - 3] * factors[n - 2];
  if (product <= 1.0001) {
    return {
      factor: 1,
      intercept: null,
      slope: null,
      fitted: false,
      note: `not fitted: the third- and second-to-last factors (${factors[n - 3].toFixed(6)} × ${factors[n - 2].toFixed(6)} = ${product.toFixed(6)}) show no further development (R ChainLadder fits a tail only above 1.0001)`,
    };
  }
  const points = factors.flatMap((f, k) => (f > 1 ? [[k + 1, Math.log(f - 1)]] : []));
  if (points.length < 2) return { factor: 1, intercept: null, slope: null, fitted: false, note: `not fitted: ${points.length} development factor above 1, a log-linear curve needs two` };
  const { m: slope, b: intercept } = linearRegression(points);
  const last = points[points.length - 1][0];
  let tail = 1;
  for (let k = last + 1; k <= last + 100; k++) tail *= 1 + Math.exp(intercept + slope * k);
  if (tail > 2) return { factor: 1, intercept, slope, fitted: true, note: `reset to 1: the fitted tail ${tail.toFixed(4)} exceeds 2 (as R ChainLadder does)` };
  return { factor: tail, intercept, slope, fitted: true, note: null };
}
