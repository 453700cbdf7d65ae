import { describe, expect, it } from 'vitest';
import { addMonths, addYears, dayOf, daysInYear, formatDay, parseDayText } from '../../src/data/dates';
import { addQuarters, comparePeriods, type Period, periodEnd, periodStart, type Quarter, quarterOfDay, quarterRange } from '../../src/data/period';

describe('calendar arithmetic', () => {
  it('a 29 February anniversary falls on 28 February in a common year and returns in a leap year', () => {
    const issue = dayOf(2020, 2, 29);
    expect(formatDay(addYears(issue, 1))).toBe('2021-02-28');
    expect(formatDay(addYears(issue, 4))).toBe('2024-02-29');
  });

  it('adding months clips to the end of the month', () => {
    expect(formatDay(addMonths(dayOf(2023, 1, 31), 1))).toBe('2023-02-28');
    expect(formatDay(addMonths(dayOf(2024, 1, 31), 1))).toBe('2024-02-29');
    expect(formatDay(addMonths(dayOf(2024, 11, 30), 3))).toBe('2025-02-28');
    expect(formatDay(addMonths(dayOf(2024, 3, 15), -3))).toBe('2023-12-15');
  });

  it('days in a year: 2024 and 2000 are leap years, 2100 is not', () => {
    expect([daysInYear(2023), daysInYear(2024), daysInYear(2000), daysInYear(2100)]).toEqual([365, 366, 366, 365]);
    expect(dayOf(2025, 1, 1) - dayOf(2024, 1, 1)).toBe(366);
  });
});

describe('periods', () => {
  it('quarter bounds are inclusive calendar days', () => {
    expect(formatDay(periodStart('2024Q1' as Period))).toBe('2024-01-01');
    expect(formatDay(periodEnd('2024Q1' as Period))).toBe('2024-03-31');
    expect(formatDay(periodEnd('2024Q4' as Period))).toBe('2024-12-31');
    expect(formatDay(periodEnd('2025' as Period))).toBe('2025-12-31');
    expect(periodEnd('2024Q1' as Period) - periodStart('2024Q1' as Period) + 1).toBe(91); // 31 + 29 + 31 in a leap year
  });

  it('quarters step across years and order before later quarters', () => {
    expect(addQuarters('2024Q4' as Quarter, 1)).toBe('2025Q1');
    expect(addQuarters('2025Q1' as Quarter, -5)).toBe('2023Q4');
    expect(quarterRange('2024Q3' as Quarter, '2025Q2' as Quarter)).toEqual(['2024Q3', '2024Q4', '2025Q1', '2025Q2']);
    expect(quarterRange('2025Q2' as Quarter, '2025Q1' as Quarter)).toEqual([]);
    expect(quarterOfDay(dayOf(2024, 9, 30))).toBe('2024Q3');
    const sorted = (['2025Q1', '2024', '2024Q4', '2024Q1'] as Period[]).sort(comparePeriods);
    expect(sorted).toEqual(['2024', '2024Q1', '2024Q4', '2025Q1']);
  });
});

describe('years before 100', () => {
  it('reads 0017-02-05 as the year 17, not 1917 (Date.UTC maps years 0–99 to the 1900s)', () => {
    // 1970-01-01 back to 0017-02-05: the days of the proleptic Gregorian years 17–1969, less the
    // 35 days from 17-01-01 to 17-02-05.
    let days = 0;
    for (let y = 17; y < 1970; y++) days += (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
    expect(dayOf(17, 2, 5)).toBe(-(days - 35));
    expect(formatDay(dayOf(17, 2, 5))).toBe('0017-02-05');
    expect(parseDayText('0017-02-05')).toBe(dayOf(17, 2, 5));
  });
});
