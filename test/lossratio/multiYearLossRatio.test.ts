import { describe, expect, it } from 'vitest';
import { earnedLossRatio } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { multiYearLossRatio } from '../../src/lossratio/multiYearLossRatio';
import { rollingLossRatios } from '../../src/lossratio/rollingLossRatio';
import { FINANCE_HEADER, financeRows, plainYear } from './tables';

const table = (lines: string[]) => financePeriods(financeRows([FINANCE_HEADER, ...lines].join('\n')));

describe('multiYearLossRatio()', () => {
  // 2023: 100/1000 = 10%; 2024: 900/3000 = 30%. Pooled 1000/4000 = 25%; mean (10% + 30%)/2 = 20%.
  const years = table([plainYear('P', 2023, '1000.00', '100.00'), plainYear('P', 2024, '3000.00', '900.00')]).years.map(earnedLossRatio);

  it('pools incurred and earned over the years', () => {
    const r = multiYearLossRatio(years, 'pooled');
    expect(r.loss_ratio!.toString()).toBe('0.25');
    expect(r.earned).toBe(400000);
    expect(r.incurred).toBe(100000);
  });

  it('averages the yearly ratios with mean', () => {
    expect(multiYearLossRatio(years, 'mean').loss_ratio!.toString()).toBe('0.2');
  });

  it('keeps the mean exact: 1/3 and 2/3 average to exactly one half', () => {
    const thirds = table([plainYear('P', 2023, '3.00', '1.00'), plainYear('P', 2024, '3.00', '2.00')]).years.map(earnedLossRatio);
    const r = multiYearLossRatio(thirds, 'mean');
    expect(r.exact).toEqual({ num: 1n, den: 2n });
  });

  it('is not computable with mean when one year is not', () => {
    const zero = table([plainYear('P', 2023, '0', '0'), plainYear('P', 2024, '3000.00', '900.00')]).years.map(earnedLossRatio);
    expect(multiYearLossRatio(zero, 'mean').loss_ratio).toBeNull();
    expect(multiYearLossRatio(zero, 'pooled').loss_ratio!.toString()).toBe('0.3');
  });
});

describe('rollingLossRatios()', () => {
  it('forms three-year windows only over consecutive years', () => {
    const years = table(['2019', '2020', '2021', '2023', '2024', '2025'].map((y) => plainYear('P', y, '1000.00', '500.00'))).years.map(earnedLossRatio);
    expect(rollingLossRatios(years, 3).map((r) => r.period)).toEqual(['2021', '2025']);
  });

  it('forms trailing four-quarter windows across a year end', () => {
    const quarters = table(['2024Q2', '2024Q3', '2024Q4', '2025Q1'].map((q, i) => plainYear('P', q, '1000.00', `${100 * (i + 1)}.00`))).quarters.map(earnedLossRatio);
    const r = rollingLossRatios(quarters, 4);
    expect(r).toHaveLength(1);
    expect(r[0].period).toBe('2025Q1');
    expect(r[0].loss_ratio!.toString()).toBe('0.25'); // (100 + 200 + 300 + 400) / 4000
  });
});
