import { InputError } from '../data/InputError';
import type { FinanceRow, ProductRow } from '../data/rows';
import { MONEY_RANGE_TEXT, MoneyRangeError } from '../money/cents';
import { type AccidentLossRatioRules, evaluateAccidentLossRatio } from '../rules/accidentLossRatio';
import { earnedNonPositiveFindings } from '../rules/earnedNonPositive';
import { type Finding, sortFindings } from '../rules/finding';
import type { Rulebook } from '../rules/rulebook';
import { type EarnedLossRatio, earnedLossRatio } from './earnedLossRatio';
import { financePeriods, type IncompleteYear, type PeriodLedger } from './financePeriods';
import { type LossRatioTrend, lossRatioTrend } from './lossRatioTrend';
import { type RollingLossRatio, rollingLossRatios } from './rollingLossRatio';

/** Everything `awb lossratio` and the loss-ratio notebook show, computed once. */
export interface LossRatioAnalysis {
  /** Complete years of every product (from year rows or four quarters). */
  readonly years: readonly EarnedLossRatio[];
  /** Quarter rows as given. */
  readonly quarters: readonly EarnedLossRatio[];
  readonly incomplete_years: readonly IncompleteYear[];
  /** Three-year pooled ratios ending in each year with three consecutive complete years. */
  readonly three_year: readonly RollingLossRatio[];
  /** Trailing four-quarter pooled ratios ending in each quarter with four consecutive quarters. */
  readonly rolling_four_quarters: readonly RollingLossRatio[];
  /** One OLS trend per product with at least two computable yearly ratios (gross). */
  readonly trends: readonly LossRatioTrend[];
  readonly rules: AccidentLossRatioRules;
  /** All findings (rules and data), in output order. */
  readonly findings: readonly Finding[];
}

/**
 * Loss ratios, trends and S2's accident-insurance rules for a company's finance ledger: the
 * single computation behind `awb lossratio` and `notebooks/02-loss-ratio-trends.ipynb`.
 *
 * @param products the products table's rows
 * @param finance the finance table's rows (years and/or quarters)
 * @param rulebook the rulebook to apply
 * @param options `year`: the last year of the rules' windows (default the latest complete year);
 * `financeFile`: the finance file's name for error messages; `confidence`: the trend bands' level
 * @throws InputError for a year row and quarter rows of the same product and year, amounts whose
 * sums leave the range in which fen add exactly, or a rulebook without the rules' parameters.
 * @example lossRatioAnalysis(products, finance, loadRulebook()).rules.evaluation_year // 2025
 */
export function lossRatioAnalysis(
  products: readonly ProductRow[],
  finance: readonly FinanceRow[],
  rulebook: Rulebook,
  options: { year?: number; financeFile?: string; confidence?: number } = {},
): LossRatioAnalysis {
  const periods = financePeriods(finance, options.financeFile);
  const ledgerRatio = (ledger: PeriodLedger): EarnedLossRatio => {
    try {
      return earnedLossRatio(ledger);
    } catch (error) {
      if (!(error instanceof MoneyRangeError)) throw error;
      const rows = ledger.source_rows;
      throw new InputError({ file: options.financeFile ?? 'finance', row: rows[rows.length - 1] }, `amounts of ${ledger.product_code} ${ledger.period} (${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}) whose earned premium and incurred claims stay within ${MONEY_RANGE_TEXT}`);
    }
  };
  const years = periods.years.map(ledgerRatio);
  const quarters = periods.quarters.map(ledgerRatio);
  const rules = evaluateAccidentLossRatio(products, years, rulebook, options.year);
  const byProduct = new Map<string, EarnedLossRatio[]>();
  for (const row of years) {
    const list = byProduct.get(row.product_code);
    if (list) list.push(row);
    else byProduct.set(row.product_code, [row]);
  }
  const trends = [...byProduct.values()]
    .map((rows) => lossRatioTrend(options.year === undefined ? rows : rows.filter((r) => Number(r.period) <= options.year!), 'gross', options.confidence))
    .filter((t): t is LossRatioTrend => t !== null);
  return {
    years,
    quarters,
    incomplete_years: periods.incomplete_years,
    three_year: rollingLossRatios(years, 3),
    rolling_four_quarters: rollingLossRatios(quarters, 4),
    trends,
    rules,
    findings: sortFindings([...rules.findings, ...earnedNonPositiveFindings([...years, ...quarters], rulebook)]),
  };
}
