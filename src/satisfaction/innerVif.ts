import type { PlsFit } from './estimatePls';
import { inverseSymmetric } from './linearAlgebra';

/** Collinearity of one predecessor in one structural regression. */
export interface InnerVif {
  readonly from: string;
  readonly to: string;
  /** 1/(1 − R²) of this predecessor on the other predecessors of `to`; null when they are perfectly collinear. */
  readonly vif: number | null;
}

/**
 * Variance inflation factors of the inner model: for each endogenous construct with several
 * predecessors, the diagonal of the inverse of the predecessors' score correlation matrix
 * (VIF_k = 1/(1 − R²_k), R²_k from regressing predecessor k on the others). A construct with one
 * predecessor has VIF 1. Hair et al. (2019, Eur. Business Review 31(1)) flag VIF above 5 (ideally 3).
 * @example innerVif(fit).find((v) => v.to === 'Satisfaction')
 */
export function innerVif(fit: PlsFit): InnerVif[] {
  const { design, r } = fit;
  const m = design.constructs.length;
  const rows: InnerVif[] = [];
  for (const j of design.endogenous) {
    const pred = design.predecessors[j];
    const k = pred.length;
    const block = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) block[a * k + b] = r[pred[a] * m + pred[b]];
    const inverse = inverseSymmetric(block, k);
    pred.forEach((from, a) => rows.push({ from: design.constructs[from], to: design.constructs[j], vif: inverse === null ? null : inverse[a * k + a] }));
  }
  return rows;
}
