import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBDataChunk, DuckDBInstance, INTEGER } from '@duckdb/node-api';
import { InputError } from '../data/InputError';
import type { SqlEngine, SqlValue } from './sqlEngine';

/** The environment variable that sets DuckDB's memory limit (default `DEFAULT_MEMORY_LIMIT`). */
export const DUCKDB_MEMORY_VARIABLE = 'AWB_DUCKDB_MEMORY_LIMIT';

/**
 * DuckDB's memory limit unless AWB_DUCKDB_MEMORY_LIMIT says otherwise: beyond it, aggregations
 * spill to a temporary folder, so a company of 100 million policies runs in ≈5 GB of memory
 * (DuckDB's own default, 80% of the machine's memory, let it reach 7 GB).
 */
export const DEFAULT_MEMORY_LIMIT = '4GB';

/** Rows per data chunk appended to a table: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/** The DuckDB version the package links, read once (`duckdb 1.5.5`). */
let duckdbVersion: string | undefined;

/** The variable that makes the engine print each statement's time and first words to stderr (for profiling; `full` prints whole statements). */
const TRACE_VARIABLE = 'AWB_TRACE_SQL';

/** Runs one statement, printing its wall time when AWB_TRACE_SQL is set. */
async function traced<T>(sql: string, run: () => Promise<T>): Promise<T> {
  if (!process.env[TRACE_VARIABLE]) return run();
  const started = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stderr.write(`[${TRACE_VARIABLE} at ${(process.uptime() * 1000).toFixed(0)} ms] ${ms.toFixed(0).padStart(6)} ms  ${process.env[TRACE_VARIABLE] === 'full' ? sql : sql.replace(/\s+/g, ' ').slice(0, 100)}\n`);
  return result;
}

/**
 * Opens an in-memory DuckDB database as a study engine (files are read where they lie; nothing
 * is copied). `threads` defaults to every core; `memoryLimit` (e.g. '4GB'; default
 * AWB_DUCKDB_MEMORY_LIMIT or `DEFAULT_MEMORY_LIMIT`) bounds its memory, larger-than-memory
 * aggregations spilling to a temporary folder removed on close.
 * @throws InputError for a memory limit DuckDB does not accept.
 * @example const engine = await openDuckDB(); await engine.rows('SELECT 42 AS x') // [{ x: 42 }]
 */
export async function openDuckDB(options: { threads?: number; memoryLimit?: string } = {}): Promise<SqlEngine> {
  const memory = options.memoryLimit ?? process.env[DUCKDB_MEMORY_VARIABLE] ?? DEFAULT_MEMORY_LIMIT;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memory)) throw new InputError({ argument: DUCKDB_MEMORY_VARIABLE }, 'a memory size such as 4GB or 512MB', memory);
  const spill = mkdtempSync(join(tmpdir(), 'awb-duckdb-'));
  const settings: Record<string, string> = { memory_limit: memory, temp_directory: spill };
  if (options.threads) settings.threads = String(options.threads);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(':memory:', settings);
  } catch (error) {
    rmSync(spill, { recursive: true, force: true });
    throw error;
  }
  const connection = await instance.connect();
  if (duckdbVersion === undefined) {
    const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0].v;
    duckdbVersion = `duckdb ${String(version).replace(/^v/, '')}`;
  }
  return {
    dialect: 'duckdb',
    description: duckdbVersion,
    async run(sql) {
      await traced(sql, () => connection.run(sql));
    },
    async rows(sql) {
      return traced(sql, async () => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, SqlValue>[]);
    },
    async integerTable(name, columns, rows) {
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${columns.map((c) => `${c} INTEGER`).join(', ')})`);
      // A vector's worth of rows at a time: four times faster than appending value by value (a monthly segment table has a million rows).
      const appender = await connection.createAppender(name, 'main', 'temp');
      const types = columns.map(() => INTEGER);
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const count = Math.min(CHUNK_ROWS, rows.length - start);
        const chunk = DuckDBDataChunk.create(types, count);
        chunk.setColumns(columns.map((_, c) => Array.from({ length: count }, (_, i) => rows[start + i][c])));
        appender.appendDataChunk(chunk);
      }
      appender.closeSync();
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
