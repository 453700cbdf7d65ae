import { addMonths, type DayNumber, daysInMonth, dayOf, formatDay, ymdOf } from '../data/dates';
import type { Dec, DecLike } from '../money/decimal';
import { minimumCashValue } from './minimumCashValue';

/** Schedule rows: every day of the term, or every month-end inside it. */
export type ScheduleGranularity = 'day' | 'month-end';

/** The minimum cash value after m days in force. */
export interface CashValuePoint {
  /** m, days in force counted with a part day as a whole day. */
  readonly days_in_force: number;
  /**
   * The calendar day during (or at the end of) which m days have begun: issue date + m − 1.
   * Null for m = 0 (before the policy takes effect) or when no issue date is given.
   */
  readonly date: string | null;
  /** Net premium × (1 − m/n), half-up to the fen, in yuan. */
  readonly minimum_cash_value: Dec;
}

/**
 * The number of days in a term of whole months from an issue date: the days from the issue
 * date up to (not including) the same date `months` later, clipped to the month's end.
 * @example termDaysFromMonths(dayOf(2024, 1, 15), 12) // 366 (2024 is a leap year)
 * @example termDaysFromMonths(dayOf(2025, 1, 15), 12) // 365
 */
export function termDaysFromMonths(issue: DayNumber, months: number): number {
  return addMonths(issue, months) - issue;
}

/**
 * The minimum cash value over the term of a short-term internet product (S1 §9.5: net premium
 * × (1 − m/n), m days in force with a part day counted as a whole day, n days in the term,
 * half-up to the fen).
 *
 * - `day`: one row for each m = 0, 1, …, n (m = 0 is before the policy takes effect: the whole
 *   net premium). With an issue date, day m is dated issue + m − 1.
 * - `month-end`: needs the issue date; one row at the end of each calendar month inside the
 *   term (m = month-end − issue + 1), and one at the term's last day if that is not a month-end.
 *
 * @param netPremium net premium in yuan
 * @param termDays n (≥ 1)
 * @param granularity 'day' or 'month-end'
 * @param issueDate the first day of cover (required for 'month-end')
 * @throws RangeError for a month-end schedule without an issue date, or arguments minimumCashValue rejects.
 * @example cashValueSchedule('365.00', 365, 'month-end', dayOf(2025, 1, 15))[0]
 * // { days_in_force: 17, date: '2025-01-31', minimum_cash_value: 348.00 }
 */
export function cashValueSchedule(netPremium: DecLike, termDays: number, granularity: ScheduleGranularity, issueDate?: DayNumber): CashValuePoint[] {
  const point = (m: number): CashValuePoint => ({
    days_in_force: m,
    date: issueDate === undefined || m === 0 ? null : formatDay(issueDate + m - 1),
    minimum_cash_value: minimumCashValue(netPremium, termDays, m),
  });
  if (granularity === 'day') return Array.from({ length: termDays + 1 }, (_, m) => point(m));
  if (issueDate === undefined) throw new RangeError('cashValueSchedule: a month-end schedule needs the issue date');
  const lastDay = issueDate + termDays - 1;
  const points: CashValuePoint[] = [];
  let { year, month } = ymdOf(issueDate);
  for (let end = monthEnd(year, month); end <= lastDay; end = monthEnd(year, month)) {
    points.push(point(end - issueDate + 1));
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  if (points.length === 0 || points[points.length - 1].days_in_force !== termDays) points.push(point(termDays));
  return points;
}

function monthEnd(year: number, month: number): DayNumber {
  return dayOf(year, month, daysInMonth(year, month));
}
