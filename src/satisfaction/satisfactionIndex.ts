import type { PlsFit } from './estimatePls';
import type { Grouping } from './surveyMatrix';
import type { ItemScale } from './surveyModel';

/**
 * Index weights: the unstandardised outer weights (per answer point) normalised to sum to 1
 * within each construct, ũ_h = u_h / Σ_block u (Fornell et al. 1996, the ACSI method; plspm's
 * `rescale`). A construct whose unstandardised weights are not all positive has no index (null
 * entries): a weighted mean with negative weights is not a score on the answer scale.
 * @example indexWeights(fit) // e.g. Value: VALU1 0.48, VALU2 0.52
 */
export function indexWeights(fit: PlsFit): (number | null)[] {
  const { design, rawWeights } = fit;
  const out: (number | null)[] = new Array(design.items.length).fill(null);
  for (let j = 0; j < design.constructs.length; j++) {
    const a = design.blockStart[j];
    const b = design.blockStart[j + 1];
    let sum = 0;
    let positive = true;
    for (let h = a; h < b; h++) {
      sum += rawWeights[h];
      if (!(rawWeights[h] > 0)) positive = false;
    }
    if (positive) for (let h = a; h < b; h++) out[h] = rawWeights[h] / sum;
  }
  return out;
}

/**
 * The 0–100 index of each construct (S3 art. 22–24; DOMAIN.md): the index-weighted mean of its
 * items' mean answers, rescaled from the answer scale, index_j = (Σ_h ũ_h x̄_h − min)/(max − min) × 100.
 * @param itemMeans mean answer of each item (design order); NaN where no one answered
 * @returns one index per construct; null for a construct without index weights or without answers
 * @example constructIndices(fit, indexWeights(fit), means, { min: 1, max: 10 }) // [72.4, 68.1, …]
 */
export function constructIndices(fit: PlsFit, weights: readonly (number | null)[], itemMeans: Float64Array, scale: ItemScale): (number | null)[] {
  const { design } = fit;
  return design.constructs.map((_, j) => {
    let score = 0;
    for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) {
      const w = weights[h];
      if (w === null || Number.isNaN(itemMeans[h])) return null;
      score += w * itemMeans[h];
    }
    return ((score - scale.min) / (scale.max - scale.min)) * 100;
  });
}

/**
 * Weighted mean answer of each item over the answers given (missing answers skipped), for all
 * respondents or, with a grouping, for each group: mean_gh = Σ cᵢ xᵢₕ / Σ cᵢ over respondents i of
 * group g who answered h, cᵢ = survey weight × bootstrap frequency.
 * @param answers row-major n×p, NaN for no answer
 * @returns G×p means (G = 1 without grouping), NaN where a group gave no answer to an item
 * @example itemMeans(new Float64Array([1, NaN, 3, 4]), 2, new Float64Array([1, 1])) // [2, 4]
 */
export function itemMeans(answers: Float64Array, p: number, weights: Float64Array, grouping?: Grouping, frequency?: ArrayLike<number>): Float64Array {
  const n = weights.length;
  const groups = grouping ? grouping.labels.length : 1;
  const sum = new Float64Array(groups * p);
  const total = new Float64Array(groups * p);
  for (let i = 0; i < n; i++) {
    const c = frequency === undefined ? weights[i] : weights[i] * frequency[i];
    if (c === 0) continue;
    // Code −1: a respondent of no published group (`publishedGrouping`).
    if (grouping && grouping.codes[i] < 0) continue;
    const g = grouping ? grouping.codes[i] * p : 0;
    for (let h = 0; h < p; h++) {
      const v = answers[i * p + h];
      if (v === v) {
        sum[g + h] += c * v;
        total[g + h] += c;
      }
    }
  }
  for (let k = 0; k < sum.length; k++) sum[k] = total[k] > 0 ? sum[k] / total[k] : Number.NaN;
  return sum;
}
