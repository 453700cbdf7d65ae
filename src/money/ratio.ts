import { Dec, type DecLike, toDec } from './decimal';

/**
 * How a regulation words a comparison, mapped to an operator:
 * 不低于 / 达到 'ge' (≥), 高于 / 超过 'gt' (>), 低于 'lt' (<), 不得高于 / 不得超过 'le' (≤).
 */
export type Comparison = 'ge' | 'gt' | 'lt' | 'le';

/** The symbol printed for a comparison in findings and reports. */
export const COMPARISON_SYMBOL: Readonly<Record<Comparison, string>> = { ge: '≥', gt: '>', lt: '<', le: '≤' };

/**
 * Compares exactly, in decimal: a ratio of exactly 0.50 is not 'lt' 0.50.
 * @example compare('0.5', 'lt', '0.50') // false
 * @example compare('0.4999', 'lt', '0.50') // true
 */
export function compare(value: DecLike, op: Comparison, threshold: DecLike): boolean {
  const c = toDec(value).comparedTo(toDec(threshold));
  switch (op) {
    case 'ge': return c >= 0;
    case 'gt': return c > 0;
    case 'lt': return c < 0;
    case 'le': return c <= 0;
  }
}

/**
 * Exact quotient, or null when the denominator is zero (the ratio is not computable).
 * Callers decide what a non-positive denominator means for their formula.
 * @example ratio('1', '3')?.toSignificantDigits(4).toString() // '0.3333'
 * @example ratio('1', '0') // null
 */
export function ratio(numerator: DecLike, denominator: DecLike): Dec | null {
  const d = toDec(denominator);
  if (d.isZero()) return null;
  return toDec(numerator).div(d);
}

/**
 * Parses a rate written as a decimal ('0.35') or a percentage ('35%', '35 %', '３５％').
 * @returns the exact rate as a fraction (0.35), or null when the text is not a rate.
 * @example parseRateText('35%')?.toString() // '0.35'
 */
export function parseRateText(text: string): Dec | null {
  const t = normalizeDigits(text).trim();
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%)?$/.exec(t);
  if (!m) return null;
  const value = new Dec(m[1]);
  return m[2] ? value.div(100) : value;
}

/** Formats a fraction as a percentage with fixed decimals, half-up. @example formatPercent('0.5', 2) // '50.00%' */
export function formatPercent(rate: DecLike, decimals = 2): string {
  return toDec(rate).times(100).toFixed(decimals, Dec.ROUND_HALF_UP) + '%';
}

/** Replaces full-width digits, signs, point and percent (common in Chinese spreadsheets) by ASCII. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF05\uFF0E\uFF0B\uFF0D]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
