import { escapeHtml } from '../charts/html';
import type { Lang } from '../present/column';
import type { ColumnDeclaration } from '../present/column';
import { NUMERIC_KINDS } from '../present/columnKind';
import { formatCell } from '../present/formatCell';
import type { TypedTable } from '../present/typedTable';

/** A portrait A4 text block holds this many columns legibly; wider tables are split into parts. */
export const PORTRAIT_COLUMNS = 9;

/** A landscape A4 text block holds this many columns legibly; wider tables are split into parts. */
export const LANDSCAPE_COLUMNS = 14;

/** Kinds kept on one line (codes, periods, figures): never broken inside a value. */
const UNBROKEN = new Set(['code', 'period', 'year', 'date', 'boolean', ...NUMERIC_KINDS]);

/** Kinds that identify a row (product, period, group), repeated in every part of a split table. */
const IDENTIFYING = new Set(['code', 'period', 'year', 'date', 'text']);

/**
 * The parts a wide table is split into so that each fits `width` columns: the leading identifying
 * columns (codes, periods, names: at most 3) begin every part, the other columns follow in order.
 * A table that fits is one part; the parts are as even as possible.
 * @example splitColumns(columns of 12, 8).length // 2 when 2 columns identify the row (2 + 5, 2 + 5)
 */
export function splitColumns(columns: readonly ColumnDeclaration[], width: number): ColumnDeclaration[][] {
  if (columns.length <= width) return [[...columns]];
  let keys = 0;
  while (keys < columns.length && keys < 3 && IDENTIFYING.has(columns[keys].kind)) keys++;
  const head = columns.slice(0, keys);
  const rest = columns.slice(keys);
  // As many parts as needed, as even as possible (never a part of one column beside a full one).
  const count = Math.ceil(rest.length / Math.max(1, width - keys));
  const per = Math.ceil(rest.length / count);
  const parts: ColumnDeclaration[][] = [];
  for (let i = 0; i < rest.length; i += per) parts.push([...head, ...rest.slice(i, i + per)]);
  return parts;
}

/** Options of `tableHtml`. */
export interface TableHtmlOptions {
  /** Columns per part before the table is split (`PORTRAIT_COLUMNS` or `LANDSCAPE_COLUMNS`). */
  readonly width: number;
  /** Display words of coded values (`single` → 趸交); a value without one is shown as it is. */
  readonly values?: Readonly<Record<string, string>>;
  /** Wording of "part 1 of 2" above each part of a split table. */
  readonly part?: (n: number, of: number) => string;
}

/**
 * A typed table as HTML: headers in the language, every cell formatted by its column's kind
 * (`formatCell`: years without separators, rates as percentages, money with two decimals), figures
 * right-aligned on one line, text wrapped only between words. A table wider than `width` columns
 * is split into parts that repeat the identifying columns. The header row repeats on every page a
 * table spans (`thead`), and a row is never split across pages.
 * @example tableHtml(typedTable('t', [{ year: 2025, loss_ratio: 0.2165 }]), 'en', { width: 8 }) // …<td class="num">2025</td><td class="num">21.65%</td>…
 */
export function tableHtml(table: TypedTable, lang: Lang, options: TableHtmlOptions): string {
  const parts = splitColumns(table.columns, options.width);
  return parts
    .map((columns, i) => {
      const label = parts.length > 1 && options.part ? `<p class="part-of">${escapeHtml(options.part(i + 1, parts.length))}</p>` : '';
      const head = columns.map((c) => `<th class="${NUMERIC_KINDS.has(c.kind) ? 'num' : c.kind}">${escapeHtml(c.label[lang])}</th>`).join('');
      const body = table.rows
        .map((row) => {
          const cells = columns.map((c) => {
            const value = row[c.key];
            const text = typeof value === 'string' ? (options.values?.[value] ?? value) : formatCell(value, c.kind, lang);
            const cls = NUMERIC_KINDS.has(c.kind) ? 'num' : UNBROKEN.has(c.kind) ? 'code' : 'text';
            return `<td class="${cls}">${escapeHtml(text === '' ? '–' : text)}</td>`;
          });
          return `<tr>${cells.join('')}</tr>`;
        })
        .join('\n');
      const small = table.rows.length <= 12 ? ' keep' : '';
      return `${label}<table class="data${small}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    })
    .join('\n');
}
