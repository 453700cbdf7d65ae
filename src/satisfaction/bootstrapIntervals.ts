import { jStat } from 'jstat';

/** Bootstrap summary of one statistic. */
export interface BootstrapSummary {
  /** The estimate on the full sample. */
  readonly estimate: number;
  /** Mean of the replicates. */
  readonly mean: number;
  /** Standard deviation of the replicates (divisor B − 1): the bootstrap standard error. */
  readonly std_error: number;
  /** estimate / std_error; null when the standard error is 0. */
  readonly t_value: number | null;
  /** Percentile interval (quantiles of the replicates). */
  readonly ci_low: number;
  readonly ci_high: number;
  /** The one-sided upper bound at the level: the replicates' `level` quantile (95th percentile at 0.95), for tests such as HTMT's (Franke & Sarstedt 2019). */
  readonly upper: number;
  /** Bias-corrected and accelerated interval; null when it cannot be formed (no spread, or every replicate on one side). */
  readonly bca_low: number | null;
  readonly bca_high: number | null;
}

/**
 * The p-quantile of sorted values by linear interpolation between order statistics (R's default
 * `quantile(type = 7)`, used by seminr): h = (B − 1)p, q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Jackknife acceleration of the BCa interval (Efron & Tibshirani 1993, eq. 14.15):
 * a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}), θ₍ᵢ₎ the estimate without respondent (or block) i.
 * @returns a, or 0 when the jackknife values do not vary.
 * @example jackknifeAcceleration(Float64Array.of(1, 2, 3)) // 0 (symmetric)
 */
export function jackknifeAcceleration(jackknife: Float64Array): number {
  let mean = 0;
  for (const v of jackknife) mean += v;
  mean /= jackknife.length;
  let s2 = 0;
  let s3 = 0;
  for (const v of jackknife) {
    const d = mean - v;
    s2 += d * d;
    s3 += d * d * d;
  }
  return s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0;
}

/**
 * Summarises the bootstrap replicates of one statistic: mean, standard error, t value, the
 * percentile interval and the BCa interval (Efron 1987; Efron & Tibshirani 1993, §14.3):
 * z₀ = Φ⁻¹(#{θ* < θ̂}/B), α₁,₂ = Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α))) for z_α = Φ⁻¹(α/2), Φ⁻¹(1 − α/2),
 * then the α₁ and α₂ quantiles of the replicates. Φ and Φ⁻¹ are jStat's.
 * @param replicates the estimated replicates only (failed ones left out), any order
 * @param acceleration from `jackknifeAcceleration` (0 gives the bias-corrected interval)
 * @param level confidence level (default 0.95)
 * @example summariseReplicates(0.5, replicates, 0).ci_low // the 2.5% quantile of the replicates
 */
export function summariseReplicates(estimate: number, replicates: Float64Array, acceleration: number, level = 0.95): BootstrapSummary {
  const sorted = Float64Array.from(replicates).sort();
  const b = sorted.length;
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= b;
  let ss = 0;
  let below = 0;
  for (const v of sorted) {
    ss += (v - mean) * (v - mean);
    if (v < estimate) below++;
  }
  const se = b > 1 ? Math.sqrt(ss / (b - 1)) : 0;
  const alpha = (1 - level) / 2;
  let bcaLow: number | null = null;
  let bcaHigh: number | null = null;
  if (se > 0 && below > 0 && below < b) {
    const z0 = jStat.normal.inv(below / b, 0, 1);
    const adjust = (p: number) => {
      const z = jStat.normal.inv(p, 0, 1);
      return jStat.normal.cdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)), 0, 1);
    };
    bcaLow = quantileSorted(sorted, adjust(alpha));
    bcaHigh = quantileSorted(sorted, adjust(1 - alpha));
  }
  return {
    estimate,
    mean,
    std_error: se,
    t_value: se > 0 ? estimate / se : null,
    ci_low: quantileSorted(sorted, alpha),
    ci_high: quantileSorted(sorted, 1 - alpha),
    upper: quantileSorted(sorted, level),
    bca_low: bcaLow,
    bca_high: bcaHigh,
  };
}
