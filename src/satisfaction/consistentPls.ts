import { type Effects, effects } from './effects';
import type { PlsFit } from './estimatePls';
import { pathCoefficients } from './pathCoefficients';
import { reliability } from './reliability';

/** Consistent PLS (PLSc): the reflective constructs' correlations, paths and loadings corrected for measurement error. */
export interface ConsistentPls {
  /** ρ_A of each construct used for the correction (1 for formative and single-item constructs). */
  readonly rho: Float64Array;
  /** Corrected construct correlations r_jk ÷ √(ρ_j·ρ_k) (m×m, 1 on the diagonal). */
  readonly r: Float64Array;
  /** Path coefficients and R² from the corrected correlations. */
  readonly paths: Float64Array;
  readonly rSquared: Float64Array;
  readonly effects: Effects;
  /** Loadings: w·√ρ_A ÷ (wᵀw) for the items of multi-item reflective constructs, the PLS loading otherwise. */
  readonly loadings: Float64Array;
  /** false when a corrected correlation exceeds 1 in absolute value (Dijkstra & Henseler 2015: an inadmissible solution). */
  readonly admissible: boolean;
}

/**
 * Consistent PLS (Dijkstra & Henseler 2015, "Consistent partial least squares path modeling",
 * MIS Quarterly 39(2)), as seminr's `PLSc()`: the construct correlations of the reflective (mode A)
 * constructs are disattenuated by their reliability ρ_A, r̃_jk = r_jk ÷ √(ρ_A,j·ρ_A,k) (ρ = 1 for
 * formative and single-item constructs), the paths re-estimated from r̃ by least squares, and the
 * loadings of multi-item reflective constructs corrected to λ̃ = w·√ρ_A ÷ (wᵀw) (w the
 * standardised outer weights).
 * @returns the corrected model, or null when a corrected regression is singular
 * @example consistentPls(fit)!.paths // seminr PLSc on mobi (factorial): Image → Satisfaction 0.5377
 */
export function consistentPls(fit: PlsFit): ConsistentPls | null {
  const { design } = fit;
  const m = design.constructs.length;
  const rel = reliability(fit);
  const rho = Float64Array.from(design.constructs, (_, j) => (design.modes[j] === 'B' || design.blockStart[j + 1] - design.blockStart[j] === 1 ? 1 : rel[j].rho_a));
  const r = new Float64Array(m * m);
  let admissible = true;
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < m; k++) {
      r[j * m + k] = j === k ? 1 : fit.r[j * m + k] / Math.sqrt(rho[j] * rho[k]);
      if (!(Math.abs(r[j * m + k]) <= 1)) admissible = false;
    }
  }
  const structural = pathCoefficients(design, r);
  if (structural === null) return null;
  const loadings = Float64Array.from(fit.loadings);
  for (let j = 0; j < m; j++) {
    const a = design.blockStart[j];
    const b = design.blockStart[j + 1];
    if (design.modes[j] === 'B' || b - a === 1) continue;
    let ww = 0;
    for (let h = a; h < b; h++) ww += fit.weights[h] ** 2;
    for (let h = a; h < b; h++) loadings[h] = (fit.weights[h] * Math.sqrt(rho[j])) / ww;
  }
  return { rho, r, paths: structural.b, rSquared: structural.rSquared, effects: effects(design, structural.b), loadings, admissible };
}
