import { InputError } from './InputError';
import type { RowBase, Table } from './parseTable';
import { findTableFile, loadTable, type ReadOptions, requireTableFile } from './readTable';
import type { RowOf } from './rows';
import type { TableName } from './schema';

/** The tables of a data folder that a command asked for (absent optional tables are undefined). */
export type DataFolder<Req extends TableName, Opt extends TableName = never> = { readonly dir: string } & {
  readonly [N in Req]: Table<RowOf[N]>;
} & { readonly [N in Opt]?: Table<RowOf[N]> };

/** A row that names a product. */
type ProductKeyed = RowBase & { readonly product_code: string | null };

/** Tables that may legitimately have a header and no rows. */
const MAY_BE_EMPTY: ReadonlySet<TableName> = new Set(['claims']);

/** Tables whose product_code must name a product in the products table. */
const PRODUCT_REFERENCES: readonly TableName[] = ['finance', 'loadings', 'claims', 'policies', 'assumptions'];

/**
 * Loads the named tables of a data folder, typed and validated, and checks that every
 * product code they use is in the products table (when that table is loaded).
 *
 * @param required tables that must exist
 * @param optional tables read when present
 * @throws InputError for a missing required table, any bad cell, or an unknown product.
 * @example const { finance, products } = await loadDataFolder('data/sample', ['products', 'finance']);
 */
export async function loadDataFolder<Req extends TableName, Opt extends TableName = never>(
  dir: string,
  required: readonly Req[],
  optional: readonly Opt[] = [],
  options: ReadOptions = {},
): Promise<DataFolder<Req, Opt>> {
  const out: Record<string, unknown> = { dir };
  for (const name of required) {
    out[name] = await loadTable(requireTableFile(dir, name), name, { ...options, allowEmpty: MAY_BE_EMPTY.has(name) });
  }
  for (const name of optional) {
    const path = findTableFile(dir, name);
    if (path) out[name] = await loadTable(path, name, { ...options, allowEmpty: MAY_BE_EMPTY.has(name) });
  }
  const products = out.products as Table<RowOf['products']> | undefined;
  if (products) {
    for (const name of PRODUCT_REFERENCES) {
      const table = out[name] as Table<ProductKeyed> | undefined;
      if (table) checkProductCodes(table, products);
    }
  }
  return out as DataFolder<Req, Opt>;
}

/**
 * Checks that every row's product_code is a known product.
 * @throws InputError naming the first row with an unknown product.
 */
export function checkProductCodes(table: Table<ProductKeyed>, products: Table<RowOf['products']>): void {
  const known = new Set(products.rows.map((p) => p.product_code));
  for (const row of table.rows) {
    if (row.product_code !== null && !known.has(row.product_code)) {
      throw new InputError(
        { file: table.file, row: row.source_row, column: 'product_code', header: table.headers.product_code },
        `a product listed in ${products.file}`,
        row.product_code,
      );
    }
  }
}
