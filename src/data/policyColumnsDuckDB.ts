import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { SILENT_PROGRESS, type Progress } from '../progress';
import { NO_DAY } from './dates';
import { sqlString, withDuckDB } from './duckdb';
import { InputError } from './InputError';
import { CellParseFailure, cellParser, isMissingCell } from './parseCell';
import { mapHeaders, parseTable } from './parseTable';
import { EXIT_REASON_LEVELS, OPTIONAL_CATEGORIES, type CategoricalColumn, type PolicyColumns } from './policyColumns';
import { decodeText } from './readCsv';
import { sheetRow } from './rawTable';
import { TABLES, type ColumnSpec } from './schema';

/** Options of the DuckDB reader. */
export interface DuckDBPolicyOptions {
  /** Keep the policy numbers (needed to join claims); the uniqueness check runs either way. */
  readonly policyIds?: boolean;
  /**
   * The optional columns to read (premium, sum_assured, age_at_issue, gender, channel, region,
   * or attribute headers); all when absent. Others are neither read nor validated. The required
   * columns and exit_date, exit_reason are always read.
   */
  readonly columns?: readonly string[];
  readonly progress?: Progress;
  /** DuckDB worker threads (default: every core). */
  readonly threads?: number;
}

/** How one canonical or attribute column is read. */
type ColumnKind = 'id' | 'category' | 'date' | 'money' | 'integer';

interface SourceColumn {
  /** Position in the file's header. */
  readonly position: number;
  readonly header: string;
  /** The schema column, or undefined for an attribute column. */
  readonly spec: ColumnSpec | undefined;
  readonly kind: ColumnKind;
  /** The column's SQL type in the source (VARCHAR for CSV). */
  readonly type: string;
}

/** A source column as a SQL reference. */
function ref(c: SourceColumn): string {
  return `"c${c.position}"`;
}

const DUCKDB_CSV_LINE = /CSV Error on Line: (\d+)/;

/**
 * Reads the header of a CSV file from its first megabyte with the same CSV parser as the row
 * path. An empty file gives the row path's error.
 */
function csvHeader(path: string, delimiter: string): string[] {
  const size = statSync(path).size;
  if (size === 0) decodeText(path, new Uint8Array(0));
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, bytes, 0, bytes.length, 0);
    const text = new TextDecoder('utf-8').decode(bytes);
    const records = parse(text, { delimiter, bom: true, to: 1, relax_column_count: true, skip_empty_lines: true }) as string[][];
    if (records.length === 0) throw new InputError({ file: path }, 'a table with a header row (the file holds no rows)');
    return records[0].map((h) => h.trim());
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a CSV file's bytes as strict UTF-8, streaming, and fails like the row path would:
 * naming the line of the first invalid byte, and suggesting GB18030 when the bytes fit it.
 */
function checkUtf8(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.alloc(1 << 22);
    let line = 1;
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      const chunk = buffer.subarray(0, read);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        const gb = new TextDecoder('gb18030', { fatal: false }).decode(chunk).includes('\uFFFD') === false;
        const hint = gb ? ' (the bytes look like GBK/GB18030: save the file as UTF-8 or pass --encoding gb18030)' : '';
        let bad = 0;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk);
        } catch {
          for (bad = 0; bad < chunk.length && chunk[bad] < 0x80; bad++);
        }
        for (let i = 0; i < bad; i++) if (chunk[i] === 0x0a) line++;
        throw new InputError({ file: path, row: line }, `text encoded as UTF-8${hint}`);
      }
      for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) line++;
    }
  } finally {
    closeSync(fd);
  }
}

/** How far DuckDB may convert ahead of the JavaScript loop that copies the main scan into typed arrays. */
const STREAM_BUFFER = '512MB';

/** The fast SQL conversion of a cell, or null when every value goes through the row path's parser. */
function fastSql(c: SourceColumn): string | null {
  const x = ref(c);
  const t = c.type;
  const integerType = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|HUGEINT)$/.test(t);
  const floatType = t === 'DOUBLE' || t === 'FLOAT';
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(t);
  switch (c.kind) {
    case 'date':
      if (t === 'DATE') return `(${x} - DATE '1970-01-01')::INTEGER`;
      if (t.startsWith('TIMESTAMP')) return `CASE WHEN ${x}::TIMESTAMP = date_trunc('day', ${x}::TIMESTAMP) THEN (${x}::DATE - DATE '1970-01-01')::INTEGER END`;
      if (t === 'VARCHAR') return `CASE WHEN regexp_full_match(${x}, '[12][0-9]{3}-[0-9]{2}-[0-9]{2}') THEN (TRY_CAST(${x} AS DATE) - DATE '1970-01-01')::INTEGER END`;
      return null;
    case 'money':
      if (integerType) return `CASE WHEN abs(${x}) < 90000000000000 THEN (${x} * 100)::DOUBLE END`;
      if (floatType) return `CASE WHEN abs(${x}) < 90000000000000 AND round(${x}::DOUBLE * 100) / 100 = ${x}::DOUBLE THEN round(${x}::DOUBLE * 100) END`;
      if (decimal && Number(decimal[2]) <= 2) return `CASE WHEN abs(${x}) < 90000000000000 THEN (${x} * 100)::DOUBLE END`;
      if (t === 'VARCHAR') return `CASE WHEN regexp_full_match(${x}, '-?[0-9]{1,13}([.][0-9]{1,2})?') THEN (${x}::DECIMAL(18,2) * 100)::DOUBLE END`;
      return null;
    case 'integer': {
      const { min = -1e15, max = 1e15 } = c.spec ?? {};
      if (integerType) return `CASE WHEN ${x} BETWEEN ${min} AND ${max} THEN ${x}::DOUBLE END`;
      if (floatType) return `CASE WHEN ${x} = floor(${x}) AND ${x} BETWEEN ${min} AND ${max} THEN ${x}::DOUBLE END`;
      if (t === 'VARCHAR') return `CASE WHEN regexp_full_match(${x}, '[0-9]{1,6}') AND ${x}::INTEGER BETWEEN ${min} AND ${max} THEN ${x}::DOUBLE END`;
      return null;
    }
    default:
      return null;
  }
}

/** The kind of reader of a schema column (or of an attribute column). */
function kindOf(spec: ColumnSpec | undefined): ColumnKind {
  if (!spec) return 'category';
  if (spec.name === 'policy_id') return 'id';
  switch (spec.type) {
    case 'date':
      return 'date';
    case 'money':
      return 'money';
    case 'integer':
      return 'integer';
    case 'string':
    case 'enum':
      return 'category';
    default:
      throw new Error(`policyColumnsDuckDB: no columnar reader for ${spec.name} (${spec.type})`);
  }
}

/** Whitespace that JavaScript's String.prototype.trim removes, as an RE2 class. */
const JS_SPACE = '[\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';

/** SQL that trims text exactly as JavaScript's trim() does, so keys compare as in the row path. */
function jsTrim(expression: string): string {
  return `regexp_replace(${expression}, '^${JS_SPACE}+|${JS_SPACE}+$', '', 'g')`;
}

/**
 * Whether any value repeats among the non-negative integers below 2⁵³ (negative values, which
 * mark missing policy numbers, are skipped), with a linear-probing hash set
 * on a typed array (no objects: ten million values take about a third of a second).
 */
function hasRepeat(values: Float64Array): boolean {
  let size = 1024;
  while (size < values.length * 2) size *= 2;
  const mask = size - 1;
  const table = new Float64Array(size);
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) continue;
    const key = values[i] + 1; // 0 marks an empty slot
    let slot = (key >>> 0) & mask;
    for (;;) {
      const held = table[slot];
      if (held === 0) {
        table[slot] = key;
        break;
      }
      if (held === key) return true;
      slot = (slot + 1) & mask;
    }
  }
  return false;
}

/** Columns read whatever `columns` asks for: the exposure engine needs them all. */
export const ALWAYS_READ = ['policy_id', 'product_code', 'issue_date', 'exit_date', 'exit_reason'] as const;

/** The target of numeric columns read only to be validated (see numericTarget). */
const DROPPED = new Float64Array(0);

/** Day-number sentinels of the main scan: a missing cell, and a cell for the row path's parser. */
const MISSING_DAY = -2147483648;
const TEXT_DAY = -2147483647;

/** Code points of the whitespace that JavaScript's trim() removes. */
const JS_SPACE_CODES = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].join(', ');

/** Trims like JavaScript only the values whose first or last character is whitespace, cheaply testing the rest. */
function jsTrimEdges(expression: string): string {
  return `CASE WHEN ascii(${expression}) IN (${JS_SPACE_CODES}) OR ascii(right(${expression}, 1)) IN (${JS_SPACE_CODES}) THEN ${jsTrim(expression)} ELSE ${expression} END`;
}

/**
 * The values of a chunk's fixed-width vector as its typed array. node-api keeps them in the
 * vector's `items`; reading that array is many times faster than `getItem` per value. The SQL
 * makes these columns non-NULL, so validity need not be read. Falls back to `getItem`.
 */
function itemsOf(vector: ReturnType<DuckDBDataChunk['getColumnVector']>): ArrayLike<number> {
  const items = (vector as unknown as { items?: unknown }).items;
  if (ArrayBuffer.isView(items)) return items as unknown as ArrayLike<number>;
  return Array.from({ length: vector.itemCount }, (_, j) => vector.getItem(j) as number);
}

/** The first problem found, in the row path's order: by row, then by column position. */
interface Problem {
  readonly index: number;
  readonly position: number;
  readonly error: InputError;
  /** A missing policy number found without reading the numbers: its text is read before reporting. */
  readonly idText?: boolean;
}

function earlier(a: Problem | null, b: Problem): Problem {
  return a === null || b.index < a.index || (b.index === a.index && b.position < a.position) ? b : a;
}

/**
 * Reads a policies table (Parquet, or a large UTF-8 CSV) through DuckDB into PolicyColumns,
 * streaming chunk by chunk into typed arrays so that no row objects are made and files larger
 * than memory can be read. Values are converted in SQL where the conversion is exact (ISO dates
 * and DATE columns to day numbers, money to cents, text to ENUM codes); every other non-empty
 * cell is handed to the row path's own cell parser, so accepted values, aliases and errors
 * (file, row, column, expectation) are the same as `loadTable` + `policyColumnsFromTable`.
 * Passes over the file: the row count (Parquet metadata), the distinct text values, the main
 * scan, and only when needed a scan of unconverted cells and one of the policy numbers.
 * @throws InputError as the row path would, for the first problem in file order.
 * @example (await readPolicyColumnsDuckDB('policies.parquet', { policyIds: false })).length // 10000000
 */
export async function readPolicyColumnsDuckDB(path: string, options: DuckDBPolicyOptions = {}): Promise<PolicyColumns> {
  const progress = options.progress ?? SILENT_PROGRESS;
  const ext = extname(path).toLowerCase();
  const parquet = ext === '.parquet';
  const delimiter = ext === '.tsv' ? '\t' : ',';
  return withDuckDB(
    async (connection) => {
      let header: string[];
      let types: string[];
      let source: string;
      if (parquet) {
        source = `read_parquet(${sqlString(path)})`;
        let described;
        try {
          described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowsJson() as string[][];
        } catch (error) {
          throw new InputError({ file: path }, `a Parquet file (${(error as Error).message.split('\n')[0]})`);
        }
        header = described.map((r) => r[0]);
        types = described.map((r) => r[1]);
        source = `(SELECT ${header.map((h, i) => `"${h.replace(/"/g, '""')}" AS "c${i}"`).join(', ')} FROM ${source})`;
      } else {
        header = csvHeader(path, delimiter);
        checkUtf8(path);
        types = header.map(() => 'VARCHAR');
        const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
        source = `read_csv(${sqlString(path)}, delim=${sqlString(delimiter)}, quote='"', escape='"', header=true, all_varchar=true, auto_detect=false, strict_mode=true, null_padding=false, columns={${columns}})`;
      }
      const run = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          const message = (error as Error).message;
          const line = DUCKDB_CSV_LINE.exec(message);
          if (line) {
            const original = /Original Line: (.*)/.exec(message)?.[1];
            throw new InputError({ file: path, row: Number(line[1]) }, 'as many cells as the header has columns', original);
          }
          throw error;
        }
      };

      // Empty table and header checks, with the row path's messages and order.
      const rowCount = Number((await run(() => connection.runAndReadAll(`SELECT count(*) FROM ${source}`))).getRows()[0][0]);
      const raw = { file: path, header, rows: [] as string[][] };
      if (rowCount === 0) parseTable('policies', raw);
      const { columnAt, headers } = mapHeaders(TABLES.policies, raw);
      const wanted = (name: string, spec: ColumnSpec | undefined) => options.columns === undefined || ALWAYS_READ.includes(name as never) || (spec !== undefined && spec.required === true) || options.columns.includes(name);
      const columns: SourceColumn[] = header
        .map((h, position) => ({ position, header: h, spec: columnAt[position], kind: kindOf(columnAt[position]), type: types[position] }))
        .filter((c) => wanted(c.spec?.name ?? c.header, c.spec));
      const byName = (name: string) => columns.find((c) => c.spec?.name === name);

      // Dictionary-code every text column: its distinct raw values become an ENUM.
      const categories = columns.filter((c) => c.kind === 'category');
      const rawLevels: string[][] = [];
      if (categories.length > 0) {
        const lists = (await run(() => connection.runAndReadAll(`SELECT ${categories.map((c) => `list(DISTINCT ${ref(c)}::VARCHAR ORDER BY ${ref(c)}::VARCHAR)`).join(', ')} FROM ${source}`))).getRowsJson()[0] as (string | null)[][];
        for (let k = 0; k < categories.length; k++) {
          const levels = (lists[k] ?? []).filter((v): v is string => v !== null);
          rawLevels.push(levels);
          if (levels.length > 0) await connection.run(`CREATE TYPE e${k} AS ENUM (${levels.map(sqlString).join(', ')})`);
        }
      }

      // The main scan: per column a value that is never NULL (sentinels mark a missing cell and a
      // cell for the row path's parser, whose text a second scan reads only when there is one), so
      // the chunks' typed arrays are read directly; and a 53-bit hash of each trimmed policy number.
      const select: string[] = [];
      const slots = new Map<SourceColumn, number>();
      const idColumn = byName('policy_id')!;
      for (const c of columns) {
        const x = ref(c);
        if (c.kind === 'category') {
          const k = categories.indexOf(c);
          select.push(rawLevels[k].length > 0 ? `coalesce(enum_code(${x}::VARCHAR::e${k})::INTEGER, -1)` : '-1');
          slots.set(c, select.length - 1);
        } else if (c.kind === 'id') {
          // The numbers themselves only when kept (their hash follows); otherwise just the hash, −1 for
          // a missing number (empty or one of the row path's missing words).
          if (options.policyIds === false) {
            select.push(`CASE WHEN awb_id IS NULL OR (length(awb_id) <= 4 AND lower(awb_id) IN ('', 'na', 'n/a', 'null', 'nan', '-', '—')) THEN -1 ELSE (hash(awb_id) >> 11)::DOUBLE END`);
          } else {
            select.push(`${x}::VARCHAR`, '(hash(awb_id) >> 11)::DOUBLE');
          }
          slots.set(c, select.length - 1);
        } else {
          const fast = fastSql(c);
          const integer = c.kind === 'date';
          const missing = integer ? String(MISSING_DAY) : `'NaN'::DOUBLE`;
          const needsText = integer ? String(TEXT_DAY) : `'-Infinity'::DOUBLE`;
          const empty = c.type === 'VARCHAR' ? `${x} IS NULL OR ${x} = ''` : `${x} IS NULL`;
          select.push(`CASE WHEN ${empty} THEN ${missing} ELSE coalesce(${fast ?? 'NULL'}, ${needsText}) END`);
          slots.set(c, select.length - 1);
        }
      }
      const hashAt = slots.get(idColumn)!;
      // The policy number trimmed as the row path trims it.
      const keyed = `(SELECT *, ${jsTrimEdges(`${ref(idColumn)}::VARCHAR`)} AS awb_id FROM ${source})`;

      const n = rowCount;
      const issue = new Int32Array(n);
      const exit = new Int32Array(n).fill(NO_DAY);
      const reason = new Int8Array(n).fill(-1);
      const premium = new Float64Array(n).fill(NaN);
      const sumAssured = new Float64Array(n).fill(NaN);
      const age = new Float64Array(n).fill(NaN);
      const idHash = new Float64Array(n);
      const ids: string[] | undefined = options.policyIds === false ? undefined : new Array<string>(n);
      const rawCodes = categories.map(() => new Int32Array(n));
      const parsers = new Map(columns.filter((c) => c.spec).map((c) => [c, cellParser(c.spec!)]));
      let problem: Problem | null = null;

      const numericTarget = (c: SourceColumn): Float64Array | Int32Array => {
        switch (c.spec?.name) {
          case 'issue_date':
            return issue;
          case 'exit_date':
            return exit;
          case 'premium':
            return premium;
          case 'sum_assured':
            return sumAssured;
          case 'age_at_issue':
            return age;
          default:
            // A numeric column the engine does not keep (application_date, policyholder_age) is
            // validated like the row path does, then dropped: writes to an empty array are ignored.
            return DROPPED;
        }
      };
      const cellError = (c: SourceColumn, index: number, expected: string, found: string): Problem => ({
        index,
        position: c.position,
        error: new InputError({ file: path, row: sheetRow(index), column: c.spec!.name, header: c.header }, expected, found),
      });

      /** Rows whose cell the SQL could not convert exactly: read again as text for the row path's parser. */
      const needText = new Map(columns.filter((c) => c.kind === 'date' || c.kind === 'money' || c.kind === 'integer').map((c) => [c, [] as number[]]));

      progress.start('Reading policies', n);
      // DuckDB converts ahead of this loop on every core only while its stream buffer has room;
      // with the default (about 1 MB) the scan runs nearly single-threaded, waiting for the loop.
      await run(() => connection.run(`SET streaming_buffer_size = '${STREAM_BUFFER}'`));
      const result = await run(() => connection.stream(`SELECT ${select.join(', ')} FROM ${keyed}`));
      let offset = 0;
      for (let chunk: DuckDBDataChunk | null; (chunk = await run(() => result.fetchChunk())) !== null && chunk.rowCount > 0; ) {
        const size = chunk.rowCount;
        // The top 53 bits of the hash: an exact double, so equal numbers mean equal hashes.
        const hashes = itemsOf(chunk.getColumnVector(hashAt)) as Float64Array;
        idHash.set(hashes, offset);
        for (const c of columns) {
          const slot = slots.get(c)!;
          if (c.kind === 'category') {
            rawCodes[categories.indexOf(c)].set(itemsOf(chunk.getColumnVector(slot)) as Int32Array, offset);
            continue;
          }
          if (c.kind === 'id') {
            if (!ids) {
              for (let j = 0; j < size; j++) if (hashes[j] < 0) problem = earlier(problem, { ...cellError(c, offset + j, 'a value (policy_id is required)', ''), idText: true });
              continue;
            }
            const text = chunk.getColumnVector(slot - 1);
            for (let j = 0; j < size; j++) {
              const v = text.getItem(j) as string | null;
              if (v === null || isMissingCell(v)) {
                problem = earlier(problem, cellError(c, offset + j, 'a value (policy_id is required)', v ?? ''));
                idHash[offset + j] = -1;
              } else ids[offset + j] = v.trim();
            }
            continue;
          }
          const target = numericTarget(c);
          const values = itemsOf(chunk.getColumnVector(slot));
          const integer = c.kind === 'date';
          // The sentinels are the smallest values (−2³¹, −2³¹ + 1; NaN, −∞), so one comparison passes the rest.
          const floor = integer ? TEXT_DAY : -Infinity;
          for (let j = 0; j < size; j++) {
            const v = values[j];
            if (v > floor) {
              target[offset + j] = v;
            } else if (integer ? v === MISSING_DAY : Number.isNaN(v)) {
              if (c.spec?.required) problem = earlier(problem, cellError(c, offset + j, `a value (${c.spec.name} is required)`, ''));
            } else {
              needText.get(c)!.push(offset + j);
            }
          }
        }
        offset += size;
        progress.tick(size);
        if (problem !== null && problem.index < offset) break;
      }
      progress.stop();

      // The cells for the row path's parser, from a second scan of just their columns.
      const textColumns = [...needText.entries()].filter(([, rows]) => rows.length > 0 && (problem === null || rows[0] < problem.index));
      if (textColumns.length > 0) {
        const scan = await run(() => connection.stream(`SELECT ${textColumns.map(([c]) => `${ref(c)}::VARCHAR`).join(', ')} FROM ${source}`));
        const next = textColumns.map(() => 0);
        let base = 0;
        for (let chunk: DuckDBDataChunk | null; (chunk = await run(() => scan.fetchChunk())) !== null && chunk.rowCount > 0; base += chunk.rowCount) {
          textColumns.forEach(([c, rows], k) => {
            let vector: ReturnType<DuckDBDataChunk['getColumnVector']> | null = null;
            for (; next[k] < rows.length && rows[next[k]] < base + chunk!.rowCount; next[k]++) {
              const i = rows[next[k]];
              vector ??= chunk!.getColumnVector(k);
              const text = vector.getItem(i - base) as string;
              const value = parsers.get(c)!(text);
              if (value instanceof CellParseFailure) problem = earlier(problem, cellError(c, i, value.expected, text));
              else if (value === null && c.spec?.required) problem = earlier(problem, cellError(c, i, `a value (${c.spec.name} is required)`, text));
              else if (value !== null) numericTarget(c)[i] = value as number;
            }
          });
          if (next.every((p, k) => p >= textColumns[k][1].length)) break;
        }
      }

      // Categories: each raw level through the row path's parser (trimming, missing words, aliases).
      const attributes = new Map<string, CategoricalColumn>();
      let productColumn: CategoricalColumn | null = null;
      for (let k = 0; k < categories.length; k++) {
        const c = categories[k];
        const parser = c.spec ? parsers.get(c)! : (text: string) => text;
        const levelValue = rawLevels[k].map((text) => parser(text));
        const firstBad = levelValue.findIndex((v) => v instanceof CellParseFailure || (v === null && c.spec?.required));
        const codes = rawCodes[k];
        if (firstBad >= 0 || (c.spec?.required && codes.includes(-1))) {
          for (let i = 0; i < offset; i++) {
            const code = codes[i];
            const v = code < 0 ? null : levelValue[code];
            if (v instanceof CellParseFailure) {
              problem = earlier(problem, cellError(c, i, v.expected, rawLevels[k][code]));
              break;
            }
            if (v === null && c.spec?.required) {
              problem = earlier(problem, cellError(c, i, `a value (${c.spec.name} is required)`, code < 0 ? '' : rawLevels[k][code]));
              break;
            }
          }
        }
        if (c.spec?.name === 'exit_reason') {
          const reasonOf = Int8Array.from(levelValue, (v) => (typeof v === 'string' ? EXIT_REASON_LEVELS.indexOf(v as never) : -1));
          for (let i = 0; i < n; i++) reason[i] = codes[i] < 0 ? -1 : reasonOf[codes[i]];
          continue;
        }
        // Levels in order of first appearance, as the row path's CategoricalBuilder makes them: find
        // each raw level's first row (usually within the first few thousand), then remap in one pass.
        const finalCode = new Int32Array(levelValue.length).fill(-2);
        const levels: string[] = [];
        const levelIndex = new Map<string, number>();
        let unseen = levelValue.length;
        for (let i = 0; i < n && unseen > 0; i++) {
          const code = codes[i];
          if (code < 0 || finalCode[code] !== -2) continue;
          const v = levelValue[code];
          const text = v === null || v instanceof CellParseFailure ? '' : String(v);
          let f = -1;
          if (text !== '') {
            f = levelIndex.get(text) ?? levels.length;
            if (f === levels.length) {
              levels.push(text);
              levelIndex.set(text, f);
            }
          }
          finalCode[code] = f;
          unseen--;
        }
        let identity = true;
        for (let code = 0; code < finalCode.length; code++) identity &&= finalCode[code] === code;
        if (!identity) for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = finalCode[codes[i]];
        const column = { codes, levels };
        if (c.spec?.name === 'product_code') productColumn = column;
        else attributes.set(c.spec?.name ?? c.header, column);
      }
      const named = ['gender', 'channel', 'region'].filter((name) => options.columns === undefined || options.columns.includes(name));
      const optional = OPTIONAL_CATEGORIES.filter((name) => byName(name) !== undefined);
      for (const name of named) if (!attributes.has(name)) attributes.set(name, { codes: new Int32Array(n).fill(-1), levels: [] });
      const ordered = new Map<string, CategoricalColumn>();
      for (const name of [...named, ...optional, ...columns.filter((c) => !c.spec).map((c) => c.header)]) ordered.set(name, attributes.get(name)!);

      // Duplicate policy numbers: an open-addressing set of the 53-bit hashes shows whether any two
      // may be equal; only then are the numbers scanned for the row path's message (first repeat,
      // and the row it repeats).
      const collision = hasRepeat(idHash.subarray(0, offset));
      if (collision) {
        const seen = new Map<string, number>();
        const scan = await connection.stream(`SELECT ${ref(idColumn)}::VARCHAR FROM ${source}`);
        let i = 0;
        for (let chunk; (chunk = await scan.fetchChunk()) !== null && chunk.rowCount > 0 && (problem === null || i < problem.index); ) {
          const v = chunk.getColumnVector(0);
          for (let j = 0; j < chunk.rowCount; j++, i++) {
            const text = v.getItem(j) as string | null;
            if (text === null || isMissingCell(text)) continue;
            const id = text.trim();
            const first = seen.get(id);
            if (first !== undefined) {
              problem = earlier(problem, {
                index: i,
                position: Number.MAX_SAFE_INTEGER,
                error: new InputError({ file: path, row: sheetRow(i), column: 'policy_id' }, `a unique key, but policy_id=${id} already appears in row ${first}`),
              });
              break;
            }
            seen.set(id, sheetRow(i));
          }
          if (problem !== null && problem.index <= i) break;
        }
      }
      if (problem?.idText) {
        // Only the cell of the error is needed: scan the numbers up to it for the text to quote.
        const scan = await connection.stream(`SELECT ${ref(idColumn)}::VARCHAR FROM ${source}`);
        let base = 0;
        for (let chunk; (chunk = await scan.fetchChunk()) !== null && chunk.rowCount > 0; base += chunk.rowCount) {
          if (problem.index < base + chunk.rowCount) {
            const text = (chunk.getColumnVector(0).getItem(problem.index - base) as string | null) ?? '';
            problem = cellError(idColumn, problem.index, 'a value (policy_id is required)', text);
            break;
          }
        }
      }
      if (problem) throw problem.error;

      return {
        file: path,
        length: n,
        ...(ids ? { policy_id: ids } : {}),
        product_code: productColumn!,
        issue_date: issue,
        exit_date: exit,
        exit_reason: reason,
        premium,
        sum_assured: sumAssured,
        age_at_issue: age,
        attributes: ordered,
        source_row: Int32Array.from({ length: n }, (_, i) => sheetRow(i)),
        headers: Object.fromEntries(Object.entries(headers).filter(([name]) => columns.some((c) => c.spec?.name === name))),
      };
    },
    options.threads ? { threads: options.threads } : {},
  );
}
