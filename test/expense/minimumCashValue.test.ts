import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/data/dates';
import { cashValueSchedule, termDaysFromMonths } from '../../src/expense/cashValueSchedule';
import { minimumCashValue } from '../../src/expense/minimumCashValue';

// S1 §9.5: 最低现金价值 = 净保费 × (1 − m/n)，m 为已生效天数，n 为保险期间的天数，经过日期不足一日的按一日计算。
describe('minimumCashValue()', () => {
  it('counts a part day as a whole day', () => {
    // m = ⌈100.5⌉ = 101: 365.00 × (1 − 101/365) = 365 × 264/365 = 264.00
    expect(minimumCashValue('365.00', 365, '100.5').toFixed(2)).toBe('264.00');
    // m = ⌈100.0001⌉ = 101 as well; exactly 100 days: 365 × 265/365 = 265.00
    expect(minimumCashValue('365.00', 365, '100.0001').toFixed(2)).toBe('264.00');
    expect(minimumCashValue('365.00', 365, '100').toFixed(2)).toBe('265.00');
  });

  it('is the whole net premium at m = 0 and nothing at m = n', () => {
    expect(minimumCashValue('1234.56', 365, 0).toFixed(2)).toBe('1234.56');
    expect(minimumCashValue('1234.56', 365, 365).toFixed(2)).toBe('0.00');
    expect(minimumCashValue('1234.56', 365, '364.2').toFixed(2)).toBe('0.00');
  });

  it('rounds half-up to the fen where a binary float rounds down', () => {
    // 5.35 × (1 − 1/2) = 2.675 exactly → 2.68; in binary 2.675 is 2.67499999… and toFixed gives 2.67.
    expect((5.35 * (1 - 1 / 2)).toFixed(2)).toBe('2.67');
    expect(minimumCashValue('5.35', 2, 1).toFixed(2)).toBe('2.68');
    // 100 × (1 − 1/3) = 66.666… → 66.67; 100 × (1 − 2/3) = 33.333… → 33.33
    expect(minimumCashValue('100', 3, 1).toFixed(2)).toBe('66.67');
    expect(minimumCashValue('100', 3, 2).toFixed(2)).toBe('33.33');
  });

  it('uses the 366 days of a leap-year term', () => {
    // 2024-01-15 to 2025-01-14 is 366 days; after 31 days: 366.00 × 335/366 = 335.00
    expect(minimumCashValue('366.00', termDaysFromMonths(dayOf(2024, 1, 15), 12), 31).toFixed(2)).toBe('335.00');
  });

  it('rejects days in force beyond the term', () => {
    expect(() => minimumCashValue('100', 30, '30.5')).toThrow(RangeError);
  });
});

describe('termDaysFromMonths()', () => {
  it('counts 366 days for a year that contains 29 February and 365 otherwise', () => {
    expect(termDaysFromMonths(dayOf(2024, 1, 15), 12)).toBe(366);
    expect(termDaysFromMonths(dayOf(2023, 3, 1), 12)).toBe(366);
    expect(termDaysFromMonths(dayOf(2025, 1, 15), 12)).toBe(365);
    // Issued on 29 February: the anniversary falls back to 28 February, 365 days later.
    expect(termDaysFromMonths(dayOf(2024, 2, 29), 12)).toBe(365);
    // A one-month term from 31 January 2024 ends at 29 February: 29 days.
    expect(termDaysFromMonths(dayOf(2024, 1, 31), 1)).toBe(29);
  });
});

describe('cashValueSchedule()', () => {
  it('gives every day of the term from m = 0 to m = n, dated from the issue date', () => {
    const s = cashValueSchedule('10.00', 3, 'day', dayOf(2024, 2, 28));
    expect(s.map((p) => [p.days_in_force, p.date, p.minimum_cash_value.toFixed(2)])).toEqual([
      [0, null, '10.00'],
      [1, '2024-02-28', '6.67'],
      [2, '2024-02-29', '3.33'],
      [3, '2024-03-01', '0.00'],
    ]);
  });

  it('gives the value at each month-end of a leap-year term, and at its last day', () => {
    // Issued 2024-01-15 for 12 months: n = 366. At 31 January m = 17: 365 × 349/366 = 348.046… → 348.05;
    // at 29 February m = 46: 365 × 320/366 = 319.125… → 319.13; the term ends 2025-01-14 (m = 366): 0.00.
    const s = cashValueSchedule('365.00', 366, 'month-end', dayOf(2024, 1, 15));
    expect(s).toHaveLength(13);
    expect([s[0].days_in_force, s[0].date, s[0].minimum_cash_value.toFixed(2)]).toEqual([17, '2024-01-31', '348.05']);
    expect([s[1].days_in_force, s[1].date, s[1].minimum_cash_value.toFixed(2)]).toEqual([46, '2024-02-29', '319.13']);
    expect([s[12].days_in_force, s[12].date, s[12].minimum_cash_value.toFixed(2)]).toEqual([366, '2025-01-14', '0.00']);
  });

  it('ends on a month-end without repeating it when the term ends on one', () => {
    // Issued 2025-01-01 for 12 months: n = 365, the term ends 2025-12-31.
    const s = cashValueSchedule('100.00', 365, 'month-end', dayOf(2025, 1, 1));
    expect(s.map((p) => p.date)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31']);
    expect(s[11].minimum_cash_value.toFixed(2)).toBe('0.00');
  });

  it('agrees day by day with minimumCashValue() and never increases', () => {
    const s = cashValueSchedule('987.65', 366, 'day');
    s.forEach((p, m) => expect(p.minimum_cash_value.eq(minimumCashValue('987.65', 366, m))).toBe(true));
    for (let m = 1; m < s.length; m++) expect(s[m].minimum_cash_value.lte(s[m - 1].minimum_cash_value)).toBe(true);
  });

  it('needs the issue date for a month-end schedule', () => {
    expect(() => cashValueSchedule('100', 365, 'month-end')).toThrow(RangeError);
  });
});
