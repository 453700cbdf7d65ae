/** Where in an input a problem was found; every part that is known should be given. */
export interface InputLocation {
  /** The file as the user named it (or the table name when there is no file). */
  readonly file?: string;
  /** Spreadsheet row number: the header is row 1, the first data row is row 2. */
  readonly row?: number;
  /** Canonical column name; the header as written in the file is added when it differs. */
  readonly column?: string;
  /** The header exactly as the file wrote it, when it differs from the canonical name. */
  readonly header?: string;
  /** A command-line option (`--term-days`) when the bad input is an argument rather than a file. */
  readonly argument?: string;
  /** A field of a JSON file (`command.parameters.year` in a bundle's manifest.json). */
  readonly field?: string;
}

/**
 * Bad input: a file, row, column or argument that does not meet its expectation. The CLI
 * turns it into exit code 2 with the message on stderr; anything else is an internal failure.
 *
 * @example
 * new InputError({ file: 'finance.csv', row: 14, column: 'premium_income' },
 *   'money in yuan with at most two decimals', '12,3x').message
 * // 'finance.csv, row 14, column premium_income: expected money in yuan with at most two decimals, found "12,3x"'
 */
export class InputError extends Error {
  /** The process exit code for bad input. */
  readonly exitCode = 2 as const;

  constructor(
    readonly location: InputLocation,
    /** What was expected, phrased to follow "expected". */
    readonly expected: string,
    /** What was found instead, quoted in the message when given. */
    readonly found?: string,
  ) {
    super(formatInputError(location, expected, found));
    this.name = 'InputError';
  }
}

function formatInputError(location: InputLocation, expected: string, found?: string): string {
  const where: string[] = [];
  if (location.argument) where.push(`argument ${location.argument}`);
  if (location.file) where.push(location.file);
  if (location.field) where.push(`field ${location.field}`);
  if (location.row !== undefined) where.push(`row ${location.row}`);
  if (location.column) {
    const header = location.header && location.header !== location.column ? ` (header "${location.header}")` : '';
    where.push(`column ${location.column}${header}`);
  }
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  const shown = found === undefined ? '' : `, found ${found === '' ? 'an empty cell' : JSON.stringify(found.length > 80 ? found.slice(0, 77) + '...' : found)}`;
  return `${prefix}expected ${expected}${shown}`;
}
