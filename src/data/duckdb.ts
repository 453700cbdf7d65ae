import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/**
 * Runs `work` with a connection to a fresh in-memory DuckDB database and closes it after.
 * DuckDB reads Parquet and large CSV files; `threads` defaults to every core.
 */
export async function withDuckDB<T>(work: (connection: DuckDBConnection) => Promise<T>, options: { threads?: number } = {}): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Quotes a file path or text as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Quotes an identifier (a column header as written). */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
