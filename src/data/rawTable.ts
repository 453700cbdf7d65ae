/**
 * A table as read from a file, before typing: the header and every data row as text.
 * Row i of `rows` is spreadsheet row `i + 2` (the header is row 1).
 */
export interface RawTable {
  /** The file as the user named it, used in every error message. */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Spreadsheet row number of the i-th data row (0-based). */
export function sheetRow(index: number): number {
  return index + 2;
}
