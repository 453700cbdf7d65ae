import { addMonths, addYears, type DayNumber, parseDayText, ymdOf } from '../data/dates';
import { periodEnd, type Quarter, quarterRange } from '../data/period';
import type { TableRow } from '../evidence/csv';
import { formatCents } from '../money/cents';
import { Dec } from '../money/decimal';
import { PRODUCTS, type SampleProduct, STUDY_END } from './company';
import type { SampleClaim } from './claims';
import type { LoadingSchedule } from './loadings';
import type { SamplePolicy } from './policies';
import type { RandomSource } from './random';

/** The ledger's quarters: 2021Q1 … 2025Q4. */
const LEDGER_QUARTERS: readonly Quarter[] = quarterRange('2021Q1' as Quarter, '2025Q4' as Quarter);
const QUARTER_ENDS = LEDGER_QUARTERS.map(periodEnd);
const STUDY_END_DAY = parseDayText(STUDY_END)!;

/** Index of the ledger quarter holding a day (0 = 2021Q1). */
function quarterIndex(day: number): number {
  const { year, month } = ymdOf(day);
  return (year - 2021) * 4 + Math.floor((month - 1) / 3);
}

/** Integer division rounded half-up, exact for non-negative safe integers. */
function divideHalfUp(numerator: number, denominator: number): number {
  const twice = 2 * numerator + denominator;
  return (twice - (twice % (2 * denominator))) / (2 * denominator);
}

/** The premium periods of a policy: [premium due day, last day the premium covers], for premiums collected by the study end. */
function premiumPeriods(policy: SamplePolicy): [DayNumber, DayNumber][] {
  const product = policy.product;
  if (product.kind === 'short' || product.premium_mode === 'single') {
    return [[policy.issue, (addMonths(policy.issue, product.term_months) - 1) as DayNumber]];
  }
  const periods: [DayNumber, DayNumber][] = [];
  for (let k = 0; k < product.premium_years; k++) {
    const due = addYears(policy.issue, k);
    if (due > STUDY_END_DAY || (k > 0 && policy.exit !== null && policy.exit <= due)) break;
    periods.push([due, (addYears(policy.issue, k + 1) - 1) as DayNumber]);
  }
  return periods;
}

/** Per-quarter totals of one product, in fen. */
interface Ledger {
  premium: number[];
  upr: number[];
  paid: number[];
  ocr: number[];
  sold: number[];
}

const zeros = () => LEDGER_QUARTERS.map(() => 0);

/** The quarter-end figures that follow from the policies and claims, per product. */
function ledgers(policies: readonly SamplePolicy[], claims: readonly SampleClaim[]): Map<string, Ledger> {
  const out = new Map<string, Ledger>(PRODUCTS.map((p) => [p.code, { premium: zeros(), upr: zeros(), paid: zeros(), ocr: zeros(), sold: zeros() }]));
  for (const policy of policies) {
    const ledger = out.get(policy.product.code)!;
    ledger.sold[quarterIndex(policy.issue)]++;
    for (const [due, last] of premiumPeriods(policy)) {
      ledger.premium[quarterIndex(due)] += policy.premium;
      for (let q = quarterIndex(due); q < QUARTER_ENDS.length && QUARTER_ENDS[q] < last; q++) {
        const end = QUARTER_ENDS[q];
        if (policy.exit !== null && policy.exit <= end) break;
        ledger.upr[q] += divideHalfUp(policy.premium * (last - end), last - due + 1);
      }
    }
    if (policy.exitReason === 'cancel') ledger.premium[quarterIndex(policy.exit!)] -= policy.premium;
  }
  for (const claim of claims) {
    const ledger = out.get(claim.policy.product.code)!;
    if (claim.paid <= STUDY_END_DAY) ledger.paid[quarterIndex(claim.paid)] += claim.amount;
    for (let q = quarterIndex(claim.incident); q < QUARTER_ENDS.length && QUARTER_ENDS[q] < claim.paid; q++) ledger.ocr[q] += claim.amount;
  }
  return out;
}

/** Share of an amount in fen, rounded half-up to the fen. */
const share = (cents: number, rate: Dec | string | number) => new Dec(cents).times(rate).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();

/** The expense rate a product is priced at: its loading (short-term) or the average from its loadings schedule. */
function pricedExpenseRate(product: SampleProduct, schedules: readonly LoadingSchedule[]): Dec {
  return product.kind === 'short' ? new Dec(product.loading) : schedules.find((s) => s.product.code === product.code)!.average;
}

/**
 * Rows of finance.csv: the ledger per product and quarter from the product's launch quarter to
 * 2025Q4, derived from the simulated policies and claims so that it agrees with them exactly:
 * - premium_income: premiums falling due in the quarter (first and renewal), less the premiums
 *   refunded on cancellations; policies_sold: policies issued in the quarter;
 * - upr (未到期责任准备金) at a quarter end: each in-force premium's unexpired share, premium ×
 *   days left ÷ days covered (the premium of a year for regular products, of the whole term for
 *   single-premium ones), rounded half-up to the fen per policy;
 * - claims_paid: claims settled in the quarter; ocr (未决赔款准备金) at a quarter end: the final
 *   cost of every claim incurred by then and not yet settled, reported or not (perfect hindsight);
 * - opening of a quarter = closing of the previous one, 0 at launch;
 * - ceded_premium and ceded_claims: the quota-share reinsurer's part of the quarter's earned premium
 *   and incurred claims (ceded premium net of the change in the ceded UPR, recoveries including the
 *   change in the ceded OCR), so that (earned − ceded_premium) and (incurred − ceded_claims) are the
 *   retained figures of DOMAIN.md's loss ratio after reinsurance;
 * - expenses: premium income × the priced expense rate × (1 + 4% noise);
 * - long-term products: a fund rolled forward with premiums less claims, expenses and net
 *   reinsurance; invested_assets is its quarter average and investment_income earns the pricing
 *   interest rate plus the product's yield margin (± 0.2% noise, annual) over a quarter.
 *
 * @param random the 'finance' stream
 * @example financeRows(book.policies, claims, loadingSchedules(), random)[0] // { product_code: 'ACC01', period: '2021Q1', premium_income: '330480.00', … } for the default sample
 */
export function financeRows(policies: readonly SamplePolicy[], claims: readonly SampleClaim[], schedules: readonly LoadingSchedule[], random: RandomSource): TableRow[] {
  const byProduct = ledgers(policies, claims);
  const rows: TableRow[] = [];
  for (const product of PRODUCTS) {
    const ledger = byProduct.get(product.code)!;
    const expenseRate = pricedExpenseRate(product, schedules).toNumber();
    const quota = String(product.quota_share);
    let fund = 0;
    for (let q = quarterIndex(parseDayText(product.launch_date)!); q < LEDGER_QUARTERS.length; q++) {
      const premium = ledger.premium[q];
      const earned = premium + (q > 0 ? ledger.upr[q - 1] : 0) - ledger.upr[q];
      const incurred = ledger.paid[q] + ledger.ocr[q] - (q > 0 ? ledger.ocr[q - 1] : 0);
      const cededPremium = share(earned, quota);
      const cededClaims = share(incurred, quota);
      const expenses = Math.round(premium * expenseRate * (1 + 0.04 * random.normal()));
      let investment: { income: number; assets: number } | null = null;
      if (product.kind === 'long') {
        const flow = premium - ledger.paid[q] - expenses - cededPremium + cededClaims;
        const assets = Math.max(0, Math.round(fund + flow / 2));
        const annualYield = Number(product.pricing_interest_rate) + product.yield_margin + 0.002 * random.normal();
        const income = Math.round((assets * annualYield) / 4);
        fund += flow + income;
        investment = { income, assets };
      }
      rows.push({
        product_code: product.code,
        period: LEDGER_QUARTERS[q],
        premium_income: formatCents(premium),
        upr_opening: formatCents(q > 0 ? ledger.upr[q - 1] : 0),
        upr_closing: formatCents(ledger.upr[q]),
        claims_paid: formatCents(ledger.paid[q]),
        ocr_opening: formatCents(q > 0 ? ledger.ocr[q - 1] : 0),
        ocr_closing: formatCents(ledger.ocr[q]),
        policies_sold: ledger.sold[q],
        ceded_premium: formatCents(cededPremium),
        ceded_claims: formatCents(cededClaims),
        expenses: formatCents(expenses),
        investment_income: investment ? formatCents(investment.income) : null,
        invested_assets: investment ? formatCents(investment.assets) : null,
      });
    }
  }
  return rows;
}

