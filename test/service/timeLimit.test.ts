import { describe, expect, it } from 'vitest';
import { type DayNumber, dayOf, dayOfDateTime, formatDay, parseDateTimeText } from '../../src/data/dates';
import { deadline, DEFAULT_CONVENTION, type TimeLimit, withinLimit, workingDaysTaken } from '../../src/service/timeLimit';
import { loadWorkingCalendar, weekdayOf } from '../../src/service/workingCalendar';

const calendar = loadWorkingCalendar();
const d = (y: number, m: number, day: number) => dayOf(y, m, day);
const two: TimeLimit = { amount: 2, unit: 'working_days' };
const one: TimeLimit = { amount: 1, unit: 'working_days' };
const thirty: TimeLimit = { amount: 30, unit: 'calendar_days' };

/** Weekday-only counting (Monday–Friday, no holidays): what a system without the State Council calendar does. */
function weekdayOnlyDeadline(received: number, n: number): number {
  let day = received;
  for (let k = 0; k < n; ) {
    day++;
    if (weekdayOf(day) !== 0 && weekdayOf(day) !== 6) k++;
  }
  return day;
}

describe('S1 §6 limits counted on the State Council calendar (received 30 Sep 2025, a Tuesday; 1–8 Oct off; Saturday 11 Oct worked)', () => {
  // Hand count: the receipt day is not counted; 1–8 October are not working days; Thursday 9
  // October is working day 1, Friday 10 October working day 2, Saturday 11 October working day 3.
  it('a request done on 10 October is on time for a 2-day limit', () => {
    expect(withinLimit(calendar, DEFAULT_CONVENTION, two, d(2025, 9, 30), d(2025, 10, 10))).toBe(true);
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, two, d(2025, 9, 30)))).toBe('2025-10-10');
    expect(workingDaysTaken(calendar, DEFAULT_CONVENTION, d(2025, 9, 30), d(2025, 10, 10))).toBe(2);
  });

  it('done on 11 October it is late (the worked Saturday is working day 3)', () => {
    expect(withinLimit(calendar, DEFAULT_CONVENTION, two, d(2025, 9, 30), d(2025, 10, 11))).toBe(false);
    expect(workingDaysTaken(calendar, DEFAULT_CONVENTION, d(2025, 9, 30), d(2025, 10, 11))).toBe(3);
  });

  it('weekday-only counting would say otherwise: its deadline is 2 October, so 10 October is late', () => {
    expect(formatDay(weekdayOnlyDeadline(d(2025, 9, 30), 2))).toBe('2025-10-02');
  });

  it('done on Sunday 12 October it is late too (W = 3)', () => {
    expect(withinLimit(calendar, DEFAULT_CONVENTION, two, d(2025, 9, 30), d(2025, 10, 12))).toBe(false);
  });
});

describe('the adjusted working weekends decide a 1-day limit', () => {
  it('received Friday 10 Oct 2025: due Saturday 11 Oct (worked); done Monday 13 Oct is late — weekday counting says on time', () => {
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, one, d(2025, 10, 10)))).toBe('2025-10-11');
    expect(withinLimit(calendar, DEFAULT_CONVENTION, one, d(2025, 10, 10), d(2025, 10, 13))).toBe(false);
    expect(formatDay(weekdayOnlyDeadline(d(2025, 10, 10), 1))).toBe('2025-10-13');
  });

  it('received Friday 26 Sep 2025: due Sunday 28 Sep (worked)', () => {
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, one, d(2025, 9, 26)))).toBe('2025-09-28');
    expect(withinLimit(calendar, DEFAULT_CONVENTION, one, d(2025, 9, 26), d(2025, 9, 29))).toBe(false);
  });

  it('received Friday 7 Feb 2025 (after the Spring Festival): due Saturday 8 Feb (worked)', () => {
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, one, d(2025, 2, 7)))).toBe('2025-02-08');
    expect(withinLimit(calendar, DEFAULT_CONVENTION, one, d(2025, 2, 7), d(2025, 2, 10))).toBe(false);
  });

  it('received Monday 27 Jan 2025 (eve of the Spring Festival holiday 28 Jan–4 Feb): a 2-day limit runs to Thursday 6 Feb', () => {
    // Working day 1: Wednesday 5 February; working day 2: Thursday 6 February.
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, two, d(2025, 1, 27)))).toBe('2025-02-06');
    expect(withinLimit(calendar, DEFAULT_CONVENTION, two, d(2025, 1, 27), d(2025, 2, 6))).toBe(true);
    expect(withinLimit(calendar, DEFAULT_CONVENTION, two, d(2025, 1, 27), d(2025, 2, 7))).toBe(false);
  });
});

describe('the counting convention (rule ILI-SVC-COUNTING)', () => {
  it('a request received on a non-working day starts on the next working day: Saturday 4 Oct 2025 → 9 and 10 Oct', () => {
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, two, d(2025, 10, 4)))).toBe('2025-10-10');
  });

  it('done on the day of receipt takes 0 working days and is on time', () => {
    expect(withinLimit(calendar, DEFAULT_CONVENTION, one, d(2025, 11, 3), d(2025, 11, 3))).toBe(true);
    expect(workingDaysTaken(calendar, DEFAULT_CONVENTION, d(2025, 11, 3), d(2025, 11, 3))).toBe(0);
  });

  it('done on a non-working day after the last working day of the limit is late (the limit ends with that day)', () => {
    // Received Thursday 6 Nov 2025, 1 working day: due Friday 7 Nov; Saturday 8 Nov has W = 1 but is after it.
    expect(withinLimit(calendar, DEFAULT_CONVENTION, one, d(2025, 11, 6), d(2025, 11, 8))).toBe(false);
  });

  it('with receipt_day_counted, a request received on a working day counts that day as the first', () => {
    const counted = { ...DEFAULT_CONVENTION, receipt_day_counted: true };
    // Received Tuesday 30 Sep 2025: day 1 is 30 September, day 2 is 9 October.
    expect(formatDay(deadline(calendar, counted, two, d(2025, 9, 30)))).toBe('2025-10-09');
    expect(withinLimit(calendar, counted, two, d(2025, 9, 30), d(2025, 10, 10))).toBe(false);
    // Received on Saturday 4 October (not a working day): unchanged, 10 October.
    expect(formatDay(deadline(calendar, counted, two, d(2025, 10, 4)))).toBe('2025-10-10');
  });

  it('the 30 days of a complex claim are calendar days: received 5 Sep 2025, due 5 Oct (inside the holiday)', () => {
    expect(formatDay(deadline(calendar, DEFAULT_CONVENTION, thirty, d(2025, 9, 5)))).toBe('2025-10-05');
    expect(withinLimit(calendar, DEFAULT_CONVENTION, thirty, d(2025, 9, 5), d(2025, 10, 5))).toBe(true);
    expect(withinLimit(calendar, DEFAULT_CONVENTION, thirty, d(2025, 9, 5), d(2025, 10, 9))).toBe(false);
  });

  it('with calendar_limit_extends_to_working_day, a 30-day limit ending in the holiday runs to 9 October (Civil Code art. 203)', () => {
    const extended = { ...DEFAULT_CONVENTION, calendar_limit_extends_to_working_day: true };
    expect(formatDay(deadline(calendar, extended, thirty, d(2025, 9, 5)))).toBe('2025-10-09');
    expect(withinLimit(calendar, extended, thirty, d(2025, 9, 5), d(2025, 10, 9))).toBe(true);
    expect(withinLimit(calendar, extended, thirty, d(2025, 9, 5), d(2025, 10, 10))).toBe(false);
    // A limit ending on a working day is not moved: received 1 Nov 2025, due Monday 1 Dec.
    expect(withinLimit(calendar, extended, thirty, d(2025, 11, 1), d(2025, 12, 2))).toBe(false);
  });

  it('judges an event done before the calendar ends even when its limit would run into an uncovered year', () => {
    // Received Wednesday 30 Dec 2026, done Thursday 31 Dec: W = 1 ≤ 2 without looking at 2027.
    expect(withinLimit(calendar, DEFAULT_CONVENTION, two, d(2026, 12, 30), d(2026, 12, 31))).toBe(true);
    expect(() => deadline(calendar, DEFAULT_CONVENTION, two, d(2026, 12, 30))).toThrow(/2027/);
  });
});

describe('date-times are read as dates in China time', () => {
  it('drops the time of day, converting an offset to Beijing', () => {
    const f = (t: string) => formatDay(dayOfDateTime(parseDateTimeText(t)!));
    expect(f('2025-09-30 17:45')).toBe('2025-09-30');
    expect(f('2025-09-30T23:59:59')).toBe('2025-09-30');
    expect(f('2025-09-30T17:45:00Z')).toBe('2025-10-01'); // 01:45 on 1 October in Beijing
    expect(f('2025-09-30T23:30:00+08:00')).toBe('2025-09-30');
    expect(f('2025-10-01T01:00:00+09:00')).toBe('2025-10-01'); // 00:00 in Beijing
    expect(f('2025-10-01T00:30:00+09:00')).toBe('2025-09-30'); // 23:30 the day before in Beijing
    expect(parseDateTimeText('2025-09-31 10:00')).toBeNull();
    expect(parseDateTimeText('2025-09-30 24:00')).toBeNull();
  });
});
