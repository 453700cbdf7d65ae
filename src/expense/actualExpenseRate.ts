import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import { comparePeriods, isQuarter, type Period, periodYear } from '../data/period';
import type { FinanceRow } from '../data/rows';
import { type Cents, MONEY_RANGE_TEXT, MoneyRangeError, sumCents } from '../money/cents';
import { Dec } from '../money/decimal';
import { ratio } from '../money/ratio';
import type { ProductLoading } from './productLoadings';

/** A product's actual expense rate in a period, against its loading. */
export interface ActualExpenseRate {
  readonly product_code: string;
  /** `2025` or `2025Q3`. */
  readonly period: Period;
  readonly premium_income: Cents;
  /** Expenses incl. commissions and fees; null when the ledger does not give them. */
  readonly expenses: Cents | null;
  /** expenses ÷ premium_income; null when expenses are missing or premium income is not positive. */
  readonly actual_rate: Dec | null;
  /** The product's average additional expense rate, the expected rate it is compared with. */
  readonly loading_average: Dec | null;
  /** actual − loading, in percentage points (exact); null when either is unknown. */
  readonly difference_pp: Dec | null;
  /** actual ÷ loading; null when either is unknown or the loading is zero. */
  readonly ae: Dec | null;
}

/**
 * Actual expense rates from the finance ledger, expenses ÷ premium income, per product and
 * period: every ledger row as it is (quarters or years), plus each calendar year built from
 * its four quarters (flows summed). A year with fewer than four quarter rows gets no yearly
 * figure. Each rate is set against the product's average loading (from {@link productLoadings}).
 *
 * @param finance the finance table
 * @param loadings the products' loadings, to compare with (products without one get nulls)
 * @returns rows ordered by product, then period (a year before its quarters)
 * @throws InputError naming both rows when a product has a year row and quarter rows for the same year.
 * @example actualExpenseRates(finance, productLoadings(products, loadings))
 *   .find((r) => r.product_code === 'P01' && r.period === '2025')?.actual_rate // Σ expenses ÷ Σ premium income of 2025Q1–Q4
 */
export function actualExpenseRates(finance: Table<FinanceRow>, loadings: readonly ProductLoading[] = []): ActualExpenseRate[] {
  const loadingOf = new Map(loadings.map((l) => [l.product.product_code, l.loading_average]));
  const yearRows = new Map<string, FinanceRow>();
  const quarterRows = new Map<string, FinanceRow[]>();
  for (const row of finance.rows) {
    const key = `${row.product_code}\u0000${periodYear(row.period)}`;
    if (isQuarter(row.period)) quarterRows.set(key, [...(quarterRows.get(key) ?? []), row]);
    else yearRows.set(key, row);
  }
  const out: ActualExpenseRate[] = finance.rows.map((row) => rateRow(row.product_code, row.period, row.premium_income, row.expenses, loadingOf));
  for (const [key, quarters] of quarterRows) {
    const year = yearRows.get(key);
    if (year) {
      throw new InputError(
        { file: finance.file, row: year.source_row, column: 'period', header: finance.headers.period },
        `either a year row or quarter rows for ${year.product_code} in ${year.period}, not both (quarter rows ${quarters.map((q) => q.source_row).join(', ')})`,
        year.period,
      );
    }
    if (quarters.length !== 4) continue;
    const total = (column: 'premium_income' | 'expenses') => {
      try {
        return sumCents(quarters.map((q) => q[column]!));
      } catch (error) {
        if (!(error instanceof MoneyRangeError)) throw error;
        const rows = quarters.map((q) => q.source_row);
        throw new InputError({ file: finance.file, row: Math.max(...rows), column, header: finance.headers[column] }, `amounts whose sum over the quarters of ${quarters[0].product_code} ${periodYear(quarters[0].period)} (rows ${rows.join(', ')}) stays within ${MONEY_RANGE_TEXT}`);
      }
    };
    const premium = total('premium_income');
    const expenses = quarters.some((q) => q.expenses === null) ? null : total('expenses');
    out.push(rateRow(quarters[0].product_code, String(periodYear(quarters[0].period)) as Period, premium, expenses, loadingOf));
  }
  return out.sort((a, b) => (a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : comparePeriods(a.period, b.period)));
}

/**
 * A period's actual expense rate (S1 §16; DOMAIN.md, Pricing backtesting): expenses ÷ premium
 * income, exact; null when premium income is not positive (not computable).
 * @param expenses expenses incl. commissions and fees, fen
 * @param premiumIncome premium income, fen
 * @example expenseRate(28000, 100000)?.toString() // '0.28'
 * @example expenseRate(28000, 0) // null
 */
export function expenseRate(expenses: number, premiumIncome: number): Dec | null {
  return premiumIncome > 0 ? new Dec(expenses).div(premiumIncome) : null;
}

function rateRow(product_code: string, period: Period, premium: Cents, expenses: Cents | null, loadingOf: ReadonlyMap<string, Dec | null>): ActualExpenseRate {
  const actual = expenses === null ? null : expenseRate(expenses, premium);
  const loading = loadingOf.get(product_code) ?? null;
  return {
    product_code,
    period,
    premium_income: premium,
    expenses,
    actual_rate: actual,
    loading_average: loading,
    difference_pp: actual === null || loading === null ? null : actual.minus(loading).times(100),
    ae: actual === null || loading === null ? null : ratio(actual, loading),
  };
}
