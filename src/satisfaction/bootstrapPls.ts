import { type BootstrapSummary, jackknifeAcceleration, summariseReplicates } from './bootstrapIntervals';
import type { PlsFit } from './estimatePls';
import { type ParallelOptions, parallelReplicates } from './parallelReplicates';
import { fitStatistics, problemLayout, REPLICATE_STATUS, type ReplicateProblem, type StatLayout } from './replicates';

/** Largest survey for which the BCa acceleration uses a leave-one-out jackknife; above it, blocks. */
export const LEAVE_ONE_OUT_LIMIT = 500;
/** Number of delete-a-block jackknife replicates for larger surveys (respondent i is in block i mod 200). */
export const JACKKNIFE_BLOCKS = 200;

/** Bootstrap results: a summary for every statistic of `statLayout`, and an account of every resample. */
export interface BootstrapResult {
  readonly resamples: number;
  readonly seed: number;
  /** Resamples that could not be estimated, by reason; they are left out of every summary, never silently. */
  readonly failed: { readonly total: number; readonly constant_item: number; readonly singular: number; readonly not_converged: number };
  readonly layout: StatLayout;
  /** One summary per statistic (null where the statistic is not computable, e.g. an index without a scale). */
  readonly summaries: readonly (BootstrapSummary | null)[];
  /** Jackknife replicates used for the acceleration: leave-one-out, or blocks for large surveys. */
  readonly jackknife: 'leave-one-out' | 'blocks';
}

/** Options of the bootstrap. */
export interface BootstrapOptions extends ParallelOptions {
  readonly resamples: number;
  readonly seed: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
}

/**
 * Bootstraps a fitted PLS path model: `resamples` resamples of the respondents with replacement
 * (survey weights kept with their respondents), each re-estimated from scratch with the same
 * options; standard errors, t values, percentile and BCa intervals for every path, R², total and
 * indirect effect, weight, loading, HTMT and HTMT2, consistent PLS path (when asked) and index
 * (whole survey and each group). Resample r is drawn from
 * random stream r of `seed`, so the result is the same for any number of worker threads.
 * Resamples that cannot be estimated (an item constant in the resample, a singular regression,
 * no convergence) are counted by reason in `failed` and left out of the summaries.
 * @example await bootstrapPls(problem, fit, { resamples: 5000, seed: 42 }) // summaries[layout.paths + i].ci_low …
 */
export async function bootstrapPls(problem: ReplicateProblem, fit: PlsFit, options: BootstrapOptions): Promise<BootstrapResult> {
  const layout = problemLayout(problem);
  const estimate = fitStatistics(problem, fit, layout);
  const boot = await parallelReplicates(problem, { kind: 'bootstrap', seed: options.seed }, options.resamples, { ...options, label: options.label ?? 'Bootstrap resamples' });
  const leaveOneOut = problem.n <= LEAVE_ONE_OUT_LIMIT;
  const blocks = leaveOneOut ? problem.n : JACKKNIFE_BLOCKS;
  // At most LEAVE_ONE_OUT_LIMIT cheap estimates: run in this thread rather than start workers again.
  const jack = await parallelReplicates(problem, { kind: 'jackknife', blocks }, blocks, { threads: 1, progress: options.progress, label: 'Jackknife (BCa)' });
  const count = (code: number) => boot.status.reduce((a, s) => a + (s === code ? 1 : 0), 0);
  const summaries = Array.from({ length: layout.size }, (_, k) => {
    if (Number.isNaN(estimate[k])) return null;
    const column: number[] = [];
    for (let r = 0; r < boot.count; r++) if (boot.status[r] === REPLICATE_STATUS.ok && !Number.isNaN(boot.values[r * boot.size + k])) column.push(boot.values[r * boot.size + k]);
    if (column.length === 0) return null;
    const jk: number[] = [];
    for (let r = 0; r < jack.count; r++) if (jack.status[r] === REPLICATE_STATUS.ok && !Number.isNaN(jack.values[r * jack.size + k])) jk.push(jack.values[r * jack.size + k]);
    return summariseReplicates(estimate[k], Float64Array.from(column), jackknifeAcceleration(Float64Array.from(jk)), options.level);
  });
  return {
    resamples: options.resamples,
    seed: options.seed,
    failed: {
      total: boot.status.reduce((a, s) => a + (s === REPLICATE_STATUS.ok ? 0 : 1), 0),
      constant_item: count(REPLICATE_STATUS['constant-item']),
      singular: count(REPLICATE_STATUS.singular),
      not_converged: count(REPLICATE_STATUS['not-converged']),
    },
    layout,
    summaries,
    jackknife: leaveOneOut ? 'leave-one-out' : 'blocks',
  };
}
