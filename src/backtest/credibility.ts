import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The limited-fluctuation full-credibility standard in claims: y = (Φ⁻¹((1 + p)/2) ÷ r)²,
 * the number of claims for the observed rate to be within r of the true rate with probability p.
 * @example fullCredibilityClaims(0.95, 0.05) // 1536.58…
 */
export function fullCredibilityClaims(p: number, r: number): number {
  const z = normalQuantile((1 + p) / 2, 0, 1);
  return (z / r) ** 2;
}

/**
 * Limited-fluctuation (classical) credibility of an observed rate (DOMAIN.md, Exposure
 * conventions): Z = min(1, √(claims ÷ (y·(1 − q)))), with q the observed rate, as in actxps'
 * `exp_stats(credibility = TRUE)` (binomial claims; Herzog, Introduction to Credibility Theory).
 * @param claims observed count
 * @param observedRate observed rate q = claims ÷ exposure
 * @param p probability (default 0.95)
 * @param r tolerance (default 0.05)
 * @example credibility(56, 0.00725) // 0.1916… (actxps vignette "Experience summaries": 0.192)
 */
export function credibility(claims: number, observedRate: number, p = 0.95, r = 0.05): number {
  if (claims <= 0) return 0;
  const y = fullCredibilityClaims(p, r);
  return Math.min(1, Math.sqrt(claims / (y * (1 - Math.min(observedRate, 1 - 1e-12)))));
}

/**
 * The credibility-weighted rate Z·actual + (1 − Z)·expected.
 * @example credibilityWeightedRate(0.2, 0.012, 0.010) // 0.0104
 */
export function credibilityWeightedRate(z: number, actualRate: number, expectedRate: number): number {
  return z * actualRate + (1 - z) * expectedRate;
}
