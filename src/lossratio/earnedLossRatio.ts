import type { Period } from '../data/period';
import { type Cents, sumCents } from '../money/cents';
import { Dec } from '../money/decimal';
import type { Fraction } from '../money/fraction';
import type { PeriodLedger } from './financePeriods';

/** Gross (before reinsurance) or net (after reinsurance) figures. */
export type LossRatioBasis = 'gross' | 'net';

/** The earned loss ratio of one product over one period, gross and after reinsurance. */
export interface EarnedLossRatio {
  readonly product_code: string;
  readonly period: Period;
  readonly premium_income: Cents;
  /** premium_income + upr_opening − upr_closing. */
  readonly earned_premium: Cents;
  /** claims_paid + ocr_closing − ocr_opening. */
  readonly incurred_claims: Cents;
  /** incurred ÷ earned, exact; null when earned premium is zero or negative (not computable). */
  readonly loss_ratio: Dec | null;
  /** earned_premium − ceded_premium. */
  readonly earned_premium_net: Cents;
  /** incurred_claims − ceded_claims. */
  readonly incurred_claims_net: Cents;
  /** Net incurred ÷ net earned; null when net earned premium is zero or negative. */
  readonly loss_ratio_net: Dec | null;
  readonly policies_sold: number | null;
  /** Spreadsheet rows of the finance table behind this period. */
  readonly source_rows: readonly number[];
}

/**
 * Earned premium (已赚保费) of a period, S2's denominator:
 * 年度保费收入 + 年初未到期责任准备金 − 年末未到期责任准备金 (premium_income + upr_opening − upr_closing).
 * @returns fen
 * @example earnedPremium({ premium_income: 100000, upr_opening: 20000, upr_closing: 30000, … }) // 90000
 */
export function earnedPremium(ledger: Pick<PeriodLedger, 'premium_income' | 'upr_opening' | 'upr_closing'>): Cents {
  return sumCents([ledger.premium_income, ledger.upr_opening, -ledger.upr_closing]);
}

/**
 * Incurred claims (已发生赔款) of a period, S2's numerator:
 * 年度赔款金额 + 年末未决赔款准备金 − 年初未决赔款准备金 (claims_paid + ocr_closing − ocr_opening).
 * @returns fen
 * @example incurredClaims({ claims_paid: 40000, ocr_opening: 5000, ocr_closing: 10000, … }) // 45000
 */
export function incurredClaims(ledger: Pick<PeriodLedger, 'claims_paid' | 'ocr_opening' | 'ocr_closing'>): Cents {
  return sumCents([ledger.claims_paid, ledger.ocr_closing, -ledger.ocr_opening]);
}

/**
 * A loss ratio as an exact decimal: incurred ÷ earned, or null when earned is zero or negative
 * (S2's formula is then not computable; never Infinity or NaN).
 * @param incurred incurred claims, fen
 * @param earned earned premium, fen
 * @example lossRatioOf(45000, 90000)?.toString() // '0.5'
 * @example lossRatioOf(45000, 0) // null
 */
export function lossRatioOf(incurred: number, earned: number): Dec | null {
  if (earned <= 0) return null;
  return new Dec(incurred).div(earned);
}

/**
 * A loss ratio as an exact fraction incurred/earned (unreduced), for comparing with a threshold;
 * null when earned is zero or negative.
 * @example lossRatioFraction(45000, 90000) // { num: 45000n, den: 90000n }
 */
export function lossRatioFraction(incurred: number, earned: number): Fraction | null {
  return earned <= 0 ? null : { num: BigInt(incurred), den: BigInt(earned) };
}

/**
 * The earned loss ratio of one product and period (S2 赔付率计算公式), gross and after
 * reinsurance (ceded premium taken off earned premium, ceded claims off incurred claims).
 * @example earnedLossRatio(ledger).loss_ratio?.toString() // '0.5' for 450.00 incurred on 900.00 earned
 */
export function earnedLossRatio(ledger: PeriodLedger): EarnedLossRatio {
  const earned = earnedPremium(ledger);
  const incurred = incurredClaims(ledger);
  const earnedNet = sumCents([earned, -ledger.ceded_premium]);
  const incurredNet = sumCents([incurred, -ledger.ceded_claims]);
  return {
    product_code: ledger.product_code,
    period: ledger.period,
    premium_income: ledger.premium_income,
    earned_premium: earned,
    incurred_claims: incurred,
    loss_ratio: lossRatioOf(incurred, earned),
    earned_premium_net: earnedNet,
    incurred_claims_net: incurredNet,
    loss_ratio_net: lossRatioOf(incurredNet, earnedNet),
    policies_sold: ledger.policies_sold,
    source_rows: ledger.source_rows,
  };
}

/**
 * A loss ratio as a binary double for JSON output: the division of two integers (fen) below 2^53
 * is correctly rounded, so this is the double nearest to the exact ratio; null when earned ≤ 0.
 * @example lossRatioNumber(45000, 90000) // 0.5
 */
export function lossRatioNumber(incurred: number, earned: number): number | null {
  return earned <= 0 ? null : incurred / earned;
}

/** The earned premium, incurred claims and loss ratio of a row on one basis. */
export function onBasis(row: EarnedLossRatio, basis: LossRatioBasis): { earned: Cents; incurred: Cents; loss_ratio: Dec | null } {
  return basis === 'gross'
    ? { earned: row.earned_premium, incurred: row.incurred_claims, loss_ratio: row.loss_ratio }
    : { earned: row.earned_premium_net, incurred: row.incurred_claims_net, loss_ratio: row.loss_ratio_net };
}
