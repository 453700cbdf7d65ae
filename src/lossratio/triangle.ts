import { InputError } from '../data/InputError';
import type { TriangleRow } from '../data/rows';

/**
 * How the `development` column of a triangle is written: `valuation` (the calendar year of the
 * valuation, e.g. origin 1981 valued in 1981…1990) or `age` (the development age, e.g. 1…10 or
 * 12, 24, …); `auto` decides from the data.
 */
export type DevelopmentConvention = 'auto' | 'age' | 'valuation';

/** A cell the triangle has no value for, although the origin has values at later ages. */
export interface MissingCell {
  readonly origin: number;
  /** The development age label of the missing cell. */
  readonly age: number;
  /** `early`: before the origin's first value (the data start later, e.g. a book bought in); `interior`: between two values. */
  readonly kind: 'early' | 'interior';
}

/** A cumulative claims triangle: origins down, development ages across. */
export interface Triangle {
  /** Origin years, ascending. */
  readonly origins: readonly number[];
  /**
   * Development age labels, ascending: as given for `age`, and valuation − origin + 1 (1 = the
   * origin year itself) for `valuation`.
   */
  readonly ages: readonly number[];
  /**
   * values[i][k]: the cumulative amount of origin i at age index k, for k up to its latest age;
   * null where the triangle has no value (a missing interior cell, or an age before the origin's
   * first value). The last entry of every row is a value.
   */
  readonly values: readonly (readonly (number | null)[])[];
  /** The convention the development column was read with. */
  readonly development: 'age' | 'valuation';
  /** sourceRows[i][k]: the spreadsheet row of values[i][k] in the triangle file, when read from one (for messages). */
  readonly sourceRows?: readonly (readonly number[])[];
  /** Cells with no value before an origin's latest age, in origin then age order (R ChainLadder's NA cells). */
  readonly missing: readonly MissingCell[];
}

/**
 * Reads a long-form cumulative triangle (origin, development, value) into origins × ages.
 * With `auto`, development is a valuation year when no row's development precedes its origin,
 * and an age otherwise. Row order does not matter. An origin may lack values at early ages (the
 * data start later) or at interior ages: those cells are null and listed in `missing`, and the
 * development factors leave out every link ratio that needs them, as R ChainLadder (NA cells)
 * and chainladder-python (NaN cells) do. Each origin's latest value is its last one.
 *
 * @param rows the triangle table's rows
 * @param convention how the development column is written (default 'auto')
 * @param file the triangle file's name, for error messages
 * @throws InputError naming the row for a valuation year before its origin, or a triangle with
 * fewer than two origins or two ages.
 * @example triangleFromRows(raaRows).ages // [1, 2, …, 10] (RAA: development 1981…1990 as valuation years)
 */
export function triangleFromRows(rows: readonly TriangleRow[], convention: DevelopmentConvention = 'auto', file = 'triangle'): Triangle {
  const development = convention === 'auto' ? (rows.every((r) => r.development >= r.origin) ? 'valuation' : 'age') : convention;
  const ageOf = (r: TriangleRow) => (development === 'valuation' ? r.development - r.origin + 1 : r.development);
  for (const r of rows) {
    if (development === 'valuation' && r.development < r.origin) {
      throw new InputError({ file, row: r.source_row, column: 'development' }, `a valuation year not before the origin year ${r.origin}`, String(r.development));
    }
  }
  const origins = [...new Set(rows.map((r) => r.origin))].sort((a, b) => a - b);
  const ages = [...new Set(rows.map(ageOf))].sort((a, b) => a - b);
  if (origins.length < 2 || ages.length < 2) {
    throw new InputError({ file }, `a triangle with at least two origins and two development ages (found ${origins.length} and ${ages.length})`);
  }
  const ageIndex = new Map(ages.map((a, k) => [a, k]));
  const originIndex = new Map(origins.map((o, i) => [o, i]));
  const cells: (number | undefined)[][] = origins.map(() => []);
  const sourceRows: number[][] = origins.map(() => []);
  for (const r of rows) {
    const [i, k] = [originIndex.get(r.origin)!, ageIndex.get(ageOf(r))!];
    cells[i][k] = r.value;
    sourceRows[i][k] = r.source_row;
  }
  const missing: MissingCell[] = [];
  const values = cells.map((row, i) => {
    const first = row.findIndex((c) => c !== undefined);
    return Array.from({ length: row.length }, (_, k) => {
      if (row[k] !== undefined) return row[k]!;
      missing.push({ origin: origins[i], age: ages[k], kind: k < first ? 'early' : 'interior' });
      return null;
    });
  });
  return { origins, ages, values, development, missing, sourceRows };
}

/** Age index of each origin's latest value (the last entry of its row). @example latestIndexes(raa) // [9, 8, …, 0] */
export function latestIndexes(triangle: Triangle): number[] {
  return triangle.values.map((row) => row.length - 1);
}

/** The latest (diagonal) value of each origin: its last value, whatever cells are missing before it. @example latestValues(raa)[9] // 2063 */
export function latestValues(triangle: Triangle): number[] {
  return triangle.values.map((row) => row[row.length - 1]!);
}
