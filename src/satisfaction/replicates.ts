import { consistentPls } from './consistentPls';
import { estimatePls, type PlsFit } from './estimatePls';
import { htmtPairCount, htmtValues } from './htmt';
import { CrossProducts } from './crossProducts';
import { type Moments, weightedMoments } from './moments';
import type { PathDesign } from './pathDesign';
import type { PlsOptions } from './plsAlgorithm';
import { ReplicateStreams, resampleCounts, shuffle } from './randomStream';
import { constructIndices, indexWeights, itemMeans } from './satisfactionIndex';
import type { Grouping } from './surveyMatrix';
import type { ItemScale } from './surveyModel';

/**
 * Everything a replicate needs, as plain data (typed arrays and JSON values) so it can be sent
 * to a worker thread once and reused for every replicate.
 */
export interface ReplicateProblem {
  readonly design: PathDesign;
  readonly options: PlsOptions;
  readonly n: number;
  /** Answers with missing ones replaced (n×p), for estimation. */
  readonly values: Float64Array;
  /** Answers as given, NaN where missing (n×p), for index means. */
  readonly answers: Float64Array;
  readonly weights: Float64Array;
  /** The item scale, or null when no index is computed. */
  readonly scale: ItemScale | null;
  /** Groups whose indices are replicated too (bootstrap intervals for each group's index). */
  readonly grouping: Grouping | null;
  /** Starting weights of every replicate (`startingWeights` of the full-sample fit), or null for unit weights. */
  readonly start: Float64Array | null;
  /** Also replicate the consistent PLS (PLSc) path coefficients. */
  readonly consistent?: boolean;
}

/** What to replicate. */
export type ReplicateTask =
  /** Resample respondents with replacement; replicate r uses random stream r of `seed`. */
  | { readonly kind: 'bootstrap'; readonly seed: number }
  /** Leave out the respondents i with i mod blocks = r (blocks = n: leave-one-out). */
  | { readonly kind: 'jackknife'; readonly blocks: number }
  /**
   * Permute group membership among the respondents of two groups (membership 1 = first, 2 =
   * second, 0 = neither) and estimate each group's model; replicate r uses stream r of `seed`.
   */
  | { readonly kind: 'permutation'; readonly seed: number; readonly membership: Uint8Array };

/** Outcome codes of a replicate: estimated, or why not. */
export const REPLICATE_STATUS = { ok: 0, 'constant-item': 1, singular: 2, 'not-converged': 3 } as const;

/** Positions of each statistic in a replicate's vector. */
export interface StatLayout {
  readonly size: number;
  readonly paths: number;
  readonly rSquared: number;
  /** m×m total effects, then m×m indirect effects. */
  readonly total: number;
  readonly indirect: number;
  readonly weights: number;
  readonly loadings: number;
  /** HTMT and HTMT2 of each pair of constructs (two values per pair, pair order of `htmt`). */
  readonly htmt: number;
  /** Consistent PLS path coefficients (model order), when replicated; as many entries as paths, else none. */
  readonly consistent: number;
  /** m indices of the whole survey, then m per group. */
  readonly index: number;
  readonly groupIndex: number;
}

/**
 * Where each statistic sits in a bootstrap or jackknife replicate's vector: paths (model order),
 * R² (all constructs), total and indirect effects (m×m each), standardised weights and loadings
 * (design order), HTMT and HTMT2 (pairs), consistent PLS paths (when asked), indices (whole
 * survey, then each group).
 * @example statLayout(icsiDesign, 7).size // 12 + 7 + 49 + 49 + 24 + 24 + 2·21 + 7 + 7·7 = 263
 */
export function statLayout(design: PathDesign, groups: number, consistent = false): StatLayout {
  const m = design.constructs.length;
  const p = design.items.length;
  const paths = 0;
  const rSquared = paths + design.paths.length;
  const total = rSquared + m;
  const indirect = total + m * m;
  const weights = indirect + m * m;
  const loadings = weights + p;
  const htmt = loadings + p;
  const consistentAt = htmt + 2 * htmtPairCount(design);
  const index = consistentAt + (consistent ? design.paths.length : 0);
  const groupIndex = index + m;
  return { size: groupIndex + groups * m, paths, rSquared, total, indirect, weights, loadings, htmt, consistent: consistentAt, index, groupIndex };
}

/** The layout of a problem's replicates (its groups, and PLSc paths when asked). @example problemLayout(problem).size */
export function problemLayout(problem: ReplicateProblem): StatLayout {
  return statLayout(problem.design, problem.grouping?.labels.length ?? 0, problem.consistent === true);
}

/**
 * The statistic vector of a fit (see `statLayout`); indices are NaN where not computable.
 * @example fitStatistics(problem, fit, layout)[layout.paths] // the first path's coefficient
 */
export function fitStatistics(problem: ReplicateProblem, fit: PlsFit, layout: StatLayout, frequency?: ArrayLike<number>, out = new Float64Array(layout.size)): Float64Array {
  const { design } = problem;
  const m = design.constructs.length;
  const p = design.items.length;
  design.paths.forEach(([from, to], i) => (out[layout.paths + i] = fit.paths[from * m + to]));
  out.set(fit.rSquared, layout.rSquared);
  out.set(fit.effects.total, layout.total);
  out.set(fit.effects.indirect, layout.indirect);
  out.set(fit.weights, layout.weights);
  out.set(fit.loadings, layout.loadings);
  htmtValues(design, fit.corr, out.subarray(layout.htmt, layout.consistent));
  if (layout.index > layout.consistent) {
    const c = consistentPls(fit);
    design.paths.forEach(([from, to], i) => (out[layout.consistent + i] = c === null ? Number.NaN : c.paths[from * m + to]));
  }
  const scale = problem.scale;
  if (scale === null) {
    out.fill(Number.NaN, layout.index);
    return out;
  }
  const weights = indexWeights(fit);
  const overall = constructIndices(fit, weights, itemMeans(problem.answers, p, problem.weights, undefined, frequency), scale);
  overall.forEach((v, j) => (out[layout.index + j] = v ?? Number.NaN));
  if (problem.grouping !== null) {
    const means = itemMeans(problem.answers, p, problem.weights, problem.grouping, frequency);
    problem.grouping.labels.forEach((_, g) => {
      const indices = constructIndices(fit, weights, means.subarray(g * p, (g + 1) * p), scale);
      indices.forEach((v, j) => (out[layout.groupIndex + g * m + j] = v ?? Number.NaN));
    });
  }
  return out;
}

/**
 * Length of a permutation replicate's vector: differences (first − second group) of paths, then of indices.
 * @example permutationSize(icsiDesign) // 12 + 7 = 19
 */
export function permutationSize(design: PathDesign): number {
  return design.paths.length + design.constructs.length;
}

/** Moments of the rows with positive frequency: from stored cross-products when they fit in memory. */
function momentsOf(problem: ReplicateProblem, products: CrossProducts | null, frequency: Float64Array): Moments {
  return products === null ? weightedMoments(problem.values, problem.design.items.length, problem.weights, frequency) : products.moments(problem.weights, frequency);
}

/** Estimates the model on rows with positive frequency. */
function fitOn(problem: ReplicateProblem, frequency: Float64Array, products: CrossProducts | null = null): ReturnType<typeof estimatePls> {
  return estimatePls(problem.design, momentsOf(problem, products, frequency), problem.options, problem.start ?? undefined);
}

/**
 * Differences between two groups' separately estimated models (Chin & Dibbern 2010): path
 * coefficients, then indices (each group's index from its own model's weights).
 * @returns REPLICATE_STATUS.ok with `out` filled, or the failure code of either group's estimate
 * @example groupDifferences(problem, membership, out) // 0, and out[0] = β_a − β_b of the first path
 */
export function groupDifferences(problem: ReplicateProblem, membership: Uint8Array, out: Float64Array): number {
  const { design } = problem;
  const m = design.constructs.length;
  const p = design.items.length;
  const fits: PlsFit[] = [];
  const indices: (number | null)[][] = [];
  for (const side of [1, 2]) {
    const frequency = Float64Array.from(membership, (g) => (g === side ? 1 : 0));
    const fit = fitOn(problem, frequency);
    if (!fit.ok) return REPLICATE_STATUS[fit.reason];
    fits.push(fit);
    indices.push(problem.scale === null ? design.constructs.map(() => null) : constructIndices(fit, indexWeights(fit), itemMeans(problem.answers, p, problem.weights, undefined, frequency), problem.scale));
  }
  design.paths.forEach(([from, to], i) => (out[i] = fits[0].paths[from * m + to] - fits[1].paths[from * m + to]));
  for (let j = 0; j < m; j++) {
    const a = indices[0][j];
    const b = indices[1][j];
    out[design.paths.length + j] = a === null || b === null ? Number.NaN : a - b;
  }
  return REPLICATE_STATUS.ok;
}

/** Replicate statistics for a range of replicates: a row per replicate, and a status per replicate. */
export interface ReplicateBlock {
  readonly from: number;
  /** Backed by a plain ArrayBuffer (not shared), so a worker can transfer it to the main thread. */
  readonly values: Float64Array<ArrayBuffer>;
  readonly status: Uint8Array<ArrayBuffer>;
}

/**
 * Numbers each replicate produces: the permutation test's differences, or the statistics of
 * `statLayout` for the bootstrap and the jackknife.
 * @example replicateSize(problem, { kind: 'bootstrap', seed: 1 }) // statLayout(problem.design, groups).size
 */
export function replicateSize(problem: ReplicateProblem, task: ReplicateTask): number {
  return task.kind === 'permutation' ? permutationSize(problem.design) : problemLayout(problem).size;
}

/**
 * Runs replicates [from, to) of a task and returns their statistic vectors (NaN rows for
 * replicates that could not be estimated, with the reason in `status`). Deterministic: replicate
 * r depends only on the problem, the task and r.
 * @param state the random generator state at replicate `from` (`ReplicateStreams.statesAt`), to skip the jumps
 * @example runReplicates(problem, { kind: 'bootstrap', seed: 42 }, 0, 100).status.every((s) => s === 0) // true on mobi
 */
export function runReplicates(problem: ReplicateProblem, task: ReplicateTask, from: number, to: number, state?: readonly number[]): ReplicateBlock {
  const layout = problemLayout(problem);
  const size = replicateSize(problem, task);
  const values = new Float64Array((to - from) * size).fill(Number.NaN);
  const status = new Uint8Array(to - from);
  const streams = task.kind === 'jackknife' ? null : new ReplicateStreams(task.seed, from, state);
  const frequency = new Float64Array(problem.n);
  const pool = task.kind === 'permutation' ? Array.from(task.membership.keys()).filter((i) => task.membership[i] !== 0) : [];
  const labels = task.kind === 'permutation' ? pool.map((i) => task.membership[i]) : [];
  const p = problem.design.items.length;
  const products = task.kind !== 'permutation' && CrossProducts.fits(problem.n, p) ? new CrossProducts(problem.values, p) : null;
  for (let r = from; r < to; r++) {
    const row = values.subarray((r - from) * size, (r - from + 1) * size);
    if (task.kind === 'permutation') {
      const shuffled = shuffle(streams!.take(), labels.slice());
      const membership = new Uint8Array(problem.n);
      pool.forEach((i, k) => (membership[i] = shuffled[k]));
      const code = groupDifferences(problem, membership, row);
      status[r - from] = code;
      if (code !== REPLICATE_STATUS.ok) row.fill(Number.NaN);
    } else {
      if (task.kind === 'bootstrap') resampleCounts(streams!.take(), problem.n, frequency);
      else for (let i = 0; i < problem.n; i++) frequency[i] = i % task.blocks === r ? 0 : 1;
      const fit = fitOn(problem, frequency, products);
      if (fit.ok) fitStatistics(problem, fit, layout, frequency, row);
      else status[r - from] = REPLICATE_STATUS[fit.reason];
    }
  }
  return { from, values, status };
}
