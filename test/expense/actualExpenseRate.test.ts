import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import { parseCsvText } from '../../src/data/readCsv';
import type { FinanceRow, ProductRow } from '../../src/data/rows';
import { actualExpenseRates, expenseRate } from '../../src/expense/actualExpenseRate';
import { productLoadings } from '../../src/expense/productLoadings';

const HEADER = 'product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing,expenses';
const finance = (rows: string[]) => parseTable<FinanceRow>('finance', parseCsvText('finance.csv', [HEADER, ...rows].join('\n') + '\n'));
const products = parseTable<ProductRow>('products', parseCsvText('products.csv', 'product_code,line,term_months,loading_average\nA,accident,12,0.35\nB,medical,12,\n'));

const QUARTERS = [
  'A,2024Q1,1000000.00,0,0,0,0,0,300000.00',
  'A,2024Q2,1000000.00,0,0,0,0,0,360000.00',
  'A,2024Q3,1000000.00,0,0,0,0,0,400000.00',
  'A,2024Q4,1000000.00,0,0,0,0,0,340000.01',
  'A,2025Q1,2000000.00,0,0,0,0,0,700000.00',
];

describe('actualExpenseRates()', () => {
  it('divides expenses by premium income per quarter and builds the year from its four quarters', () => {
    const rates = actualExpenseRates(finance(QUARTERS), productLoadings(products));
    // 2024: (300,000 + 360,000 + 400,000 + 340,000.01) / 4,000,000 = 1,400,000.01 / 4,000,000 = 0.3500000025
    const year = rates.find((r) => r.period === '2024')!;
    expect(year.premium_income).toBe(400_000_000);
    expect(year.expenses).toBe(140_000_001);
    expect(year.actual_rate!.toString()).toBe('0.3500000025');
    // Against the 35% loading: (0.3500000025 − 0.35) × 100 = 0.00000025 pp; A/E = 0.3500000025 / 0.35 = 1.00000000714285…
    expect(year.difference_pp!.toString()).toBe('0.00000025');
    expect(year.ae!.toString()).toBe('1.000000007142857142857142857142857142857');
    expect(rates.find((r) => r.period === '2024Q2')!.actual_rate!.toString()).toBe('0.36');
  });

  it('gives no yearly figure for a year with fewer than four quarters', () => {
    const periods = actualExpenseRates(finance(QUARTERS)).map((r) => r.period);
    expect(periods).toEqual(['2024', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1']);
  });

  it('says a rate is not computable when premium income is zero or expenses are missing', () => {
    const rates = actualExpenseRates(finance(['B,2024,0.00,0,0,0,0,0,100.00', 'B,2025,100.00,0,0,0,0,0,']), productLoadings(products));
    expect(rates.map((r) => [r.period, r.actual_rate, r.loading_average])).toEqual([
      ['2024', null, null],
      ['2025', null, null],
    ]);
  });

  it('rejects a year row and quarter rows of the same product and year, naming both', () => {
    try {
      actualExpenseRates(finance([...QUARTERS, 'A,2024,4000000.00,0,0,0,0,0,1400000.00']));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).location).toMatchObject({ file: 'finance.csv', row: 7, column: 'period' });
      expect((error as InputError).message).toContain('quarter rows 2, 3, 4, 5');
    }
  });

  it('does not depend on the order of the ledger rows', () => {
    const forward = actualExpenseRates(finance(QUARTERS));
    const backward = actualExpenseRates(finance([...QUARTERS].reverse()));
    expect(backward.map((r) => [r.period, r.actual_rate?.toString()])).toEqual(forward.map((r) => [r.period, r.actual_rate?.toString()]));
  });
});

describe('expenseRate()', () => {
  it('divides expenses by premium income exactly, and is not computable without positive premium', () => {
    // Hand computation: 1,400,000.01 yuan ÷ 4,000,000 yuan = 0.3500000025 (fen in, the same quotient).
    expect(expenseRate(140_000_001, 400_000_000)!.toString()).toBe('0.3500000025');
    // 1 ÷ 3 to the 40 significant digits of Dec.
    expect(expenseRate(100, 300)!.toString()).toBe('0.' + '3'.repeat(40));
    expect(expenseRate(100, 0)).toBeNull();
    expect(expenseRate(100, -300)).toBeNull();
  });
});
