import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from './duckdb';
import { InputError } from './InputError';
import { duplicateKeyError, type RowBase, rowKey, rowParser } from './parseTable';
import { parquetCellText, parquetColumns } from './readParquet';
import { readRawTable, type ReadOptions } from './readTable';
import type { RowOf } from './rows';
import { isBlankRow, rowNumberOf, sheetRow } from './rawTable';
import { rowWidthError } from './readCsv';
import type { TableName } from './schema';

/** What `scanTable` does with each typed row. */
export interface ScanOptions<R extends RowBase> extends ReadOptions {
  /**
   * Called with every typed row in file order; return false to stop the scan early.
   */
  readonly visit: (row: R) => boolean | void;
  /**
   * Keys whose repeats are checked (all keys when absent). Checking every key of a large file
   * holds them all in memory; the study engine passes only the keys its SQL found repeated.
   */
  readonly keys?: ReadonlySet<string>;
  /** Accept a header with no data rows (claims); otherwise that is the row path's error. */
  readonly allowEmpty?: boolean;
  /** Called with the header as read (trimmed) and its spreadsheet row. */
  readonly onHeader?: (header: readonly string[], row: number) => void;
}

/** A scanned item: the header (with its row number), or a data row with its spreadsheet row number. */
type ScanItem = { header: string[]; headerRow: number } | { cells: string[]; row: number };

/**
 * Data rows of a CSV file streamed in file order, numbered as the row path numbers them
 * (`parseCsvText`): each record is a row (a quoted line break stays inside its cell), blank rows
 * are skipped but counted, the header is row `headerRow` or the first row that is not blank.
 */
async function* csvRows(path: string, delimiter: string, headerRow?: number): AsyncGenerator<ScanItem> {
  const parser = createReadStream(path).pipe(parse({ delimiter, bom: true, skip_empty_lines: false, relax_column_count: true }));
  let row = 0;
  let header: { header: string[]; headerRow: number } | null = null;
  let index = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (header === null) {
        if (headerRow === undefined ? isBlankRow(cells) : row < headerRow) continue;
        if (isBlankRow(cells)) throw new InputError({ file: path, row }, `the header in row ${row} (--header-row), but that row is blank`);
        header = { header: cells.map((h) => h.trim()), headerRow: row };
        yield header;
        continue;
      }
      if (isBlankRow(cells)) continue;
      const problem = rowWidthError(path, header.header, header.headerRow, cells, row, index === 0, delimiter);
      if (problem) throw problem;
      index++;
      yield { cells, row };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { records?: number; message?: string };
    throw new InputError({ file: path, row: e.records !== undefined ? e.records + 1 : undefined }, `well-formed ${delimiter === '\t' ? 'TSV' : 'CSV'} (${(e.message ?? 'parse error').split('\n')[0]})`);
  }
  if (header === null) throw new InputError({ file: path }, headerRow === undefined ? 'a table with a header row (the file holds no rows)' : `the header in row ${headerRow} (--header-row), but that row is past the end of the table`);
}

/** Data rows of a Parquet file in file order, as the row path reads them (DuckDB's text of each value). */
async function* parquetRows(file: string, path: string): AsyncGenerator<ScanItem> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const { header } = await parquetColumns(connection, file, path);
    yield { header: [...header], headerRow: 1 };
    const select = header.map((h) => parquetCellText(h)).join(', ');
    const result = await connection.stream(`SELECT ${select} FROM read_parquet(${sqlString(path)}, file_row_number = true) ORDER BY file_row_number`);
    let index = 0;
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      for (const row of chunk.getRows()) yield { cells: row.map((v) => (v === null || v === undefined ? '' : String(v))), row: sheetRow(index++) };
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Data rows of any supported file, in file order. */
async function* fileRows(path: string, table: TableName, options: ReadOptions): AsyncGenerator<ScanItem> {
  const ext = extname(path).toLowerCase();
  const utf8 = (options.encoding ?? 'utf-8') === 'utf-8';
  if ((ext === '.csv' || ext === '.tsv' || ext === '.txt') && utf8) {
    yield* csvRows(path, ext === '.tsv' ? '\t' : ',', options.headerRow);
    return;
  }
  if (ext === '.parquet') {
    yield* parquetRows(path, path);
    return;
  }
  const raw = await readRawTable(path, table, options);
  yield { header: [...raw.header], headerRow: raw.headerRow ?? 1 };
  for (let i = 0; i < raw.rows.length; i++) yield { cells: [...raw.rows[i]], row: rowNumberOf(raw, i) };
}

/**
 * Reads a table file row by row in file order, typing each row exactly as `loadTable` does (the
 * same parsers, row checks and key check) without holding the table in memory: the row path's
 * reading of a file of any size. The study engine uses it to name the first bad row of a file its
 * SQL found a problem in.
 * @throws InputError for the first problem in file order, as `loadTable` would.
 * @example await scanTable('policies.csv', 'policies', { visit: (row) => void count++ });
 */
export async function scanTable<N extends TableName>(path: string, name: N, options: ScanOptions<RowOf[N]>): Promise<void> {
  let parser: ReturnType<typeof rowParser<RowOf[N]>> | null = null;
  let headerRow = 1;
  const seen = new Map<string, number>();
  let rows = 0;
  for await (const item of fileRows(path, name, options)) {
    if ('header' in item) {
      if (item.header.length === 0) throw new InputError({ file: path }, `a ${name} table with a header row (the file is empty)`);
      headerRow = item.headerRow;
      options.onHeader?.(item.header, item.headerRow);
      parser = rowParser<RowOf[N]>(name, path, item.header, item.headerRow);
      continue;
    }
    rows++;
    const rowNumber = item.row;
    const row = parser!.parse(item.cells, rowNumber);
    const key = rowKey(name, row);
    if (key !== null && (options.keys === undefined || options.keys.has(key))) {
      const first = seen.get(key);
      if (first !== undefined) throw duplicateKeyError(name, path, row, rowNumber, first);
      seen.set(key, rowNumber);
    }
    if (options.visit(row) === false) return;
  }
  if (rows === 0 && !options.allowEmpty) throw new InputError({ file: path, row: headerRow + 1 }, `at least one data row in the ${name} table (the file has a header only)`);
}
