import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { earnedLossRatio } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { FINANCE_HEADER, financeRows } from './tables';

// Four quarters of one product, each quarter opening where the previous one closed.
//            premium    upr_open   upr_close  claims    ocr_open  ocr_close  sold
const QUARTERS = [
  'P01,2024Q1,300000.00,100000.00,150000.00,80000.00,40000.00,50000.00,1500',
  'P01,2024Q2,250000.00,150000.00,140000.00,90000.00,50000.00,45000.00,1300',
  'P01,2024Q3,260000.00,140000.00,145000.00,85000.00,45000.00,60000.00,1400',
  'P01,2024Q4,290000.00,145000.00,120000.00,95000.00,60000.00,55000.00,1600',
];

describe('financePeriods()', () => {
  it('sums quarters into a year: flows added, reserves from the opening of Q1 and the closing of Q4', () => {
    const { years, quarters } = financePeriods(financeRows([FINANCE_HEADER, ...QUARTERS].join('\n')));
    expect(quarters).toHaveLength(4);
    expect(years).toHaveLength(1);
    const y = years[0];
    expect(y.period).toBe('2024');
    expect(y.premium_income).toBe(110_000_000); // 300,000 + 250,000 + 260,000 + 290,000
    expect(y.upr_opening).toBe(10_000_000); // Q1 opening
    expect(y.upr_closing).toBe(12_000_000); // Q4 closing
    expect(y.claims_paid).toBe(35_000_000); // 80,000 + 90,000 + 85,000 + 95,000
    expect(y.ocr_opening).toBe(4_000_000);
    expect(y.ocr_closing).toBe(5_500_000);
    expect(y.policies_sold).toBe(5800);
    expect(y.source_rows).toEqual([2, 3, 4, 5]);
    // Hand computation: earned = 1,100,000 + 100,000 − 120,000 = 1,080,000;
    // incurred = 350,000 + 55,000 − 40,000 = 365,000; ratio = 365/1080 = 0.337962962…
    const ratio = earnedLossRatio(y);
    expect(ratio.earned_premium).toBe(108_000_000);
    expect(ratio.incurred_claims).toBe(36_500_000);
    expect(ratio.loss_ratio!.toSignificantDigits(9).toString()).toBe('0.337962963');
  });

  it('gives the year of four quarters the same ratio as a year row with the same totals', () => {
    const fromQuarters = earnedLossRatio(financePeriods(financeRows([FINANCE_HEADER, ...QUARTERS].join('\n'))).years[0]);
    const yearRow = earnedLossRatio(financePeriods(financeRows(`${FINANCE_HEADER}\nP01,2024,1100000.00,100000.00,120000.00,350000.00,40000.00,55000.00,5800`)).years[0]);
    expect(fromQuarters.loss_ratio!.eq(yearRow.loss_ratio!)).toBe(true);
  });

  it('does not make a year of fewer than four quarters, and lists it as incomplete', () => {
    const result = financePeriods(financeRows([FINANCE_HEADER, ...QUARTERS.slice(0, 3)].join('\n')));
    expect(result.years).toHaveLength(0);
    expect(result.incomplete_years).toEqual([{ product_code: 'P01', year: 2024, quarters: ['2024Q1', '2024Q2', '2024Q3'] }]);
  });

  it('reports policies sold as unknown for a year when a quarter does not give it', () => {
    const rows = [...QUARTERS];
    rows[2] = rows[2].replace(/,1400$/, ',');
    expect(financePeriods(financeRows([FINANCE_HEADER, ...rows].join('\n'))).years[0].policies_sold).toBeNull();
  });

  it('takes year rows for some years and quarter rows for others', () => {
    const csv = [FINANCE_HEADER, 'P01,2023,900000.00,80000.00,100000.00,300000.00,30000.00,40000.00,5000', ...QUARTERS].join('\n');
    const { years, incomplete_years } = financePeriods(financeRows(csv));
    expect(years.map((y) => y.period)).toEqual(['2023', '2024']);
    expect(years[0].source_rows).toEqual([2]);
    expect(incomplete_years).toEqual([]);
  });

  it('rejects a year row and quarter rows for the same product and year, naming both rows', () => {
    const csv = [FINANCE_HEADER, 'P01,2024,1100000.00,0,0,350000.00,0,0,5800', ...QUARTERS].join('\n');
    expect(() => financePeriods(financeRows(csv), 'finance.csv')).toThrow(InputError);
    expect(() => financePeriods(financeRows(csv), 'finance.csv')).toThrow(
      'finance.csv, row 3, column period: expected either a year row or quarter rows for product P01 in 2024, not both (row 2 is the year 2024, row 3 is the quarter 2024Q1)',
    );
  });

  it('gives the same years whatever the order of the rows', () => {
    const csv = [FINANCE_HEADER, ...QUARTERS, 'P02,2023,500000.00,0,0,100000.00,0,0,6000'].join('\n');
    const reversed = [FINANCE_HEADER, 'P02,2023,500000.00,0,0,100000.00,0,0,6000', ...[...QUARTERS].reverse()].join('\n');
    const strip = (rows: ReturnType<typeof financePeriods>['years']) => rows.map(({ source_rows: _, ...r }) => r);
    expect(strip(financePeriods(financeRows(reversed)).years)).toEqual(strip(financePeriods(financeRows(csv)).years));
  });
});
