/** Columns a string takes on a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * Rows as a plain-text table for the terminal: a header, a rule, then one line per row; numbers
 * right-aligned, text left-aligned, empty cells for null.
 * @example textTable([{ product: 'P01', ratio: '42.00%' }]) // 'product  ratio\n-------  ------\nP01      42.00%'
 */
export function textTable(rows: readonly Readonly<Record<string, string | number | null>>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const cells = rows.map((r) => cols.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
  const widths = cols.map((c, j) => Math.max(displayWidth(c), ...cells.map((row) => displayWidth(row[j]))));
  const numeric = cols.map((_, j) => cells.length > 0 && cells.every((row) => row[j] === '' || /^[-+]?[\d,.]+%?$/.test(row[j])));
  const line = (values: readonly string[]) => values.map((v, j) => (numeric[j] ? padStart(v, widths[j]) : padEnd(v, widths[j]))).join('  ').trimEnd();
  return [line(cols), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
