import { parseQuarterText, type Quarter } from '../data/period';
import { InputError } from '../data/InputError';
import { sortFindings } from '../rules/finding';
import type { Finding } from '../rules/finding';
import { type EligibilityReview, reviewEligibility } from '../rules/internetEligibility';
import type { Rulebook } from '../rules/rulebook';
import type { Data } from './openData';
import { rulebookOf } from './rulebookParam';

/** What the eligibility study assesses. */
export interface EligibilityParams {
  /** The quarter assessed, `'2025Q4'`; default the latest in the solvency table. */
  readonly quarter?: string;
  /** A rulebook, or the path of one; default the shipped rulebook. */
  readonly rules?: Rulebook | string;
}

/** Reserve coverage and internet-business eligibility over rolling quarters, with the rulebook and files used. */
export interface EligibilityStudy extends EligibilityReview {
  /** The findings, most severe first. */
  readonly findings: readonly Finding[];
  readonly rulebook: Rulebook;
  readonly inputs: readonly string[];
}

/**
 * Reserve coverage (S1 annex 1) and eligibility for internet life business over four consecutive
 * quarters (S1 §3, §11) of a data folder's solvency table; products, when present, name the
 * products a failing rule affects.
 * @throws InputError for bad input, a quarter not in the solvency table, or a bad rulebook.
 * @example const e = await eligibility(await openData('data/sample'), { quarter: '2025Q4' });
 * e.verdicts.filter((v) => v.quarter === e.assessed).map((v) => v.eligible)
 */
export async function eligibility(data: Data, params: EligibilityParams = {}): Promise<EligibilityStudy> {
  let quarter: Quarter | undefined;
  if (params.quarter !== undefined) {
    const parsed = parseQuarterText(params.quarter);
    if (parsed === null) throw new InputError({ argument: 'quarter' }, 'a quarter YYYYQn', params.quarter);
    quarter = parsed;
  }
  const rulebook = rulebookOf(params.rules);
  const folder = await data.tables(['solvency'], ['products']);
  const review = reviewEligibility(folder.solvency, rulebook, { quarter, products: folder.products });
  return Object.freeze({
    ...review,
    findings: sortFindings(review.findings),
    rulebook,
    inputs: [folder.solvency.file, ...(folder.products ? [folder.products.file] : [])],
  });
}
