import { InputError } from './InputError';
import { CellParseFailure, type CellValue, cellParser } from './parseCell';
import { misplacedHeaderError } from './headerRow';
import { type RawTable, rowNumberOf } from './rawTable';
import { ROW_CHECKS } from './rowChecks';
import { isPersonalHeader } from './personalHeaders';
import { type ColumnSpec, normaliseKey, TABLES, type TableName, type TableSpec } from './schema';

/** Fields every parsed row carries besides its typed columns. */
export interface RowBase {
  /** Columns the schema does not declare, by header as written, as text. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Spreadsheet row number in the source file (header = 1). */
  readonly source_row: number;
}

/** A typed table: rows with canonical snake_case fields, plus where they came from. */
export interface Table<R extends RowBase> {
  readonly name: TableName;
  readonly file: string;
  readonly rows: readonly R[];
  /** Canonical columns present in the file, in file order. */
  readonly columns: readonly string[];
  /** Headers kept as attributes, in file order. */
  readonly attributeColumns: readonly string[];
  /** The header as written for each canonical column present. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ParseTableOptions {
  /** Accept a header with no data rows (for tables that may legitimately be empty, such as claims). */
  readonly allowEmpty?: boolean;
}

/** Header names that would reach an object's prototype when used as an attribute key; refused. */
const RESERVED_HEADERS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Maps each header to its canonical column, or to none (an attribute). */
export function mapHeaders(spec: TableSpec, raw: RawTable): { columnAt: (ColumnSpec | undefined)[]; headers: Record<string, string> } {
  const byKey = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    byKey.set(normaliseKey(column.name), column);
    for (const alias of column.aliases ?? []) byKey.set(normaliseKey(alias), column);
  }
  const headers: Record<string, string> = {};
  const headerRow = raw.headerRow ?? 1;
  const columnAt = raw.header.map((header, index) => {
    if (header.trim() === '') {
      throw new InputError({ file: raw.file, row: headerRow, column: `#${index + 1}` }, 'a column header', '');
    }
    if (RESERVED_HEADERS.has(header.trim())) {
      throw new InputError({ file: raw.file, row: headerRow, column: `#${index + 1}` }, 'a column header other than __proto__, constructor or prototype (reserved names: rename the column)', header);
    }
    const column = byKey.get(normaliseKey(header));
    if (!column) return undefined;
    if (headers[column.name] !== undefined) {
      throw new InputError(
        { file: raw.file, row: headerRow, column: column.name, header },
        `one column for ${column.name}, but headers "${headers[column.name]}" and "${header}" both mean it`,
      );
    }
    headers[column.name] = header;
    return column;
  });
  for (const column of spec.columns) {
    if (column.required && headers[column.name] === undefined) {
      const accepted = [column.name, ...(column.aliases ?? [])].join(', ');
      throw new InputError({ file: raw.file, row: headerRow, column: column.name }, `a required column ${column.name} (accepted headers: ${accepted})`);
    }
  }
  return { columnAt, headers };
}

/** Parses the data rows of one table file, one at a time, exactly as `parseTable` does. */
export interface RowParser<R extends RowBase> {
  /** The header as written for each canonical column present. */
  readonly headers: Readonly<Record<string, string>>;
  /** Canonical columns present, in schema order. */
  readonly columns: readonly string[];
  /** Headers kept as attributes, in file order. */
  readonly attributeColumns: readonly string[];
  /**
   * Types one data row (its cells in header order) at a spreadsheet row number.
   * @throws InputError for a cell that does not parse, a missing required value, or a row check.
   */
  parse(cells: readonly string[], rowNumber: number): R;
}

/**
 * The row parser of a table file with this header: header aliases mapped, one cell parser per
 * column, the table's row checks (`rowChecks`). Shared by `parseTable` (whole tables in memory)
 * and `scanTable` (streamed files), so both read a cell the same way.
 * @throws InputError for an empty header cell, two headers meaning one column, or a missing
 * required column.
 */
export function rowParser<R extends RowBase>(name: TableName, file: string, header: readonly string[], headerRow?: number): RowParser<R> {
  const spec = TABLES[name];
  const raw = { file, header, rows: [], headerRow };
  const { columnAt, headers } = mapHeaders(spec, raw);
  const parsers = columnAt.map((column) => (column ? cellParser(column) : undefined));
  const check = ROW_CHECKS[name];
  return {
    headers,
    columns: spec.columns.filter((c) => headers[c.name] !== undefined).map((c) => c.name),
    attributeColumns: header.filter((_, c) => columnAt[c] === undefined),
    parse(cells, rowNumber) {
      const record: Record<string, CellValue | Record<string, string> | number> = {};
      const attributes: Record<string, string> = {};
      for (const column of spec.columns) record[column.name] = null;
      for (let c = 0; c < header.length; c++) {
        const text = cells[c] ?? '';
        const column = columnAt[c];
        if (!column) {
          attributes[header[c]] = text;
          continue;
        }
        const value = parsers[c]!(text);
        if (value instanceof CellParseFailure) {
          throw new InputError({ file, row: rowNumber, column: column.name, header: header[c] }, value.expected, text);
        }
        if (value === null && column.required) {
          throw new InputError({ file, row: rowNumber, column: column.name, header: header[c] }, `a value (${column.name} is required)`, text);
        }
        record[column.name] = value;
      }
      record.attributes = attributes;
      record.source_row = rowNumber;
      const row = record as unknown as R;
      check?.(row, { file, row: rowNumber, headers });
      return row;
    },
  };
}

/** The text of a row's key (its key columns' values), or null when a key column is empty. */
export function rowKey(name: TableName, row: RowBase): string | null {
  const key = TABLES[name].key;
  if (!key) return null;
  const record = row as unknown as Record<string, unknown>;
  if (key.some((k) => record[k] === null)) return null;
  return key.map((k) => String(record[k])).join('\u0000');
}

/**
 * The duplicate-key error: row `rowNumber` repeats the key first seen in row `first`. A key of
 * personal data (a respondent or staff identifier) is named by its rows only, never its value.
 * @example duplicateKeyError('survey', 'survey.csv', row, 6, 4).message
 * // 'survey.csv, row 6, column respondent_id: expected a unique key, but row 6 repeats the respondent_id of row 4'
 */
export function duplicateKeyError(name: TableName, file: string, row: RowBase, rowNumber: number, first: number): InputError {
  const key = TABLES[name].key!;
  const record = row as unknown as Record<string, unknown>;
  const personal = key.some((k) => isPersonalHeader(k) || TABLES[name].columns.find((c) => c.name === k)?.personal === true);
  if (personal) return new InputError({ file, row: rowNumber, column: key.join('+') }, `a unique key, but row ${rowNumber} repeats the ${key.join(' and ')} of row ${first}`);
  const shown = key.map((k) => `${k}=${String(record[k])}`).join(', ');
  return new InputError({ file, row: rowNumber, column: key.join('+') }, `a unique key, but ${shown} already appears in row ${first}`);
}

/**
 * Types a raw table against its schema: maps headers and aliases to canonical columns,
 * parses every cell, checks required columns and values, the table's row checks and its key.
 *
 * @throws InputError naming file, row, column and expectation for the first problem found:
 * an empty file, a header below its row (a title above it: the message names the header's row),
 * a missing required column, a cell that does not parse, a value out of range, a missing
 * required value, a row check, or a duplicate key. Rows are named by their spreadsheet row (`rowNumberOf`).
 */
export function parseTable<R extends RowBase>(name: TableName, raw: RawTable, options: ParseTableOptions = {}): Table<R> {
  if (raw.header.length === 0) {
    throw new InputError({ file: raw.file }, `a ${name} table with a header row (the file is empty)`);
  }
  if (raw.rows.length === 0 && !options.allowEmpty) {
    throw new InputError({ file: raw.file, row: (raw.headerRow ?? 1) + 1 }, `at least one data row in the ${name} table (the file has a header only)`);
  }
  const misplaced = misplacedHeaderError(TABLES[name], raw);
  if (misplaced) throw misplaced;
  const parser = rowParser<R>(name, raw.file, raw.header, raw.headerRow);
  const rows: R[] = [];
  const seenKeys = new Map<string, number>();
  for (let i = 0; i < raw.rows.length; i++) {
    const rowNumber = rowNumberOf(raw, i);
    const row = parser.parse(raw.rows[i], rowNumber);
    const key = rowKey(name, row);
    if (key !== null) {
      const first = seenKeys.get(key);
      if (first !== undefined) throw duplicateKeyError(name, raw.file, row, rowNumber, first);
      seenKeys.set(key, rowNumber);
    }
    rows.push(row);
  }
  return {
    name,
    file: raw.file,
    rows,
    columns: parser.columns,
    attributeColumns: parser.attributeColumns,
    headers: parser.headers,
  };
}
