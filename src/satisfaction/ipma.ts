import type { PlsFit } from './estimatePls';
import type { ItemScale } from './surveyModel';

/** One construct on the importance-performance map of a target construct. */
export interface IpmaPoint {
  readonly construct: string;
  /** Unstandardised total effect on the target: index points gained on the target per index point gained here. */
  readonly importance: number;
  /** The construct's 0–100 index. */
  readonly performance: number | null;
}

/**
 * Importance-performance map analysis (Ringle & Sarstedt 2016, Industrial Management & Data
 * Systems 116(9)): for every construct with a total effect on `target`, its importance is the
 * unstandardised total effect on the target's 0–100 score and its performance is its index.
 * With 0–100 scores Ỹ_j = a_j·Y_j + b_j (a_j = 100/(max−min) · √(ũ_jᵀ C_jj ũ_j), the standard
 * deviation of the rescaled score), the unstandardised total effect is T_kj · a_j / a_k.
 * @param indexWeights from `indexWeights`; constructs without them are left out
 * @param indices each construct's index, from `constructIndices`
 * @example ipma(fit, weights, indices, scale, 'Satisfaction') // [{ construct: 'Quality', importance: 0.57, performance: 71.2 }, …]
 */
export function ipma(fit: PlsFit, indexWeights: readonly (number | null)[], indices: readonly (number | null)[], scale: ItemScale, target: string): IpmaPoint[] {
  const { design, cov, effects } = fit;
  const m = design.constructs.length;
  const p = design.items.length;
  const t = design.constructs.indexOf(target);
  const spread = design.constructs.map((_, j) => {
    let v = 0;
    for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) {
      for (let l = design.blockStart[j]; l < design.blockStart[j + 1]; l++) {
        const wh = indexWeights[h];
        const wl = indexWeights[l];
        if (wh === null || wl === null) return null;
        v += wh * cov[h * p + l] * wl;
      }
    }
    return (Math.sqrt(v) * 100) / (scale.max - scale.min);
  });
  const points: IpmaPoint[] = [];
  for (let k = 0; k < m; k++) {
    const total = effects.total[k * m + t];
    const ak = spread[k];
    const at = spread[t];
    if (k === t || total === 0 || ak === null || at === null || !(ak > 0)) continue;
    points.push({ construct: design.constructs[k], importance: (total * at) / ak, performance: indices[k] });
  }
  return points;
}
