/**
 * The engines experience studies run on: DuckDB embedded (the default, over the data folder's
 * files) and ClickHouse (a warehouse database, possibly a cluster). Both take the same compiled
 * study; only aggregated rows come back.
 */

/** The SQL dialect of an engine. */
export type Dialect = 'duckdb' | 'clickhouse';

/** A scalar as it comes back from an engine (64-bit integers as bigint or decimal text). */
export type SqlValue = string | number | bigint | boolean | null;

/** A connection to an engine, for the duration of one study. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** What the manifest records: `duckdb 1.5.5`, or `clickhouse 18.16.1 at 127.0.0.1:18123/awb`. */
  readonly description: string;
  /** Runs a statement that returns no rows. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its rows as objects keyed by column name. */
  rows(sql: string): Promise<Record<string, SqlValue>[]>;
  /** Creates a temporary table of 32-bit integer columns and fills it (segment tables, small lookups). */
  integerTable(name: string, columns: readonly string[], rows: readonly (readonly number[])[]): Promise<void>;
  close(): Promise<void>;
}

/** A 64-bit integer from an engine as a JavaScript number, exactly (throws past 2⁵³). */
export function exactNumber(value: SqlValue, what: string): number {
  if (value === null) return 0;
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what}: ${String(value)} is not a whole number below 2^53`);
  return n;
}
