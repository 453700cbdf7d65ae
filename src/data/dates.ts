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
  if (year >= 0 && year < 100) {
    // Date.UTC reads years 0–99 as 1900–1999 (0017-02-05 would be 1917); setUTCFullYear does not.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return Math.round(date.getTime() / MS_PER_DAY) as DayNumber;
  }
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

/**
 * A moment as recorded by a system clock, in whole seconds since 1970-01-01 00:00:00 of China's
 * wall clock (UTC+8): times written without a zone are taken as China time, as the regulations'
 * time limits and a recording system's log mean them.
 */
export type DateTime = number & { readonly __unit: 'second' };

/** Seconds east of UTC of China Standard Time (UTC+8). */
const CHINA_OFFSET_SECONDS = 8 * 3600;

/**
 * Parses a date and time of day: any date `parseDayText` accepts, then `HH:MM[:SS[.fff]]` after a
 * space or `T` (or right after 日), optionally with a zone (`Z`, `+08:00`, `-0500`), which is
 * converted to China time; a bare date is its midnight. Fractions of a second are dropped.
 * @returns the seconds since 1970-01-01 00:00:00 of China's wall clock, or null when the text is
 * not a real date and time.
 * @example parseDateTimeText('2025-03-01 10:23:05') // 1740824585
 * @example formatDateTime(parseDateTimeText('2025-09-30T17:45:00Z')!) // '2025-10-01 01:45:00' (Beijing)
 * @example parseDateTimeText('2025-03-01 24:00') // null
 */
export function parseDateTimeText(text: string): DateTime | null {
  const t = text.trim();
  const m = /^(.+?)(?:[T ]\s*|(?<=日)\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  const day = parseDayText(m ? m[1] : t);
  if (day === null) return null;
  if (!m) return (day * 86_400) as DateTime;
  const [hours, minutes, seconds] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const wall = day * 86_400 + hours * 3600 + minutes * 60 + seconds;
  if (m[5] === undefined) return wall as DateTime;
  const zone = m[5] === 'Z' ? 0 : (m[5][0] === '-' ? -1 : 1) * (Number(m[5].slice(1, 3)) * 3600 + Number(m[5].slice(-2)) * 60);
  return (wall - zone + CHINA_OFFSET_SECONDS) as DateTime;
}

/** The calendar day of a date and time. @example formatDay(dayOfDateTime(parseDateTimeText('2025-03-01 23:59')!)) // '2025-03-01' */
export function dayOfDateTime(moment: DateTime): DayNumber {
  return Math.floor(moment / 86_400) as DayNumber;
}

/** ISO text of a date and time. @example formatDateTime(parseDateTimeText('2025-03-01 10:23:05')!) // '2025-03-01 10:23:05' */
export function formatDateTime(moment: DateTime): string {
  const seconds = moment - dayOfDateTime(moment) * 86_400;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(dayOfDateTime(moment))} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}
