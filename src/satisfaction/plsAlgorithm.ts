import { type InnerScheme, innerWeights } from './innerWeighting';
import { solveSymmetric } from './linearAlgebra';
import { correlationFromCovariance } from './moments';
import type { PathDesign } from './pathDesign';

/** Options of the PLS path modelling algorithm. */
export interface PlsOptions {
  /** Inner weighting scheme (default `path`, as SmartPLS and seminr; plspm's default is `centroid`). */
  readonly scheme: InnerScheme;
  /** true: items standardised (mean 0, variance 1); false: items only centred (plspm `scaled = FALSE`). */
  readonly scaled: boolean;
  /** Stop when no outer weight changes by more than this between two iterations (default 1e-7). */
  readonly tolerance: number;
  /** Give up (not converged) after this many iterations (default 300, as seminr). */
  readonly maxIterations: number;
}

/** The defaults: path weighting, standardised items, max |Δw| < 1e-7, at most 300 iterations. */
export const DEFAULT_PLS_OPTIONS: PlsOptions = { scheme: 'path', scaled: true, tolerance: 1e-7, maxIterations: 300 };

/** Converged outer weights and the matrices every later result is computed from. */
export interface PlsWeights {
  readonly ok: true;
  /** The matrix the algorithm ran on: item correlations (scaled) or covariances (centred only), p×p. */
  readonly s: Float64Array;
  /** Item correlations, p×p (equal to `s` when scaled). */
  readonly corr: Float64Array;
  /** Item standard deviations (population form, from the weighted covariances). */
  readonly sd: Float64Array;
  /** Outer weights for the items as the algorithm saw them (standardised or centred), each block scaled so its construct score has variance 1. */
  readonly weights: Float64Array;
  /** S·W (p×m): covariance of each item (as analysed) with each standardised construct score. */
  readonly sw: Float64Array;
  /** Correlations of the construct scores (m×m). */
  readonly r: Float64Array;
  readonly iterations: number;
}

/** Why an estimate could not be made. */
export interface PlsFailure {
  readonly ok: false;
  readonly reason: 'constant-item' | 'singular' | 'not-converged';
  /** The item (constant-item) or construct (singular) concerned, when known. */
  readonly subject: string | null;
  readonly iterations: number;
}

/** S·W and R = Wᵀ·S·W for block-diagonal weights W (R filled symmetrically, as the Cholesky solver requires). */
function scoreMoments(design: PathDesign, s: Float64Array, w: Float64Array, sw: Float64Array, r: Float64Array): void {
  const p = design.items.length;
  const m = design.constructs.length;
  const start = design.blockStart;
  for (let h = 0; h < p; h++) {
    for (let k = 0; k < m; k++) {
      let acc = 0;
      for (let i = start[k]; i < start[k + 1]; i++) acc += s[h * p + i] * w[i];
      sw[h * m + k] = acc;
    }
  }
  for (let j = 0; j < m; j++) {
    for (let k = j; k < m; k++) {
      let acc = 0;
      for (let h = start[j]; h < start[j + 1]; h++) acc += w[h] * sw[h * m + k];
      r[j * m + k] = acc;
      r[k * m + j] = acc;
    }
  }
}

/** Scales block j of w so that the construct score has variance wⱼᵀ·S_jj·wⱼ = 1; false when that variance is 0. */
function normaliseBlock(design: PathDesign, s: Float64Array, w: Float64Array, j: number): boolean {
  const p = design.items.length;
  const a = design.blockStart[j];
  const b = design.blockStart[j + 1];
  let v = 0;
  for (let h = a; h < b; h++) for (let k = a; k < b; k++) v += w[h] * s[h * p + k] * w[k];
  if (!(v > 0)) return false;
  const f = 1 / Math.sqrt(v);
  for (let h = a; h < b; h++) w[h] *= f;
  return true;
}

/**
 * Estimates the outer weights of a PLS path model by Lohmöller's iterative algorithm, run on the
 * item covariance matrix (every step of the algorithm is linear in the data, so this equals the
 * data-matrix algorithm of plspm and seminr; Tenenhaus et al. 2005, §2.2; matrixpls works the same way).
 *
 * 1. Start with unit weights, scaled so each construct score has variance 1 (as plspm, seminr, SmartPLS).
 * 2. Inner proxies Z_j = Σ_k e_kj Y_k with e from the inner scheme (`innerWeights`).
 * 3. Outer update: mode A w_j = cov(X_j, Z_j) (correlation weights); mode B w_j = S_jj⁻¹ cov(X_j, Z_j)
 *    (regression weights); rescale each block to unit score variance.
 * 4. Stop when max_h |w_h(new) − w_h(old)| < tolerance, or report not-converged after maxIterations.
 *
 * Sign rule: after convergence a construct whose items mostly load negatively is turned round
 * (its weights negated), so that scores point the way most of their items do. This is plspm's rule
 * (get_scores: the sign of the sum of the loadings' signs) except that a tie keeps the sign found,
 * where plspm turns it round; seminr applies no rule. With unit starting weights and positively
 * correlated items (every survey of this kind) no construct is turned round and all three agree.
 *
 * @param cov item covariance matrix (p×p, items in `design.items` order), e.g. `weightedMoments(...).cov`
 * @param start starting weights instead of unit weights (bootstrap resamples start from the full
 * sample's converged weights: the same fixed point, reached in fewer iterations)
 * @returns the converged weights with S·W and R, or a failure: a constant item, a singular
 * regression (collinear constructs or mode-B items), or no convergence.
 * @example plsWeights(design, weightedMoments(values, p, weights).cov).iterations // 6 for ECSI on mobi (SmartPLS: same weights to 1e-7)
 */
export function plsWeights(design: PathDesign, cov: Float64Array, options: PlsOptions = DEFAULT_PLS_OPTIONS, start?: Float64Array): PlsWeights | PlsFailure {
  const p = design.items.length;
  const m = design.constructs.length;
  const corr = correlationFromCovariance(cov, p);
  if (corr === null) {
    let h = 0;
    while (cov[h * p + h] > 0) h++;
    return { ok: false, reason: 'constant-item', subject: design.items[h], iterations: 0 };
  }
  const sd = new Float64Array(p);
  for (let h = 0; h < p; h++) sd[h] = Math.sqrt(cov[h * p + h]);
  const s = options.scaled ? corr : cov;
  const w = start === undefined ? new Float64Array(p).fill(1) : Float64Array.from(start);
  for (let j = 0; j < m; j++) normaliseBlock(design, s, w, j);
  const sw = new Float64Array(p * m);
  const r = new Float64Array(m * m);
  const next = new Float64Array(p);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations) {
    iterations++;
    scoreMoments(design, s, w, sw, r);
    const e = innerWeights(design, r, options.scheme);
    if (e === null) return { ok: false, reason: 'singular', subject: null, iterations };
    for (let j = 0; j < m; j++) {
      const a = design.blockStart[j];
      const b = design.blockStart[j + 1];
      for (let h = a; h < b; h++) {
        let acc = 0;
        for (let k = 0; k < m; k++) acc += sw[h * m + k] * e[k * m + j];
        next[h] = acc;
      }
      if (design.modes[j] === 'B' && b - a > 1) {
        const size = b - a;
        const block = new Float64Array(size * size);
        for (let h = 0; h < size; h++) for (let k = 0; k < size; k++) block[h * size + k] = s[(a + h) * p + (a + k)];
        const solved = solveSymmetric(block, size, next.subarray(a, b));
        if (solved === null) return { ok: false, reason: 'singular', subject: design.constructs[j], iterations };
        next.set(solved, a);
      }
      if (!normaliseBlock(design, s, next, j)) return { ok: false, reason: 'singular', subject: design.constructs[j], iterations };
    }
    let change = 0;
    for (let h = 0; h < p; h++) change = Math.max(change, Math.abs(next[h] - w[h]));
    w.set(next);
    if (change < options.tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged) return { ok: false, reason: 'not-converged', subject: null, iterations };
  scoreMoments(design, s, w, sw, r);
  for (let j = 0; j < m; j++) {
    let balance = 0;
    for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) balance += Math.sign(sw[h * m + j]);
    if (balance < 0) for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) w[h] = -w[h];
  }
  scoreMoments(design, s, w, sw, r);
  return { ok: true, s, corr, sd, weights: w, sw, r, iterations };
}
