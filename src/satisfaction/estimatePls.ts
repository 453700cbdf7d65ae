import { adjustedRSquared, pathCoefficients } from './pathCoefficients';
import { type Effects, effects } from './effects';
import type { Moments } from './moments';
import type { PathDesign } from './pathDesign';
import { DEFAULT_PLS_OPTIONS, type PlsFailure, type PlsOptions, plsWeights } from './plsAlgorithm';

/** A fitted PLS path model: everything is indexed by `design` (items p, constructs m). */
export interface PlsFit {
  readonly ok: true;
  readonly design: PathDesign;
  readonly options: PlsOptions;
  /** Respondents used (rows with positive weight). */
  readonly n: number;
  readonly totalWeight: number;
  readonly iterations: number;
  /** Weighted item means and standard deviations, on the answer scale. */
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  /** Item covariances and correlations (p×p). */
  readonly cov: Float64Array;
  readonly corr: Float64Array;
  /** Outer weights for standardised items: score_j = Σ_h w_h (x_h − mean_h)/sd_h, with score variance 1. */
  readonly weights: Float64Array;
  /** Outer weights per answer point: score_j = Σ_h u_h (x_h − mean_h); u_h = w_h / sd_h. */
  readonly rawWeights: Float64Array;
  /** Loading of each item on its own construct: cor(x_h, score_j). */
  readonly loadings: Float64Array;
  /** Correlation of every item with every construct score (p×m). */
  readonly crossLoadings: Float64Array;
  /** Correlations of the construct scores (m×m). */
  readonly r: Float64Array;
  /** Path coefficients (m×m, [from·m + to]) and R² / adjusted R² per construct (null for exogenous ones). */
  readonly paths: Float64Array;
  readonly rSquared: Float64Array;
  readonly adjustedRSquared: readonly (number | null)[];
  readonly effects: Effects;
}

/**
 * Estimates a PLS path model from item moments: outer weights (`plsWeights`), then loadings,
 * cross-loadings, path coefficients, R², adjusted R², and direct, indirect and total effects.
 * Survey weights enter through the moments (weighted means and covariances), so every
 * regression of the algorithm is a weighted regression.
 * @param start starting outer weights (see `plsWeights`; `startingWeights(fit)` for a warm start)
 * @returns the fit, or why it failed (constant item, singular regression, no convergence).
 * @example estimatePls(design, weightedMoments(values, p, weights)) // { ok: true, paths, … }
 */
export function estimatePls(design: PathDesign, moments: Moments, options: PlsOptions = DEFAULT_PLS_OPTIONS, start?: Float64Array): PlsFit | PlsFailure {
  const core = plsWeights(design, moments.cov, options, start);
  if (!core.ok) return core;
  const p = design.items.length;
  const m = design.constructs.length;
  const structural = pathCoefficients(design, core.r);
  if (structural === null) return { ok: false, reason: 'singular', subject: null, iterations: core.iterations };
  const weights = new Float64Array(p);
  const rawWeights = new Float64Array(p);
  const loadings = new Float64Array(p);
  const crossLoadings = new Float64Array(p * m);
  for (let h = 0; h < p; h++) {
    const scale = options.scaled ? 1 : core.sd[h];
    weights[h] = core.weights[h] * scale;
    rawWeights[h] = weights[h] / core.sd[h];
    const analysedSd = Math.sqrt(core.s[h * p + h]);
    for (let k = 0; k < m; k++) crossLoadings[h * m + k] = core.sw[h * m + k] / analysedSd;
    loadings[h] = crossLoadings[h * m + design.blockOf[h]];
  }
  return {
    ok: true,
    design,
    options,
    n: moments.rows,
    totalWeight: moments.totalWeight,
    iterations: core.iterations,
    mean: moments.mean,
    sd: core.sd,
    cov: moments.cov,
    corr: core.corr,
    weights,
    rawWeights,
    loadings,
    crossLoadings,
    r: core.r,
    paths: structural.b,
    rSquared: structural.rSquared,
    adjustedRSquared: design.constructs.map((_, j) =>
      design.predecessors[j].length === 0 ? null : adjustedRSquared(structural.rSquared[j], moments.rows, design.predecessors[j].length),
    ),
    effects: effects(design, structural.b),
  };
}

/**
 * A fit's converged weights as the algorithm saw the items (standardised, or per answer point when
 * only centred), to start another estimate from: resamples of the same survey then converge to
 * their own fixed point in fewer iterations.
 * @example estimatePls(design, resampleMoments, options, startingWeights(fit))
 */
export function startingWeights(fit: PlsFit): Float64Array {
  return fit.options.scaled ? fit.weights : fit.rawWeights;
}
