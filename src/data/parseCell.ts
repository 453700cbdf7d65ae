import { asCents, type Cents } from '../money/cents';
import { Dec } from '../money/decimal';
import { normalizeDigits, parseRateText } from '../money/ratio';
import { dayOfDateTime, parseDateTimeText, parseDayText } from './dates';
import { parsePeriodText, parseQuarterText } from './period';
import { type ColumnSpec, normaliseKey } from './schema';

/** Cell texts that mean "no value": empty, NA, N/A, NULL, NaN, a lone dash. */
const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', '-', '—']);

/** True when a cell holds no value. */
export function isMissingCell(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}

/** A cell that does not parse: what was expected, phrased to follow "expected". */
export class CellParseFailure {
  constructor(readonly expected: string) {}
}

/**
 * Money in yuan: an optional sign, digits with optional thousands separators and at most
 * two decimals besides trailing zeros (`12.300` is 12.30 yuan, as a Parquet DECIMAL(18,3) column
 * writes it; `12.345` is refused); a leading ¥/￥ or trailing 元 is allowed.
 * @returns exact cents.
 * @example parseMoneyText('1,234.5') // 123450
 * @example parseMoneyText('1234.500') // 123450
 */
export function parseMoneyText(text: string): Cents | CellParseFailure {
  const t = normalizeDigits(text).trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2})0*)?$/.exec(t) ?? /^([+-]?)()\.(\d{1,2})0*$/.exec(t);
  if (!m) {
    return new CellParseFailure(/^[+-]?[\d,]*\.\d{3,}$/.test(t) ? 'money in yuan with at most two decimals' : 'money in yuan (for example 1234.56)');
  }
  const whole = (m[2] || '0').replace(/,/g, '');
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const cents = Number(whole) * 100 + Number(fraction);
  if (!Number.isSafeInteger(cents)) return new CellParseFailure('money in yuan below 90 trillion');
  return asCents(m[1] === '-' ? -cents : cents);
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', '是', '对', '√']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', '否', '不是', '×']);

/** true/false, yes/no, y/n, 1/0, 是/否. */
export function parseBooleanText(text: string): boolean | CellParseFailure {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return new CellParseFailure('true or false (also yes/no, 1/0, 是/否)');
}

function parseNumberText(text: string, integer: boolean): number | CellParseFailure {
  const t = normalizeDigits(text).trim();
  const ok = integer ? /^[+-]?\d+(?:\.0*)?$/.test(t) : /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t);
  const value = Number(t);
  if (!ok || !Number.isFinite(value)) return new CellParseFailure(integer ? 'a whole number' : 'a number');
  return value;
}

/** Builds a lookup from normalised value or alias to the canonical enum value. */
export function enumLookup(values: Readonly<Record<string, readonly string[]>>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(values)) {
    lookup.set(normaliseKey(canonical), canonical);
    for (const alias of aliases) lookup.set(normaliseKey(alias), canonical);
  }
  return lookup;
}

function rangeText(spec: ColumnSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` between ${spec.min} and ${spec.max}`;
  if (spec.min !== undefined) return ` of at least ${spec.min}`;
  if (spec.max !== undefined) return ` of at most ${spec.max}`;
  return '';
}

/** The parsed value of a typed cell; null when the cell is missing. */
export type CellValue = string | number | boolean | Dec | null;

/**
 * Makes the parser for one column: text → typed value, or a failure saying what was expected.
 * Ranges (`min`, `max`) apply to numbers, money (in yuan) and rates.
 */
export function cellParser(spec: ColumnSpec): (text: string) => CellValue | CellParseFailure {
  const lookup = spec.values ? enumLookup(spec.values) : undefined;
  const inRange = (value: number | Dec): boolean => {
    const v = value instanceof Dec ? value : new Dec(value);
    return (spec.min === undefined || v.gte(spec.min)) && (spec.max === undefined || v.lte(spec.max));
  };
  const outOfRange = (what: string) => new CellParseFailure(`${what}${rangeText(spec)}`);
  return (raw: string) => {
    if (isMissingCell(raw)) return null;
    const text = raw.trim();
    switch (spec.type) {
      case 'string':
        return text;
      case 'date': {
        const day = parseDayText(text);
        return day === null ? new CellParseFailure('a real calendar date as YYYY-MM-DD') : day;
      }
      case 'datetime': {
        const moment = parseDateTimeText(text);
        return moment === null ? new CellParseFailure('a real date and time as YYYY-MM-DD HH:MM:SS (or a date YYYY-MM-DD)') : moment;
      }
      case 'datetime_date': {
        const moment = parseDateTimeText(text);
        return moment === null ? new CellParseFailure('a real date as YYYY-MM-DD or a date-time as YYYY-MM-DD HH:MM[:SS]') : dayOfDateTime(moment);
      }
      case 'period': {
        const p = parsePeriodText(text);
        return p === null ? new CellParseFailure('a year (2024) or a quarter (2024Q3)') : p;
      }
      case 'quarter': {
        const q = parseQuarterText(text);
        return q === null ? new CellParseFailure('a quarter as YYYYQn (2024Q3)') : q;
      }
      case 'money': {
        const cents = parseMoneyText(text);
        if (cents instanceof CellParseFailure) return cents;
        return inRange(new Dec(cents).div(100)) ? cents : outOfRange('money in yuan');
      }
      case 'rate': {
        const rate = parseRateText(text);
        if (rate === null) return new CellParseFailure('a rate as a decimal (0.35) or a percentage (35%)');
        return inRange(rate) ? rate : outOfRange('a rate');
      }
      case 'boolean':
        return parseBooleanText(text);
      case 'integer':
      case 'number': {
        const value = parseNumberText(text, spec.type === 'integer');
        if (value instanceof CellParseFailure) return value;
        return inRange(value) ? value : outOfRange(spec.type === 'integer' ? 'a whole number' : 'a number');
      }
      case 'enum': {
        const canonical = lookup?.get(normaliseKey(text));
        return canonical ?? new CellParseFailure(`one of ${Object.keys(spec.values ?? {}).join(', ')}`);
      }
    }
  };
}
