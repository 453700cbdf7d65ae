import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The width every terminal output fits, in display columns (a CJK character takes two). */
export const TERMINAL_COLUMNS = 100;

/** Narrowest a wrapped text column becomes before columns are dropped. */
const MIN_WRAPPED = 12;

/** Columns between two table columns. */
const GAP = 2;

let fitWidth: number | null = TERMINAL_COLUMNS;

/**
 * Sets the width terminal tables fit (`null`: every column, however wide: `--wide`). The command
 * line sets it once per run; the library's default is `TERMINAL_COLUMNS`.
 * @example setTerminalWidth(null) // awb … --wide
 */
export function setTerminalWidth(width: number | null): void {
  fitWidth = width;
}

/** The width terminal tables fit now, or null for no limit. @example terminalWidth() // 100 */
export function terminalWidth(): number | null {
  return fitWidth;
}

/**
 * Columns a string takes on a terminal (string-width: CJK and full-width characters take two).
 * @example displayWidth('陕西分公司') // 10
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Options of `textTable`. */
export interface TextTableOptions {
  /** Width to fit in display columns; default `terminalWidth()` (100, or no limit with `--wide`). */
  readonly width?: number | null;
  /** Header of each column, by key (default the key). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The note under a table whose columns did not all fit (default: in Chinese when a header is Chinese, else in English). */
  readonly dropped?: (columns: readonly string[]) => string;
}

const droppedNote = (columns: readonly string[]) => `(${columns.length} more column${columns.length === 1 ? '' : 's'} not shown: ${columns.join(', ')}; --wide shows all, --json or --out has every figure)`;
const droppedNoteZh = (columns: readonly string[]) => `（另有 ${columns.length} 列未显示：${columns.join('、')}；--wide 显示全部列，--json 或 --out 含全部数据）`;
const HAN = /[\u3400-\u9fff]/;

/**
 * Rows as a plain-text table for the terminal that fits `width` display columns: a header, a
 * rule, then one line per row (or several when a text cell wraps); figures right-aligned and never
 * broken, text left-aligned and wrapped between words, empty cells for null. Widths are measured
 * in display columns (a CJK character takes two), so Chinese names align. When the columns do
 * not fit, the widest text columns wrap down to 12 columns; columns that still do not fit are
 * left out from the right and named in a note (`--wide` shows them all).
 * @example textTable([{ product: 'P01', ratio: '42.00%' }]) // 'product  ratio\n-------  ------\nP01      42.00%'
 */
export function textTable(rows: readonly Readonly<Record<string, string | number | null>>[], columns?: readonly string[], options: TextTableOptions = {}): string {
  const all = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const limit = options.width === undefined ? terminalWidth() : options.width;
  const header = (c: string) => options.headers?.[c] ?? c;
  const text = rows.map((r) => all.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
  const numeric = all.map((_, j) => text.length > 0 && text.every((row) => row[j] === '' || /^[-+]?[\d,.]+%?$/.test(row[j])));
  const natural = all.map((c, j) => Math.max(displayWidth(header(c)), ...text.map((row) => displayWidth(row[j]))));
  // The narrowest each column may become: figures and codes never wrap; text wraps between words
  // (Chinese between any two characters), down to MIN_WRAPPED.
  const longestWord = (j: number) => Math.max(...[header(all[j]), ...text.map((row) => row[j])].flatMap((s) => s.split(/\s+|(?<=[\u3000-\u9fff\uff00-\uffef])/)).map(displayWidth), 1);
  const floor = all.map((_, j) => (numeric[j] ? natural[j] : Math.min(natural[j], Math.max(MIN_WRAPPED, Math.min(longestWord(j), 24)))));
  const widths = [...natural];
  let kept = all.length;
  if (limit !== null) {
    const total = (n: number) => widths.slice(0, n).reduce((a, b) => a + b, 0) + GAP * Math.max(0, n - 1);
    // Narrow the widest wrappable column by one, again and again, so that long text columns share the room.
    while (total(kept) > limit) {
      let widest = -1;
      for (let j = 0; j < kept; j++) if (widths[j] > floor[j] && (widest < 0 || widths[j] >= widths[widest])) widest = j;
      if (widest < 0) break;
      widths[widest]--;
    }
    while (kept > 1 && total(kept) > limit) kept--;
  }
  const shown = all.slice(0, kept);
  const wrap = (value: string, j: number) => (displayWidth(value) <= widths[j] ? [value] : HAN.test(value) ? wrapTokens(value, widths[j]) : wrapAnsi(value, widths[j], { hard: true, trim: true }).split('\n'));
  const lines = (values: readonly string[]) => {
    const cells = values.map((v, j) => wrap(v, j));
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      cells
        .map((c, j) => (numeric[j] ? padStart(c[k] ?? '', widths[j]) : padEnd(c[k] ?? '', widths[j])))
        .join(' '.repeat(GAP))
        .trimEnd(),
    );
  };
  const out = [...lines(shown.map(header)), shown.map((_, j) => '-'.repeat(widths[j])).join(' '.repeat(GAP)), ...text.flatMap((row) => lines(row.slice(0, kept)))];
  if (kept < all.length) {
    const note = (options.dropped ?? (all.some((c) => HAN.test(header(c))) ? droppedNoteZh : droppedNote))(all.slice(kept).map(header));
    out.push(...(limit === null ? [note] : wrapAnsi(note, limit, { hard: true }).split('\n')));
  }
  return out.join('\n');
}

/**
 * A line wrapped to `width` display columns between tokens: a Han character or full-width
 * punctuation mark is a token of its own (Chinese breaks between any two characters), a run of
 * other non-space characters (a figure, a code, an English word) is one token and breaks only
 * when it is wider than the line.
 */
function wrapTokens(text: string, width: number): string[] {
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const out: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (displayWidth(line + token) <= width) {
      line += token;
      continue;
    }
    if (line.trim() !== '') out.push(line.trimEnd());
    const parts = wrapAnsi(token, width, { hard: true }).split('\n');
    out.push(...parts.slice(0, -1));
    line = parts[parts.length - 1];
  }
  if (line.trim() !== '') out.push(line.trimEnd());
  return out;
}

/**
 * Text for the terminal with every line fitted to `width` display columns: a longer line wraps
 * between words (Chinese between any two characters), its continuation indented as the line was
 * (a finding's message under its rule). Tables are fitted by `textTable` before; this catches the
 * sentences around them.
 * @example fitLines('a'.repeat(5) + ' ' + 'b'.repeat(5), 6) // 'aaaaa\nbbbbb'
 */
export function fitLines(text: string, width: number | null = terminalWidth()): string {
  if (width === null) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      if (displayWidth(line) <= width) return [line];
      const indent = /^\s*/.exec(line)![0];
      const hanging = indent + '  ';
      const body = line.slice(indent.length);
      const wrapped = HAN.test(body) ? wrapTokens(body, width - hanging.length) : wrapAnsi(body, width - hanging.length, { hard: true, trim: true }).split('\n');
      return wrapped.map((part, i) => (i === 0 ? indent : hanging) + part);
    })
    .join('\n');
}
