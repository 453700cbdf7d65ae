import type { MackChainLadder } from './mackChainLadder';

/** What the Mack-style error needs of each origin's reserve R = ultimate − latest. */
export interface ReserveSensitivity {
  /** The method's ultimate: the level at which future development is expected (process variance). */
  readonly ultimate: number;
  /** ∂R/∂q, q = 1 − p the share still to emerge (p = 1 ÷ factor to ultimate). */
  readonly dq: number;
  /** Variance of the reserve from the a priori ultimate's own uncertainty (0 when it is taken as known). */
  readonly prior_variance: number;
}

/** Process and parameter variances of each origin and of the total. */
export interface MackStyleVariances {
  readonly process: readonly number[];
  readonly parameter: readonly number[];
  readonly total_process: number;
  readonly total_parameter: number;
}

/**
 * Mack-style variances of a reserve that depends on the chain-ladder pattern through
 * p_i = 1 ÷ G_i (G_i the factor from origin i's latest age to ultimate), for methods whose
 * reserve is R_i = R(p_i, latest_i, prior_i): Bornhuetter–Ferguson, Cape Cod, Benktander.
 * Within Mack's model (Mack 1993, 1999; the estimators of f_k, σ_k and se(f_k) of
 * `mackChainLadder`):
 * - process variance: Mack's recursion along the method's projected path, whose amount at age k is
 *   U_i ÷ G_k (U_i the method's ultimate): Σ_k (U_i/G_k)^(2−α)·σ²_k·G²_{k+1};
 * - parameter variance of the pattern, by the delta method with the f̂_k uncorrelated (Mack 1993,
 *   Theorem 2): Var(p̂_i) = p_i²·Σ_{k ≥ a_i} (se_k/f_k)², Cov(p̂_i, p̂_j) = p_i·p_j·Σ_{k ≥ max(a_i, a_j)} (se_k/f_k)²,
 *   times (∂R/∂q)²; plus the prior's own variance when one is given.
 * For the chain ladder (U_i = latest·G_i, ∂R/∂q = latest·G_i²) both terms are exactly Mack's
 * (1993/1999) process and parameter variances; for Bornhuetter–Ferguson with prior U₀,
 * ∂R/∂q = U₀ and the parameter variance is U₀²·Var(p̂).
 *
 * @param mack the fitted chain ladder (pattern, σ, se of the factors)
 * @param sensitivity each origin's ultimate, ∂R/∂q and prior variance, in triangle order
 * @example mackStyleVariances(mack, mack.origins.map((o) => ({ ultimate: o.ultimate, dq: o.latest * (o.ultimate / o.latest) ** 2, prior_variance: 0 }))).total_process // Mack's total process variance
 */
export function mackStyleVariances(mack: MackChainLadder, sensitivity: readonly ReserveSensitivity[]): MackStyleVariances {
  const steps = mack.factors.length;
  const alpha = mack.development.alpha;
  // G[k] = Π_{l ≥ k} f_l (G[steps] = 1), and the relative variance of each factor.
  const G = new Array<number>(steps + 1).fill(1);
  for (let k = steps - 1; k >= 0; k--) G[k] = G[k + 1] * mack.factors[k];
  const relative = mack.factors.map((f, k) => (mack.factor_se[k] / f) ** 2);
  const tailFrom = (a: number) => relative.slice(a).reduce((s, x) => s + x, 0);
  const start = mack.triangle.values.map((row) => row.length - 1);
  const process = sensitivity.map((s, i) => {
    let v = 0;
    for (let k = start[i]; k < steps; k++) {
      const level = s.ultimate / G[k];
      v += (alpha === 1 ? level : level ** (2 - alpha)) * mack.sigma[k] ** 2 * G[k + 1] ** 2;
    }
    return v;
  });
  const p = start.map((a) => 1 / G[a]);
  const parameter = sensitivity.map((s, i) => s.dq ** 2 * p[i] ** 2 * tailFrom(start[i]) + s.prior_variance);
  let totalParameter = 0;
  for (let i = 0; i < sensitivity.length; i++) {
    totalParameter += sensitivity[i].prior_variance;
    for (let j = 0; j < sensitivity.length; j++) {
      totalParameter += sensitivity[i].dq * sensitivity[j].dq * p[i] * p[j] * tailFrom(Math.max(start[i], start[j]));
    }
  }
  return { process, parameter, total_process: process.reduce((a, b) => a + b, 0), total_parameter: totalParameter };
}
