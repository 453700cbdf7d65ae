import { InputError, type InputLocation } from '../data/InputError';
import { duplicateKeyError, parseTable, type RowBase, rowKey, type Table } from '../data/parseTable';
import type { RawTable } from '../data/rawTable';
import { ROW_CHECKS } from '../data/rowChecks';
import type { RowOf } from '../data/rows';
import { type ColumnSpec, TABLES, type TableName } from '../data/schema';
import type { StudyDiagnosis, StudySource } from '../exposure/experienceStudy';
import { type ClickHouseEngine, type ClickHouseUrl, openClickHouse } from './clickhouseEngine';
import type { SqlValue } from './sqlEngine';
import { SQL_ROW_CHECKS, type StudyTable, type StudyTableName } from './studyTable';

/**
 * A data folder in a ClickHouse database, as `awb load` files it: the policies and claims as typed
 * tables (dates as day numbers, money as whole fen, text canonical; sharded by policy number over a
 * cluster, so that a policy's claims sit on its shard), every other table as its cells exactly as
 * the file held them (table `awb_cells`), re-read by the row path, and a catalogue (`awb_tables`):
 * each table's file, header, attribute columns and row count.
 */

/** The tables loaded as typed, sharded tables; the others are kept as cells. */
export const WAREHOUSE_TYPED: readonly StudyTableName[] = ['policies', 'claims'];

/** The ClickHouse type of a schema column in a typed warehouse table. */
export function warehouseType(spec: ColumnSpec): string {
  const base = spec.type === 'date' ? 'Int32' : spec.type === 'money' ? 'Int64' : spec.type === 'integer' || spec.type === 'number' ? 'Float64' : 'String';
  return spec.required ? base : `Nullable(${base})`;
}

/** The warehouse column of the i-th attribute (headers are kept in the catalogue; any text may be a header). */
export function attributeWarehouseColumn(index: number): string {
  return `a_${index}`;
}

/** One table's entry in the catalogue. */
export interface CatalogueEntry {
  readonly table: TableName;
  /** The file it was loaded from, as named to `awb load`. */
  readonly file: string;
  readonly rows: number;
  /** The header as written in the file, in file order. */
  readonly header: readonly string[];
  /** The header row (1 unless the file had rows above its header). */
  readonly header_row: number;
  /** Canonical columns present (typed tables). */
  readonly columns: readonly string[];
  /** The header as written of each canonical column present. */
  readonly headers: Readonly<Record<string, string>>;
  /** Attribute headers in file order; the i-th is column `a_i`. */
  readonly attributes: readonly string[];
}

/** Reads the catalogue of a loaded database. @throws InputError when the database holds no load. */
export async function readCatalogue(engine: ClickHouseEngine): Promise<Map<TableName, CatalogueEntry>> {
  const db = engine.url.database;
  let rows: Record<string, SqlValue>[];
  try {
    rows = await engine.rows(`SELECT table, entry FROM ${db}.awb_tables`);
  } catch {
    throw new InputError({ argument: '--engine' }, `a database loaded by awb load (no table ${db}.awb_tables)`, engine.url.text);
  }
  return new Map(rows.map((r) => [String(r.table) as TableName, JSON.parse(String(r.entry)) as CatalogueEntry]));
}

/** How a warehouse table is named in messages: `clickhouse://host:port/db: policies`. */
export function warehouseTableName(url: ClickHouseUrl, table: string): string {
  return `${url.text} table ${table}`;
}

/**
 * A loaded table kept as cells (products, assumptions, finance, …), typed by the row path exactly as
 * its file was: the same parsers, the same row numbers, the same errors.
 * @throws InputError for a table the database does not hold, or bad cells.
 */
export async function warehouseCellTable<N extends TableName>(engine: ClickHouseEngine, catalogue: ReadonlyMap<TableName, CatalogueEntry>, name: N): Promise<Table<RowOf[N]> | undefined> {
  const entry = catalogue.get(name);
  if (!entry) return undefined;
  const cells = await engine.rows(`SELECT row, col, text FROM ${engine.url.database}.awb_cells WHERE table = '${name}' ORDER BY row, col`);
  const byRow = new Map<number, string[]>();
  for (const c of cells) {
    const row = Number(c.row);
    let cellsOfRow = byRow.get(row);
    if (!cellsOfRow) byRow.set(row, (cellsOfRow = entry.header.map(() => '')));
    cellsOfRow[Number(c.col)] = String(c.text);
  }
  const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
  const raw: RawTable = { file: warehouseTableName(engine.url, name), header: entry.header, headerRow: entry.header_row, rows: rowNumbers.map((r) => byRow.get(r)!), rowNumbers };
  return parseTable<RowOf[N]>(name, raw, { allowEmpty: name === 'claims' });
}

/** The study table of a typed warehouse table: canonical columns and the row checks as flags. */
function warehouseStudyTable(url: ClickHouseUrl, entry: CatalogueEntry, name: StudyTableName): StudyTable {
  const spec = TABLES[name];
  const present = new Set(entry.columns);
  const columns = spec.columns.map((c) => (present.has(c.name) ? c.name : `CAST(NULL AS ${warehouseType({ ...c, required: false })}) AS ${c.name}`));
  const attributes = entry.attributes.map((_, i) => attributeWarehouseColumn(i));
  // ifNull: a comparison with a NULL exit date is NULL in ClickHouse, and a flag must be 0 or 1.
  const flags = name === 'policies' ? ['ifNull(exit_date < issue_date, 0)', '(exit_date IS NOT NULL AND exit_reason IS NULL)', '(exit_date IS NULL AND exit_reason IS NOT NULL)'] : [];
  const select = [...columns, ...attributes, ...flags.map((f, k) => `${f} AS _r${k}`), `${flags.length === 0 ? '0' : flags.map((_, k) => `_r${k} * ${2 ** k}`).join(' + ')} AS _bad`];
  return {
    name,
    file: warehouseTableName(url, name),
    relation: `(SELECT ${select.join(', ')} FROM ${url.database}.${name})`,
    present,
    headers: entry.headers,
    attributes: entry.attributes,
    raw: false,
    checks: SQL_ROW_CHECKS[name],
    flagColumns: flags.map((_, k) => `_r${k}`),
    enumChecks: new Set(),
    column: (column) => (spec.columns.some((c) => c.name === column) ? column : attributeWarehouseColumn(entry.attributes.indexOf(column))),
    readFully: async () => false,
    rereadCost: 'low',
  };
}

/** A typed row of a warehouse table, as the row path would have typed the file's row. */
function typedRow(name: StudyTableName, entry: CatalogueEntry, r: Record<string, SqlValue>): RowBase {
  const record: Record<string, unknown> = {};
  for (const c of TABLES[name].columns) {
    const v = r[c.name];
    record[c.name] = v === null || v === undefined ? null : c.type === 'string' || c.type === 'enum' ? String(v) : Number(v);
  }
  record.attributes = Object.fromEntries(entry.attributes.map((h, i) => [h, r[attributeWarehouseColumn(i)] === null ? '' : String(r[attributeWarehouseColumn(i)])]));
  record.source_row = 0;
  return record as unknown as RowBase;
}

/** Rows of a warehouse table fetched at a time when diagnosing it. */
const DIAGNOSIS_BLOCK = 50_000;

/**
 * Diagnosis of warehouse tables: rows in key order (a warehouse keeps no file order), typed and
 * checked as the row path checks a file's rows; messages name the table and the policy or claim.
 */
function warehouseDiagnosis(engine: ClickHouseEngine, catalogue: ReadonlyMap<TableName, CatalogueEntry>): StudyDiagnosis {
  const scan = async (name: StudyTableName, visit: (row: RowBase, id: string) => boolean | void): Promise<void> => {
    const entry = catalogue.get(name)!;
    const key = name === 'policies' ? 'policy_id' : 'claim_id';
    const columns = [...entry.columns, ...entry.attributes.map((_, i) => attributeWarehouseColumn(i))].join(', ');
    for (let offset = 0; ; offset += DIAGNOSIS_BLOCK) {
      const rows = await engine.rows(`SELECT ${columns} FROM ${engine.url.database}.${name} ORDER BY ${key} LIMIT ${DIAGNOSIS_BLOCK} OFFSET ${offset}`);
      for (const r of rows) if (visit(typedRow(name, entry, r), String(r[key])) === false) return;
      if (rows.length < DIAGNOSIS_BLOCK) return;
    }
  };
  const located = (name: StudyTableName, id: string, error: InputError): InputError =>
    new InputError({ file: warehouseTableName(engine.url, name), column: error.location.column }, `${error.expected} (${name === 'policies' ? 'policy' : 'claim'} ${id})`, error.found);
  return {
    async firstProblem(name, { duplicateKeys, check }) {
      const seen = new Set<string>();
      const rowCheck = ROW_CHECKS[name];
      await scan(name, (row, id) => {
        try {
          rowCheck?.(row, { file: warehouseTableName(engine.url, name), row: 0, headers: {} });
        } catch (error) {
          if (error instanceof InputError) throw located(name, id, error);
          throw error;
        }
        const key = rowKey(name, row);
        if (key !== null && duplicateKeys?.has(key)) {
          if (seen.has(key)) throw located(name, id, duplicateKeyError(name, warehouseTableName(engine.url, name), row, 0, 0));
          seen.add(key);
        }
        const problem = check?.(row);
        if (problem) throw located(name, id, problem);
      });
    },
    async firstRow(name, predicate) {
      let found: InputLocation | null = null;
      await scan(name, (row, id) => {
        if (!predicate(row)) return true;
        found = { file: `${warehouseTableName(engine.url, name)} (${name === 'policies' ? 'policy' : 'claim'} ${id})` };
        return false;
      });
      return found;
    },
  };
}

/** A study source on a loaded ClickHouse database, with its cell tables; close it when done. */
export interface WarehouseSource extends StudySource {
  readonly engine: ClickHouseEngine;
  readonly catalogue: ReadonlyMap<TableName, CatalogueEntry>;
  /** A table kept as cells, typed by the row path; undefined when the database does not hold it. */
  table<N extends TableName>(name: N): Promise<Table<RowOf[N]> | undefined>;
  close(): Promise<void>;
}

/**
 * Opens a database loaded by `awb load` as an experience-study source: the study runs in
 * ClickHouse (on every shard of a cluster) and returns aggregated rows.
 * @throws InputError when the server cannot be reached or holds no load, or its policies table is missing.
 */
export async function openWarehouse(url: ClickHouseUrl): Promise<WarehouseSource> {
  const engine = await openClickHouse(url);
  try {
    const catalogue = await readCatalogue(engine);
    const policies = catalogue.get('policies');
    if (!policies) throw new InputError({ argument: '--engine' }, 'a database holding a policies table loaded by awb load', url.text);
    const claims = catalogue.get('claims');
    return {
      engine,
      catalogue,
      policies: warehouseStudyTable(url, policies, 'policies'),
      claims: claims ? warehouseStudyTable(url, claims, 'claims') : undefined,
      diagnosis: warehouseDiagnosis(engine, catalogue),
      table: (name) => warehouseCellTable(engine, catalogue, name),
      close: () => engine.close(),
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/**
 * The content checksum of a warehouse table, order-free: the row count and the sum (mod 2⁶⁴) of a
 * 64-bit hash of each row's values. Recorded in a bundle's manifest as the table's input hash, so
 * that `awb verify` tells whether the warehouse data changed.
 * @example await tableChecksum(engine, 'policies') // 'rows=10000000 cityhash64-sum=…'
 */
export async function tableChecksum(engine: ClickHouseEngine, catalogue: ReadonlyMap<TableName, CatalogueEntry>, name: TableName): Promise<string> {
  const db = engine.url.database;
  if (WAREHOUSE_TYPED.includes(name as StudyTableName)) {
    const entry = catalogue.get(name)!;
    const columns = [...entry.columns, ...entry.attributes.map((_, i) => attributeWarehouseColumn(i))].map((c) => `ifNull(toString(${c}), '\\\\N')`);
    const r = (await engine.rows(`SELECT count() AS n, toString(sum(cityHash64(${columns.join(', ')}))) AS h FROM ${db}.${name}`))[0];
    return `rows=${String(r.n)} cityhash64-sum=${String(r.h)}`;
  }
  const r = (await engine.rows(`SELECT count() AS n, toString(sum(cityHash64(row, col, text))) AS h FROM ${db}.awb_cells WHERE table = '${name}'`))[0];
  return `cells=${String(r.n)} cityhash64-sum=${String(r.h)}`;
}

/** How a warehouse table is recorded as a bundle's input: `clickhouse://host:port/DB/TABLE`. */
export function warehouseInput(url: ClickHouseUrl, table: string): string {
  const base = url.text.replace(/\?cluster=.*$/, '');
  return `${base}/${table}`;
}

/**
 * The content checksum of a recorded warehouse input (`clickhouse://host:port/DB/TABLE`), for the
 * manifest and for `awb verify`: connects with the environment's credentials.
 * @returns the checksum text, or null when the server or the table cannot be reached.
 */
export async function warehouseInputChecksum(input: string): Promise<string | null> {
  const m = /^(clickhouse:\/\/[^/]+\/[A-Za-z_][A-Za-z0-9_]*)\/([a-z_]+)$/.exec(input);
  if (!m) return null;
  const { parseClickHouseUrl } = await import('./clickhouseEngine');
  let engine: ClickHouseEngine | null = null;
  try {
    engine = await openClickHouse(parseClickHouseUrl(m[1]));
    const catalogue = await readCatalogue(engine);
    if (!catalogue.has(m[2] as TableName)) return null;
    return await tableChecksum(engine, catalogue, m[2] as TableName);
  } catch {
    return null;
  } finally {
    await engine?.close();
  }
}
