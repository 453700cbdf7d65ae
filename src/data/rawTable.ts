import { InputError } from './InputError';

/**
 * A table as read from a file, before typing: the header and every data row as text.
 * Row i of `rows` is spreadsheet row `rowNumbers[i]` when the reader recorded the numbers
 * (blank rows skipped, a header below row 1), else `i + 2` (the header is row 1).
 */
export interface RawTable {
  /** The file as the user named it, used in every error message. */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Spreadsheet row number of the header (1 when omitted). */
  readonly headerRow?: number;
  /** Spreadsheet row number of each data row, as a spreadsheet program numbers it (blank rows count). */
  readonly rowNumbers?: readonly number[];
}

/** Spreadsheet row number of the i-th data row (0-based) of a table with its header in row 1 and no blank rows. */
export function sheetRow(index: number): number {
  return index + 2;
}

/**
 * Spreadsheet row number of the i-th data row (0-based) of a raw table: the number the reader
 * recorded, so that a blank row or a title above the header does not shift it.
 * @example rowNumberOf({ file: 'f.csv', header: ['a'], rows: [['1']], rowNumbers: [4] }, 0) // 4
 */
export function rowNumberOf(raw: RawTable, index: number): number {
  return raw.rowNumbers?.[index] ?? sheetRow(index);
}

/** One row of a file as read: its spreadsheet row number and its cells as text. */
export interface NumberedRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** True when every cell of a row is empty or white space (a blank line of a CSV, an empty row of a sheet). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * A raw table from the numbered rows of a file: the header is row `headerRow` (1-based, as a
 * spreadsheet numbers rows) or else the first row that is not blank; rows above the header are
 * ignored, blank rows are dropped, and every other row keeps its own number.
 * @throws InputError when the file holds no rows, or `headerRow` is blank or past the end.
 * @example rawTableFromRows('f.csv', [{ row: 1, cells: ['a'] }, { row: 2, cells: [''] }, { row: 3, cells: ['1'] }]).rowNumbers // [3]
 */
export function rawTableFromRows(file: string, rows: readonly NumberedRow[], headerRow?: number): RawTable {
  let start: number;
  if (headerRow === undefined) {
    start = rows.findIndex((r) => !isBlankRow(r.cells));
    if (start < 0) throw new InputError({ file }, 'a table with a header row (the file holds no rows)');
  } else {
    start = rows.findIndex((r) => r.row === headerRow);
    if (start < 0 || isBlankRow(rows[start].cells)) {
      throw new InputError({ file, row: headerRow }, `the header in row ${headerRow} (--header-row), but that row is ${start < 0 ? 'past the end of the table' : 'blank'}`);
    }
  }
  const data = rows.slice(start + 1).filter((r) => !isBlankRow(r.cells));
  return {
    file,
    header: rows[start].cells.map((h) => h.trim()),
    rows: data.map((r) => r.cells),
    headerRow: rows[start].row,
    rowNumbers: data.map((r) => r.row),
  };
}
