import type { StudyBasis } from '../exposure/studyBasis';
import { binomialInterval, poissonInterval } from './confidenceInterval';
import { credibility, credibilityWeightedRate } from './credibility';

/** Actual against expected for one cell of a count study. Rates are per policy-year of exposure. */
export interface CountComparison {
  /** actual ÷ expected; null when nothing was expected. */
  readonly ae: number | null;
  /** actual rate − expected rate. */
  readonly deviation: number | null;
  readonly actual_rate: number | null;
  readonly expected_rate: number | null;
  /** Confidence interval of A/E; null when nothing was expected. */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  /** Limited-fluctuation credibility Z of the actual rate. */
  readonly credibility: number;
  /** Z·actual rate + (1 − Z)·expected rate. */
  readonly credibility_weighted_rate: number | null;
}

/**
 * Compares an actual count with its expected count: A/E, deviation of rates, the exact confidence
 * interval of A/E (Poisson for central exposure on calendar bases, binomial for initial exposure
 * on the policy-year basis: DOMAIN.md, Exposure conventions), limited-fluctuation credibility and
 * the credibility-weighted rate. The interval of A/E is the interval of the count divided by the
 * expected count.
 * @param exposure policy-years
 * @param actual observed count
 * @param expected expected count
 * @example compareCounts('calendar-year', 1000, 10, 8, { confidence: 0.95 }).ae // 1.25
 */
export function compareCounts(
  basis: StudyBasis,
  exposure: number,
  actual: number,
  expected: number,
  options: { confidence: number; credibilityP?: number; credibilityR?: number },
): CountComparison {
  const actualRate = exposure > 0 ? actual / exposure : null;
  const expectedRate = exposure > 0 ? expected / exposure : null;
  const z = actualRate === null ? 0 : credibility(actual, actualRate, options.credibilityP, options.credibilityR);
  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (expected > 0) {
    if (basis === 'policy-year') {
      const q = binomialInterval(actual, exposure, options.confidence);
      ciLow = (q.low * exposure) / expected;
      ciHigh = (q.high * exposure) / expected;
    } else {
      const m = poissonInterval(actual, options.confidence);
      ciLow = m.low / expected;
      ciHigh = m.high / expected;
    }
  }
  return {
    ae: expected > 0 ? actual / expected : null,
    deviation: actualRate !== null && expectedRate !== null ? actualRate - expectedRate : null,
    actual_rate: actualRate,
    expected_rate: expectedRate,
    ci_low: ciLow,
    ci_high: ciHigh,
    credibility: z,
    credibility_weighted_rate: actualRate !== null && expectedRate !== null ? credibilityWeightedRate(z, actualRate, expectedRate) : null,
  };
}
