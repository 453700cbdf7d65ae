import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { SurveyRow } from '../data/rows';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { quantileSorted } from './bootstrapIntervals';
import { CrossProducts } from './crossProducts';
import { estimatePls, type PlsFit, startingWeights } from './estimatePls';
import { type Moments, weightedMoments } from './moments';
import { parallelReplicates } from './parallelReplicates';
import { pathDesign, type PathDesign } from './pathDesign';
import { DEFAULT_PLS_OPTIONS, type PlsOptions } from './plsAlgorithm';
import { problemLayout, REPLICATE_STATUS, type ReplicateProblem } from './replicates';
import { ReplicateStreams, shuffle } from './randomStream';
import { constructIndices, indexWeights, itemMeans } from './satisfactionIndex';
import { publishedGrouping } from './surveyDataWarnings';
import { type GroupColumn, type MissingTreatment, surveyMatrix } from './surveyMatrix';
import type { ItemScale, SurveyModel } from './surveyModel';

/** The change of one index between two waves, with its bootstrap interval. */
export interface IndexChange {
  /** The whole survey (null) or a group of the `by` column. */
  readonly group: string | null;
  readonly construct: string;
  readonly previous: number;
  readonly current: number;
  /** current − previous, in index points. */
  readonly change: number;
  /** Percentile interval of the change from independent resamples of the two waves. */
  readonly ci_low: number;
  readonly ci_high: number;
  readonly n_previous: number;
  readonly n_current: number;
}

/** MICOM step 2 for one construct: are its composites formed alike in both waves? */
export interface CompositionalInvariance {
  readonly construct: string;
  /** Correlation of the pooled data's composite scores formed with each wave's outer weights. */
  readonly c: number;
  /** The 5% quantile of c when the wave labels are permuted. */
  readonly quantile_05: number;
  /** (1 + #{c* ≤ c}) / (1 + permutations estimated). */
  readonly p_value: number;
  /** c at or above the 5% quantile: compositional invariance is not rejected. */
  readonly invariant: boolean;
}

/** Everything the comparison of two waves of a survey finds. */
export interface WaveComparison {
  readonly by: GroupColumn | null;
  readonly resamples: number;
  readonly permutations: number;
  readonly seed: number;
  /** MICOM step 1: the same model (constructs, items, paths), scale, data treatment and algorithm settings in both waves. */
  readonly configural: boolean;
  /** MICOM step 2, one row per construct. */
  readonly compositional: readonly CompositionalInvariance[];
  /** Steps 1 and 2 hold for every construct: changes in the indices may be read as changes in the same measures. */
  readonly comparable: boolean;
  /** Resamples or permutations that could not be estimated (left out). */
  readonly failed: number;
  readonly changes: readonly IndexChange[];
}

/** Options of a two-wave comparison. */
export interface WaveOptions {
  readonly scheme: PlsOptions['scheme'];
  readonly scaled: boolean;
  readonly missing: MissingTreatment;
  /** Changes for each group of this column too (groups of at least `minGroup` respondents in both waves). */
  readonly by: GroupColumn | null;
  readonly minGroup: number;
  /** Bootstrap resamples of each wave; the current wave uses streams of `seed`, the previous of `seed + 1`. */
  readonly resamples: number;
  /** Permutations of the MICOM step-2 test (random stream r of `seed` for permutation r). */
  readonly permutations: number;
  readonly seed: number;
  readonly threads?: number;
  readonly progress?: Progress;
}

interface Wave {
  readonly problem: ReplicateProblem;
  readonly fit: PlsFit;
  readonly index: readonly (number | null)[];
  readonly groups: readonly { readonly label: string; readonly n: number; readonly index: readonly (number | null)[] }[];
}

function estimateWave(table: Table<SurveyRow>, model: SurveyModel, design: PathDesign, scale: ItemScale, o: WaveOptions): Wave {
  const matrix = surveyMatrix(table, model, design, o.missing);
  const options: PlsOptions = { ...DEFAULT_PLS_OPTIONS, scheme: o.scheme, scaled: o.scaled };
  const fit = estimatePls(design, weightedMoments(matrix.values, matrix.p, matrix.weights), options);
  if (!fit.ok) throw new InputError({ file: table.file }, `a survey on which the model can be estimated (${fit.reason}${fit.subject ? `: ${fit.subject}` : ''})`);
  const full = o.by === null ? undefined : matrix.groupings[o.by];
  if (o.by !== null && full === undefined) throw new InputError({ file: table.file, column: o.by }, `a ${o.by} column to compare the waves by`);
  const grouping = full === undefined ? null : publishedGrouping(full, o.minGroup).grouping;
  const weights = indexWeights(fit);
  const index = constructIndices(fit, weights, itemMeans(matrix.answers, matrix.p, matrix.weights), scale);
  const means = grouping === null ? null : itemMeans(matrix.answers, matrix.p, matrix.weights, grouping);
  const groups = (grouping?.labels ?? []).map((label, g) => ({
    label,
    n: grouping!.codes.reduce((s, c) => s + (c === g ? 1 : 0), 0),
    index: constructIndices(fit, weights, means!.subarray(g * matrix.p, (g + 1) * matrix.p), scale),
  }));
  const problem: ReplicateProblem = { design, options, n: matrix.n, values: matrix.values, answers: matrix.answers, weights: matrix.weights, scale, grouping, start: startingWeights(fit), consistent: false };
  return { problem, fit, index, groups };
}

/** Correlation of the composites u₁ᵀx and u₂ᵀx of block j under covariance `cov` (p×p). */
function compositeCorrelation(design: PathDesign, cov: Float64Array, u1: Float64Array, u2: Float64Array, j: number): number {
  const p = design.items.length;
  let a = 0;
  let b = 0;
  let ab = 0;
  for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) {
    for (let k = design.blockStart[j]; k < design.blockStart[j + 1]; k++) {
      const c = cov[h * p + k];
      a += u1[h] * c * u1[k];
      b += u2[h] * c * u2[k];
      ab += u1[h] * c * u2[k];
    }
  }
  return ab / Math.sqrt(a * b);
}

/**
 * MICOM steps 1 and 2 (Henseler, Ringle & Sarstedt 2016, International Marketing Review 33(3),
 * 405–431) for two waves. Step 1 (configural invariance) holds by construction here: one model
 * file, one answer scale, one treatment of missing answers and one algorithm setting for both.
 * Step 2 (compositional invariance): for each construct, c = cor(X·u₁, X·u₂) on the pooled data,
 * u₁ and u₂ the outer weights per answer point estimated in each wave; c is compared with its
 * distribution when the respondents' wave labels are permuted (each permutation re-estimates both
 * waves' models); invariance is rejected when c is below the permutations' 5% quantile.
 */
function compositionalInvariance(current: Wave, previous: Wave, o: WaveOptions): { rows: CompositionalInvariance[]; failed: number } {
  const design = current.problem.design;
  const p = design.items.length;
  const m = design.constructs.length;
  const n = current.problem.n + previous.problem.n;
  const values = new Float64Array(n * p);
  values.set(current.problem.values, 0);
  values.set(previous.problem.values, current.problem.n * p);
  const weights = new Float64Array(n);
  weights.set(current.problem.weights, 0);
  weights.set(previous.problem.weights, current.problem.n);
  const products = CrossProducts.fits(n, p) ? new CrossProducts(values, p) : null;
  const momentsOf = (frequency: Float64Array): Moments => (products === null ? weightedMoments(values, p, weights, frequency) : products.moments(weights, frequency));
  const pooled = momentsOf(new Float64Array(n).fill(1)).cov;
  const observed = design.constructs.map((_, j) => compositeCorrelation(design, pooled, current.fit.rawWeights, previous.fit.rawWeights, j));
  const labels = Array.from({ length: n }, (_, i) => (i < current.problem.n ? 1 : 0));
  const streams = new ReplicateStreams(o.seed, 0);
  const permuted: number[][] = design.constructs.map(() => []);
  let failed = 0;
  for (let r = 0; r < o.permutations; r++) {
    const shuffled = shuffle(streams.take(), labels.slice());
    const first = Float64Array.from(shuffled);
    const second = Float64Array.from(shuffled, (x) => 1 - x);
    const a = estimatePls(design, momentsOf(first), current.problem.options, current.problem.start ?? undefined);
    const b = estimatePls(design, momentsOf(second), current.problem.options, current.problem.start ?? undefined);
    if (!a.ok || !b.ok) {
      failed++;
      continue;
    }
    for (let j = 0; j < m; j++) permuted[j].push(compositeCorrelation(design, pooled, a.rawWeights, b.rawWeights, j));
  }
  const rows = design.constructs.map((construct, j) => {
    const sorted = Float64Array.from(permuted[j]).sort();
    const c = observed[j];
    const q = sorted.length === 0 ? Number.NaN : quantileSorted(sorted, 0.05);
    const below = permuted[j].reduce((s, x) => s + (x <= c + 1e-12 ? 1 : 0), 0);
    return { construct, c, quantile_05: q, p_value: (1 + below) / (1 + sorted.length), invariant: sorted.length > 0 && c >= q };
  });
  return { rows, failed };
}

/** The percentile interval of current − previous from paired replicate rows (both estimated). */
function changeInterval(cur: Float64Array, prev: Float64Array): { low: number; high: number } | null {
  const d: number[] = [];
  for (let r = 0; r < cur.length; r++) if (!Number.isNaN(cur[r]) && !Number.isNaN(prev[r])) d.push(cur[r] - prev[r]);
  if (d.length === 0) return null;
  const sorted = Float64Array.from(d).sort();
  return { low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
}

/**
 * Compares two waves of a survey on the same model: the change of every 0–100 index (whole survey
 * and, with `by`, each group present in both waves with at least `minGroup` respondents), each
 * wave scored on its own estimated model as `awb icsi` scores it, with a 95% percentile interval
 * from `resamples` independent bootstrap resamples of each wave (current − previous, resample r
 * against resample r); and MICOM steps 1–2, which say whether the composites are formed alike in
 * both waves before any change is read as a change in the same measure.
 * @throws InputError for bad survey data in either wave, a wave on which the model cannot be
 * estimated, a model without an answer scale, or a `by` column a wave lacks.
 * @example (await compareWaves(survey2025, survey2024, model, options)).changes.find((c) => c.group === null && c.construct === 'Satisfaction')?.change
 */
export async function compareWaves(current: Table<SurveyRow>, previous: Table<SurveyRow>, model: SurveyModel, o: WaveOptions): Promise<WaveComparison> {
  if (model.scale === null) throw new InputError({}, 'a survey model with an answer scale (the waves are compared on their 0–100 indices)');
  const design = pathDesign(model);
  const scale = model.scale;
  const cur = estimateWave(current, model, design, scale, o);
  const prev = estimateWave(previous, model, design, scale, o);
  const progress = o.progress ?? SILENT_PROGRESS;
  const bootCur = await parallelReplicates(cur.problem, { kind: 'bootstrap', seed: o.seed }, o.resamples, { threads: o.threads, progress, label: 'Bootstrap (current wave)' });
  const bootPrev = await parallelReplicates(prev.problem, { kind: 'bootstrap', seed: (o.seed + 1) % 2 ** 31 }, o.resamples, { threads: o.threads, progress, label: 'Bootstrap (previous wave)' });
  const m = design.constructs.length;
  const column = (boot: typeof bootCur, position: number) => Float64Array.from({ length: boot.count }, (_, r) => (boot.status[r] === REPLICATE_STATUS.ok ? boot.values[r * boot.size + position] : Number.NaN));
  const layoutCur = problemLayout(cur.problem);
  const layoutPrev = problemLayout(prev.problem);
  const changes: IndexChange[] = [];
  const add = (group: string | null, j: number, c: number | null, p: number | null, atCur: number, atPrev: number, nCur: number, nPrev: number) => {
    if (c === null || p === null) return;
    const interval = changeInterval(column(bootCur, atCur), column(bootPrev, atPrev));
    if (interval === null) return;
    changes.push({ group, construct: design.constructs[j], previous: p, current: c, change: c - p, ci_low: interval.low, ci_high: interval.high, n_previous: nPrev, n_current: nCur });
  };
  for (let j = 0; j < m; j++) add(null, j, cur.index[j], prev.index[j], layoutCur.index + j, layoutPrev.index + j, cur.problem.n, prev.problem.n);
  cur.groups.forEach((g, gc) => {
    const gp = prev.groups.findIndex((x) => x.label === g.label);
    if (gp < 0) return;
    for (let j = 0; j < m; j++) add(g.label, j, g.index[j], prev.groups[gp].index[j], layoutCur.groupIndex + gc * m + j, layoutPrev.groupIndex + gp * m + j, g.n, prev.groups[gp].n);
  });
  progress.start('MICOM permutations', 1);
  const invariance = compositionalInvariance(cur, prev, o);
  progress.tick();
  progress.stop();
  const failed = invariance.failed + [...bootCur.status, ...bootPrev.status].filter((s) => s !== REPLICATE_STATUS.ok).length;
  return {
    by: o.by,
    resamples: o.resamples,
    permutations: o.permutations,
    seed: o.seed,
    configural: true,
    compositional: invariance.rows,
    comparable: invariance.rows.every((r) => r.invariant),
    failed,
    changes,
  };
}
