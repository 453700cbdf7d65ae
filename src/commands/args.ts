import { type DayNumber, formatDay, parseDayText } from '../data/dates';
import { InputError } from '../data/InputError';
import { CellParseFailure, parseMoneyText } from '../data/parseCell';
import { parseQuarterText, type Quarter } from '../data/period';
import type { Cents } from '../money/cents';
import { Dec } from '../money/decimal';

/** An error naming the option: "argument --term-days: expected …". */
function argError(name: string, expected: string, found?: unknown): InputError {
  return new InputError({ argument: `--${name}` }, expected, found === undefined ? undefined : String(found));
}

function raw(options: Record<string, unknown>, key: string): string | undefined {
  const v = options[key];
  return v === undefined || v === null ? undefined : String(v);
}

/** Commander keys options in camelCase: --term-days → termDays. */
function optionKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A required text option. @throws InputError when absent or empty. */
export function requiredText(options: Record<string, unknown>, name: string, expected = 'a value'): string {
  const v = raw(options, optionKey(name));
  if (v === undefined || v.trim() === '') throw argError(name, expected, v);
  return v;
}

/** An optional text option, or null. */
export function optionalText(options: Record<string, unknown>, name: string): string | null {
  const v = raw(options, optionKey(name));
  return v === undefined || v.trim() === '' ? null : v;
}

/** A money option in yuan (at most two decimals), returned as exact canonical text ('365.00'). */
export function moneyArg(options: Record<string, unknown>, name: string, min = 0): string {
  const text = requiredText(options, name, 'money in yuan');
  const cents = parseMoneyText(text);
  if (cents instanceof CellParseFailure) throw argError(name, cents.expected, text);
  if (cents < min * 100) throw argError(name, `money in yuan of at least ${min}`, text);
  return new Dec(cents as Cents).div(100).toFixed(2);
}

/** A decimal-number option, returned as canonical text. */
export function decimalArg(options: Record<string, unknown>, name: string, bounds: { min?: number; max?: number } = {}): string {
  const text = requiredText(options, name, 'a number');
  let value: Dec;
  try {
    value = new Dec(text.trim());
  } catch {
    throw argError(name, 'a number', text);
  }
  if (!value.isFinite() || (bounds.min !== undefined && value.lt(bounds.min)) || (bounds.max !== undefined && value.gt(bounds.max))) {
    const range = bounds.min !== undefined && bounds.max !== undefined ? ` between ${bounds.min} and ${bounds.max}` : bounds.min !== undefined ? ` of at least ${bounds.min}` : '';
    throw argError(name, `a number${range}`, text);
  }
  return value.toString();
}

/** A whole-number option. */
export function integerArg(options: Record<string, unknown>, name: string, bounds: { min?: number; max?: number } = {}, fallback?: number): number {
  const text = raw(options, optionKey(name));
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^[+-]?\d+$/.test(text.trim())) throw argError(name, 'a whole number', text);
  const value = Number(text);
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    throw argError(name, `a whole number${bounds.min !== undefined ? ` of at least ${bounds.min}` : ''}${bounds.max !== undefined ? ` and at most ${bounds.max}` : ''}`, text);
  }
  return value;
}

/** A date option (YYYY-MM-DD), returned as canonical ISO text. */
export function dateArg(options: Record<string, unknown>, name: string): string {
  const text = requiredText(options, name, 'a date as YYYY-MM-DD');
  const day: DayNumber | null = parseDayText(text);
  if (day === null) throw argError(name, 'a real calendar date as YYYY-MM-DD', text);
  return formatDay(day);
}

/** A quarter option (YYYYQn). */
export function quarterArg(options: Record<string, unknown>, name: string): Quarter {
  const text = requiredText(options, name, 'a quarter as YYYYQn');
  const q = parseQuarterText(text);
  if (q === null) throw argError(name, 'a quarter as YYYYQn (for example 2025Q4)', text);
  return q;
}

/** A comma-separated list option (empty list when absent). */
export function listArg(options: Record<string, unknown>, name: string): string[] {
  const text = optionalText(options, name);
  return text === null ? [] : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** One of the listed choices. */
export function choiceArg<T extends string>(options: Record<string, unknown>, name: string, choices: readonly T[], fallback?: T): T {
  const text = raw(options, optionKey(name));
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !choices.includes(text as T)) throw argError(name, `one of ${choices.join(', ')}`, text);
  return text as T;
}

/** A true/false option given as text (--scaled true). */
export function booleanArg(options: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const v = options[optionKey(name)];
  if (v === undefined) return fallback;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw argError(name, 'true or false', v);
}
