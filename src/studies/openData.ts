import { existsSync, statSync } from 'node:fs';
import { checkProductCodes, type DataFolder } from '../data/dataFolder';
import { InputError } from '../data/InputError';
import type { RowBase, Table } from '../data/parseTable';
import { findTableFile, loadTable, type ReadOptions, requireTableFile } from '../data/readTable';
import type { RowOf } from '../data/rows';
import type { TableName } from '../data/schema';

/** Tables that may legitimately have a header and no rows. */
const MAY_BE_EMPTY: ReadonlySet<TableName> = new Set(['claims']);

/** Tables whose product_code must name a product in the products table. */
const PRODUCT_REFERENCES: ReadonlySet<TableName> = new Set<TableName>(['finance', 'loadings', 'claims', 'policies', 'assumptions']);

/**
 * A data folder opened for studies: each table is read, typed and validated once, on first use,
 * and kept; every study on the same `Data` shares it. Product codes of finance, loadings, claims,
 * policies and assumptions are checked against the products table when they load.
 */
export interface Data {
  /** The folder, as given. */
  readonly dir: string;
  /** How its CSV, TSV and XLSX files are read (encoding, header row). */
  readonly read: ReadOptions;
  /** The file of a table, or undefined when the folder has none (nothing is read). */
  file(name: TableName): string | undefined;
  /**
   * A table, loaded and validated on first use.
   * @throws InputError when the folder has no such table, or for its first bad cell.
   */
  table<N extends TableName>(name: N): Promise<Table<RowOf[N]>>;
  /** A table when the folder has it (loaded on first use), else undefined. */
  optionalTable<N extends TableName>(name: N): Promise<Table<RowOf[N]> | undefined>;
  /** Several tables at once, in the shape `loadDataFolder` gives (absent optional tables are left out). */
  tables<Req extends TableName, Opt extends TableName = never>(required: readonly Req[], optional?: readonly Opt[]): Promise<DataFolder<Req, Opt>>;
}

/**
 * Opens a data folder for studies. Nothing is read until a study asks for a table; then each
 * table is read once, however many studies use it (`awb review` reads products once for its
 * five sections).
 * @param read the encoding and header row of the folder's CSV, TSV and XLSX files
 * @throws InputError when `dir` is not an existing folder.
 * @example const data = await openData('data/sample');
 * (await data.table('products')).rows.length // 15 (the sample company's products)
 */
export async function openData(dir: string, read: ReadOptions = {}): Promise<Data> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError({ file: dir }, 'an existing data folder');
  const parsed = new Map<TableName, Promise<Table<RowBase>>>();
  const checked = new Set<TableName>();

  // Reads and validates a table's cells, once (a table that failed is read again on the next request).
  const parse = <N extends TableName>(name: N, path: string): Promise<Table<RowOf[N]>> => {
    let table = parsed.get(name);
    if (!table) {
      table = loadTable(path, name, { ...read, allowEmpty: MAY_BE_EMPTY.has(name) }) as Promise<Table<RowBase>>;
      table.catch(() => parsed.delete(name));
      parsed.set(name, table);
    }
    return table as Promise<Table<RowOf[N]>>;
  };

  // Checks the product codes of a loaded table against the products table, once.
  const checkProducts = async (name: TableName, table: Table<RowBase>): Promise<void> => {
    if (checked.has(name) || !PRODUCT_REFERENCES.has(name)) return;
    const products = findTableFile(dir, 'products');
    if (products) checkProductCodes(table as Table<RowBase & { readonly product_code: string | null }>, await parse('products', products));
    checked.add(name);
  };

  const data: Data = {
    dir,
    read,
    file: (name) => findTableFile(dir, name),
    table: async (name) => {
      const table = await parse(name, requireTableFile(dir, name));
      await checkProducts(name, table);
      return table;
    },
    optionalTable: async (name) => {
      const path = findTableFile(dir, name);
      if (path === undefined) return undefined;
      const table = await parse(name, path);
      await checkProducts(name, table);
      return table;
    },
    // As loadDataFolder: every table is read before product codes are checked, in the same order.
    tables: async <Req extends TableName, Opt extends TableName = never>(required: readonly Req[], optional: readonly Opt[] = []) => {
      const out: Record<string, unknown> = { dir };
      for (const name of required) out[name] = await parse(name, requireTableFile(dir, name));
      for (const name of optional) {
        const path = findTableFile(dir, name);
        if (path) out[name] = await parse(name, path);
      }
      if (out.products) {
        for (const name of PRODUCT_REFERENCES) if (out[name]) await checkProducts(name, out[name] as Table<RowBase>);
      }
      return out as DataFolder<Req, Opt>;
    },
  };
  return data;
}
