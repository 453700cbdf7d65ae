import type { DayNumber } from '../data/dates';
import { isWorkingDay, nthWorkingDayAfter, workingDaysBetween, type WorkingCalendar } from './workingCalendar';

/** Working days on the State Council calendar (工作日), or calendar days (日). */
export type LimitUnit = 'working_days' | 'calendar_days';

/** A time limit of S1 §6: "within N working days" or "N days". */
export interface TimeLimit {
  readonly amount: number;
  readonly unit: LimitUnit;
}

/**
 * How days are counted (rule ILI-SVC-COUNTING). The defaults are the workbench's documented
 * reading of S1 §6: the day of receipt is not counted, a request received on a non-working day
 * starts counting on the next working day, "within N working days" ends at the end of the N-th
 * working day, and the 30 days of complex claims are calendar days.
 */
export interface CountingConvention {
  /** true: a request received on a working day counts that day as the first working day. */
  readonly receipt_day_counted: boolean;
  /** true: a calendar-day limit whose last day is not a working day runs to the next working day (Civil Code art. 203). */
  readonly calendar_limit_extends_to_working_day: boolean;
}

/** The convention of the shipped rulebook. */
export const DEFAULT_CONVENTION: CountingConvention = { receipt_day_counted: false, calendar_limit_extends_to_working_day: false };

/**
 * The day counting starts after: the day of receipt, or the day before it when the receipt day
 * counts and is a working day. Working days are then counted from the next day on.
 * @example countingStart(calendar, DEFAULT_CONVENTION, dayOf(2025, 9, 30)) // 2025-09-30
 */
export function countingStart(calendar: WorkingCalendar, convention: CountingConvention, received: DayNumber): DayNumber {
  return (convention.receipt_day_counted && isWorkingDay(calendar, received) ? received - 1 : received) as DayNumber;
}

/**
 * The last day of a time limit (the limit ends at the end of this day): the N-th working day
 * after the counting start, or the start plus N calendar days (moved to the next working day
 * when the convention says so).
 * @throws InputError when the calendar does not cover a day needed.
 * @example formatDay(deadline(calendar, DEFAULT_CONVENTION, { amount: 2, unit: 'working_days' }, dayOf(2025, 9, 30))) // '2025-10-10'
 */
export function deadline(calendar: WorkingCalendar, convention: CountingConvention, limit: TimeLimit, received: DayNumber): DayNumber {
  const start = countingStart(calendar, convention, received);
  if (limit.unit === 'working_days') return nthWorkingDayAfter(calendar, start, limit.amount);
  let day = start + limit.amount;
  if (convention.calendar_limit_extends_to_working_day) while (!isWorkingDay(calendar, day)) day++;
  return day as DayNumber;
}

/**
 * Whether a day `t` is within a time limit (on or before its last day). Only the days up to `t`
 * are looked up, so an event done before the calendar ends is judged even when its limit would
 * run into a year the calendar does not have yet:
 * - working days: W(start, t] < N, or W(start, t] = N and t is itself a working day (the N-th);
 * - calendar days: t ≤ start + N; when the limit is extended, also t when no working day lies in
 *   [start + N, t).
 * @throws InputError when the calendar does not cover a day counted.
 * @example withinLimit(calendar, DEFAULT_CONVENTION, { amount: 2, unit: 'working_days' }, dayOf(2025, 9, 30), dayOf(2025, 10, 10)) // true
 * @example withinLimit(calendar, DEFAULT_CONVENTION, { amount: 2, unit: 'working_days' }, dayOf(2025, 9, 30), dayOf(2025, 10, 11)) // false
 */
export function withinLimit(calendar: WorkingCalendar, convention: CountingConvention, limit: TimeLimit, received: DayNumber, t: DayNumber): boolean {
  const start = countingStart(calendar, convention, received);
  if (t <= start) return true;
  if (limit.unit === 'working_days') {
    const counted = workingDaysBetween(calendar, start, t);
    return counted < limit.amount || (counted === limit.amount && isWorkingDay(calendar, t));
  }
  const last = start + limit.amount;
  if (t <= last) return true;
  return convention.calendar_limit_extends_to_working_day && workingDaysBetween(calendar, last - 1, t - 1) === 0;
}

/**
 * Working days taken: W(start, t], the working days from the counting start (excluded) to the
 * day done (included). A request received on Tuesday 30 September 2025 and done on Friday 10
 * October took 2 working days (9 and 10 October); done on Saturday 11 October (a worked day), 3.
 * @throws InputError when the calendar does not cover a day counted.
 */
export function workingDaysTaken(calendar: WorkingCalendar, convention: CountingConvention, received: DayNumber, t: DayNumber): number {
  return workingDaysBetween(calendar, countingStart(calendar, convention, received), t);
}
