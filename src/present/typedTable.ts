import type { TableCell, TableRow } from '../evidence/csv';
import { type ColumnDeclaration, type Label, type TableDeclaration } from './column';
import { inferColumn, keyLabel } from './inferColumn';

/**
 * An output table with typed columns: what every presenter (CSV, workbook, report, terminal,
 * notebook frame) needs to show it the same way.
 */
export interface TypedTable {
  /** The table's name in the bundle (`tables/<name>.csv`, the workbook's sheet). */
  readonly name: string;
  readonly title: Label;
  /** Every column of the rows, in the order of the rows' keys. */
  readonly columns: readonly ColumnDeclaration[];
  readonly rows: readonly TableRow[];
}

/** The keys of all rows, in first-seen order. */
export function rowKeys(rows: readonly TableRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/**
 * Types an output table: each column of the rows (in the order of their keys) takes its kind and
 * labels from the declaration when it declares the key, else from `inferColumn` (known columns,
 * then the values). The title is the declaration's, else the name.
 * @example typedTable('loss_ratios', [{ product_code: 'ACC01', loss_ratio: 0.2} ]).columns.map((c) => c.kind) // ['code', 'rate']
 */
export function typedTable(name: string, rows: readonly TableRow[], declaration?: TableDeclaration): TypedTable {
  const declared = new Map((declaration?.columns ?? []).map((c) => [c.key, c]));
  const columns = rowKeys(rows).map((key) => declared.get(key) ?? inferColumn(key, rows.map((r): TableCell => r[key] ?? null)));
  const title = declaration?.title ?? { en: keyLabel(name), zh: keyLabel(name) };
  return { name, title, columns, rows };
}
