import type { FinanceRow, ProductRow, AssumptionRow } from '../data/rows';
import { isQuarter, periodEnd, periodStart, periodYear, type Period } from '../data/period';
import type { CalendarGrain } from '../exposure/calendarGrid';
import { expenseRate } from '../expense/actualExpenseRate';
import { earnedLossRatio, lossRatioOf } from '../lossratio/earnedLossRatio';
import { periodLedgerOfRow } from '../lossratio/financePeriods';
import { centsToYuan } from '../money/cents';
import { Dec } from '../money/decimal';

/** Indicators read from the finance ledger rather than counted from policies. */
export type LedgerIndicator = 'loss_ratio' | 'expense_rate' | 'investment_return';

/** One ledger indicator of one product in one period, against its pricing value. */
export interface LedgerCell {
  readonly indicator: LedgerIndicator;
  readonly product_code: string;
  readonly period: string;
  /** The denominator in yuan: net earned premium, premium income, or invested assets. */
  readonly denominator: number;
  /** The experience ratio; null when the denominator is not positive (not computable). */
  readonly actual: Dec | null;
  /** The pricing ratio. */
  readonly expected: Dec;
}

/** Sums of one product's ledger over one period (cents; null when no row gave the column). */
interface LedgerSums {
  premium: number;
  /** Σ of the rows' earned premium after reinsurance (lossratio's earned_premium_net). */
  earnedNet: number;
  /** Σ of the rows' incurred claims after reinsurance (lossratio's incurred_claims_net). */
  incurredNet: number;
  expenses: number | null;
  investmentIncome: number | null;
  investedAssets: number[];
  quarters: number;
}

/**
 * The ledger periods of a study: quarters as they are; on a yearly grain each year from its
 * year row, or else from the sum of its quarter rows. Periods outside [from, asOf] are left out.
 */
function periodSums(rows: readonly FinanceRow[], grain: 'quarter' | 'year', from: number, asOf: number): Map<string, LedgerSums> {
  const out = new Map<string, LedgerSums>();
  const yearRows = new Set(rows.filter((r) => !isQuarter(r.period)).map((r) => `${r.product_code}\u0000${r.period}`));
  for (const r of rows) {
    if (periodStart(r.period) > asOf || periodEnd(r.period) < from) continue;
    let period: Period;
    if (grain === 'quarter') {
      if (!isQuarter(r.period)) continue;
      period = r.period;
    } else {
      if (isQuarter(r.period) && yearRows.has(`${r.product_code}\u0000${periodYear(r.period)}`)) continue;
      period = String(periodYear(r.period)) as Period;
    }
    const key = `${r.product_code}\u0000${period}`;
    let s = out.get(key);
    if (!s) {
      s = { premium: 0, earnedNet: 0, incurredNet: 0, expenses: null, investmentIncome: null, investedAssets: [], quarters: 0 };
      out.set(key, s);
    }
    const row = earnedLossRatio(periodLedgerOfRow(r));
    s.premium += r.premium_income;
    s.earnedNet += row.earned_premium_net;
    s.incurredNet += row.incurred_claims_net;
    if (r.expenses !== null) s.expenses = (s.expenses ?? 0) + r.expenses;
    if (r.investment_income !== null) s.investmentIncome = (s.investmentIncome ?? 0) + r.investment_income;
    if (r.invested_assets !== null) s.investedAssets.push(r.invested_assets);
    s.quarters += isQuarter(r.period) ? 1 : 4;
  }
  return out;
}

/** The pricing value of a product-level indicator: an assumptions row for it (product row over a company-wide row), else the products table. */
function pricingValue(indicator: LedgerIndicator, product: ProductRow, assumptions: readonly AssumptionRow[]): Dec | null {
  const rows = assumptions.filter((a) => a.indicator === indicator && (a.product_code === product.product_code || a.product_code === null));
  const specific = rows.find((a) => a.product_code !== null) ?? rows[0];
  if (specific) return specific.rate;
  if (indicator === 'loss_ratio') return product.expected_loss_ratio;
  if (indicator === 'expense_rate') return product.loading_average;
  return product.pricing_interest_rate;
}

/**
 * Ledger indicators of each product and period against their pricing values (S1 §16; DOMAIN.md,
 * Pricing backtesting):
 *
 * - loss ratio after reinsurance = (incurred − ceded_claims) ÷ (earned − ceded_premium), S2's
 *   formula as the loss-ratio rules compute it ({@link earnedLossRatio}, net basis), summed over
 *   the period's ledger rows; against `assumptions` (loss_ratio) or `products.expected_loss_ratio`;
 * - expense rate = expenses ÷ premium_income ({@link expenseRate}, as `awb expense` computes it); against `assumptions` (expense_rate) or
 *   `products.loading_average`;
 * - investment return = investment_income ÷ invested_assets, annualised: a quarter's return r
 *   becomes (1 + r)⁴ − 1 (compound); a year built from quarters takes Σ income ÷ the mean of the
 *   quarters' invested assets; against `assumptions` (investment_return) or
 *   `products.pricing_interest_rate`.
 *
 * Ratios are exact decimals. A non-positive denominator gives a cell with actual null (not
 * computable), never Infinity. Products without a pricing value for an indicator get no cell.
 * @param indicatorsOf the ledger indicators that apply to each product (by its term)
 * @example ledgerIndicators(finance.rows, products.rows, assumptions.rows, { grain: 'quarter', from, asOf, indicatorsOf })
 */
export function ledgerIndicators(
  finance: readonly FinanceRow[],
  products: readonly ProductRow[],
  assumptions: readonly AssumptionRow[],
  options: { grain: CalendarGrain; from: number; asOf: number; indicatorsOf: (product: ProductRow) => readonly LedgerIndicator[] },
): LedgerCell[] {
  if (options.grain === 'month') return [];
  const sums = periodSums(finance, options.grain, options.from, options.asOf);
  const byCode = new Map(products.map((p) => [p.product_code, p]));
  const cells: LedgerCell[] = [];
  for (const [key, s] of sums) {
    const [code, period] = key.split('\u0000');
    const product = byCode.get(code);
    if (!product) continue;
    for (const indicator of options.indicatorsOf(product)) {
      const expected = pricingValue(indicator, product, assumptions);
      if (expected === null) continue;
      let actual: Dec | null;
      let denominator: Dec;
      if (indicator === 'loss_ratio') {
        denominator = centsToYuan(s.earnedNet);
        actual = lossRatioOf(s.incurredNet, s.earnedNet);
      } else if (indicator === 'expense_rate') {
        if (s.expenses === null) continue;
        denominator = centsToYuan(s.premium);
        actual = expenseRate(s.expenses, s.premium);
      } else {
        if (s.investmentIncome === null || s.investedAssets.length === 0) continue;
        const meanAssets = new Dec(s.investedAssets.reduce((a, b) => a + b, 0)).div(s.investedAssets.length);
        denominator = meanAssets.div(100);
        const r = meanAssets.gt(0) ? new Dec(s.investmentIncome).div(meanAssets) : null;
        actual = r === null ? null : s.quarters === 1 ? r.plus(1).pow(4).minus(1) : r.times(4).div(Math.min(4, s.quarters));
      }
      cells.push({ indicator, product_code: code, period, denominator: denominator.toNumber(), actual, expected });
    }
  }
  return cells.sort((a, b) => (a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : 0) || periodStart(a.period as Period) - periodStart(b.period as Period) || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
