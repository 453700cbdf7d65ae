import { jStat } from 'jstat';
import type { BootstrapResult } from './bootstrapPls';
import type { PlsFit } from './estimatePls';
import { inverseSymmetric, solveSymmetric } from './linearAlgebra';

/**
 * Thresholds of formative measurement model assessment (Hair, Risher, Sarstedt & Ringle 2019,
 * "When to use and how to report the results of PLS-SEM", Eur. Business Review 31(1), Table II;
 * Hair et al. 2021, PLS-SEM Using R, ch. 5): indicator VIF of 5 or more is critical (ideally below
 * 3); a redundancy (convergent validity) path of at least 0.70; an indicator whose weight is not
 * significant is kept when its loading is at least 0.50.
 */
export const FORMATIVE_THRESHOLDS = { vif_critical: 5, vif_ideal: 3, redundancy: 0.7, loading: 0.5 } as const;

/** What to do with a formative indicator, by Hair et al.'s (2019, 2021) decision rule. */
export type IndicatorDecision = 'retain' | 'retain_absolute' | 'consider_removal' | 'remove' | 'unknown';

/** One indicator of a formative construct. */
export interface FormativeIndicator {
  readonly construct: string;
  readonly item: string;
  /** Standardised outer weight (the indicator's relative contribution). */
  readonly weight: number;
  /** Correlation with the construct score (its absolute contribution). */
  readonly loading: number;
  /** 1 ÷ (1 − R²) of the item on the block's other items; null when they are perfectly collinear. */
  readonly vif: number | null;
  /** Bootstrap t value and two-sided p-value of the weight (t distribution with B − 1 degrees of freedom, as seminr), and its 95% percentile interval; null without a bootstrap. */
  readonly weight_t: number | null;
  readonly weight_p: number | null;
  readonly weight_ci_low: number | null;
  readonly weight_ci_high: number | null;
  /** The weight's 95% percentile interval excludes 0; null without a bootstrap. */
  readonly weight_significant: boolean | null;
  /** The loading's 95% percentile interval excludes 0; null without a bootstrap. */
  readonly loading_significant: boolean | null;
  readonly decision: IndicatorDecision;
  readonly reason: string;
}

/** The redundancy analysis of one formative construct. */
export interface Redundancy {
  readonly construct: string;
  readonly global_item: string;
  /** The path of the formative construct to the single-item global construct: the multiple correlation of the global item with the indicators. */
  readonly path: number;
  readonly passes: boolean;
}

/** A global item's answers (length n, missing ones replaced), and its name. */
export interface GlobalItem {
  readonly item: string;
  readonly values: Float64Array;
}

/** The assessment of the formative constructs of a model. */
export interface FormativeAssessment {
  readonly indicators: readonly FormativeIndicator[];
  readonly redundancy: readonly Redundancy[];
}

const fixed = (x: number) => x.toFixed(3);

function decide(weightSignificant: boolean | null, loading: number, loadingSignificant: boolean | null): { decision: IndicatorDecision; reason: string } {
  if (weightSignificant === null) return { decision: 'unknown', reason: 'the weight\'s significance needs a bootstrap (--bootstrap)' };
  if (weightSignificant) return { decision: 'retain', reason: 'its weight is significant (relative contribution)' };
  if (loading >= FORMATIVE_THRESHOLDS.loading) return { decision: 'retain_absolute', reason: `its weight is not significant, but its loading ${fixed(loading)} is at least 0.50 (absolute contribution)` };
  if (loadingSignificant) return { decision: 'consider_removal', reason: `its weight is not significant and its loading ${fixed(loading)} is below 0.50 but significant: keep it only if theory requires` };
  return { decision: 'remove', reason: `neither its weight nor its loading (${fixed(loading)}) is significant` };
}

/**
 * The formative (mode B) constructs judged by the criteria Hair et al. (2019, Table II; 2021,
 * ch. 5) prescribe for them, instead of the reflective ones: convergent validity by redundancy
 * analysis with a global item (the path from the construct to a single-item construct measured by
 * the global item, which in PLS with mode B weights is the multiple correlation of the global item
 * with the indicators; at least 0.70), indicator collinearity (VIF = diagonal of the inverse of the
 * block's item correlations; 5 or more critical), and the significance and relevance of each
 * indicator (bootstrapped weight; when it is not significant, the loading decides: retain from
 * 0.50, else remove unless the loading is significant and theory requires it).
 *
 * @param values the analysed answers (n×p, design order, missing ones replaced), with `weights` the survey weights
 * @param globals the global item of each construct that names one (length n)
 * @example formativeAssessment(fit, boot, globals, values, weights).redundancy[0].path // 0.874 for ATTR on corp_rep_data (Hair et al. 2021)
 */
export function formativeAssessment(fit: PlsFit, bootstrap: BootstrapResult | null, globals: Readonly<Record<string, GlobalItem>>, values: Float64Array, weights: Float64Array): FormativeAssessment {
  const { design, corr } = fit;
  const p = design.items.length;
  const indicators: FormativeIndicator[] = [];
  const redundancy: Redundancy[] = [];
  const L = bootstrap?.layout;
  design.constructs.forEach((construct, j) => {
    if (design.modes[j] !== 'B') return;
    const a = design.blockStart[j];
    const k = design.blockStart[j + 1] - a;
    const block = new Float64Array(k * k);
    for (let h = 0; h < k; h++) for (let l = 0; l < k; l++) block[h * k + l] = corr[(a + h) * p + (a + l)];
    const inverse = k > 1 ? inverseSymmetric(block, k) : Float64Array.of(1);
    for (let h = 0; h < k; h++) {
      const item = a + h;
      const w = L ? bootstrap!.summaries[L.weights + item] : null;
      const l = L ? bootstrap!.summaries[L.loadings + item] : null;
      const weightSignificant = w ? w.ci_low > 0 || w.ci_high < 0 : null;
      const loadingSignificant = l ? l.ci_low > 0 || l.ci_high < 0 : null;
      const df = bootstrap ? bootstrap.resamples - bootstrap.failed.total - 1 : 0;
      const t = w?.t_value ?? null;
      indicators.push({
        construct,
        item: design.items[item],
        weight: fit.weights[item],
        loading: fit.loadings[item],
        vif: inverse === null ? null : inverse[h * k + h],
        weight_t: t,
        weight_p: t === null || df < 1 ? null : 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)),
        weight_ci_low: w?.ci_low ?? null,
        weight_ci_high: w?.ci_high ?? null,
        weight_significant: weightSignificant,
        loading_significant: loadingSignificant,
        ...decide(weightSignificant, fit.loadings[item], loadingSignificant),
      });
    }
    const g = globals[construct];
    if (g !== undefined) {
      const global = g.values;
      // Weighted covariances of the block's items with each other and with the global item.
      const n = weights.length;
      let total = 0;
      const mean = new Float64Array(k + 1);
      for (let i = 0; i < n; i++) {
        total += weights[i];
        for (let h = 0; h < k; h++) mean[h] += weights[i] * values[i * p + a + h];
        mean[k] += weights[i] * global[i];
      }
      for (let h = 0; h <= k; h++) mean[h] /= total;
      const cov = new Float64Array((k + 1) * (k + 1));
      for (let i = 0; i < n; i++) {
        const x = (h: number) => (h === k ? global[i] : values[i * p + a + h]) - mean[h];
        for (let h = 0; h <= k; h++) for (let l = 0; l <= k; l++) cov[h * (k + 1) + l] += weights[i] * x(h) * x(l);
      }
      const sxx = new Float64Array(k * k);
      const sxy = new Float64Array(k);
      for (let h = 0; h < k; h++) {
        sxy[h] = cov[h * (k + 1) + k];
        for (let l = 0; l < k; l++) sxx[h * k + l] = cov[h * (k + 1) + l];
      }
      const beta = solveSymmetric(sxx, k, sxy);
      if (beta !== null) {
        const explained = beta.reduce((s, b, h) => s + b * sxy[h], 0);
        const path = Math.sqrt(explained / cov[k * (k + 1) + k]);
        redundancy.push({ construct, global_item: g.item, path, passes: path >= FORMATIVE_THRESHOLDS.redundancy });
      }
    }
  });
  return { indicators, redundancy };
}
