import { dayOf, daysInMonth, type DayNumber, ymdOf } from './dates';

/** A reporting period in canonical text: a year `2024` or a quarter `2024Q3`. */
export type Period = string & { readonly __kind: 'period' };

/** A calendar quarter in canonical text `YYYYQn`. */
export type Quarter = Period & { readonly __grain: 'quarter' };

const CHINESE_QUARTER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * Parses a period: `2024`, `2024Q3`, `2024-Q3`, `2024 q3`, `2024年`, `2024年第三季度`, `2024年3季度`.
 * @returns the canonical period, or null when the text is not a period.
 * @example parsePeriodText('2024年第三季度') // '2024Q3'
 */
export function parsePeriodText(text: string): Period | null {
  const t = text.trim();
  let m = /^(\d{4})(?:\.0+)?年?(?:度)?$/.exec(t);
  if (m) return m[1] as Period;
  m = /^(\d{4})\s*[-/ ]?\s*[Qq]([1-4])$/.exec(t);
  if (m) return `${m[1]}Q${m[2]}` as Period;
  m = /^(\d{4})年(?:度)?第?([一二三四1-4])季度?$/.exec(t);
  if (m) return `${m[1]}Q${CHINESE_QUARTER[m[2]]}` as Period;
  return null;
}

/** Parses a quarter only (`2025Q4`); a bare year is rejected. */
export function parseQuarterText(text: string): Quarter | null {
  const p = parsePeriodText(text);
  return p !== null && isQuarter(p) ? p : null;
}

/** True when the period is a quarter rather than a year. */
export function isQuarter(period: Period): period is Quarter {
  return period.length === 6;
}

/** Calendar year of a period. @example periodYear('2024Q3' as Period) // 2024 */
export function periodYear(period: Period): number {
  return Number(period.slice(0, 4));
}

/** Quarter number 1–4 of a quarter. */
export function quarterNumber(quarter: Quarter): number {
  return Number(quarter[5]);
}

/** Builds a quarter from its year and number. @example quarterOf(2024, 3) // '2024Q3' */
export function quarterOf(year: number, q: number): Quarter {
  return `${year}Q${q}` as Quarter;
}

/** The quarter containing a day. */
export function quarterOfDay(day: number): Quarter {
  const { year, month } = ymdOf(day);
  return quarterOf(year, Math.floor((month - 1) / 3) + 1);
}

/** First day of a period (inclusive). */
export function periodStart(period: Period): DayNumber {
  const year = periodYear(period);
  return isQuarter(period) ? dayOf(year, (quarterNumber(period) - 1) * 3 + 1, 1) : dayOf(year, 1, 1);
}

/** Last day of a period (inclusive). */
export function periodEnd(period: Period): DayNumber {
  const year = periodYear(period);
  if (!isQuarter(period)) return dayOf(year, 12, 31);
  const lastMonth = quarterNumber(period) * 3;
  return dayOf(year, lastMonth, daysInMonth(year, lastMonth));
}

/** The quarter `n` quarters after (negative: before) the given one. @example addQuarters('2024Q4' as Quarter, 1) // '2025Q1' */
export function addQuarters(quarter: Quarter, n: number): Quarter {
  const index = periodYear(quarter) * 4 + quarterNumber(quarter) - 1 + n;
  return quarterOf(Math.floor(index / 4), (index % 4) + 1);
}

/** Quarters from `first` to `last` inclusive, in order (empty when first is after last). */
export function quarterRange(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = first; comparePeriods(q, last) <= 0; q = addQuarters(q, 1)) out.push(q);
  return out;
}

/** Orders periods by start, a year before its own quarters. */
export function comparePeriods(a: Period, b: Period): number {
  return periodStart(a) - periodStart(b) || a.length - b.length;
}
