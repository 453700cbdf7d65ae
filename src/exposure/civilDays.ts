import { isLeapYear } from '../data/dates';

/**
 * Calendar arithmetic on day numbers in pure integer maths (H. Hinnant's days-from-civil
 * algorithm), for the exposure engine's hot loops: the `Date`-based helpers in
 * `src/data/dates.ts` give the same answers but allocate an object per call.
 */

/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian date; month 1–12.
 * @example civilToDay(2024, 2, 29) // 19782
 */
export function civilToDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Year, month (1–12) and day of a day number, written into `out` (no allocation).
 * @example dayToCivil(19782, out) // out = [2024, 2, 29]
 */
export function dayToCivil(dayNumber: number, out: Int32Array | number[]): void {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = d;
}

/**
 * The k-th policy anniversary of an issue date given as year, month and day: the same
 * calendar date k years later, with 29 February falling back to 28 February in a common
 * year (the convention of `addYears` in `src/data/dates.ts`).
 * @example anniversaryDay(2020, 2, 29, 1) // day number of 2021-02-28
 */
export function anniversaryDay(year: number, month: number, day: number, k: number): number {
  const y = year + k;
  return civilToDay(y, month, month === 2 && day === 29 && !isLeapYear(y) ? 28 : day);
}
