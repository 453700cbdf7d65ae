/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian, no time zone).
 * Day numbers make day counts exact integer subtraction and keep results independent of
 * the machine's time zone.
 */
export type DayNumber = number & { readonly __unit: 'day' };

/** Marks "no date" (a policy still in force) inside Int32Array date columns. */
export const NO_DAY = 2147483647 as DayNumber;

const MS_PER_DAY = 86_400_000;

/** True for Gregorian leap years. @example isLeapYear(2024) // true; isLeapYear(1900) // false */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a calendar year: 365 or 366. */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day number of a calendar date; month 1–12. @example dayOf(1970, 1, 2) // 1 */
export function dayOf(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY) as DayNumber;
}

/** Calendar fields of a day number. @example ymdOf(dayOf(2024, 2, 29)) // { year: 2024, month: 2, day: 29 } */
export function ymdOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** ISO text of a day number. @example formatDay(dayOf(2024, 3, 1)) // '2024-03-01' */
export function formatDay(day: number): string {
  const { year, month, day: d } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parses an ISO date `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYYMMDD` and `YYYY年M月D日`), rejecting
 * impossible dates such as 2023-02-29.
 * @returns the day number, or null when the text is not a real calendar date.
 * @example parseDayText('2024-02-29') // 19782
 * @example parseDayText('2023-02-29') // null
 */
export function parseDayText(text: string): DayNumber | null {
  const t = text.trim();
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayOf(year, month, day);
}

/**
 * The same calendar date `years` later; 29 February falls back to 28 February in a
 * common year (the usual policy-anniversary convention).
 * @example formatDay(addYears(dayOf(2020, 2, 29), 1)) // '2021-02-28'
 */
export function addYears(day: number, years: number): DayNumber {
  const { year, month, day: d } = ymdOf(day);
  const y = year + years;
  return dayOf(y, month, Math.min(d, daysInMonth(y, month)));
}

/**
 * The same day of the month `months` later, clipped to the month's last day.
 * @example formatDay(addMonths(dayOf(2024, 1, 31), 1)) // '2024-02-29'
 */
export function addMonths(day: number, months: number): DayNumber {
  const { year, month, day: d } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  return dayOf(y, mo, Math.min(d, daysInMonth(y, mo)));
}

/** Minutes east of UTC of China Standard Time (UTC+8), the time zone S1's working days are counted in. */
const CHINA_OFFSET_MINUTES = 480;

/**
 * Parses a date or a date-time and returns its calendar date in China Standard Time (UTC+8):
 * `YYYY-MM-DD` (and the forms `parseDayText` accepts) as it is; `YYYY-MM-DD HH:MM[:SS[.fff]]` or
 * with `T` as the local time in China; with a time-zone offset (`Z`, `+08:00`, `-0500`) converted
 * to China's date. The time of day is dropped: S1 §6 counts whole days.
 * @returns the day number, or null when the text is not a real date or time.
 * @example formatDay(parseDateTimeText('2025-09-30 17:45')!) // '2025-09-30'
 * @example formatDay(parseDateTimeText('2025-09-30T17:45:00Z')!) // '2025-10-01' (01:45 in Beijing)
 */
export function parseDateTimeText(text: string): DayNumber | null {
  const t = text.trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return parseDayText(t);
  const day = parseDayText(`${m[1]}-${m[2]}-${m[3]}`);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  if (m[7] === undefined) return day;
  const zone = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
  const minutesInChina = hour * 60 + minute - zone + CHINA_OFFSET_MINUTES;
  return (day + Math.floor(minutesInChina / 1440)) as DayNumber;
}
