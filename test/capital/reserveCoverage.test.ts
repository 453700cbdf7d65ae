import { describe, expect, it } from 'vitest';
import { reserveCoverage } from '../../src/capital/reserveCoverage';
import { compare } from '../../src/money/ratio';

const yuan = (y: number) => Math.round(y * 100);

// S1 annex 1: 责任准备金覆盖率 = (资产 − 其他负债 + 费用调整项) ÷ 责任准备金, 费用调整项 = 0.8E₁ + 0.6E₂ + 0.4E₃ + 0.2E₄.
describe('reserveCoverage()', () => {
  it('applies the expense weights 0.8, 0.6, 0.4, 0.2 to the four years before the valuation date', () => {
    // Expense adjustment = 0.8·50,000,000 + 0.6·40,000,000 + 0.4·30,000,000 + 0.2·20,000,000
    //                    = 40,000,000 + 24,000,000 + 12,000,000 + 4,000,000 = 80,000,000
    // Covering amount    = 500,000,000 − 100,000,000 + 80,000,000 = 480,000,000
    // Ratio              = 480,000,000 / 400,000,000 = 1.2
    const r = reserveCoverage({ assets: yuan(500e6), other_liabilities: yuan(100e6), reserves: yuan(400e6), expenses: [yuan(50e6), yuan(40e6), yuan(30e6), yuan(20e6)] });
    expect(r.expense_adjustment.toString()).toBe('80000000');
    expect(r.covering_amount.toString()).toBe('480000000');
    expect(r.ratio!.toString()).toBe('1.2');
  });

  it('is exactly 100% when the covering amount equals the reserves, which is not "高于100%"', () => {
    const r = reserveCoverage({ assets: yuan(500e6), other_liabilities: yuan(100e6), reserves: yuan(480e6), expenses: [yuan(50e6), yuan(40e6), yuan(30e6), yuan(20e6)] });
    expect(r.ratio!.toString()).toBe('1');
    expect(compare(r.ratio!, 'gt', '1.00')).toBe(false);
  });

  it('is above 100% by one fen of expenses in the latest year (0.008 yuan of adjustment)', () => {
    // E₁ one fen higher adds 0.8 × 0.01 = 0.008 yuan: 480,000,000.008 / 480,000,000 = 1.0000000000166…
    const r = reserveCoverage({ assets: yuan(500e6), other_liabilities: yuan(100e6), reserves: yuan(480e6), expenses: [yuan(50e6) + 1, yuan(40e6), yuan(30e6), yuan(20e6)] });
    expect(r.expense_adjustment.toString()).toBe('80000000.008');
    expect(compare(r.ratio!, 'gt', '1.00')).toBe(true);
  });

  it('is not computable when reserves are zero', () => {
    expect(reserveCoverage({ assets: 100, other_liabilities: 0, reserves: 0, expenses: [0, 0, 0, 0] }).ratio).toBeNull();
  });
});
