import type { PlsFit } from './estimatePls';

/** Internal-consistency reliability and convergent validity of one construct. */
export interface Reliability {
  /** Cronbach's alpha on the item correlations (standardised alpha, as seminr). */
  readonly alpha: number;
  /** Dijkstra-Henseler rho_A. */
  readonly rho_a: number;
  /** Composite reliability rho_C (Jöreskog / Dillon-Goldstein). */
  readonly rho_c: number;
  /** Average variance extracted. */
  readonly ave: number;
}

/**
 * Reliability of each construct of a fitted model, from its standardised loadings λ, standardised
 * outer weights w and the block's item correlation matrix R (k items):
 * - Cronbach's alpha = k/(k−1) · (1 − tr R / Σ R) (on correlations, as seminr's `cronbachs_alpha`);
 * - rho_A = (wᵀw)² · wᵀ(R − diag R)w / wᵀ(wwᵀ − diag(wwᵀ))w (Dijkstra & Henseler 2015, MIS Quarterly 39(2), eq. 21);
 * - rho_C = (Σλ)² / ((Σλ)² + Σ(1 − λ²)) (Jöreskog 1971; Dillon & Goldstein 1987);
 * - AVE = Σλ² / k (Fornell & Larcker 1981).
 * A single-item construct gets 1 for all four, by the convention of seminr and SmartPLS
 * (one item cannot show inconsistency).
 * @example reliability(fit)[0] // { alpha: 0.72, rho_a: 0.75, rho_c: 0.82, ave: 0.48 } for Image on mobi
 */
export function reliability(fit: PlsFit): Reliability[] {
  const { design, corr, loadings, weights } = fit;
  const p = design.items.length;
  return design.constructs.map((_, j) => {
    const a = design.blockStart[j];
    const b = design.blockStart[j + 1];
    const k = b - a;
    if (k === 1) return { alpha: 1, rho_a: 1, rho_c: 1, ave: 1 };
    let sumR = 0;
    let offDiagonal = 0;
    let ww = 0;
    let wOffW = 0;
    let sumLambda = 0;
    let sumLambda2 = 0;
    for (let h = a; h < b; h++) {
      ww += weights[h] * weights[h];
      sumLambda += loadings[h];
      sumLambda2 += loadings[h] * loadings[h];
      for (let l = a; l < b; l++) {
        const r = corr[h * p + l];
        sumR += r;
        if (h !== l) {
          offDiagonal += weights[h] * r * weights[l];
          wOffW += weights[h] * weights[h] * weights[l] * weights[l];
        }
      }
    }
    const alpha = (k / (k - 1)) * (1 - k / sumR);
    const rhoA = (ww * ww * offDiagonal) / wOffW;
    const rhoC = (sumLambda * sumLambda) / (sumLambda * sumLambda + (k - sumLambda2));
    return { alpha, rho_a: rhoA, rho_c: rhoC, ave: sumLambda2 / k };
  });
}
