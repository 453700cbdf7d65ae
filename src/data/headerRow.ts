import { InputError } from './InputError';
import { type RawTable, rowNumberOf } from './rawTable';
import { type ColumnSpec, normaliseKey, type TableSpec } from './schema';

/** Rows below the header searched for the real header when the header row is not one. */
const ROWS_SEARCHED = 20;

/** The table's columns by every accepted header (canonical name and aliases), normalised. */
function headerLookup(spec: TableSpec): Map<string, ColumnSpec> {
  const byKey = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    byKey.set(normaliseKey(column.name), column);
    for (const alias of column.aliases ?? []) byKey.set(normaliseKey(alias), column);
  }
  return byKey;
}

/**
 * Whether a row reads as the table's header: no empty cell, every required column named, and
 * at least one of the table's columns named.
 */
function isHeaderLike(cells: readonly string[], spec: TableSpec, lookup: ReadonlyMap<string, ColumnSpec>): boolean {
  let width = cells.length;
  while (width > 0 && cells[width - 1].trim() === '') width--;
  const used = cells.slice(0, width);
  if (used.length === 0 || used.some((cell) => cell.trim() === '')) return false;
  const named = new Set(used.map((cell) => lookup.get(normaliseKey(cell))?.name).filter((n): n is string => n !== undefined));
  return named.size > 0 && spec.columns.every((c) => !c.required || named.has(c.name));
}

/**
 * The error for a header that is not in the header row: when the header row does not read as
 * the table's header (an empty cell, a required column missing) but one of the next rows does —
 * typically a title row above the header — the message says which row looks like the header and
 * how to read it (`--header-row N`, or delete the rows above it).
 * @returns the error to throw, or null when the header row is fine or no better row is found
 * (the header's own checks then say what is wrong).
 * @example misplacedHeaderError(TABLES.finance, { file: 'f.xlsx', header: ['Finance 2025', ''], rows: [['product_code', 'period', …]] })
 * // f.xlsx, row 1: expected the finance table's header in row 1 (row 1 reads "Finance 2025", a title?), but it looks like row 2: delete the rows above the header or pass --header-row 2
 */
export function misplacedHeaderError(spec: TableSpec, raw: RawTable): InputError | null {
  const lookup = headerLookup(spec);
  if (isHeaderLike(raw.header, spec, lookup)) return null;
  const limit = Math.min(raw.rows.length, ROWS_SEARCHED);
  for (let i = 0; i < limit; i++) {
    if (!isHeaderLike(raw.rows[i], spec, lookup)) continue;
    const headerRow = raw.headerRow ?? 1;
    const row = rowNumberOf(raw, i);
    const title = raw.header.filter((h) => h.trim() !== '').join(' ');
    const shown = title.length > 40 ? `${title.slice(0, 37)}...` : title;
    return new InputError(
      { file: raw.file, row: headerRow },
      `the ${spec.name} table's header in row ${headerRow}${shown === '' ? '' : ` (row ${headerRow} reads "${shown}", a title?)`}, but it looks like row ${row}: delete the rows above the header or pass --header-row ${row}`,
    );
  }
  return null;
}
