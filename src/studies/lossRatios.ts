import { type BookUltimates, bookUltimates } from '../lossratio/bookUltimates';
import { lossRatioAnalysis, type LossRatioAnalysis } from '../lossratio/lossRatioAnalysis';
import type { ReserveMethod } from '../lossratio/reserveEstimate';
import { triangleFromRows } from '../lossratio/triangle';
import type { Rulebook } from '../rules/rulebook';
import type { Data } from './openData';
import { rulebookOf } from './rulebookParam';

/** What the loss-ratio study computes. */
export interface LossRatioParams {
  /** The last year of the rules' windows; default the latest complete year. */
  readonly year?: number;
  /** Ultimate loss ratios of the short-term book from the claims triangle by this method; none when absent. */
  readonly ultimate?: ReserveMethod;
  /** A year is developed by the chain ladder once this share of its ultimate has emerged (default 0.9). */
  readonly matureAt?: number;
  /** The products the triangle covers; default every product with a term of 12 months or less. */
  readonly triangleProducts?: readonly string[];
  /** A rulebook, or the path of one; default the shipped rulebook. */
  readonly rules?: Rulebook | string;
}

/** Earned loss ratios, trends, S2's rules and findings, with ultimates when asked, the rulebook and files used. */
export interface LossRatioStudy extends LossRatioAnalysis {
  /** Ultimate loss ratios of the short-term book (when `ultimate` was given), else null. */
  readonly ultimates: BookUltimates | null;
  readonly rulebook: Rulebook;
  readonly inputs: readonly string[];
}

/**
 * Earned loss ratios by product and period of a data folder's finance ledger, three-year and
 * rolling four-quarter ratios, trends, and S2's accident-insurance repricing and stop-sale rules;
 * with `ultimate`, the short-term book's ultimate loss ratios from its claims triangle.
 * @throws InputError for bad input, a missing triangle when `ultimate` is given, or a bad rulebook.
 * @example const lr = await lossRatios(await openData('data/sample'), { year: 2025 });
 * lr.findings.filter((f) => f.rule_id === 'ACC-LR-REPRICE').map((f) => f.product_code)
 */
export async function lossRatios(data: Data, params: LossRatioParams = {}): Promise<LossRatioStudy> {
  const folder = await data.tables(params.ultimate === undefined ? ['products', 'finance'] : ['products', 'finance', 'triangle']);
  const rulebook = rulebookOf(params.rules);
  const analysis = lossRatioAnalysis(folder.products.rows, folder.finance.rows, rulebook, { year: params.year, financeFile: folder.finance.file });
  let ultimates: BookUltimates | null = null;
  const inputs = [folder.products.file, folder.finance.file];
  if (params.ultimate !== undefined) {
    const tri = await data.table('triangle');
    const options = { method: params.ultimate, matureAt: params.matureAt ?? 0.9, products: params.triangleProducts ?? null };
    ultimates = bookUltimates(folder.products.rows, analysis.years, triangleFromRows(tri.rows, 'auto', tri.file), options, folder.products.file);
    inputs.push(tri.file);
  }
  return Object.freeze({ ...analysis, ultimates, rulebook, inputs });
}
