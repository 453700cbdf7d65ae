import type { IpmaPoint } from './ipma';
import type { ItemScale } from './surveyModel';
import type { PathDesign } from './pathDesign';

/** What raising one item's answers would gain on a target construct's index. */
export interface ItemGain {
  readonly target: string;
  readonly item: string;
  readonly construct: string;
  /** Index points gained on the target per index point (0–100) gained on the item: importance of its construct × its index weight. */
  readonly gain: number;
  /** The item's mean answer on the 0–100 scale. */
  readonly performance: number;
}

/**
 * Item-level importance–performance (Ringle & Sarstedt 2016, IMDS 116(9), the indicator IPMA):
 * an item's index weight ũ_h says how many points its construct's index gains when the item's
 * 0–100 performance gains one point, and the construct's importance (its unstandardised total
 * effect on the target, `ipma`) how many points the target gains per point of the construct; the
 * item's gain is their product. Items of the target's own construct are left out. Sorted by gain,
 * largest first (ties by item name).
 * @param points the construct-level map of `target`, from `ipma`
 * @param indexWeights from `indexWeights(fit)`
 * @param itemMeans each item's mean answer, design order
 * @example itemGains(design, ipma(fit, w, indices, scale, 'Satisfaction'), w, means, scale, 'Satisfaction')[0] // { item: 'QUAL1', gain: 0.097, … }
 */
export function itemGains(design: PathDesign, points: readonly IpmaPoint[], indexWeights: readonly (number | null)[], itemMeans: ArrayLike<number>, scale: ItemScale, target: string): ItemGain[] {
  const gains: ItemGain[] = [];
  for (const point of points) {
    const j = design.constructs.indexOf(point.construct);
    for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) {
      const w = indexWeights[h];
      if (w === null || Number.isNaN(itemMeans[h])) continue;
      gains.push({ target, item: design.items[h], construct: point.construct, gain: point.importance * w, performance: ((itemMeans[h] - scale.min) / (scale.max - scale.min)) * 100 });
    }
  }
  return gains.sort((a, b) => b.gain - a.gain || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
}
