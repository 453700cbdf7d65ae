import { quantileSorted } from '../satisfaction/bootstrapIntervals';

/** A bin of recording durations in minutes: from (inclusive) to (exclusive; null for no upper end). */
export interface DurationBin {
  readonly from_minutes: number;
  readonly to_minutes: number | null;
  readonly count: number;
}

/** The distribution of recording durations, in seconds. */
export interface DurationSummary {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly max: number;
  readonly bins: readonly DurationBin[];
}

/** Bin edges in minutes: the seed's company reports recordings of about 20 minutes. */
export const DURATION_BIN_EDGES = [0, 10, 15, 20, 25, 30, 45, 60] as const;

/**
 * The distribution of recording durations: count, mean, quantiles (linear interpolation between
 * order statistics, Hyndman and Fan's type 7 as R's quantile(): {@link quantileSorted}) and counts in bins of
 * minutes (0–10, 10–15, 15–20, 20–25, 25–30, 30–45, 45–60, 60 and more).
 * @param seconds durations in seconds, in any order
 * @returns null when there is no duration
 * @example durationSummary([600, 1200, 1500]) // { count: 3, mean: 1100, median: 1200, …, bins: [{ from_minutes: 0, to_minutes: 10, count: 0 }, …] }
 */
export function durationSummary(seconds: readonly number[]): DurationSummary | null {
  if (seconds.length === 0) return null;
  const sorted = Float64Array.from(seconds).sort();
  const edges = DURATION_BIN_EDGES;
  const bins = edges.map((from, i) => ({ from_minutes: from, to_minutes: i + 1 < edges.length ? edges[i + 1] : null, count: 0 }));
  for (const s of sorted) {
    let i = edges.length - 1;
    while (s < edges[i] * 60) i--;
    bins[i].count++;
  }
  return {
    count: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    min: sorted[0],
    p10: quantileSorted(sorted, 0.1),
    p25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p90: quantileSorted(sorted, 0.9),
    max: sorted[sorted.length - 1],
    bins,
  };
}
