import { InputError } from '../data/InputError';
import type { Triangle } from './triangle';

/**
 * How the age-to-age factor of each development period averages its link ratios (Mack 1999's α):
 * - `volume`: volume-weighted, f = Σ C(k+1) ÷ Σ C(k) (α = 1, the chain ladder; the default);
 * - `simple`: the straight mean of the link ratios C(k+1)/C(k) (α = 0);
 * - `regression`: least squares of C(k+1) on C(k) through the origin, f = Σ C(k)·C(k+1) ÷ Σ C(k)² (α = 2).
 */
export type FactorAverage = 'volume' | 'simple' | 'regression';

/** The averages, for option validation. */
export const FACTOR_AVERAGES: readonly FactorAverage[] = ['volume', 'simple', 'regression'];

/** Mack's α of each average: the link ratio C(k+1)/C(k) gets weight C(k)^α. */
export const ALPHA: Readonly<Record<FactorAverage, 0 | 1 | 2>> = { simple: 0, volume: 1, regression: 2 };

/** One link ratio, named by its origin and the age it starts from. */
export interface LinkRatioCell {
  readonly origin: number;
  /** The development age label the link ratio starts from (the `12` of `12–24`, as chainladder-python's `drop`). */
  readonly age: number;
}

/**
 * The link-ratio choices reserving actuaries make (R ChainLadder `MackChainLadder(weights, alpha)`;
 * chainladder-python `Development(average, n_periods, drop, drop_high, drop_low, drop_valuation)`).
 * Every choice but the age limit works by giving a link ratio weight 0; the factors and Mack's σ
 * are then the weighted estimators of Mack (1999).
 */
export interface LinkRatioChoices {
  /** Default 'volume'. */
  readonly average?: FactorAverage;
  /** Leave out the n highest link ratios of each development period (default 0). */
  readonly excludeHigh?: number;
  /** Leave out the n lowest link ratios of each development period (default 0). */
  readonly excludeLow?: number;
  /** Leave out these link ratios. */
  readonly exclude?: readonly LinkRatioCell[];
  /** Leave out the link ratios that start in these calendar years (valuation triangles only). */
  readonly excludeValuations?: readonly number[];
  /** Use only the link ratios that end in the latest n calendar periods (chainladder-python `n_periods`); null: all. */
  readonly periods?: number | null;
  /** The development-age limit: no development after this age (the factors from it on are 1); null: none. */
  readonly maxAge?: number | null;
}

/** Why a link ratio is left out of its factor. */
export type ExclusionReason = 'chosen' | 'valuation' | 'periods' | 'high' | 'low' | 'age_limit';

/** A link ratio of the triangle, and whether it enters its factor. */
export interface LinkRatio extends LinkRatioCell {
  /** Index k of the development period (age index k → k + 1). */
  readonly k: number;
  /** C(k), C(k+1) and their ratio. */
  readonly from_value: number;
  readonly to_value: number;
  readonly ratio: number;
  /** 1 when used, 0 when left out. */
  readonly weight: 0 | 1;
  readonly excluded: ExclusionReason | null;
}

/** The link ratios of a triangle, sorted by period then origin, with the choices that selected them. */
export interface LinkRatioSelection {
  readonly ratios: readonly LinkRatio[];
  readonly average: FactorAverage;
  /** High/low exclusions that were not applied to a period because fewer than one link ratio would remain (chainladder-python `preserve = 1`). */
  readonly relaxed: readonly number[];
  /** Index of the first period whose factor is 1 by the age limit (the number of periods when there is none). */
  readonly limit: number;
}

/**
 * Every link ratio C(i,k+1)/C(i,k) of the triangle whose two cells have values, each with the
 * weight the choices give it. Order of exclusions, as chainladder-python: chosen cells and
 * valuations, then the latest-n-periods window, then the highest and lowest of what is left
 * (ranked by ratio, ties by C(k)); high/low exclusions are dropped for a period where they would
 * leave no link ratio.
 *
 * @param triangle a cumulative triangle
 * @param choices the link-ratio choices
 * @param file the triangle's file name, for error messages
 * @throws InputError when a chosen cell or age is not in the triangle, valuations are excluded
 * from an age triangle, or a C(k) is not positive.
 * @example linkRatios(raa, { exclude: [{ origin: 1982, age: 1 }] }).ratios[1].excluded // 'chosen'
 */
export function linkRatios(triangle: Triangle, choices: LinkRatioChoices = {}, file = 'triangle'): LinkRatioSelection {
  const { origins, ages, values } = triangle;
  const n = ages.length;
  for (const cell of choices.exclude ?? []) {
    const i = origins.indexOf(cell.origin);
    const k = ages.indexOf(cell.age);
    if (i < 0 || k < 0 || k + 1 >= values[i].length || values[i][k] === null || values[i][k + 1] === null) {
      throw new InputError({ file, argument: '--exclude' }, `a link ratio of the triangle, named by origin and the age it starts from (e.g. ${origins[0]}:${ages[0]})`, `${cell.origin}:${cell.age}`);
    }
  }
  if ((choices.excludeValuations ?? []).length > 0 && triangle.development !== 'valuation') {
    throw new InputError({ file, argument: '--exclude-valuation' }, 'a triangle whose development column is the valuation year (calendar years are not known for ages)');
  }
  let limit = n - 1;
  if (choices.maxAge !== undefined && choices.maxAge !== null) {
    const k = ages.indexOf(choices.maxAge);
    if (k < 0) throw new InputError({ file, argument: '--max-age' }, `a development age of the triangle (${ages.join(', ')})`, String(choices.maxAge));
    limit = k;
  }
  // Diagonals are counted by position (origin index + age index): the latest n periods of a regular triangle.
  const latestDiagonal = Math.max(...values.map((row, i) => i + row.length - 1));
  const chosen = new Set((choices.exclude ?? []).map((c) => `${c.origin}:${c.age}`));
  const valuations = new Set(choices.excludeValuations ?? []);
  const ratios: LinkRatio[] = [];
  const relaxed: number[] = [];
  for (let k = 0; k < n - 1; k++) {
    const period: { i: number; excluded: ExclusionReason | null }[] = [];
    values.forEach((row, i) => {
      if (k + 1 >= row.length || row[k] === null || row[k + 1] === null) return;
      if (!(row[k]! > 0)) {
        throw new InputError({ file, row: triangle.sourceRows?.[i]?.[k], column: 'value' }, `a positive cumulative amount for origin ${origins[i]} at age ${ages[k]} (a link ratio divides by it)`, String(row[k]));
      }
      const end = i + k + 1;
      let excluded: ExclusionReason | null = null;
      if (k >= limit) excluded = 'age_limit';
      else if (chosen.has(`${origins[i]}:${ages[k]}`)) excluded = 'chosen';
      else if (valuations.has(origins[i] + ages[k] - 1)) excluded = 'valuation';
      else if (choices.periods !== undefined && choices.periods !== null && end <= latestDiagonal - choices.periods) excluded = 'periods';
      period.push({ i, excluded });
    });
    const high = choices.excludeHigh ?? 0;
    const low = choices.excludeLow ?? 0;
    if (high + low > 0 && k < limit) {
      const eligible = period.filter((p) => p.excluded === null);
      const ratio = (p: { i: number }) => values[p.i][k + 1]! / values[p.i][k]!;
      eligible.sort((a, b) => ratio(a) - ratio(b) || values[a.i][k]! - values[b.i][k]!);
      if (eligible.length - high - low < 1) {
        if (eligible.length > 0) relaxed.push(k);
      } else {
        eligible.forEach((p, rank) => {
          if (rank < low) p.excluded = 'low';
          else if (rank >= eligible.length - high) p.excluded = 'high';
        });
      }
    }
    for (const p of period) {
      const from = values[p.i][k]!;
      const to = values[p.i][k + 1]!;
      ratios.push({ origin: origins[p.i], age: ages[k], k, from_value: from, to_value: to, ratio: to / from, weight: p.excluded === null ? 1 : 0, excluded: p.excluded });
    }
  }
  return { ratios, average: choices.average ?? 'volume', relaxed, limit };
}
