import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataFolder } from '../data/dataFolder';
import { sqlIdentifier, sqlString } from '../data/duckdb';
import { InputError } from '../data/InputError';
import { CellParseFailure, cellParser } from '../data/parseCell';
import { rowNumberOf } from '../data/rawTable';
import { scanTable } from '../data/scanTable';
import { findTableFile, readRawTable, requireTableFile, type ReadOptions } from '../data/readTable';
import { TABLES, type TableName } from '../data/schema';
import { validateExperience } from '../exposure/experienceStudy';
import { SILENT_PROGRESS, type Progress } from '../progress';
import { stringTextSql } from './cellSql';
import { type ClickHouseEngine, type ClickHouseUrl, openClickHouse } from './clickhouseEngine';
import { openFileSource } from './fileSource';
import type { SqlEngine } from './sqlEngine';
import type { StudyTable, StudyTableName } from './studyTable';
import { attributeWarehouseColumn, type CatalogueEntry, readCatalogue, tableChecksum, WAREHOUSE_TYPED, warehouseType } from './warehouse';

/** What `awb load` filed: each table, the file it came from, its rows and its content checksum. */
export interface LoadSummary {
  readonly engine: string;
  readonly cluster: string | null;
  readonly tables: readonly { readonly table: TableName; readonly file: string; readonly rows: number; readonly checksum: string }[];
}

/**
 * The canonical value of every cell of a typed table, as SQL over its DuckDB study view: dates in
 * day numbers, money in fen, numbers, text trimmed with missing words as NULL, enum spellings
 * mapped to their values by the row path's parser (once per distinct spelling), attributes as written.
 */
async function canonicalSelect(engine: SqlEngine, table: StudyTable): Promise<{ select: string[]; columns: string[] }> {
  const select: string[] = [];
  const columns: string[] = [];
  for (const spec of TABLES[table.name].columns) {
    if (!table.present.has(spec.name)) continue;
    const column = sqlIdentifier(spec.name);
    columns.push(spec.name);
    if (spec.type === 'enum') {
      const parse = cellParser(spec);
      const cases: string[] = [];
      for (const r of await engine.rows(`SELECT DISTINCT ${column} AS v FROM ${table.relation}`)) {
        const text = r.v === null ? '' : String(r.v);
        const value = parse(text);
        if (value !== null && !(value instanceof CellParseFailure)) cases.push(`WHEN ${sqlString(text)} THEN ${sqlString(String(value))}`);
      }
      select.push(cases.length === 0 ? 'NULL' : `(CASE ${column} ${cases.join(' ')} END)`);
    } else if (spec.type === 'string' && spec.name !== 'policy_id' && spec.name !== 'claim_id') {
      select.push(stringTextSql(column));
    } else select.push(column);
  }
  table.attributes.forEach((h, i) => {
    select.push(`nullif(${table.column(h)}, '')`);
    columns.push(attributeWarehouseColumn(i));
  });
  return { select, columns };
}

/** DDL of the typed tables on one server: a MergeTree (a cluster's shard: `*_local` and a Distributed table over them). */
function typedTableDdl(url: ClickHouseUrl, name: StudyTableName, table: StudyTable): string[] {
  const db = url.database;
  const key = name === 'policies' ? 'policy_id' : 'claim_id';
  const columns = [
    ...TABLES[name].columns.filter((c) => table.present.has(c.name)).map((c) => `${c.name} ${warehouseType(c)}`),
    ...table.attributes.map((_, i) => `${attributeWarehouseColumn(i)} Nullable(String)`),
  ].join(', ');
  if (url.cluster === null) return [`CREATE TABLE ${db}.${name} (${columns}) ENGINE = MergeTree ORDER BY ${key}`];
  return [
    `CREATE TABLE ${db}.${name}_local (${columns}) ENGINE = MergeTree ORDER BY ${key}`,
    // Sharded by policy number, so that a policy and its claims are on the same shard.
    `CREATE TABLE ${db}.${name} AS ${db}.${name}_local ENGINE = Distributed(${url.cluster}, ${db}, ${name}_local, cityHash64(policy_id))`,
  ];
}

/** Checks that the URL's hosts are the cluster's shards, one each. */
async function checkCluster(engine: ClickHouseEngine): Promise<void> {
  const url = engine.url;
  if (url.cluster === null) {
    if (url.hosts.length > 1) throw new InputError({ argument: '--engine' }, 'a cluster name (?cluster=NAME) for a URL with several hosts', url.text);
    return;
  }
  const shards = await engine.rows(`SELECT DISTINCT shard_num AS s FROM system.clusters WHERE cluster = ${sqlString(url.cluster)}`);
  if (shards.length === 0) throw new InputError({ argument: '--engine' }, `a cluster that the server defines in remote_servers (no cluster "${url.cluster}")`, url.text);
  if (shards.length !== url.hosts.length) {
    throw new InputError({ argument: '--engine' }, `one HTTP endpoint per shard of cluster ${url.cluster} (${shards.length} shards), to create its tables on each`, url.text);
  }
}

/**
 * Validates a data folder and files it in a ClickHouse database (`awb load`): every table is read
 * and checked exactly as a study would (the row path's errors, exit 2, nothing loaded); the policies
 * and claims go in as typed tables — over a cluster, a MergeTree on each shard and a Distributed
 * table sharded by policy number — the other tables as their cells, with a catalogue. A table of
 * the same name is replaced. Credentials come from AWB_CLICKHOUSE_USER and AWB_CLICKHOUSE_PASSWORD.
 * @throws InputError for bad input in any table, an unreachable server or a URL that does not name
 * the cluster's shards.
 * @example await loadWarehouse(parseClickHouseUrl('clickhouse://127.0.0.1:18123,127.0.0.1:18124/awb?cluster=awb'), 'data/sample')
 */
export async function loadWarehouse(url: ClickHouseUrl, dir: string, read: ReadOptions = {}, progress: Progress = SILENT_PROGRESS): Promise<LoadSummary> {
  const small = (Object.keys(TABLES) as TableName[]).filter((t) => !WAREHOUSE_TYPED.includes(t as StudyTableName) && findTableFile(dir, t) !== undefined);
  const folder = (await loadDataFolder(dir, [], small, read)) as unknown as Record<string, { file: string } | undefined>;
  const products = (folder.products as unknown as { rows: { product_code: string }[]; file: string } | undefined) ?? null;
  const policiesFile = requireTableFile(dir, 'policies');
  const claimsFile = findTableFile(dir, 'claims');

  const work = mkdtempSync(join(tmpdir(), 'awb-load-'));
  const source = await openFileSource({ policies: policiesFile, claims: claimsFile }, read);
  const engines: ClickHouseEngine[] = [];
  try {
    progress.start('Validating policies and claims', 1);
    await validateExperience(source, { knownProducts: products ? new Set(products.rows.map((p) => p.product_code)) : undefined, productsFile: products?.file });
    progress.stop();
    for (const host of url.hosts) engines.push(await openClickHouse(url, host));
    const initiator = engines[0];
    await checkCluster(initiator);
    const db = url.database;
    const typed = [source.policies, ...(source.claims ? [source.claims] : [])];
    for (const engine of engines) {
      await engine.run(`CREATE DATABASE IF NOT EXISTS ${db}`);
      for (const name of [...WAREHOUSE_TYPED, ...WAREHOUSE_TYPED.map((t) => `${t}_local`), 'awb_cells', 'awb_tables']) await engine.run(`DROP TABLE IF EXISTS ${db}.${name}`);
      for (const table of typed) for (const ddl of typedTableDdl(url, table.name, table)) await engine.run(ddl);
      await engine.run(`CREATE TABLE ${db}.awb_cells (table String, row UInt32, col UInt32, text String) ENGINE = MergeTree ORDER BY (table, row, col)`);
      await engine.run(`CREATE TABLE ${db}.awb_tables (table String, entry String) ENGINE = MergeTree ORDER BY table`);
    }

    const entries: CatalogueEntry[] = [];
    for (const table of typed) {
      progress.start(`Loading ${table.name}`, 1);
      const { select, columns } = await canonicalSelect(source.engine, table);
      const csv = join(work, `${table.name}.csv`);
      await source.engine.run(`COPY (SELECT ${select.join(', ')} FROM ${table.relation}) TO ${sqlString(csv)} (FORMAT CSV, HEADER false, NULLSTR '\\N')`);
      await initiator.insertCsv(`${db}.${table.name} (${columns.join(', ')})`, createReadStream(csv));
      const rows = Number((await source.engine.rows(`SELECT count(*) AS n FROM ${table.relation}`))[0].n);
      const header = await readHeader(table.file, table.name, read);
      entries.push({ table: table.name, file: table.file, rows, header: header.header, header_row: header.headerRow, columns: TABLES[table.name].columns.filter((c) => table.present.has(c.name)).map((c) => c.name), headers: table.headers, attributes: table.attributes });
      progress.stop();
    }
    for (const name of small) {
      const file = folder[name]!.file;
      const raw = await readRawTable(file, name, read);
      const cells = raw.rows.flatMap((row, i) => row.map((text, col) => ({ table: name, row: rowNumberOf(raw, i), col, text })));
      for (const engine of engines) await engine.insertObjects(`${db}.awb_cells`, cells);
      entries.push({ table: name, file, rows: raw.rows.length, header: [...raw.header], header_row: raw.headerRow ?? 1, columns: [], headers: {}, attributes: [] });
    }
    for (const engine of engines) await engine.insertObjects(`${db}.awb_tables`, entries.map((e) => ({ table: e.table, entry: JSON.stringify(e) })));
    const catalogue = await readCatalogue(initiator);
    const tables = [];
    for (const e of entries) tables.push({ table: e.table, file: e.file, rows: e.rows, checksum: await tableChecksum(initiator, catalogue, e.table) });
    return { engine: url.text, cluster: url.cluster, tables };
  } finally {
    await source.close();
    for (const engine of engines) await engine.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The header and its row of a table file, as the row path reads them (CSV headers of large files from their first rows). */
async function readHeader(file: string, name: TableName, read: ReadOptions): Promise<{ header: string[]; headerRow: number }> {
  let header: string[] = [];
  let headerRow = 1;
  await scanTable(file, name, {
    ...read,
    keys: new Set(),
    allowEmpty: true,
    onHeader: (h: readonly string[], row: number) => {
      header = [...h];
      headerRow = row;
    },
    visit: () => false,
  });
  return { header, headerRow };
}
