import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { sqlIdentifier, sqlString } from '../data/duckdb';
import { InputError } from '../data/InputError';
import { misplacedHeaderError } from '../data/headerRow';
import { isPersonalHeader } from '../data/personalHeaders';
import { mapHeaders } from '../data/parseTable';
import { isBlankRow, rawTableFromRows } from '../data/rawTable';
import { parquetCellText } from '../data/readParquet';
import { readRawTable, type ReadOptions } from '../data/readTable';
import { type ColumnSpec, normaliseKey, TABLES, type TableName, type TableSpec } from '../data/schema';
import { dateTextSql, integerTextSql, isMissingSql, jsTrimSql, moneyTextSql, stringTextSql, type CellSql } from './cellSql';
import type { SqlEngine } from './sqlEngine';

/** The tables an experience study reads through an engine. */
export type StudyTableName = 'policies' | 'claims';

/**
 * A policies or claims table as an engine relation with canonical columns: dates as day numbers
 * (`issue_date`, …), money as whole fen, whole numbers as numbers, ids trimmed, and the text of
 * every other column (product, enums, attributes) either raw, as the file holds it, to be read by
 * the row path's own parsers once per distinct value (`raw`), or already canonical (a warehouse
 * table loaded by `awb load`). Column `_bad` flags, one bit per entry of `checks`, what the SQL
 * reading found wrong in the row.
 */
export interface StudyTable {
  readonly name: StudyTableName;
  /** The file as the user named it (or the warehouse table), for messages. */
  readonly file: string;
  /** A relation (view, table or subquery) the study selects from. */
  readonly relation: string;
  /** Canonical columns present. */
  readonly present: ReadonlySet<string>;
  /** The header as written for each canonical column present. */
  readonly headers: Readonly<Record<string, string>>;
  /** Attribute columns (headers not in the schema), in file order. */
  readonly attributes: readonly string[];
  /** Whether mapped columns hold raw cell text (a file) rather than canonical values (a warehouse). */
  readonly raw: boolean;
  /** What each bit of `_bad` stands for: a canonical column whose cell is bad, or a row check. */
  readonly checks: readonly string[];
  /** The relation's boolean column of each check (`_bad` sums them as bits). */
  readonly flagColumns: readonly string[];
  /**
   * Checks that only test an enum value against its accepted spellings: a study that groups by
   * the column reads each distinct value with the row path's parser instead, and may skip them.
   */
  readonly enumChecks: ReadonlySet<string>;
  /** The SQL column of a canonical column or attribute header in `relation`. */
  column(name: string): string;
  /**
   * Makes `relation` the full reading when it is a fast one (a file is first read by canonical
   * spellings alone, and a flag then also marks a cell written otherwise): @returns whether it
   * changed, so that what was computed on the fast reading is computed again.
   */
  readFully(): Promise<boolean>;
  /**
   * What reading the relation again costs: 'high' for a text file, parsed again by every read
   * (a study then does in one scan what it can), 'low' for Parquet, a table in the engine or a
   * warehouse table.
   */
  readonly rereadCost: 'low' | 'high';
}

/**
 * The columns of a study table a study may group by or key assumptions on: the text and enum
 * columns of the schema that are present (gender, channel, region, channel type, branch, …),
 * except identifiers and personal columns, then the attribute columns whose headers do not name
 * personal data (`isPersonalHeader`: 投保人, holder_name, phone…).
 */
export function groupableColumns(table: StudyTable): string[] {
  const named = TABLES[table.name].columns.filter((c) => table.present.has(c.name) && (c.type === 'string' || c.type === 'enum') && !c.personal && !['policy_id', 'claim_id', 'product_code'].includes(c.name));
  return [...named.map((c) => c.name), ...table.attributes.filter((h) => !isPersonalHeader(h))];
}

/** SQL identifier of an attribute column in a study table's relation (attributes may shadow nothing). */
export function attributeColumn(header: string): string {
  return sqlIdentifier(`@${header}`);
}

/** Row checks the SQL reading makes for a table (the row path makes the same in src/data/rowChecks.ts). */
export const SQL_ROW_CHECKS: Readonly<Record<StudyTableName, readonly string[]>> = {
  policies: ['exit_before_issue', 'exit_without_reason', 'reason_without_exit'],
  claims: [],
};

/** Canonical columns whose values are compared or joined exactly (trimmed in SQL, not mapped). */
const ID_COLUMNS = new Set(['policy_id', 'claim_id']);

/**
 * How a schema column is read in SQL: a value (in layers), or raw text mapped later by the row
 * path's parser; and its fast reading, of canonical spellings alone, where `bad` marks a cell that
 * needs the layered reading (a spelling the fast reading does not take, or a cell the row path refuses).
 */
interface ColumnReading extends Omit<CellSql, 'canonical'> {
  readonly mapped: boolean;
  readonly fast: Omit<CellSql, 'canonical'>;
}

/** A fast reading that takes a cell when `value` (over its own layers) is not NULL, and flags every other cell but an empty one. */
function canonicalOnly(layers: CellSql['layers'], value: string, text: string, n: string): ColumnReading['fast'] {
  const v = `"${n}_canonical"`;
  return { layers: [...layers, { [v]: value }], value: v, bad: `(${text} IS NOT NULL AND ${v} IS NULL)` };
}

/** A layered cell reading with its fast reading: the canonical value, or a cell that needs the layers. */
function layered(cell: CellSql, text: string, n: string): ColumnReading {
  return { ...cell, mapped: false, fast: canonicalOnly(cell.canonical.layers, cell.canonical.value, text, n) };
}

/** The SQL reading of schema column `spec` from its source column (`text` is the source as text). */
function columnReading(spec: ColumnSpec, n: string, text: string, source: string, sourceType: string): ColumnReading {
  const integerType = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|HUGEINT)$/.test(sourceType);
  const plain = (value: string, bad: string, mapped: boolean, fast: ColumnReading['fast'] = { layers: [], value, bad }): ColumnReading => ({ layers: [], value, bad, mapped, fast });
  switch (spec.type) {
    case 'date':
      if (sourceType === 'DATE') return plain(`(${source} - DATE '1970-01-01')`, 'FALSE', false);
      return layered(dateTextSql(text, n), text, n);
    case 'money': {
      const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(sourceType);
      if (integerType || (decimal && Number(decimal[2]) <= 2)) {
        const fen = `CAST(${source} * 100 AS BIGINT)`;
        const range = [spec.min === undefined ? null : `${fen} >= ${Math.round(spec.min * 100)}`, spec.max === undefined ? null : `${fen} <= ${Math.round(spec.max * 100)}`].filter((c) => c !== null);
        const value = range.length === 0 ? fen : `(CASE WHEN ${range.join(' AND ')} THEN ${fen} END)`;
        return plain(value, `(${source} IS NOT NULL AND ${value} IS NULL)`, false);
      }
      return layered(moneyTextSql(text, n, spec), text, n);
    }
    case 'integer': {
      if (integerType) {
        const range = [spec.min === undefined ? null : `${source} >= ${spec.min}`, spec.max === undefined ? null : `${source} <= ${spec.max}`].filter((c) => c !== null);
        const value = range.length === 0 ? `CAST(${source} AS DOUBLE)` : `(CASE WHEN ${range.join(' AND ')} THEN CAST(${source} AS DOUBLE) END)`;
        return plain(value, `(${source} IS NOT NULL AND ${value} IS NULL)`, false);
      }
      return layered(integerTextSql(text, n, spec), text, n);
    }
    case 'string':
      // Both readings trim identifiers alike: stage 1 leaves a number's problems to the query of
      // repeated numbers, so the fast reading must not flag a number the full one reads.
      if (ID_COLUMNS.has(spec.name)) return plain(stringTextSql(text), 'FALSE', false);
      return plain(`coalesce(${text}, '')`, 'FALSE', true);
    case 'enum': {
      // An approximation of normaliseKey (no NFKC): a value it misses is only flagged, and the
      // row path's parser decides (every distinct value of a mapped column goes through it).
      const keys = Object.entries(spec.values ?? {}).flatMap(([v, aliases]) => [v, ...aliases].map(normaliseKey));
      const exact = Object.entries(spec.values ?? {}).flatMap(([v, aliases]) => [v, ...aliases]);
      const normal = `lower(regexp_replace(${jsTrimSql(text)}, '[\\s_\\-]+', '', 'g'))`;
      // Values written exactly as a value or alias (all of a clean file) skip the regular expression.
      const written = `(${text} IS NULL OR list_contains([${exact.map(sqlString).join(', ')}], ${text}))`;
      const bad = `(CASE WHEN ${written} THEN FALSE ELSE NOT ${isMissingSql(text)} AND NOT list_contains([${[...new Set(keys)].map(sqlString).join(', ')}], ${normal}) END)`;
      return plain(`coalesce(${text}, '')`, bad, true, { layers: [], value: `coalesce(${text}, '')`, bad: `(NOT ${written})` });
    }
    default:
      // Columns no study reads (rates, booleans, periods in a policies file): kept as text; the
      // row path checks them when it reads the file.
      return plain(`coalesce(${text}, '')`, 'FALSE', true);
  }
}

/**
 * The header of a CSV file read as the row path reads it (`parseCsvText`: the header is row
 * `headerRow` or the first row that is not blank; a title row above it is named), from the first
 * megabyte. @returns the header and its row number, or null for a file without rows.
 */
async function csvHeader(path: string, delimiter: string, spec: TableSpec, headerRow: number | undefined): Promise<{ header: string[]; headerRow: number } | null> {
  const { openSync, readSync, closeSync, statSync } = await import('node:fs');
  const { parse } = await import('csv-parse/sync');
  const size = statSync(path).size;
  if (size === 0) return null;
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, bytes, 0, bytes.length, 0);
    const text = new TextDecoder('utf-8').decode(bytes);
    const records = parse(text, { delimiter, bom: true, to: (headerRow ?? 1) + 40, relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
    const numbered = records.map((cells, i) => ({ row: i + 1, cells }));
    if (!numbered.some((r) => !isBlankRow(r.cells))) return null;
    const raw = rawTableFromRows(path, numbered, headerRow);
    const misplaced = misplacedHeaderError(spec, raw);
    if (misplaced) throw misplaced;
    return { header: [...raw.header], headerRow: raw.headerRow ?? 1 };
  } finally {
    closeSync(fd);
  }
}

/** Options of `fileStudyTable`. */
export interface FileStudyTableOptions extends ReadOptions {
  /** The relation's name in the engine (default the table's name). */
  readonly relation?: string;
  /**
   * DuckDB's CSV buffer in bytes (default DuckDB's, 32 MiB): it reads a file in parallel by
   * buffers, so a small buffer makes a small file take the path of a large one (for tests).
   */
  readonly csvBufferBytes?: number;
  /** Whether to read the file fast first (see `StudyTable.readFully`; default true; false for tests). */
  readonly fastReading?: boolean;
}

/**
 * Makes a policies or claims file a study table on a DuckDB engine: a view that reads the file
 * where it lies (CSV and TSV in UTF-8 and Parquet directly, in parallel; XLSX and other encodings
 * through the row path's reader) with the SQL readings of `cellSql.ts`. Nothing is read until a
 * study queries it. Header problems (a missing required column, two headers for one column) are
 * the row path's errors.
 * @throws InputError for a missing or empty file, or a header the row path refuses.
 */
export async function fileStudyTable(engine: SqlEngine, path: string, name: StudyTableName, options: FileStudyTableOptions = {}): Promise<StudyTable> {
  if (!existsSync(path)) throw new InputError({ file: path }, `an existing ${name} file`);
  const ext = extname(path).toLowerCase();
  const relation = options.relation ?? name;
  const utf8 = (options.encoding ?? 'utf-8') === 'utf-8';
  let header: string[];
  let types: string[];
  let from: string;
  if ((ext === '.csv' || ext === '.tsv' || ext === '.txt') && utf8) {
    const delimiter = ext === '.tsv' ? '\t' : ',';
    const read = await csvHeader(path, delimiter, TABLES[name], options.headerRow);
    if (read === null) {
      await readRawTable(path, name, options); // the row path's message for an empty file
      throw new InputError({ file: path }, 'a table with a header row (the file holds no rows)');
    }
    header = read.header;
    types = header.map(() => 'VARCHAR');
    const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
    const buffer = options.csvBufferBytes ? `, buffer_size=${options.csvBufferBytes}` : '';
    const skip = read.headerRow > 1 ? `, skip=${read.headerRow - 1}` : '';
    from = `read_csv(${sqlString(path)}, delim=${sqlString(delimiter)}, quote='"', escape='"', header=true, all_varchar=true, auto_detect=false, strict_mode=true, null_padding=false, columns={${columns}}${buffer}${skip})`;
  } else if (ext === '.parquet') {
    const described = await engine.rows(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`).catch((error: Error) => {
      throw new InputError({ file: path }, `a Parquet file (${error.message.split('\n')[0]})`);
    });
    header = described.map((r) => String(r.column_name));
    types = described.map((r) => String(r.column_type));
    from = `(SELECT ${header.map((h, i) => `${sqlIdentifier(h)} AS "c${i}"`).join(', ')} FROM read_parquet(${sqlString(path)}))`;
  } else {
    // XLSX, or text in another encoding: the row path reads the cells, DuckDB holds them as text.
    const raw = await readRawTable(path, name, options);
    header = [...raw.header];
    types = header.map(() => 'VARCHAR');
    const table = `${relation}_cells`;
    await engine.run(`CREATE OR REPLACE TEMP TABLE ${table} (${header.map((_, i) => `"c${i}" VARCHAR`).join(', ')})`);
    await insertText(engine, table, raw.rows);
    from = table;
  }
  const { columnAt, headers } = mapHeaders(TABLES[name], { file: path, header, rows: [], headerRow: options.headerRow });
  const specs = TABLES[name].columns.filter((c) => headers[c.name] !== undefined);
  const readings = specs.map((spec, j) => {
    const i = columnAt.indexOf(spec);
    const text = types[i] === 'VARCHAR' ? `"c${i}"` : parquetCellText(`c${i}`);
    return { spec, text, reading: columnReading(spec, `r${j}`, text, `"c${i}"`, types[i]) };
  });
  const attributes = header.filter((_, i) => columnAt[i] === undefined);

  /**
   * The relation's SQL: the full reading (every spelling the row path accepts, in layers), or the
   * fast one (canonical spellings only, no layer), whose flags also mark the cells it cannot read.
   */
  const relationSql = (fast: boolean): string => {
    const layers: string[][] = [];
    const outer: string[] = [];
    const flags: string[] = [];
    for (const { spec, text, reading } of readings) {
      const { layers: own, value, bad } = fast ? reading.fast : reading;
      own.forEach((layer, depth) => {
        layers[depth] ??= [];
        for (const [alias, expression] of Object.entries(layer)) layers[depth].push(`${expression} AS ${alias}`);
      });
      outer.push(`${value} AS ${sqlIdentifier(spec.name)}`);
      // A mapped column's missing required values are found by the row path's parser on its
      // distinct values (the study groups by them); the others' here.
      const missing = !spec.required || reading.mapped ? 'FALSE' : ID_COLUMNS.has(spec.name) ? isMissingSql(text) : `${value} IS NULL`;
      flags.push(`(${bad} OR ${missing})`);
      if (name === 'policies' && spec.name === 'exit_date') outer.push(`(${value} IS NULL AND NOT ${bad}) AS exit_date_missing`);
      if (name === 'policies' && spec.name === 'exit_reason') outer.push(`${isMissingSql(text)} AS exit_reason_missing`);
    }
    for (const spec of TABLES[name].columns) {
      if (headers[spec.name] === undefined) outer.push(`NULL AS ${sqlIdentifier(spec.name)}`);
    }
    header.forEach((h, i) => {
      if (columnAt[i] !== undefined) return;
      const text = types[i] === 'VARCHAR' ? `"c${i}"` : parquetCellText(`c${i}`);
      outer.push(`coalesce(${text}, '') AS ${attributeColumn(h)}`);
    });
    outer.push(...flags.map((f, b) => `${f} AS "_f${b}"`));
    const read = `(SELECT ${outer.join(', ')} FROM ${layers.reduce((inner, layer) => `(SELECT *, ${layer.join(', ')} FROM ${inner})`, from)})`;
    if (name !== 'policies') return read;
    const exitMissing = headers.exit_date === undefined ? 'TRUE' : 'exit_date_missing';
    const reasonMissing = headers.exit_reason === undefined ? 'TRUE' : 'exit_reason_missing';
    const rowFlags = ['(exit_date IS NOT NULL AND issue_date IS NOT NULL AND exit_date < issue_date)', `(exit_date IS NOT NULL AND ${reasonMissing})`, `(${exitMissing} AND NOT ${reasonMissing})`];
    return `(SELECT *, ${rowFlags.map((f, k) => `${f} AS "_r${k}"`).join(', ')} FROM ${read})`;
  };
  const checks = [...specs.map((spec) => spec.name), ...(name === 'policies' ? SQL_ROW_CHECKS.policies : [])];
  const view = (fast: boolean) => createView(engine, relation, relationSql(fast), checks.length, specs.length);
  // A file read fast until a cell needs the full reading (`readFully`); where every cell is
  // written canonically (a clean export) the two readings are the same, and the fast one is
  // several times cheaper.
  let full = options.fastReading === false || readings.every(({ reading }) => reading.fast.layers.length === 0 && reading.fast.bad === reading.bad);
  await view(!full);
  return {
    name,
    file: path,
    relation,
    present: new Set(specs.map((s) => s.name)),
    flagColumns: checks.map((_, b) => (b < specs.length ? `"_f${b}"` : `"_r${b - specs.length}"`)),
    enumChecks: new Set(specs.filter((spec) => spec.type === 'enum').map((spec) => spec.name)),
    headers,
    attributes,
    raw: true,
    checks,
    rereadCost: from.startsWith('read_csv(') ? 'high' : 'low',
    async readFully() {
      if (full) return false;
      full = true;
      await view(false);
      return true;
    },
    column: (column) => (TABLES[name].columns.some((c) => c.name === column) ? sqlIdentifier(column) : attributeColumn(column)),
  };
}

/** The view of a study table: its columns and `_bad`, one bit per column flag ("_f…") and row check ("_r…"). */
async function createView(engine: SqlEngine, relation: string, relationSql: string, flagCount: number, columnFlags: number): Promise<void> {
  const bits = Array.from({ length: flagCount }, (_, b) => b);
  const bad = flagBitsSql(bits.map((b) => (b < columnFlags ? `"_f${b}"` : `"_r${b - columnFlags}"`)), bits);
  await engine.run(`CREATE OR REPLACE TEMP VIEW ${relation} AS SELECT *, CAST(${bad} AS BIGINT) AS _bad FROM ${relationSql}`);
}

/**
 * The sum of 2^bits[i] over the boolean flag columns that are TRUE (0 for none). A clean row,
 * nearly every row, only pays for one OR of the flags; the bits are added for flagged rows alone.
 */
export function flagBitsSql(flags: readonly string[], bits: readonly number[]): string {
  if (flags.length === 0) return '0';
  const sum = flags.map((f, i) => `(CASE WHEN ${f} THEN ${2 ** bits[i]} ELSE 0 END)`).join(' + ');
  return `(CASE WHEN ${flags.join(' OR ')} THEN ${sum} ELSE 0 END)`;
}

/** Appends rows of text cells to a DuckDB table of VARCHAR columns, through a VALUES list per block. */
async function insertText(engine: SqlEngine, table: string, rows: readonly (readonly string[])[]): Promise<void> {
  const block = 2000;
  for (let start = 0; start < rows.length; start += block) {
    const values = rows
      .slice(start, start + block)
      .map((row) => `(${row.map((cell) => (cell === '' ? 'NULL' : sqlString(cell))).join(', ')})`)
      .join(', ');
    await engine.run(`INSERT INTO ${table} VALUES ${values}`);
  }
}
