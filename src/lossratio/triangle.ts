import { InputError } from '../data/InputError';
import type { TriangleRow } from '../data/rows';

/**
 * How the `development` column of a triangle is written: `valuation` (the calendar year of the
 * valuation, e.g. origin 1981 valued in 1981…1990) or `age` (the development age, e.g. 1…10 or
 * 12, 24, …); `auto` decides from the data.
 */
export type DevelopmentConvention = 'auto' | 'age' | 'valuation';

/** A cumulative claims triangle: origins down, development ages across, each origin filled from its first age. */
export interface Triangle {
  /** Origin years, ascending. */
  readonly origins: readonly number[];
  /**
   * Development age labels, ascending: as given for `age`, and valuation − origin + 1 (1 = the
   * origin year itself) for `valuation`.
   */
  readonly ages: readonly number[];
  /** values[i][k]: the cumulative amount of origin i at age index k, for k up to its latest age. */
  readonly values: readonly (readonly number[])[];
  /** The convention the development column was read with. */
  readonly development: 'age' | 'valuation';
  /** sourceRows[i][k]: the spreadsheet row of values[i][k] in the triangle file, when read from one (for messages). */
  readonly sourceRows?: readonly (readonly number[])[];
}

/**
 * Reads a long-form cumulative triangle (origin, development, value) into origins × ages.
 * With `auto`, development is a valuation year when no row's development precedes its origin,
 * and an age otherwise. Each origin must have values for consecutive ages from the first age on
 * (a staircase); row order does not matter.
 *
 * @param rows the triangle table's rows
 * @param convention how the development column is written (default 'auto')
 * @param file the triangle file's name, for error messages
 * @throws InputError naming the row for a valuation year before its origin, a gap in an origin's
 * development, or a triangle with fewer than two origins or two ages.
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
  const cells: (TriangleRow | undefined)[][] = origins.map(() => []);
  for (const r of rows) cells[originIndex.get(r.origin)!][ageIndex.get(ageOf(r))!] = r;
  const values = cells.map((row, i) => {
    const last = row.length - 1;
    for (let k = 0; k <= last; k++) {
      if (row[k] === undefined) {
        const next = row.slice(k).find((c) => c !== undefined)!;
        const label = development === 'valuation' ? `valuation ${origins[i] + ages[k] - 1}` : `age ${ages[k]}`;
        throw new InputError(
          { file, row: next.source_row, column: 'development' },
          `consecutive development for origin ${origins[i]}, but it has no value at ${label}`,
          String(next.development),
        );
      }
    }
    return row.map((c) => c!.value);
  });
  const sourceRows = cells.map((row) => row.map((c) => c!.source_row));
  return { origins, ages, values, development, sourceRows };
}

/** The latest (diagonal) value of each origin. */
export function latestValues(triangle: Triangle): number[] {
  return triangle.values.map((row) => row[row.length - 1]);
}
