import { type ActualExpenseRate, actualExpenseRates } from '../expense/actualExpenseRate';
import { type ProductLoading, productLoadings } from '../expense/productLoadings';
import { type CapCheck, checkExpenseCaps } from '../rules/expenseCaps';
import { type Finding, sortFindings } from '../rules/finding';
import type { Rulebook } from '../rules/rulebook';
import type { Data } from './openData';
import { rulebookOf } from './rulebookParam';

/** What the expense-cap study uses. */
export interface ExpenseCapsParams {
  /** A rulebook, or the path of one; default the shipped rulebook. */
  readonly rules?: Rulebook | string;
}

/** Loadings against their caps, actual expense rates, findings, with the rulebook and files used. */
export interface ExpenseCapsStudy {
  /** Each product's first-year and average loadings, and where they come from. */
  readonly loadings: readonly ProductLoading[];
  /** Each cap that applies to each product, with its headroom. */
  readonly checks: readonly CapCheck[];
  /** Actual expense rates from the finance ledger (empty without one). */
  readonly actual: readonly ActualExpenseRate[];
  /** The findings, most severe first. */
  readonly findings: readonly Finding[];
  readonly rulebook: Rulebook;
  readonly inputs: readonly string[];
}

/**
 * Additional expense rates (loadings) against the caps of S1 §9.2 and S2, with their headroom and
 * the intermediary fee cap, and actual expense rates from the finance ledger, for a data folder's
 * products (loadings and finance when present).
 * @throws InputError for bad input or a bad rulebook.
 * @example const caps = await expenseCaps(await openData('data/sample'));
 * caps.checks.filter((c) => c.within === false).map((c) => `${c.product_code} ${c.rule_id}`) // the loadings over their caps
 */
export async function expenseCaps(data: Data, params: ExpenseCapsParams = {}): Promise<ExpenseCapsStudy> {
  const rulebook = rulebookOf(params.rules);
  const folder = await data.tables(['products'], ['loadings', 'finance']);
  const loadings = productLoadings(folder.products, folder.loadings);
  const review = checkExpenseCaps(loadings, rulebook);
  const actual = folder.finance ? actualExpenseRates(folder.finance, loadings) : [];
  return Object.freeze({
    loadings,
    checks: review.checks,
    actual,
    findings: sortFindings(review.findings),
    rulebook,
    inputs: [folder.products.file, ...(folder.loadings ? [folder.loadings.file] : []), ...(folder.finance ? [folder.finance.file] : [])],
  });
}
