import { centsToYuan } from '../money/cents';
import { Dec } from '../money/decimal';
import { ratio } from '../money/ratio';

/**
 * Weights of the total expenses of the k-th year before the valuation date (S1 annex 1,
 * 费用调整项): (valuation − 1y, valuation] 0.8; (−2y, −1y] 0.6; (−3y, −2y] 0.4; (−4y, −3y] 0.2.
 */
export const EXPENSE_WEIGHTS: readonly [string, string, string, string] = ['0.8', '0.6', '0.4', '0.2'];

/** The balance items of S1 annex 1, in fen. */
export interface ReserveCoverageItems {
  /** 资产: total assets less reinsurance recoverables (annex 1 item 1). */
  readonly assets: number;
  /** 其他负债 (annex 1 item 2). */
  readonly other_liabilities: number;
  /** 责任准备金, net of reinsurance (annex 1 item 4). */
  readonly reserves: number;
  /** E₁…E₄: total expenses (business and management expenses, commissions and fees) of the four one-year bands before the valuation date. */
  readonly expenses: readonly [number, number, number, number];
}

/** The reserve coverage ratio and its parts, exact. */
export interface ReserveCoverage {
  /** 0.8·E₁ + 0.6·E₂ + 0.4·E₃ + 0.2·E₄, in yuan. */
  readonly expense_adjustment: Dec;
  /** assets − other liabilities + expense adjustment, in yuan. */
  readonly covering_amount: Dec;
  /** covering amount ÷ reserves; null when reserves are zero or negative (not computable). */
  readonly ratio: Dec | null;
}

/**
 * The reserve coverage ratio (责任准备金覆盖率) of S1 §21 and annex 1:
 * (assets − other liabilities + expense adjustment) ÷ reserves, with the expense adjustment
 * 0.8·E₁ + 0.6·E₂ + 0.4·E₃ + 0.2·E₄. Exact decimal arithmetic: a ratio of exactly 1 is
 * exactly 1, which is not "高于100%".
 *
 * @param items the balance items in fen
 * @example reserveCoverage({ assets: 150_000_00, other_liabilities: 40_000_00, reserves: 127_000_00,
 *   expenses: [10_000_00, 10_000_00, 5_000_00, 5_000_00] }).ratio?.toString()
 * // '1' = (150,000 − 40,000 + 0.8·10,000 + 0.6·10,000 + 0.4·5,000 + 0.2·5,000) ÷ 127,000
 */
export function reserveCoverage(items: ReserveCoverageItems): ReserveCoverage {
  const adjustment = items.expenses.reduce((sum: Dec, e, k) => sum.plus(centsToYuan(e).times(EXPENSE_WEIGHTS[k])), new Dec(0));
  const covering = centsToYuan(items.assets).minus(centsToYuan(items.other_liabilities)).plus(adjustment);
  return {
    expense_adjustment: adjustment,
    covering_amount: covering,
    ratio: items.reserves > 0 ? ratio(covering, centsToYuan(items.reserves)) : null,
  };
}
