import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError } from './InputError';
import { parseTable, type ParseTableOptions, type Table } from './parseTable';
import type { RawTable } from './rawTable';
import { decodeText, parseCsvText, type TextEncoding } from './readCsv';
import { readParquetRaw } from './readParquet';
import { parseXlsx } from './readXlsx';
import type { RowOf } from './rows';
import type { TableName } from './schema';

/** File extensions a table may have, in the order they are looked for. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.xlsx', '.parquet'] as const;

/** How to read a table file (`--encoding`, `--header-row`). */
export interface ReadOptions {
  /** Text encoding of CSV/TSV files (default UTF-8; a byte-order mark decides when present). */
  readonly encoding?: TextEncoding;
  /**
   * The spreadsheet row holding the header in CSV, TSV and XLSX files (1-based; rows above it,
   * such as a title, are ignored). Default: the first row that is not blank.
   */
  readonly headerRow?: number;
}

/**
 * Reads any supported file (CSV, TSV, XLSX, Parquet) into text cells.
 * @param table the table name, used to pick the XLSX sheet and in messages
 * @throws InputError when the file is missing, of an unknown kind, empty or unreadable.
 */
export async function readRawTable(path: string, table: string, options: ReadOptions = {}): Promise<RawTable> {
  if (!existsSync(path)) throw new InputError({ file: path }, `an existing ${table} file`);
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.csv':
    case '.txt':
    case '.tsv': {
      const text = decodeText(path, readFileSync(path), options.encoding);
      return parseCsvText(path, text, ext === '.tsv' ? '\t' : ',', options.headerRow);
    }
    case '.xlsx':
    case '.xlsm': {
      const bytes = readFileSync(path);
      if (bytes.length === 0) throw new InputError({ file: path }, 'an XLSX workbook (the file is empty: 0 bytes)');
      return parseXlsx(path, bytes, table, options.headerRow);
    }
    case '.parquet':
      return readParquetRaw(path, path);
    default:
      throw new InputError({ file: path }, `a .csv, .tsv, .xlsx or .parquet file for the ${table} table`);
  }
}

/**
 * Reads and types one input table from a file.
 * @example const finance = await loadTable('data/sample/finance.csv', 'finance');
 * @throws InputError for any bad input (see parseTable).
 */
export async function loadTable<N extends TableName>(path: string, name: N, options: ReadOptions & ParseTableOptions = {}): Promise<Table<RowOf[N]>> {
  return parseTable<RowOf[N]>(name, await readRawTable(path, name, options), options);
}

/**
 * Finds a table's file in a data folder: `<name>.csv`, `.tsv`, `.xlsx` or `.parquet`.
 * @returns the path, or undefined when the folder has none.
 * @throws InputError when the folder holds the table in more than one format.
 */
export function findTableFile(dir: string, name: TableName): string | undefined {
  const found = TABLE_EXTENSIONS.map((ext) => join(dir, name + ext)).filter((p) => existsSync(p));
  if (found.length > 1) throw new InputError({ file: found.join(', ') }, `one file for the ${name} table, not ${found.length}`);
  return found[0];
}

/**
 * Path of a table a command needs.
 * @throws InputError when the data folder does not hold it.
 */
export function requireTableFile(dir: string, name: TableName): string {
  if (!existsSync(dir)) throw new InputError({ file: dir }, 'an existing data folder');
  const path = findTableFile(dir, name);
  if (!path) throw new InputError({ file: join(dir, `${name}.csv`) }, `the ${name} table in the data folder (as ${name}.csv, .tsv, .xlsx or .parquet)`);
  return path;
}
