import { formatDay, parseDayText } from '../data/dates';
import type { Table } from '../data/parseTable';
import type { Quarter } from '../data/period';
import type { FinanceRow, LoadingRow, ProductEventRow, ProductRow, SolvencyRow } from '../data/rows';
import { productLoadings } from '../expense/productLoadings';
import { lossRatioAnalysis } from '../lossratio/lossRatioAnalysis';
import { checkExpenseCaps } from '../rules/expenseCaps';
import { type Finding, sortFindings } from '../rules/finding';
import { type EligibilityRuleId, failureClauseZh, type QuarterCapital, reviewEligibility, type WindowVerdict } from '../rules/internetEligibility';
import type { Rulebook } from '../rules/rulebook';
import { ANNUAL_LINE_OF, type AnnualLine } from './annualBusiness';

/** Why the internet business scope must be adjusted (S1 §17 ¶2): a failed eligibility rule, or a product that must stop selling. */
export interface ScopeReason {
  /** The rule that triggers the adjustment (ILI-ELIG…, ACC-LR-STOP). */
  readonly rule_id: string;
  /** The internet products affected. */
  readonly products: readonly string[];
  /** The eligibility failures (quarter: condition detail) or the finding's message. */
  readonly detail: string;
  /** The finding's Chinese message, when it has one. */
  readonly detail_zh: string | null;
}

/** An internet product on sale at the year's end. */
export interface ProductOnSale {
  readonly product_code: string;
  readonly product_name: string | null;
  readonly line: AnnualLine;
  readonly term_months: number;
  readonly launch_date: string | null;
}

/** A product approved, filed or withdrawn in the year. */
export interface ProductEventListing {
  readonly product_code: string;
  readonly product_name: string | null;
  readonly event: ProductEventRow['event'];
  readonly date: string;
  readonly reason: string | null;
  readonly reference: string | null;
}

/** Part 二 of the annual report: the company's eligibility for internet life business. */
export interface AnnualEligibility {
  readonly year: number;
  /** The year's quarters in the solvency table, oldest first, with solvency, rating and reserve coverage. */
  readonly quarters: readonly QuarterCapital[];
  /** The quarters of the year the solvency table lacks. */
  readonly quarters_missing: readonly Quarter[];
  /** Each eligibility rule's verdict on the four quarters ending in the year's fourth quarter. */
  readonly verdicts: readonly WindowVerdict[];
  /** A finding for each eligibility rule failing on the four quarters ending in the year's fourth quarter. */
  readonly findings: readonly Finding[];
  readonly governance_grade: SolvencyRow['governance_grade'];
  readonly major_penalty_last_year: boolean | null;
  /** Findings on the internet products in the year: expense caps (S1 §9.2) and accident loss ratios (S2). */
  readonly compliance: readonly Finding[];
  readonly scope_adjustment: { readonly required: boolean; readonly reasons: readonly ScopeReason[] };
  readonly on_sale: readonly ProductOnSale[];
  /** Null when the product_events table is not provided. */
  readonly withdrawn: readonly ProductEventListing[] | null;
  /** Approved or filed in the year; null when the product_events table is not provided. */
  readonly new_products: readonly ProductEventListing[] | null;
}

/** The tables part 二 reads. */
export interface EligibilityTables {
  readonly products: Table<ProductRow>;
  readonly finance: Table<FinanceRow>;
  readonly solvency: Table<SolvencyRow>;
  readonly loadings?: Table<LoadingRow>;
  readonly product_events?: Table<ProductEventRow>;
}

/** Whether an internet product depends on an eligibility rule: every one on ILI-ELIG, health on ILI-ELIG-HEALTH, life and annuity over ten years on ILI-ELIG-LONG (S1 §3, §11). */
function dependsOn(rule: EligibilityRuleId, p: ProductRow): boolean {
  if (rule === 'ILI-ELIG') return true;
  if (rule === 'ILI-ELIG-HEALTH') return ANNUAL_LINE_OF[p.line] === 'health';
  return (p.line === 'whole_life' || p.line === 'endowment' || p.line === 'annuity') && p.term_months > 120;
}

/**
 * The company's eligibility for internet life business in a year, as S1 annex 2 part 二 asks:
 * (一) each quarter's solvency ratios, risk rating and reserve coverage ratio (annex 1), the
 * governance grade and penalties, and the findings of the rules internet products must meet; (二)
 * whether the business scope must be adjusted (S1 §17 ¶2) and why: an eligibility rule (ILI-ELIG,
 * ILI-ELIG-HEALTH, ILI-ELIG-LONG) failing on the four quarters ending in the year's fourth quarter,
 * or a product that must stop selling (ACC-LR-STOP); (三) the internet products on sale at the
 * year's end, those withdrawn in the year with reasons, and those approved or filed in it.
 * @throws InputError when the solvency table has no row for the year's fourth quarter (naming the
 * file and the quarters it has), or for the loss-ratio and expense rules' bad input.
 * @example annualEligibility(tables, 2025, loadRulebook()).scope_adjustment.required
 */
export function annualEligibility(tables: EligibilityTables, year: number, rulebook: Rulebook): AnnualEligibility {
  const q4 = `${year}Q4` as Quarter;
  const review = reviewEligibility(tables.solvency, rulebook, { quarter: q4, products: tables.products });
  const ofYear = [1, 2, 3, 4].map((n) => `${year}Q${n}` as Quarter);
  const quarters = review.quarters.filter((q) => ofYear.includes(q.quarter));
  const verdicts = review.verdicts.filter((v) => v.quarter === q4);
  const last = quarters.find((q) => q.quarter === q4)!.row;
  const internet = tables.products.rows.filter((p) => p.internet === true && ANNUAL_LINE_OF[p.line] !== null);
  const codes = new Set(internet.map((p) => p.product_code));
  const lossRatios = lossRatioAnalysis(tables.products.rows, tables.finance.rows, rulebook, { year, financeFile: tables.finance.file });
  const expense = checkExpenseCaps(productLoadings(tables.products, tables.loadings), rulebook);
  const compliance = sortFindings([...lossRatios.findings, ...expense.findings].filter((f) => f.product_code !== undefined && codes.has(f.product_code)));
  const reasons: ScopeReason[] = [];
  for (const v of verdicts) {
    if (v.eligible) continue;
    const affected = internet.filter((p) => dependsOn(v.rule_id, p)).map((p) => p.product_code);
    if (affected.length > 0) reasons.push({ rule_id: v.rule_id, products: affected, detail: v.failures.map((f) => f.detail).join('; '), detail_zh: v.failures.map((f) => `${f.quarter}：${failureClauseZh(f.kind)}`).join('；') });
  }
  for (const f of compliance.filter((x) => x.rule_id === 'ACC-LR-STOP')) reasons.push({ rule_id: f.rule_id, products: [f.product_code!], detail: f.message, detail_zh: f.message_zh ?? null });
  const yearStart = parseDayText(`${year}-01-01`)!;
  const yearEnd = parseDayText(`${year}-12-31`)!;
  const nameOf = new Map(tables.products.rows.map((p) => [p.product_code, p.product_name]));
  const events = tables.product_events?.rows ?? null;
  const withdrawnBy = new Set((events ?? []).filter((e) => e.event === 'withdrawn' && e.date <= yearEnd).map((e) => e.product_code));
  const listing = (e: ProductEventRow): ProductEventListing => ({ product_code: e.product_code, product_name: nameOf.get(e.product_code) ?? null, event: e.event, date: formatDay(e.date), reason: e.reason, reference: e.reference });
  const inYear = (e: ProductEventRow) => e.date >= yearStart && e.date <= yearEnd;
  const byDate = (a: ProductEventRow, b: ProductEventRow) => a.date - b.date || (a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : 0);
  return {
    year,
    quarters,
    quarters_missing: ofYear.filter((q) => !quarters.some((c) => c.quarter === q)),
    verdicts,
    findings: sortFindings(review.findings),
    governance_grade: last.governance_grade,
    major_penalty_last_year: last.major_penalty_last_year,
    compliance,
    scope_adjustment: { required: reasons.length > 0, reasons },
    on_sale: internet
      .filter((p) => (p.launch_date === null || p.launch_date <= yearEnd) && !withdrawnBy.has(p.product_code))
      .map((p) => ({ product_code: p.product_code, product_name: p.product_name, line: ANNUAL_LINE_OF[p.line]!, term_months: p.term_months, launch_date: p.launch_date === null ? null : formatDay(p.launch_date) })),
    withdrawn: events === null ? null : events.filter((e) => e.event === 'withdrawn' && inYear(e)).sort(byDate).map(listing),
    new_products: events === null ? null : events.filter((e) => e.event !== 'withdrawn' && inYear(e)).sort(byDate).map(listing),
  };
}
