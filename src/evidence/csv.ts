import { stringify } from 'csv-stringify/sync';

/** A value in an output table: JSON scalars only, so CSV and JSON agree cell for cell. */
export type TableCell = string | number | boolean | null;

/** A row of an output table. */
export type TableRow = Readonly<Record<string, TableCell>>;

/** Shortest round-trip text of a number; never exponent notation for ordinary magnitudes. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`toCsv: ${n} is not a finite number; report it as not computable (null) instead`);
  return Object.is(n, -0) ? '0' : String(n);
}

/** The UTF-8 byte-order mark, which tells Excel on a Chinese-locale machine that a CSV is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet program read a cell as a formula (OWASP, "CSV Injection":
 * =, +, -, @, tab, carriage return at the start of a cell).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet program, as OWASP's CSV-injection guidance
 * advises: a text beginning with =, +, -, @, a tab or a carriage return gets a leading single
 * quote, so Excel, LibreOffice and Numbers show it as text and never evaluate it. Numbers are not
 * text and never pass through here: -5 stays the number -5.
 * @example neutraliseFormula('=HYPERLINK("http://evil.example/","x")') // '\'=HYPERLINK("http://evil.example/","x")'
 * @example neutraliseFormula('ACC01') // 'ACC01'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Writes rows as RFC 4180 CSV (csv-stringify) with a header, LF line ends and a final newline;
 * the columns are those given, or the keys of the first row in order. Booleans are `true`/`false`,
 * null is an empty cell, a cell with leading or trailing space or a line break (CR or LF) is quoted. Deterministic: the same
 * rows give the same bytes. This is the data writer (the sample company's tables); evidence
 * tables go through `evidenceCsv`.
 * @throws RangeError for NaN or Infinity cells (which must be reported as not computable).
 * @example toCsv([{ a: 1, b: 'x,y' }]) // 'a,b\n1,"x,y"\n'
 */
export function toCsv(rows: readonly TableRow[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const records = [cols, ...rows.map((row) => cols.map((c) => row[c] ?? null))];
  return stringify(records, {
    record_delimiter: 'unix',
    quoted_match: [/^\s|\s$/, /[\r\n]/],
    cast: { boolean: (b) => (b ? 'true' : 'false'), number: numberText },
  });
}

/**
 * An output table as filed in an evidence bundle (`tables/<name>.csv`): a UTF-8 byte-order mark
 * (so that Chinese text opens correctly when the file is double-clicked in Excel), then `toCsv`
 * with every text cell and header neutralised against formula injection (`neutraliseFormula`).
 * @example evidenceCsv([{ note: '=1+1', n: -5 }]) // '\uFEFFnote,n\n\'=1+1,-5\n'
 */
export function evidenceCsv(rows: readonly TableRow[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const safe = (cell: TableCell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell);
  const header = cols.map(neutraliseFormula);
  const safeRows = rows.map((row) => Object.fromEntries(cols.map((c, j) => [header[j], safe(row[c] ?? null)])));
  return UTF8_BOM + toCsv(safeRows, header);
}
