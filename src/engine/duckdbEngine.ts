import { DuckDBInstance } from '@duckdb/node-api';
import type { SqlEngine, SqlValue } from './sqlEngine';

/** The DuckDB version the package links, read once (`duckdb 1.5.5`). */
let duckdbVersion: string | undefined;

/**
 * Opens an in-memory DuckDB database as a study engine (files are read where they lie; nothing
 * is copied). `threads` defaults to every core; `memoryLimit` (e.g. '4GB') lets larger-than-memory
 * aggregations spill to a temporary folder.
 * @example const engine = await openDuckDB(); await engine.rows('SELECT 42 AS x') // [{ x: 42 }]
 */
export async function openDuckDB(options: { threads?: number; memoryLimit?: string } = {}): Promise<SqlEngine> {
  const settings: Record<string, string> = {};
  if (options.threads) settings.threads = String(options.threads);
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  if (duckdbVersion === undefined) {
    const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
    duckdbVersion = `duckdb ${String(version).replace(/^v/, '')}`;
  }
  return {
    dialect: 'duckdb',
    description: duckdbVersion,
    async run(sql) {
      await connection.run(sql);
    },
    async rows(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, SqlValue>[];
    },
    async integerTable(name, columns, rows) {
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${columns.map((c) => `${c} INTEGER`).join(', ')})`);
      const appender = await connection.createAppender(name, 'main', 'temp');
      for (const row of rows) {
        for (const v of row) appender.appendInteger(v);
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
