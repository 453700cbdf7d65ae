import type { TableCell, TableRow } from '../evidence/csv';

/** Series drawn from tidy rows: one per group, each with a value (or null) at every x. */
export interface TidySeries {
  /** Distinct x values in ascending order. */
  readonly x: readonly (string | number)[];
  /** One series per group, in ascending order of the group's name ('' when ungrouped). */
  readonly series: readonly { readonly name: string; readonly y: readonly (number | null)[] }[];
}

/** Numbers numerically, text by code point: an order that does not depend on the locale. @example [10, 9].sort(compareCells) // [9, 10]; ['意', '医'].sort(compareCells) // ['医', '意'] */
export function compareCells(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function key(cell: TableCell, column: string): string | number {
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  throw new RangeError(`chart: column ${column} must hold text or numbers, found ${JSON.stringify(cell)}`);
}

/**
 * Arranges tidy rows (one row per x and group) into series. The result does not depend on
 * the order of the rows: x values and groups are sorted.
 * @throws RangeError when two rows have the same x and group, or a y value is not a number (null is a gap).
 * @example tidySeries([{ q: '2024Q2', v: 2 }, { q: '2024Q1', v: 1 }], 'q', 'v') // { x: ['2024Q1', '2024Q2'], series: [{ name: '', y: [1, 2] }] }
 */
export function tidySeries(rows: readonly TableRow[], x: string, y: string, group?: string): TidySeries {
  const xs = new Map<string | number, number>();
  const groups = new Map<string, Map<string | number, number | null>>();
  for (const row of rows) {
    const xv = key(row[x] ?? null, x);
    const name = group === undefined ? '' : String(key(row[group] ?? null, group));
    const value = row[y] ?? null;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new RangeError(`chart: column ${y} must hold finite numbers (or null for a gap), found ${JSON.stringify(value)}`);
    }
    const values = groups.get(name) ?? new Map<string | number, number | null>();
    if (values.has(xv)) throw new RangeError(`chart: two rows for ${x} = ${xv}${group === undefined ? '' : ` and ${group} = ${name}`}; aggregate the rows first`);
    values.set(xv, value);
    groups.set(name, values);
    xs.set(xv, 0);
  }
  const xOrder = [...xs.keys()].sort(compareCells);
  const names = [...groups.keys()].sort(compareCells);
  return { x: xOrder, series: names.map((name) => ({ name, y: xOrder.map((xv) => groups.get(name)!.get(xv) ?? null) })) };
}
