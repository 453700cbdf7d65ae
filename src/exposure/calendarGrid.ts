import { daysInYear, formatDay } from '../data/dates';
import { civilToDay, dayToCivil } from './civilDays';

/** Calendar periods an exposure study can be cut into. */
export type CalendarGrain = 'year' | 'quarter' | 'month';

/**
 * Consecutive calendar periods covering a study window, with a day → period lookup for
 * hot loops. Each period lies inside one calendar year, whose length (365 or 366 days) is
 * the divisor of its central exposure (DOMAIN.md, Exposure conventions).
 */
export interface CalendarGrid {
  readonly grain: CalendarGrain;
  /** Labels: `2024`, `2024Q3` or `2024-07`. */
  readonly labels: readonly string[];
  /** First and last day (inclusive) of each period. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Days in the calendar year of each period (365 or 366). */
  readonly yearDays: Int32Array;
  /** First day covered by the lookup. */
  readonly firstDay: number;
  /** Period index of day `firstDay + j`. */
  readonly periodOfDay: Int32Array;
}

function label(grain: CalendarGrain, year: number, month: number): string {
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `${year}Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The calendar periods from the one containing `first` to the one containing `last`.
 * @param first first day of the study (inclusive), a day number
 * @param last the study end date (inclusive), a day number
 * @throws RangeError when `last` is before `first`.
 * @example calendarGrid('quarter', dayOf(2024, 2, 10), dayOf(2024, 12, 31)).labels // ['2024Q1', '2024Q2', '2024Q3', '2024Q4']
 */
export function calendarGrid(grain: CalendarGrain, first: number, last: number): CalendarGrid {
  if (last < first) throw new RangeError(`calendarGrid: the end ${formatDay(last)} is before the start ${formatDay(first)}`);
  const ymd = [0, 0, 0];
  dayToCivil(first, ymd);
  const step = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  let year = ymd[0];
  let month = grain === 'year' ? 1 : grain === 'quarter' ? Math.floor((ymd[1] - 1) / 3) * 3 + 1 : ymd[1];
  const labels: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const yearDays: number[] = [];
  for (;;) {
    const start = civilToDay(year, month, 1);
    if (start > last) break;
    const nextMonth = month + step;
    const next = nextMonth > 12 ? civilToDay(year + 1, nextMonth - 12, 1) : civilToDay(year, nextMonth, 1);
    labels.push(label(grain, year, month));
    starts.push(start);
    ends.push(next - 1);
    yearDays.push(daysInYear(year));
    if (nextMonth > 12) {
      year += 1;
      month = nextMonth - 12;
    } else {
      month = nextMonth;
    }
  }
  const firstDay = starts[0];
  const periodOfDay = new Int32Array(last - firstDay + 1);
  for (let p = 0; p < starts.length; p++) {
    periodOfDay.fill(p, starts[p] - firstDay, Math.min(ends[p], last) - firstDay + 1);
  }
  return {
    grain,
    labels,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    yearDays: Int32Array.from(yearDays),
    firstDay,
    periodOfDay,
  };
}
