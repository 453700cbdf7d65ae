import { type EarnedLossRatio, onBasis } from '../lossratio/earnedLossRatio';
import { formatCents } from '../money/cents';
import { type Finding, makeFinding } from './finding';
import { getRule, type Rulebook } from './rulebook';

/**
 * `DATA-EARNED-NONPOSITIVE`: one finding for each product, period and basis (gross, net of
 * reinsurance) whose earned premium is zero or negative, so that S2's loss ratio
 * (incurred ÷ earned) is not computable there. The ratio is reported as null, never as
 * Infinity or NaN; this finding says why.
 *
 * @param rows loss ratios of any periods (years and quarters)
 * @throws InputError when the rulebook lacks DATA-EARNED-NONPOSITIVE.
 * @example earnedNonPositiveFindings([{ product_code: 'P09', period: '2024Q1', earned_premium: 0, … }], rulebook)[0].values
 * // { basis: 'gross', earned_premium: 0, incurred_claims: 1250, premium_income: 0 }
 */
export function earnedNonPositiveFindings(rows: readonly EarnedLossRatio[], rulebook: Rulebook): Finding[] {
  const rule = getRule(rulebook, 'DATA-EARNED-NONPOSITIVE');
  const findings: Finding[] = [];
  for (const row of rows) {
    for (const basis of ['gross', 'net'] as const) {
      const b = { basis, ...onBasis(row, basis) };
      if (b.earned > 0) continue;
      findings.push(
        makeFinding(rule, {
          message: `${row.product_code} ${row.period}: earned premium (${b.basis}) is ${formatCents(b.earned)} yuan, so the loss ratio is not computable`,
          message_zh: `${row.product_code} ${row.period}：已赚保费（${b.basis === 'gross' ? '分保前' : '分保后'}）为${formatCents(b.earned)}元，赔付率无法计算`,
          product_code: row.product_code,
          period: row.period,
          values: { basis: b.basis, earned_premium: b.earned / 100, incurred_claims: b.incurred / 100, premium_income: row.premium_income / 100 },
        }),
      );
    }
  }
  return findings;
}
