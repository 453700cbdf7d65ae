import { InputError } from '../data/InputError';
import { estimatePls } from './estimatePls';
import { weightedMoments } from './moments';
import { type ParallelOptions, parallelReplicates } from './parallelReplicates';
import { permutationSize, REPLICATE_STATUS, type ReplicateProblem } from './replicates';
import { constructIndices, indexWeights, itemMeans } from './satisfactionIndex';
import type { Grouping } from './surveyMatrix';

/** One compared statistic: each group's value, the difference and its permutation p-value. */
export interface ComparedValue {
  readonly a: number | null;
  readonly b: number | null;
  readonly difference: number | null;
  /** (1 + #{|permuted difference| ≥ |observed|}) / (1 + permutations estimated); null when not computable. */
  readonly p_value: number | null;
}

/** A multi-group comparison of two groups' separately estimated models. */
export interface GroupComparison {
  readonly column: string;
  readonly a: string;
  readonly b: string;
  readonly n_a: number;
  readonly n_b: number;
  readonly permutations: number;
  readonly seed: number;
  /** Permutations in which either group's model could not be estimated (left out of the p-values). */
  readonly failed: number;
  readonly paths: readonly ({ readonly from: string; readonly to: string } & ComparedValue)[];
  readonly index: readonly ({ readonly construct: string } & ComparedValue)[];
}

/** Options of the permutation test. */
export interface ComparisonOptions extends ParallelOptions {
  readonly permutations: number;
  readonly seed: number;
}

/**
 * The codes of the two groups a comparison names, checked: both in the grouping, and different.
 * @throws InputError (argument --compare) naming the group the survey lacks, or the repeated one.
 * @example comparedGroups(regions, '西北', '华东') // [5, 1] when those are their codes
 */
export function comparedGroups(grouping: Grouping, a: string, b: string): [number, number] {
  const [first, second] = [a, b].map((label) => {
    const code = grouping.labels.indexOf(label);
    if (code < 0) throw new InputError({ argument: '--compare' }, `a ${grouping.column} of the survey (${grouping.labels.join(', ')})`, label);
    return code;
  });
  if (first === second) throw new InputError({ argument: '--compare' }, 'two different groups', `${a},${b}`);
  return [first!, second!];
}

/**
 * Compares two groups (e.g. two regions) by a permutation test (Chin & Dibbern 2010, in Handbook
 * of Partial Least Squares, pp. 171–193): the model is estimated separately in each group; the
 * differences of path coefficients and of indices are compared with their distribution when the
 * respondents of the two groups are randomly reassigned (same group sizes), permutation r from
 * random stream r of `seed`. Two-sided p-value (1 + #{|d*| ≥ |d|})/(1 + P) (Phipson & Smyth 2010).
 * @throws InputError when a group is not in the grouping, or a group's model cannot be estimated.
 * @example await compareGroups(problem, grouping, '西北', '华东', { permutations: 1000, seed: 7 })
 */
export async function compareGroups(problem: ReplicateProblem, grouping: Grouping, a: string, b: string, options: ComparisonOptions): Promise<GroupComparison> {
  const { design } = problem;
  const m = design.constructs.length;
  const p = design.items.length;
  const codes = comparedGroups(grouping, a, b);
  const membership = Uint8Array.from(grouping.codes, (c) => (c === codes[0] ? 1 : c === codes[1] ? 2 : 0));
  const observed = [1, 2].map((side) => {
    const frequency = Float64Array.from(membership, (g) => (g === side ? 1 : 0));
    const fit = estimatePls(design, weightedMoments(problem.values, p, problem.weights, frequency), problem.options);
    if (!fit.ok) throw new InputError({ argument: '--compare' }, `a group whose model can be estimated (${fit.reason}${fit.subject ? `: ${fit.subject}` : ''})`, side === 1 ? a : b);
    const indices = problem.scale === null ? design.constructs.map(() => null) : constructIndices(fit, indexWeights(fit), itemMeans(problem.answers, p, problem.weights, undefined, frequency), problem.scale);
    return { fit, indices, n: frequency.reduce((s, f) => s + f, 0) };
  });
  const results = await parallelReplicates(problem, { kind: 'permutation', seed: options.seed, membership }, options.permutations, { ...options, label: options.label ?? 'Permutation test' });
  const size = permutationSize(design);
  const pValue = (k: number, d: number | null): number | null => {
    if (d === null) return null;
    let valid = 0;
    let extreme = 0;
    for (let r = 0; r < results.count; r++) {
      const v = results.values[r * size + k];
      if (results.status[r] !== REPLICATE_STATUS.ok || Number.isNaN(v)) continue;
      valid++;
      if (Math.abs(v) >= Math.abs(d) - 1e-12) extreme++;
    }
    return valid === 0 ? null : (1 + extreme) / (1 + valid);
  };
  const [ga, gb] = observed;
  return {
    column: grouping.column,
    a,
    b,
    n_a: ga.n,
    n_b: gb.n,
    permutations: options.permutations,
    seed: options.seed,
    failed: results.status.reduce((s, x) => s + (x === REPLICATE_STATUS.ok ? 0 : 1), 0),
    paths: design.paths.map(([from, to], i) => {
      const va = ga.fit.paths[from * m + to];
      const vb = gb.fit.paths[from * m + to];
      return { from: design.constructs[from], to: design.constructs[to], a: va, b: vb, difference: va - vb, p_value: pValue(i, va - vb) };
    }),
    index: design.constructs.map((construct, j) => {
      const va = ga.indices[j];
      const vb = gb.indices[j];
      const d = va === null || vb === null ? null : va - vb;
      return { construct, a: va, b: vb, difference: d, p_value: pValue(design.paths.length + j, d) };
    }),
  };
}
