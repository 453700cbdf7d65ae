import type { Lang } from './column';

/**
 * What a column of an output table holds, which decides how every presenter shows it (the
 * terminal, the report, the workbook, notebook frames): one formatter per kind and language
 * (`formatCell`) and one spreadsheet number format per kind (`EXCEL_NUMBER_FORMAT`).
 *
 * - `money`: yuan, two decimals, thousands separators (1,234,567.89)
 * - `rate`: a ratio shown as a percentage with two decimals (0.2345 → 23.45%): loss ratios,
 *   expense rates, solvency ratios, thresholds
 * - `points`: percentage points, two decimals (2 → 2.00 pp): headroom and differences of rates
 * - `ratio`: a factor or proportion shown as a decimal with four places (0.8635)
 * - `ae`: actual ÷ expected, three places (1.546), and its confidence limits
 * - `count`: a whole number of things (policies, claims, respondents), thousands separators
 * - `exposure`: policy-years, two decimals, thousands separators (never yuan)
 * - `index`: a 0–100 score (the satisfaction index), one decimal
 * - `year`: a calendar year or origin year, never with a thousands separator (2025)
 * - `period`: a year or quarter as text (2025, 2025Q4)
 * - `date`: a day as ISO text (2025-12-31); a date cell in a workbook
 * - `code`: an identifier (product code, rule id, item name), shown as it is
 * - `text`: words (messages, citations)
 * - `boolean`: yes or no (是/否)
 * - `p`: a p-value, three decimals, and `< 0.001` below a thousandth (never 0.0000)
 * - `number`: any other number (statistics, coefficients), four decimals
 */
export const COLUMN_KINDS = ['money', 'rate', 'points', 'ratio', 'ae', 'count', 'exposure', 'index', 'year', 'period', 'date', 'code', 'text', 'boolean', 'p', 'number'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** Kinds whose cells are numbers (a cell of another kind is text, a date or a boolean). */
export const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(['money', 'rate', 'points', 'ratio', 'ae', 'count', 'exposure', 'index', 'year', 'p', 'number']);

/** Decimals each numeric kind is shown with (as displayed; the filed value keeps full precision). */
export const KIND_DECIMALS: Readonly<Partial<Record<ColumnKind, number>>> = {
  money: 2,
  rate: 2,
  points: 2,
  ratio: 4,
  ae: 3,
  count: 0,
  exposure: 2,
  index: 1,
  year: 0,
  p: 3,
  number: 4,
};

/**
 * The spreadsheet number format of each kind (Excel's format codes), so that a workbook cell holds
 * the number and shows it as the report does. Text kinds are stored as text (`@`). Percentage
 * points read "pp" in English; `excelNumberFormat` gives the Chinese unit.
 */
export const EXCEL_NUMBER_FORMAT: Readonly<Record<ColumnKind, string>> = {
  money: '#,##0.00',
  rate: '0.00%',
  points: '0.00" pp"',
  ratio: '0.0000',
  ae: '0.000',
  count: '#,##0',
  exposure: '#,##0.00',
  index: '0.0',
  year: '0',
  period: '@',
  date: 'yyyy-mm-dd',
  code: '@',
  text: '@',
  boolean: 'General',
  p: '[<0.001]"< 0.001";0.000',
  number: '#,##0.0000',
};

/**
 * The number format of a kind in a language: `EXCEL_NUMBER_FORMAT`, with percentage points as
 * 个百分点 in Chinese.
 * @example excelNumberFormat('points', 'zh') // '0.00"个百分点"'
 */
export function excelNumberFormat(kind: ColumnKind, lang: Lang): string {
  return kind === 'points' && lang === 'zh' ? '0.00"个百分点"' : EXCEL_NUMBER_FORMAT[kind];
}
