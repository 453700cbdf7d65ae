import { jStat } from 'jstat';
import { linearRegression } from 'simple-statistics';

/**
 * How to fill a σ_k that cannot be estimated (the last development period, where one origin is
 * observed):
 * - `mack`: Mack's rule σ²_{k} = min(σ⁴_{k−1} ÷ σ²_{k−2}, σ²_{k−2}, σ²_{k−1}) (Mack 1993, §4;
 *   R ChainLadder `est.sigma = "Mack"`);
 * - `loglinear`: the log-linear regression of the known σ_k on k, extrapolated (R `"log-linear"`);
 * - `auto`: R ChainLadder's default: log-linear, falling back to Mack's rule when the regression's
 *   slope is not significant (p-value > 0.05) or rests on fewer than three points;
 * - a number: that value for the missing σ (R `est.sigma = <number>`).
 */
export type SigmaMethod = 'auto' | 'mack' | 'loglinear' | number;

/** The σ_k with the missing ones filled, and how they were filled. */
export interface CompletedSigmas {
  readonly sigma: readonly number[];
  /** Indexes k that were filled. */
  readonly filled: readonly number[];
  /** The rule actually used (auto resolves to loglinear or mack); 'none' when every σ could be estimated. */
  readonly method: 'mack' | 'loglinear' | 'given' | 'none';
  /** The log-linear fit log σ_k = a + b·(k + 1), when one was made (k + 1 as R's 1-based index). */
  readonly loglinear: { readonly intercept: number; readonly slope: number; readonly p_value: number | null } | null;
}

/**
 * The log-linear regression of log σ on the 1-based development index over the known positive σ,
 * with the two-sided p-value of its slope (t test with m − 2 degrees of freedom; null for m < 3).
 * @throws RangeError with fewer than two known positive σ.
 */
export function loglinearSigmaFit(sigma: readonly (number | null)[]): { intercept: number; slope: number; p_value: number | null } {
  const points = sigma.flatMap((s, k) => (s !== null && s > 0 ? [[k + 1, Math.log(s)]] : []));
  if (points.length < 2) throw new RangeError(`loglinearSigmaFit: at least two known σ are needed, found ${points.length}`);
  const { m: slope, b: intercept } = linearRegression(points);
  let p: number | null = null;
  if (points.length > 2) {
    const meanX = points.reduce((a, [x]) => a + x, 0) / points.length;
    const sxx = points.reduce((a, [x]) => a + (x - meanX) ** 2, 0);
    const sse = points.reduce((a, [x, y]) => a + (y - (intercept + slope * x)) ** 2, 0);
    const df = points.length - 2;
    const t = slope / Math.sqrt(sse / df / sxx);
    p = 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
  }
  return { intercept, slope, p_value: p };
}

function mackRule(sigma: (number | null)[], k: number): number {
  const a = sigma[k - 2];
  const b = sigma[k - 1];
  if (k < 2 || a === null || b === null || a === undefined || b === undefined) {
    throw new RangeError(`Mack's rule needs the two σ before index ${k}; the triangle is too small`);
  }
  return Math.sqrt(Math.min(b ** 4 / a ** 2, Math.min(a ** 2, b ** 2)));
}

/**
 * Fills the σ_k that developmentFactors() could not estimate, by the chosen method (see
 * {@link SigmaMethod}); missing σ are filled from the earliest on, so Mack's rule may use a σ
 * it filled itself.
 *
 * @throws RangeError when the method needs more known σ than the triangle has (Mack's rule needs
 * the two before each missing one; the log-linear fit needs two known positive σ).
 * @example completeSigmas([σ1, …, σ8, null], 'mack').sigma[8] // √min(σ8⁴/σ7², σ7², σ8²)
 */
export function completeSigmas(sigma: readonly (number | null)[], method: SigmaMethod): CompletedSigmas {
  const filled = sigma.flatMap((s, k) => (s === null ? [k] : []));
  if (filled.length === 0) return { sigma: sigma as number[], filled, method: 'none', loglinear: null };
  if (typeof method === 'number') {
    return { sigma: sigma.map((s) => s ?? method), filled, method: 'given', loglinear: null };
  }
  const fit = method === 'mack' ? null : loglinearSigmaFit(sigma);
  const useMack = method === 'mack' || (method === 'auto' && (fit!.p_value === null || fit!.p_value > 0.05));
  const out = [...sigma];
  for (const k of filled) out[k] = useMack ? mackRule(out, k) : Math.exp(fit!.intercept + fit!.slope * (k + 1));
  return { sigma: out as number[], filled, method: useMack ? 'mack' : 'loglinear', loglinear: fit };
}
