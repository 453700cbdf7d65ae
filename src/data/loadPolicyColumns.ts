import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Progress } from '../progress';
import { InputError } from './InputError';
import type { Table } from './parseTable';
import { policyColumnsFromTable, type PolicyColumns } from './policyColumns';
import { ALWAYS_READ, readPolicyColumnsDuckDB } from './policyColumnsDuckDB';
import { loadTable, type ReadOptions } from './readTable';
import type { ProductRow } from './rows';

/** Which reader loads the policies: chosen by file kind and size, or forced. */
export type PolicyReader = 'auto' | 'rows' | 'duckdb';

export interface LoadPolicyColumnsOptions extends ReadOptions {
  /** 'auto' (default): DuckDB for Parquet and for UTF-8 CSV of at least `largeCsvBytes`, the row path otherwise. */
  readonly reader?: PolicyReader;
  /** Size from which a CSV is read through DuckDB (default 64 MiB). */
  readonly largeCsvBytes?: number;
  /** Keep policy numbers (default true; needed to join claims). */
  readonly policyIds?: boolean;
  /**
   * Optional columns to keep (premium, sum_assured, age_at_issue, gender, channel, region or
   * attribute headers); all when absent. The DuckDB reader does not read the others at all; the
   * row path reads and validates them, then leaves them out, so both give the same columns.
   */
  readonly columns?: readonly string[];
  readonly progress?: Progress;
  /** DuckDB worker threads (default: every core). */
  readonly threads?: number;
}

/** CSV files from this size are read through DuckDB by default. */
export const LARGE_CSV_BYTES = 64 * 1024 * 1024;

/**
 * Loads a policies table into the columnar form the exposure engine runs on. XLSX and small
 * CSV go through the row path (`loadTable` + `policyColumnsFromTable`); Parquet and large CSV
 * through DuckDB, streamed into typed arrays (see `readPolicyColumnsDuckDB`). Both paths accept
 * the same headers and values and raise the same errors.
 * @throws InputError for a missing file or any bad input, naming file, row and column.
 * @example const policies = await loadPolicyColumns('data/sample/policies.csv');
 */
export async function loadPolicyColumns(path: string, options: LoadPolicyColumnsOptions = {}): Promise<PolicyColumns> {
  if (!existsSync(path)) throw new InputError({ file: path }, 'an existing policies file');
  const ext = extname(path).toLowerCase();
  const reader = options.reader ?? 'auto';
  const csv = ext === '.csv' || ext === '.tsv';
  const utf8 = (options.encoding ?? 'utf-8') === 'utf-8';
  const duckdb =
    reader === 'duckdb' || (reader === 'auto' && (ext === '.parquet' || (csv && utf8 && statSync(path).size >= (options.largeCsvBytes ?? LARGE_CSV_BYTES))));
  if (duckdb) {
    if (!(ext === '.parquet' || csv)) throw new InputError({ file: path }, 'a Parquet or CSV file for the DuckDB reader');
    if (!utf8) throw new InputError({ file: path }, 'a UTF-8 file for the DuckDB reader (other encodings take the row path)');
    return readPolicyColumnsDuckDB(path, { policyIds: options.policyIds, columns: options.columns, progress: options.progress, threads: options.threads });
  }
  return keepColumns(policyColumnsFromTable(await loadTable(path, 'policies', options)), options);
}

/** The row path's columns cut down to what `policyIds` and `columns` ask for. */
function keepColumns(all: PolicyColumns, options: LoadPolicyColumnsOptions): PolicyColumns {
  const keep = options.columns;
  const blank = (name: string, column: Float64Array) => (keep === undefined || keep.includes(name) ? column : new Float64Array(all.length).fill(NaN));
  return {
    ...all,
    policy_id: options.policyIds === false ? undefined : all.policy_id,
    premium: blank('premium', all.premium),
    sum_assured: blank('sum_assured', all.sum_assured),
    age_at_issue: blank('age_at_issue', all.age_at_issue),
    attributes: keep === undefined ? all.attributes : new Map([...all.attributes].filter(([name]) => keep.includes(name))),
    headers: keep === undefined ? all.headers : Object.fromEntries(Object.entries(all.headers ?? {}).filter(([name]) => [...ALWAYS_READ, ...keep].includes(name))),
  };
}

/**
 * Checks that every policy names a product of the products table (the columnar counterpart of
 * `checkProductCodes`), reporting the first such policy in file order.
 * @throws InputError naming the policies file, row and product code.
 */
export function checkPolicyProducts(policies: PolicyColumns, products: Table<ProductRow>): void {
  const known = new Set(products.rows.map((p) => p.product_code));
  const levels = policies.product_code.levels;
  const unknown = levels.map((code) => !known.has(code));
  if (!unknown.some(Boolean)) return;
  const codes = policies.product_code.codes;
  for (let i = 0; i < policies.length; i++) {
    if (codes[i] >= 0 && unknown[codes[i]]) {
      throw new InputError(
        { file: policies.file, row: policies.source_row?.[i] ?? i + 2, column: 'product_code', header: policies.headers?.product_code },
        `a product listed in ${products.file}`,
        levels[codes[i]],
      );
    }
  }
}
