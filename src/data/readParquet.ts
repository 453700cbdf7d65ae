import { withDuckDB, sqlString } from './duckdb';
import { InputError } from './InputError';
import type { RawTable } from './rawTable';

/**
 * Reads a (small) Parquet table through DuckDB into text cells, so that it is typed and
 * validated exactly like CSV and XLSX. Large policy files take the columnar path instead.
 * @throws InputError when the file is not readable Parquet.
 */
export async function readParquetRaw(file: string, path: string): Promise<RawTable> {
  return withDuckDB(async (connection) => {
    let reader;
    try {
      reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`);
    } catch (error) {
      throw new InputError({ file }, `a Parquet file (${(error as Error).message.split('\n')[0]})`);
    }
    const header = reader.columnNames();
    const rows = reader.getRows().map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
    return { file, header, rows };
  });
}
