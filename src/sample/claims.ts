import { addMonths, type DayNumber, formatDay, parseDayText } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { asCents, type Cents, formatCents } from '../money/cents';
import { STUDY_END } from './company';
import type { LongTermEvent, SamplePolicy } from './policies';
import type { RandomSource } from './random';

/** One simulated claim. Claims reported after the study end are IBNR: in the ledger's reserves, not in claims.csv. */
export interface SampleClaim {
  /** Claim number, given once claims are sorted by incident date. */
  id: string;
  readonly policy: SamplePolicy;
  readonly incident: DayNumber;
  readonly report: DayNumber;
  /** Settlement day; after the study end for a claim still open then. */
  readonly paid: DayNumber;
  /** What the claim costs in the end, in fen. */
  readonly amount: Cents;
}

const STUDY_END_DAY = parseDayText(STUDY_END)!;

/** Days from report to settlement: most claims settle in weeks, complex ones (disability, disputes) in months. */
function settlementDays(random: RandomSource, complexShare: number): number {
  return random.bernoulli(complexShare) ? 60 + Math.floor(random.exponential(240)) : 2 + Math.floor(random.lognormal(25, 0.8));
}

/**
 * The claims of the simulated book, numbered CL0000001… in order of incident date:
 * - short-term policies (not cancelled): a Poisson number of claims over the days in force up to
 *   the study end, with annual frequency experience loss ratio × premium ÷ mean claim size, so
 *   that claims cost the product's experience loss ratio of the premium earned; sizes lognormal,
 *   capped at the sum assured;
 * - long-term events: a death pays the sum assured (or the premiums paid, for the annuity),
 *   a critical illness pays the sum assured, a long-term accident claim a lognormal share of it.
 * Reporting takes days to weeks; settlement weeks, or months for about one claim in ten.
 *
 * @param random the 'claims' stream
 * @example simulateClaims(new RandomSource(20251231, 'claims'), book.policies, book.events).length // 9870 for the default book
 */
export function simulateClaims(random: RandomSource, policies: readonly SamplePolicy[], events: readonly LongTermEvent[]): SampleClaim[] {
  const claims: SampleClaim[] = [];
  const add = (policy: SamplePolicy, incident: number, amountYuan: number, reportMean: number, complexShare: number) => {
    const report = incident + 1 + Math.floor(random.exponential(reportMean));
    const paid = report + settlementDays(random, complexShare);
    claims.push({ id: '', policy, incident: incident as DayNumber, report: report as DayNumber, paid: paid as DayNumber, amount: asCents(Math.round(amountYuan * 100)) });
  };
  for (const policy of policies) {
    const product = policy.product;
    if (product.kind !== 'short' || policy.exitReason === 'cancel') continue;
    const termEnd = addMonths(policy.issue, product.term_months) - 1;
    const days = Math.min(termEnd, STUDY_END_DAY) - policy.issue + 1;
    const frequency = (product.experience_loss_ratio * (policy.premium / 100)) / product.severity.mean;
    const count = random.poisson((frequency * days) / 365);
    for (let k = 0; k < count; k++) {
      const incident = policy.issue + Math.floor(random.uniform() * days);
      const size = Math.min(policy.sumAssured / 100, random.lognormal(product.severity.mean, product.severity.sigma));
      add(policy, incident, size, 12, 0.1);
    }
  }
  for (const event of events) {
    const { policy } = event;
    const product = policy.product;
    if (product.kind !== 'long') continue;
    const sumAssured = policy.sumAssured / 100;
    let amount: number;
    if (event.kind === 'death') {
      amount = product.death_benefit === 'premiums_paid' ? (policy.premium / 100) * Math.min(event.policyYear, product.premium_years) : sumAssured;
    } else if (product.incidence.kind === 'flat') {
      amount = Math.min(sumAssured, random.lognormal(product.incidence.claim_share * sumAssured, product.incidence.sigma));
    } else {
      amount = sumAssured;
    }
    add(policy, event.day, amount, 25, 0.08);
  }
  claims.sort((a, b) => a.incident - b.incident || a.report - b.report || (a.policy.id < b.policy.id ? -1 : a.policy.id > b.policy.id ? 1 : 0));
  claims.forEach((c, n) => (c.id = `CL${String(n + 1).padStart(7, '0')}`));
  return claims;
}

/**
 * Rows of claims.csv: the claims reported by the study end, in claim-number order. A settled
 * claim has its paid date and amount and a zero case reserve; a claim still open has no paid
 * date, nothing paid and its case reserve (the final cost). Claims reported later are left out.
 * @example claimRows(claims).length // 9749 for the default sample (121 claims are reported after the study end)
 */
export function claimRows(claims: readonly SampleClaim[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const c of claims) {
    if (c.report > STUDY_END_DAY) continue;
    const settled = c.paid <= STUDY_END_DAY;
    rows.push({
      claim_id: c.id,
      policy_id: c.policy.id,
      product_code: c.policy.product.code,
      incident_date: formatDay(c.incident),
      report_date: formatDay(c.report),
      paid_date: settled ? formatDay(c.paid) : null,
      paid_amount: formatCents(settled ? c.amount : 0),
      case_reserve: formatCents(settled ? 0 : c.amount),
    });
  }
  return rows;
}
