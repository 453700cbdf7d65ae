import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdentifier, sqlString, withDuckDB } from './duckdb';
import { InputError } from './InputError';
import type { RawTable } from './rawTable';

/** A Parquet file's columns: the header (column names) and DuckDB's type of each. */
export interface ParquetColumns {
  readonly header: readonly string[];
  readonly types: readonly string[];
}

/**
 * Reads a Parquet file's column names and types.
 * @throws InputError when the file is not readable Parquet.
 */
export async function parquetColumns(connection: DuckDBConnection, file: string, path: string): Promise<ParquetColumns> {
  try {
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`)).getRowsJson() as string[][];
    return { header: described.map((r) => r[0]), types: described.map((r) => r[1]) };
  } catch (error) {
    throw new InputError({ file }, `a Parquet file (${(error as Error).message.split('\n')[0]})`);
  }
}

/**
 * The SQL text of a Parquet column's cell, as the row path reads it: DuckDB's own VARCHAR
 * rendering of the value (ISO dates, plain decimals), so that the row path and the study engine
 * see the same text for the same cell.
 */
export function parquetCellText(column: string): string {
  return `CAST(${sqlIdentifier(column)} AS VARCHAR)`;
}

/**
 * Reads a (small) Parquet table through DuckDB into text cells, so that it is typed and
 * validated exactly like CSV and XLSX.
 * @throws InputError when the file is not readable Parquet.
 */
export async function readParquetRaw(file: string, path: string): Promise<RawTable> {
  return withDuckDB(async (connection) => {
    const { header } = await parquetColumns(connection, file, path);
    const select = header.map((h) => parquetCellText(h)).join(', ');
    const reader = await connection.runAndReadAll(`SELECT ${select} FROM read_parquet(${sqlString(path)}, file_row_number = true) ORDER BY file_row_number`);
    const rows = reader.getRows().map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
    return { file, header, rows };
  });
}
