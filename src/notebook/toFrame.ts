import type { DataFrame } from 'danfojs/dist/danfojs-browser/src/index';
import { formatDay } from '../data/dates';
import type { RowBase, Table } from '../data/parseTable';
import { TABLES } from '../data/schema';
import { centsToYuan } from '../money/cents';
import { Dec } from '../money/decimal';

/** A value a display frame holds. */
export type FrameCell = string | number | boolean | null;

/** What toFrame accepts: result rows (command JSON, findings, cells) or a typed input table. */
export type FrameSource = readonly Readonly<Record<string, unknown>>[] | Table<RowBase>;

/** Options of toFrame. */
export interface FrameOptions {
  /** Columns holding money in yuan, shown with two decimals (typed tables and policies know theirs). */
  readonly money?: readonly string[];
  /** Columns to keep, in this order (default: all, in the order first seen). */
  readonly columns?: readonly string[];
}

/** Money columns of frames made by toFrame, so showFrame formats them without being told. */
const moneyColumns = new WeakMap<object, ReadonlySet<string>>();

/** The money columns recorded for a frame by toFrame (empty for other frames). @example frameMoneyColumns(toFrame(finance)) // Set { 'premium_income', 'upr_opening', … } */
export function frameMoneyColumns(frame: object): ReadonlySet<string> {
  return moneyColumns.get(frame) ?? new Set();
}

function isTable(source: FrameSource): source is Table<RowBase> {
  return !Array.isArray(source) && 'rows' in source && 'name' in source;
}

/** A plain display value: Dec → number, other objects and arrays → JSON text. @example frameCell(new Dec('0.35')) // 0.35; frameCell([1, 2]) // '[1,2]' */
export function frameCell(value: unknown): FrameCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Dec.isDecimal(value)) return (value as Dec).toNumber();
  return JSON.stringify(value);
}

/** Typed table rows as display records: money in yuan, dates as YYYY-MM-DD, rates as numbers, attributes as text. */
function tableRecords(table: Table<RowBase>, filter?: (row: RowBase) => boolean): { records: Record<string, FrameCell>[]; money: string[] } {
  const spec = new Map(TABLES[table.name].columns.map((c) => [c.name, c]));
  const money = table.columns.filter((c) => spec.get(c)?.type === 'money');
  const records = (filter ? table.rows.filter(filter) : table.rows).map((row) => {
    const record: Record<string, FrameCell> = {};
    for (const column of table.columns) {
      const value = (row as unknown as Record<string, unknown>)[column];
      const type = spec.get(column)?.type;
      if (value === null || value === undefined) record[column] = null;
      else if (type === 'money') record[column] = centsToYuan(value as number).toNumber();
      else if (type === 'date') record[column] = formatDay(value as number);
      else record[column] = frameCell(value);
    }
    for (const column of table.attributeColumns) record[column] = row.attributes[column] ?? null;
    return record;
  });
  return { records, money };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Dec.isDecimal(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Plain rows as display records: a nested object (a finding's `values`) becomes `values.loss_ratio`, … columns. */
function rowRecords(rows: readonly Readonly<Record<string, unknown>>[]): Record<string, FrameCell>[] {
  return rows.map((row) => {
    const record: Record<string, FrameCell> = {};
    for (const [k, v] of Object.entries(row)) {
      if (isPlainObject(v)) for (const [k2, v2] of Object.entries(v)) record[`${k}.${k2}`] = frameCell(v2);
      else record[k] = frameCell(v);
    }
    return record;
  });
}

let reserved: ReadonlySet<string> | null = null;

/**
 * Names a column cannot have in a danfojs frame: danfojs defines every column as a property
 * of the frame, so a column called `values` or `shape` would hide that member.
 */
function reservedNames(frame: object): ReadonlySet<string> {
  if (reserved) return reserved;
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(frame); proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  for (const name of Object.keys(frame)) names.add(name);
  reserved = names;
  return names;
}

/**
 * A danfojs DataFrame for looking at data in a notebook: from result rows or a typed input
 * table (money in yuan, dates as YYYY-MM-DD, rates as numbers, attribute columns as text). Frames are for display: danfojs stores numbers as
 * float32 and groups slowly, so computations stay in the engines (exact money, DuckDB). danfojs is loaded on first use. Nested objects in result rows (a finding's
 * `values`) become dotted columns (`values.loss_ratio`); a column whose name would hide a
 * DataFrame member (`values`, `index`, `shape`, …) gets a trailing underscore (`index_`).
 * @param options `columns` to keep; `money` columns of result rows; for a typed table, `filter` keeps the rows it accepts.
 * @example toFrame(finance).shape // [rows, columns] of finance.csv; showFrame formats its money
 * @example toFrame(finance, { filter: (r) => r.period === '2025Q4' })
 * @example toFrame(result.loss_ratios, { money: ['earned_premium', 'incurred_claims'] })
 */
export function toFrame<R extends RowBase>(source: Table<R>, options?: FrameOptions & { readonly filter?: (row: R) => boolean }): DataFrame;
export function toFrame(source: FrameSource, options?: FrameOptions): DataFrame;
export function toFrame(source: FrameSource, options: FrameOptions & { readonly filter?: (row: RowBase) => boolean } = {}): DataFrame {
  const { records, money } = isTable(source) ? tableRecords(source, options.filter) : { records: rowRecords(source), money: [] as string[] };
  const seen = new Map<string, true>();
  for (const r of records) for (const k of Object.keys(r)) seen.set(k, true);
  const columns = options.columns ?? [...seen.keys()];
  const data = records.map((r) => columns.map((c) => r[c] ?? null));
  const dfd = require('danfojs') as typeof import('danfojs/dist/danfojs-browser/src/index');
  const taken = reservedNames(new dfd.DataFrame([[0]], { columns: ['_'] }));
  const names = columns.map((c) => (taken.has(c) ? `${c}_` : c));
  // No rows and no columns named (an empty list of findings, say): danfojs builds no frame from [[]].
  if (names.length === 0) return new dfd.DataFrame([]);
  const frame = new dfd.DataFrame(data.length > 0 ? data : [columns.map(() => null)], { columns: names });
  const shown = data.length > 0 ? frame : frame.iloc({ rows: [] as number[] });
  const moneyNames = new Set([...money, ...(options.money ?? [])]);
  moneyColumns.set(shown, new Set(names.filter((_, j) => moneyNames.has(columns[j]))));
  return shown;
}
