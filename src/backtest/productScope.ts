import type { FinanceRow } from '../data/rows';
import { isQuarter, periodStart, periodYear } from '../data/period';

/**
 * The default backtest scope (S1 §16; DOMAIN.md, Pricing backtesting): the `top` products with
 * the largest cumulative original premium (premium_income) since launch, over ledger periods
 * that start on or before the as-of date. A year is taken from its quarter rows when it has any,
 * else from its year row, so nothing is counted twice. Ties go to the smaller product code.
 * @example topProductsByPremium(finance.rows, dayOf(2025, 12, 31), 10) // ['TL01', 'ACC02', …]
 */
export function topProductsByPremium(finance: readonly FinanceRow[], asOf: number, top: number): string[] {
  const quarterYears = new Set(finance.filter((r) => isQuarter(r.period)).map((r) => `${r.product_code}\u0000${periodYear(r.period)}`));
  const totals = new Map<string, number>();
  for (const r of finance) {
    if (periodStart(r.period) > asOf) continue;
    if (!isQuarter(r.period) && quarterYears.has(`${r.product_code}\u0000${r.period}`)) continue;
    totals.set(r.product_code, (totals.get(r.product_code) ?? 0) + r.premium_income);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([code]) => code);
}
