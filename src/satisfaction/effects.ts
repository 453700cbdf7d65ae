import type { PathDesign } from './pathDesign';

/** Direct, indirect and total effects between constructs (m×m, row-major, [from·m + to]). */
export interface Effects {
  readonly direct: Float64Array;
  readonly indirect: Float64Array;
  readonly total: Float64Array;
}

/**
 * Total effects T = B + B² + B³ + … (the sum over every directed route of the product of its
 * path coefficients; the series ends because the model has no cycle), and indirect = T − B.
 * Computed in topological order: T[k→j] = B[k→j] + Σ_l T[k→l]·B[l→j] over predecessors l of j.
 * @param b path coefficients from `pathCoefficients`
 * @example effects(design, b).total // e.g. Image→Loyalty = direct 0.196 + via Satisfaction and Complaints
 */
export function effects(design: PathDesign, b: Float64Array): Effects {
  const m = design.constructs.length;
  const total = new Float64Array(m * m);
  for (const j of design.order) {
    for (const l of design.predecessors[j]) {
      const blj = b[l * m + j];
      for (let k = 0; k < m; k++) total[k * m + j] += (k === l ? 1 : total[k * m + l]) * blj;
    }
  }
  const indirect = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) indirect[i] = total[i] - b[i];
  return { direct: b, indirect, total };
}
