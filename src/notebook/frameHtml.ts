import type { DataFrame } from 'danfojs/dist/danfojs-browser/src/index';
import { escapeHtml } from '../charts/html';
import { formatYuan } from '../money/cents';
import { toDec } from '../money/decimal';
import { groupThousands } from '../money/groupThousands';
import { frameMoneyColumns } from './toFrame';

/** How a frame is shown. */
export interface FrameHtmlOptions {
  /** Rows shown (default 20); the caption says how many there are in all. */
  readonly maxRows?: number;
  /** Money columns besides those toFrame recorded: two decimals, half-up, thousands separated. */
  readonly money?: readonly string[];
  /** A title above the table. */
  readonly caption?: string;
}

/** Scoped under .awb-frame-box so it outranks JupyterLab's right-aligned table cells. */
const STYLE = `<style>
.awb-frame-box table.awb-frame{border-collapse:collapse;font-family:"Noto Sans CJK SC","Noto Sans",Arial,sans-serif;font-size:13px;margin:4px 0}
.awb-frame-box table.awb-frame caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}
.awb-frame-box table.awb-frame th{border-bottom:1px solid #666;padding:3px 10px;text-align:left;background:#f4f4f4}
.awb-frame-box table.awb-frame td{border-bottom:1px solid #e3e3e3;padding:3px 10px;white-space:nowrap;text-align:left}
.awb-frame-box table.awb-frame th.num,.awb-frame-box table.awb-frame td.num{text-align:right;font-variant-numeric:tabular-nums}
.awb-frame-box .awb-frame-note{font-size:12px;color:#666}
</style>`;

/**
 * The text of a cell: money with two decimals (half-up, exact: the number's shortest decimal
 * text is rounded, not its binary value) and thousands separators; other numbers as written
 * up to six decimals, without separators (years stay 2024); missing values empty.
 * @example cellText(1234567.5, true) // '1,234,567.50'; cellText(0.1 + 0.2, false) // '0.3'
 */
export function cellText(value: unknown, money: boolean): { text: string; numeric: boolean } {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return { text: '', numeric: false };
  if (typeof value === 'number') {
    const text = money ? groupThousands(formatYuan(toDec(value))) : toDec(value).toDecimalPlaces(6).toString();
    return { text, numeric: true };
  }
  return { text: String(value), numeric: false };
}

/**
 * A frame as a tidy HTML table: the first `maxRows` rows, numbers right-aligned, money
 * formatted, text escaped, and a note with the total row count when rows are left out.
 * Pure; showFrame displays it.
 * @example frameHtml(toFrame([{ product_code: 'ACC01', premium: 1234.5 }]), { money: ['premium'] }) // …<td class="num">1,234.50</td>…
 */
export function frameHtml(frame: DataFrame, options: FrameHtmlOptions = {}): string {
  const maxRows = options.maxRows ?? 20;
  const columns = frame.columns;
  const money = new Set([...frameMoneyColumns(frame), ...(options.money ?? [])]);
  const total = frame.shape[0];
  const values = (total === 0 ? [] : (frame.head(Math.min(maxRows, total)).values as unknown[][]));
  const numericColumn = columns.map((_, j) => {
    const first = values.find((row) => row[j] !== null && row[j] !== undefined);
    return first !== undefined && typeof first[j] === 'number';
  });
  const head = `<tr>${columns.map((c, j) => `<th${numericColumn[j] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = values
    .map((row) => `<tr>${row.map((v, j) => {
      const { text, numeric } = cellText(v, money.has(columns[j]));
      return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;
    }).join('')}</tr>`)
    .join('\n');
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const note = total > values.length ? `<div class="awb-frame-note">${values.length} of ${groupThousands(String(total))} rows shown</div>` : total === 0 ? '<div class="awb-frame-note">no rows</div>' : '';
  return `${STYLE}<div class="awb-frame-box"><table class="awb-frame">${caption}<thead>${head}</thead><tbody>\n${body}\n</tbody></table>${note}</div>`;
}
