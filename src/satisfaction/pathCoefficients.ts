import { regressionOnCorrelations } from './innerWeighting';
import type { PathDesign } from './pathDesign';

/** The structural (inner) model: standardised path coefficients and explained variance. */
export interface StructuralModel {
  /** m×m, row-major: b[k·m + j] is the coefficient of construct k in the regression of construct j on its predecessors (0 without a path). */
  readonly b: Float64Array;
  /** R² of each construct (0 for exogenous constructs). */
  readonly rSquared: Float64Array;
}

/**
 * Path coefficients by ordinary least squares of each endogenous construct's standardised score
 * on its predecessors' scores, from the score correlations R: β_j = R_pp⁻¹ r_pj, R²_j = β_jᵀ r_pj.
 * @returns the coefficients and R², or null when a regression is singular (collinear predecessors).
 * @example pathCoefficients(design, r)!.rSquared // one R² per construct, 0 for Image
 */
export function pathCoefficients(design: PathDesign, r: Float64Array): StructuralModel | null {
  const m = design.constructs.length;
  const b = new Float64Array(m * m);
  const rSquared = new Float64Array(m);
  for (const j of design.endogenous) {
    const pred = design.predecessors[j];
    const beta = regressionOnCorrelations(r, m, pred, j);
    if (beta === null) return null;
    let r2 = 0;
    pred.forEach((k, i) => {
      b[k * m + j] = beta[i];
      r2 += beta[i] * r[k * m + j];
    });
    rSquared[j] = r2;
  }
  return { b, rSquared };
}

/**
 * Adjusted R²: 1 − (1 − R²)(n − 1)/(n − k − 1) for n respondents and k predictors.
 * @returns null when n − k − 1 ≤ 0.
 * @example adjustedRSquared(0.5, 101, 2) // 0.4898 (= 1 − 0.5 × 100/98)
 */
export function adjustedRSquared(r2: number, n: number, k: number): number | null {
  return n - k - 1 > 0 ? 1 - ((1 - r2) * (n - 1)) / (n - k - 1) : null;
}
