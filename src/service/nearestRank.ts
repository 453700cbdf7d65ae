/**
 * The nearest-rank percentile of whole numbers: the smallest value with at least p% of the values
 * at or below it (so it is always one of the values; the median of 1, 2, 3, 4 is 2). Used for the
 * working days taken, where an interpolated 1.5 days would mean nothing.
 * @param sorted values in ascending order
 * @param p percentile, 0 < p ≤ 100
 * @returns null for no values
 * @example nearestRank([1, 2, 3, 4], 50) // 2
 * @example nearestRank([0, 1, 1, 2, 9], 95) // 9
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
