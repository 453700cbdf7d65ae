import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';

/** A two-sided interval [low, high]. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Exact (Garwood) confidence interval for the mean of a Poisson count: the count of
 * decrements on central exposure (DOMAIN.md, Exposure conventions).
 * low = χ²(α/2; 2n)/2 (0 when n = 0), high = χ²(1 − α/2; 2n + 2)/2, α = 1 − confidence.
 * @param count observed count n ≥ 0
 * @param confidence e.g. 0.95
 * @example poissonInterval(10, 0.95) // { low: 4.7954…, high: 18.3904… }
 */
export function poissonInterval(count: number, confidence: number): Interval {
  const alpha = 1 - confidence;
  return {
    low: count === 0 ? 0 : chisquareQuantile(alpha / 2, 2 * count) / 2,
    high: chisquareQuantile(1 - alpha / 2, 2 * count + 2) / 2,
  };
}

/**
 * Exact (Clopper–Pearson) confidence interval for a binomial probability from `count`
 * decrements out of `trials` policy-years of initial exposure (a real number; the beta
 * quantiles take real parameters): low = B(α/2; n, N − n + 1), high = B(1 − α/2; n + 1, N − n),
 * with low = 0 when n = 0 and high = 1 when n ≥ N.
 * @returns the interval of the probability (multiply by N for counts).
 * @example binomialInterval(5, 100, 0.95) // { low: 0.01643…, high: 0.11283… }
 */
export function binomialInterval(count: number, trials: number, confidence: number): Interval {
  const alpha = 1 - confidence;
  if (trials <= 0) return { low: 0, high: 1 };
  return {
    low: count <= 0 ? 0 : betaQuantile(alpha / 2, count, trials - count + 1),
    high: count >= trials ? 1 : betaQuantile(1 - alpha / 2, count + 1, trials - count),
  };
}
