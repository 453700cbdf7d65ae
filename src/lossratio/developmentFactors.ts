import { InputError } from '../data/InputError';
import { ALPHA, type LinkRatioChoices, type LinkRatioSelection, linkRatios } from './linkRatios';
import type { Triangle } from './triangle';

/** Age-to-age factors of a triangle and the variance parameters of Mack's model. */
export interface DevelopmentFactors {
  /** f_k = Σ w·C(i,k)^α·F(i,k) ÷ Σ w·C(i,k)^α over the link ratios used, for k = 0 … n−2 (1 beyond the age limit). */
  readonly factors: readonly number[];
  /**
   * σ_k = √( 1/(n_k − 1) · Σ w·C(i,k)^α·(F(i,k) − f_k)² ) (Mack 1999, eq. for σ²_k); null where
   * only one link ratio is used (it must be extrapolated); 0 beyond the age limit.
   */
  readonly sigma: readonly (number | null)[];
  /** n_k: how many link ratios each factor rests on. */
  readonly counts: readonly number[];
  /** Σ w·C(i,k)^α over those link ratios: the weight of each factor (its standard error is σ_k ÷ √weight). */
  readonly weights: readonly number[];
  /** Mack's α of the average (1 volume, 0 simple, 2 regression). */
  readonly alpha: 0 | 1 | 2;
  /** true for the periods the age limit fixes at 1 (no estimation, no uncertainty). */
  readonly fixed: readonly boolean[];
  /** The link ratios and the choices that selected them. */
  readonly selection: LinkRatioSelection;
}

/**
 * The chain ladder's age-to-age factors and Mack's σ_k, for the chosen average and link ratios
 * (Mack 1993, ASTIN Bulletin 23(2), §3; Mack 1999, ASTIN Bulletin 29(2), the α-weighted
 * estimators; R ChainLadder `MackChainLadder(weights, alpha)`). With the defaults (volume-weighted,
 * every link ratio) f_k = Σ C(i,k+1) ÷ Σ C(i,k). Computed in binary floating point: these are
 * statistical estimates, not amounts compared with a regulatory threshold.
 *
 * @param triangle a cumulative triangle
 * @param choices the link-ratio choices (average, exclusions, latest periods, age limit)
 * @param file the triangle's file name, for error messages
 * @throws InputError when a value a factor divides by is not positive (naming the origin and age,
 * and the file's row when the triangle was read from one), or a development period below the age
 * limit is left with no link ratio (every one excluded or missing).
 * @example developmentFactors(raa).factors[0] // 2.99936 (RAA, age 1 → 2)
 * @example developmentFactors(raa, { average: 'simple' }).factors[0] // the mean of the nine 1 → 2 link ratios
 */
export function developmentFactors(triangle: Triangle, choices: LinkRatioChoices = {}, file = 'triangle'): DevelopmentFactors {
  const selection = linkRatios(triangle, choices, file);
  const alpha = ALPHA[selection.average];
  const n = triangle.ages.length;
  const factors: number[] = [];
  const sigma: (number | null)[] = [];
  const counts: number[] = [];
  const weights: number[] = [];
  const fixed: boolean[] = [];
  for (let k = 0; k < n - 1; k++) {
    if (k >= selection.limit) {
      factors.push(1);
      sigma.push(0);
      counts.push(0);
      weights.push(0);
      fixed.push(true);
      continue;
    }
    const used = selection.ratios.filter((r) => r.k === k && r.weight === 1);
    if (used.length === 0) {
      throw new InputError({ file, column: 'development' }, `at least one link ratio from age ${triangle.ages[k]} to ${triangle.ages[k + 1]} (every one is missing or excluded; relax the exclusions or set a development-age limit)`);
    }
    // α = 1 sums the amounts directly, so the classical chain ladder is computed exactly as Σ C(k+1) ÷ Σ C(k).
    const w = used.map((r) => (alpha === 1 ? r.from_value : r.from_value ** alpha));
    const base = w.reduce((a, x) => a + x, 0);
    const f = alpha === 1 ? used.reduce((a, r) => a + r.to_value, 0) / base : used.reduce((a, r, j) => a + w[j] * r.ratio, 0) / base;
    factors.push(f);
    counts.push(used.length);
    weights.push(base);
    fixed.push(false);
    sigma.push(used.length > 1 ? Math.sqrt(used.reduce((a, r, j) => a + w[j] * (r.to_value / r.from_value - f) ** 2, 0) / (used.length - 1)) : null);
  }
  return { factors, sigma, counts, weights, alpha, fixed, selection };
}
