import { InputError } from '../data/InputError';
import type { Triangle } from './triangle';

/** Volume-weighted age-to-age factors of a triangle and the variance parameters of Mack's model. */
export interface DevelopmentFactors {
  /** f_k = Σ C(i,k+1) ÷ Σ C(i,k) over the origins observed at both ages, for k = 0 … n−2. */
  readonly factors: readonly number[];
  /**
   * σ_k = √( 1/(n_k − 1) · Σ C(i,k)·(C(i,k+1)/C(i,k) − f_k)² ) (Mack 1993, eq. for α²_k); null
   * where only one origin is observed at both ages (it must be extrapolated).
   */
  readonly sigma: readonly (number | null)[];
  /** n_k: how many origins each factor rests on. */
  readonly counts: readonly number[];
  /** Σ C(i,k) over those origins: the weight of each factor (its standard error is σ_k ÷ √weight). */
  readonly weights: readonly number[];
}

/**
 * The chain ladder's volume-weighted development factors and Mack's σ_k (Mack 1993, ASTIN
 * Bulletin 23(2), §3 and the estimators of f_k and α²_k; R ChainLadder `MackChainLadder` with
 * alpha = 1). Computed in binary floating point: these are statistical estimates, not amounts
 * compared with a regulatory threshold.
 *
 * @param triangle a cumulative triangle
 * @param file the triangle's file name, for error messages
 * @throws InputError when a value a factor divides by is zero or negative (the model needs
 * positive cumulative amounts), naming the origin and age, and the file's row when the triangle
 * was read from one.
 * @example developmentFactors(raa).factors[0] // 2.99936 (RAA, age 1 → 2)
 */
export function developmentFactors(triangle: Triangle, file = 'triangle'): DevelopmentFactors {
  const n = triangle.ages.length;
  const factors: number[] = [];
  const sigma: (number | null)[] = [];
  const counts: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k < n - 1; k++) {
    const pairs: [number, number][] = [];
    triangle.values.forEach((row, i) => {
      if (row.length <= k + 1) return;
      if (!(row[k] > 0)) {
        throw new InputError({ file, row: triangle.sourceRows?.[i]?.[k], column: 'value' }, `a positive cumulative amount for origin ${triangle.origins[i]} at age ${triangle.ages[k]} (the chain ladder divides by it)`, String(row[k]));
      }
      pairs.push([row[k], row[k + 1]]);
    });
    const base = pairs.reduce((a, [x]) => a + x, 0);
    const next = pairs.reduce((a, [, y]) => a + y, 0);
    const f = next / base;
    factors.push(f);
    counts.push(pairs.length);
    weights.push(base);
    sigma.push(pairs.length > 1 ? Math.sqrt(pairs.reduce((a, [x, y]) => a + x * (y / x - f) ** 2, 0) / (pairs.length - 1)) : null);
  }
  return { factors, sigma, counts, weights };
}
