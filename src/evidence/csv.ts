/** A value in an output table: JSON scalars only, so CSV and JSON agree cell for cell. */
export type TableCell = string | number | boolean | null;

/** A row of an output table. */
export type TableRow = Readonly<Record<string, TableCell>>;

function quote(cell: TableCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? numberText(cell) : String(cell);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Shortest round-trip text of a number; never exponent notation for ordinary magnitudes. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`toCsv: ${n} is not a finite number; report it as not computable (null) instead`);
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * Writes rows as RFC 4180 CSV with a header, LF line ends and a final newline; the columns
 * are those given, or the keys of the first row in order. Deterministic: the same rows give
 * the same bytes.
 * @throws RangeError for NaN or Infinity cells (which must be reported as not computable).
 * @example toCsv([{ a: 1, b: 'x,y' }]) // 'a,b\n1,"x,y"\n'
 */
export function toCsv(rows: readonly TableRow[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const lines = [cols.map((c) => quote(c)).join(',')];
  for (const row of rows) lines.push(cols.map((c) => quote(row[c] ?? null)).join(','));
  return lines.join('\n') + '\n';
}
