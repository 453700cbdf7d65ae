import { jStat } from 'jstat';
import type { PlsFit } from './estimatePls';
import { ReplicateStreams, shuffle } from './randomStream';
import { constructIndices } from './satisfactionIndex';
import type { Grouping } from './surveyMatrix';
import type { ItemScale } from './surveyModel';

/** One group's index against the rest of the survey, for one construct. */
export interface GroupGap {
  readonly column: string;
  readonly group: string;
  /** Respondents in the group. */
  readonly n: number;
  readonly construct: string;
  /** The group's 0–100 index and that of every other respondent, on the whole survey's index weights. */
  readonly group_index: number;
  readonly rest_index: number;
  /** group − rest, in index points. */
  readonly difference: number;
  /** Standard deviation of the difference when group membership is random (the permutation distribution). */
  readonly permutation_sd: number;
  /** Two-sided p-value, 2(1 − Φ(|difference| / permutation_sd)): the normal approximation to the permutation distribution. */
  readonly p_value: number;
  /** Holm's step-down adjustment of `p_value` over every gap tested together (`holmAdjusted`). */
  readonly p_adjusted: number;
}

/** Options of the group-gap tests. */
export interface GroupGapOptions {
  readonly permutations: number;
  readonly seed: number;
  /** Groups with fewer respondents are neither tested nor shown (S3 art. 34; `MIN_GROUP_RESPONDENTS`). */
  readonly minGroup: number;
}

/**
 * Holm's step-down adjustment (Holm 1979, Scand. J. Statist. 6:65–70), which controls the
 * family-wise error rate: with p-values sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of
 * p₍ᵢ₎ is maxₖ≤ᵢ min(1, (m − k + 1)·p₍ₖ₎). Returned in the input order.
 * @example holmAdjusted([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holmAdjusted(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * pValues[i]));
    out[i] = running;
  });
  return out;
}

/** Weighted item sums and answer weights of each group (G×p each); NaN answers are skipped. */
function groupSums(answers: Float64Array, p: number, weights: Float64Array, codes: Int32Array, groups: number): { sum: Float64Array; total: Float64Array } {
  const sum = new Float64Array(groups * p);
  const total = new Float64Array(groups * p);
  for (let i = 0; i < weights.length; i++) {
    const g = codes[i] * p;
    const w = weights[i];
    for (let h = 0; h < p; h++) {
      const v = answers[i * p + h];
      if (v === v) {
        sum[g + h] += w * v;
        total[g + h] += w;
      }
    }
  }
  return { sum, total };
}

/** Index of group g and of the rest, from the group sums and the survey's totals. */
function groupAndRest(fit: PlsFit, indexWeights: readonly (number | null)[], scale: ItemScale, s: { sum: Float64Array; total: Float64Array }, all: { sum: Float64Array; total: Float64Array }, g: number, p: number) {
  const inside = new Float64Array(p);
  const outside = new Float64Array(p);
  for (let h = 0; h < p; h++) {
    const t = s.total[g * p + h];
    inside[h] = t > 0 ? s.sum[g * p + h] / t : Number.NaN;
    const rest = all.total[h] - t;
    outside[h] = rest > 0 ? (all.sum[h] - s.sum[g * p + h]) / rest : Number.NaN;
  }
  return { group: constructIndices(fit, indexWeights, inside, scale), rest: constructIndices(fit, indexWeights, outside, scale) };
}

/**
 * Where a group differs from the rest of the survey: for every group of `grouping` with at least
 * `minGroup` respondents and every construct with an index, the group's 0–100 index minus the
 * index of all other respondents, both on the whole survey's index weights (the ICSI way of
 * scoring a group, S3 art. 23). The difference is tested against its permutation distribution:
 * group labels are shuffled among all respondents `permutations` times (permutation r from random
 * stream r of `seed`), and the two-sided p-value is 2(1 − Φ(|d| / sd*)) with sd* the standard
 * deviation of the permuted differences (the normal approximation, which resolves the small
 * p-values a multiple-comparison adjustment needs; a plain permutation count cannot go below
 * 1/(1 + permutations)). `p_adjusted` is Holm's adjustment over every gap returned; callers
 * testing several groupings together adjust again over all of them (`holmAdjusted`).
 * @param answers row-major n×p answers as given, NaN where missing
 * @param indexWeights from `indexWeights(fit)`
 * @example groupGaps(fit, weights, scale, answers, surveyWeights, regions, { permutations: 1000, seed: 1, minGroup: 30 }).find((g) => g.group === '西北' && g.construct === 'Complaints')?.difference // about −15
 */
export function groupGaps(fit: PlsFit, indexWeights: readonly (number | null)[], scale: ItemScale, answers: Float64Array, weights: Float64Array, grouping: Grouping, options: GroupGapOptions): GroupGap[] {
  const { design } = fit;
  const p = design.items.length;
  const m = design.constructs.length;
  const G = grouping.labels.length;
  const counts = new Array<number>(G).fill(0);
  for (const c of grouping.codes) counts[c]++;
  // A group and the rest must each reach the minimum size: a rest of fewer respondents (one
  // suppressed group beside a large one) would publish the suppressed group's index (S3 art. 34).
  const tested = grouping.labels.map((_, g) => g).filter((g) => counts[g] >= options.minGroup && weights.length - counts[g] >= options.minGroup);
  const all = groupSums(answers, p, weights, new Int32Array(weights.length), 1);
  const observedSums = groupSums(answers, p, weights, grouping.codes, G);
  const observed = tested.map((g) => groupAndRest(fit, indexWeights, scale, observedSums, all, g, p));
  // Running sums of the permuted differences and their squares, per tested group and construct.
  const sum = new Float64Array(tested.length * m);
  const squares = new Float64Array(tested.length * m);
  const valid = new Float64Array(tested.length * m);
  const streams = new ReplicateStreams(options.seed, 0);
  const codes = Array.from(grouping.codes);
  for (let r = 0; r < options.permutations; r++) {
    const permuted = Int32Array.from(shuffle(streams.take(), codes.slice()));
    const sums = groupSums(answers, p, weights, permuted, G);
    tested.forEach((g, k) => {
      const { group, rest } = groupAndRest(fit, indexWeights, scale, sums, all, g, p);
      for (let j = 0; j < m; j++) {
        const a = group[j];
        const b = rest[j];
        if (a === null || b === null) continue;
        sum[k * m + j] += a - b;
        squares[k * m + j] += (a - b) * (a - b);
        valid[k * m + j]++;
      }
    });
  }
  const gaps: Omit<GroupGap, 'p_adjusted'>[] = [];
  tested.forEach((g, k) => {
    for (let j = 0; j < m; j++) {
      const a = observed[k].group[j];
      const b = observed[k].rest[j];
      const v = valid[k * m + j];
      if (a === null || b === null || v < 2) continue;
      const mean = sum[k * m + j] / v;
      const sd = Math.sqrt(Math.max(0, (squares[k * m + j] - v * mean * mean) / (v - 1)));
      const difference = a - b;
      // The lower tail, so that p-values far below 1e-16 do not round to 0 as 1 − Φ would.
      const p_value = sd > 0 ? 2 * jStat.normal.cdf(-Math.abs(difference) / sd, 0, 1) : difference === 0 ? 1 : 0;
      gaps.push({ column: grouping.column, group: grouping.labels[g], n: counts[g], construct: design.constructs[j], group_index: a, rest_index: b, difference, permutation_sd: sd, p_value });
    }
  });
  const adjusted = holmAdjusted(gaps.map((x) => x.p_value));
  return gaps.map((x, i) => ({ ...x, p_adjusted: adjusted[i] }));
}
