import type { DayNumber } from '../data/dates';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { SalesStaffRow } from '../data/rows';
import { normaliseStaffId } from './staffKey';
import type { StaffSource } from './staffSources';

/** One member of the sales staff active at the as-of date in one source. The key is personal: never reported. */
export interface StaffRecord {
  readonly source: StaffSource;
  /** The normalised identifier; null when the row has none (it can match nothing). */
  readonly key: string | null;
  /** Spreadsheet row in the source file. */
  readonly row: number;
  readonly branch: string | null;
  readonly channel: string | null;
  readonly record: SalesStaffRow;
}

/** One source's staff at the as-of date, and what reading it found. */
export interface SourceStaff {
  readonly source: StaffSource;
  readonly table: string;
  readonly file: string;
  /** The column matched on: staff_id, or id_number when the table has no staff_id column. */
  readonly key_column: 'staff_id' | 'id_number';
  readonly rows: number;
  /** Active at the as-of date, each identifier once (a repeated one keeps its first row). */
  readonly staff: readonly StaffRecord[];
  /** Rows not active at the as-of date (not yet hired, or left on or before it). */
  readonly inactive: number;
  /** Active rows whose identifier repeats an earlier active row's, left out. */
  readonly duplicates: number;
  /** Active rows with no identifier. */
  readonly without_key: number;
  /** Active rows whose ID number (the id_number column, or the key when it is an ID number) is not a valid citizen ID number. */
  readonly invalid_id_numbers: number;
  /** Active rows whose identifier was a 15-digit ID number, matched in its 18-digit form. */
  readonly converted_15_digit: number;
}

/**
 * Whether a member of staff is active at the as-of date (inclusive): hired on or before it (or no
 * hire date), and, with a leave date, leaving after it; without one, not marked as left. A leave
 * date decides over the status, which describes the day the extract was taken.
 * @example isActiveAt({ hire_date: 19000, leave_date: null, status: 'active', … }, 20000) // true
 */
export function isActiveAt(row: Pick<SalesStaffRow, 'hire_date' | 'leave_date' | 'status'>, asOf: DayNumber): boolean {
  if (row.hire_date !== null && row.hire_date > asOf) return false;
  if (row.leave_date !== null) return row.leave_date > asOf;
  return row.status !== 'left';
}

/**
 * The staff of one source active at the as-of date, keyed by their normalised identifier
 * ({@link normaliseStaffId}): staff_id, or id_number when the table has no staff_id column.
 * A repeated identifier is counted and keeps its first row; no identifier ever appears in an
 * error message or a result.
 * @throws InputError when the table has neither a staff_id nor an id_number column.
 * @example activeStaff(registry, 'registry', parseDayText('2025-12-31')!).staff.length // staff in the registration system at the year end
 */
export function activeStaff(table: Table<SalesStaffRow>, source: StaffSource, asOf: DayNumber): SourceStaff {
  const keyColumn = table.columns.includes('staff_id') ? 'staff_id' : table.columns.includes('id_number') ? 'id_number' : null;
  if (keyColumn === null) {
    throw new InputError({ file: table.file, row: 1, column: 'staff_id' }, 'a staff_id column (人员编号, 工号…) or an id_number column (身份证号码…) to match the sources by');
  }
  const staff: StaffRecord[] = [];
  const seen = new Set<string>();
  let inactive = 0;
  let duplicates = 0;
  let withoutKey = 0;
  let invalid = 0;
  let converted = 0;
  for (const row of table.rows) {
    if (!isActiveAt(row, asOf)) {
      inactive++;
      continue;
    }
    const normalised = row[keyColumn] === null ? null : normaliseStaffId(row[keyColumn]);
    const idNumber = keyColumn === 'id_number' ? normalised : row.id_number === null ? null : normaliseStaffId(row.id_number);
    if (idNumber !== null && (idNumber.kind === 'other' || idNumber.check_digit_valid === false)) invalid++;
    if (normalised === null) {
      withoutKey++;
      staff.push({ source, key: null, row: row.source_row, branch: row.branch, channel: row.channel, record: row });
      continue;
    }
    if (seen.has(normalised.key)) {
      duplicates++;
      continue;
    }
    seen.add(normalised.key);
    if (normalised.kind === 'id_card_15') converted++;
    staff.push({ source, key: normalised.key, row: row.source_row, branch: row.branch, channel: row.channel, record: row });
  }
  return {
    source,
    table: table.name,
    file: table.file,
    key_column: keyColumn,
    rows: table.rows.length,
    staff,
    inactive,
    duplicates,
    without_key: withoutKey,
    invalid_id_numbers: invalid,
    converted_15_digit: converted,
  };
}
