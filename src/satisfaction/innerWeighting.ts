import { solveSymmetric } from './linearAlgebra';
import type { PathDesign } from './pathDesign';

/**
 * Inner weighting schemes of the PLS algorithm (Lohmöller 1989; Tenenhaus et al. 2005, §2.2):
 * - `centroid`: e_kj = sign(cor(Y_k, Y_j)) for adjacent constructs (Wold's original; plspm's default);
 * - `factorial`: e_kj = cor(Y_k, Y_j) for adjacent constructs;
 * - `path`: for a predecessor k of j, the coefficient of Y_k in the regression of Y_j on all its
 *   predecessors; for a successor k of j, cor(Y_k, Y_j) (SmartPLS's and seminr's default).
 */
export type InnerScheme = 'centroid' | 'factorial' | 'path';

/** The inner weighting schemes, for option validation. */
export const INNER_SCHEMES: readonly InnerScheme[] = ['path', 'centroid', 'factorial'];

/**
 * The inner weight matrix E (m×m, row-major, E[k·m + j] = weight of Y_k in the inner proxy
 * Z_j = Σ_k e_kj Y_k) from the correlation matrix R of the current standardised construct scores.
 * @returns E, or null when a regression of the path scheme is singular.
 * @example innerWeights(design, r, 'centroid') // ±1 for every adjacent pair, 0 elsewhere
 */
export function innerWeights(design: PathDesign, r: Float64Array, scheme: InnerScheme): Float64Array | null {
  const m = design.constructs.length;
  const e = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    for (const k of design.successors[j]) {
      const c = r[k * m + j];
      e[k * m + j] = scheme === 'centroid' ? Math.sign(c) : c;
    }
    const pred = design.predecessors[j];
    if (pred.length === 0) continue;
    if (scheme === 'path') {
      const beta = regressionOnCorrelations(r, m, pred, j);
      if (beta === null) return null;
      pred.forEach((k, i) => (e[k * m + j] = beta[i]));
    } else {
      for (const k of pred) {
        const c = r[k * m + j];
        e[k * m + j] = scheme === 'centroid' ? Math.sign(c) : c;
      }
    }
  }
  return e;
}

/**
 * Standardised coefficients of the regression of variable `target` on `predictors`, from a
 * correlation matrix: β = R_pp⁻¹ · r_p,target.
 * @returns β in the order of `predictors`, or null when R_pp is singular.
 * @example regressionOnCorrelations(new Float64Array([1, 0.5, 0.5, 1]), 2, [0], 1) // [0.5]
 */
export function regressionOnCorrelations(r: Float64Array, m: number, predictors: readonly number[], target: number): Float64Array | null {
  const k = predictors.length;
  const a = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    b[i] = r[predictors[i] * m + target];
    for (let l = 0; l < k; l++) a[i * k + l] = r[predictors[i] * m + predictors[l]];
  }
  return solveSymmetric(a, k, b);
}
