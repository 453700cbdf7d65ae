import { describe, expect, it } from 'vitest';
import { earnedLossRatio } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { earnedNonPositiveFindings } from '../../src/rules/earnedNonPositive';
import { loadRulebook } from '../../src/rules/rulebook';
import { financeRows } from '../lossratio/tables';

describe('earnedNonPositiveFindings()', () => {
  // P09 2024Q1: earned = 0 + 500 − 500 = 0 (gross); P10 2024Q1: earned 1000 gross, 1000 − 1000 ceded = 0 net.
  const csv = `product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing,ceded_premium
P09,2024Q1,0,500.00,500.00,12.50,0,0,0
P10,2024Q1,1000.00,0,0,100.00,0,0,1000.00
P11,2024Q1,1000.00,0,0,100.00,0,0,0
`;
  const rows = financePeriods(financeRows(csv)).quarters.map(earnedLossRatio);
  const findings = earnedNonPositiveFindings(rows, loadRulebook());

  it('reports each product, period and basis whose earned premium is not positive', () => {
    expect(findings.map((f) => [f.product_code, f.period, f.values.basis])).toEqual([
      ['P09', '2024Q1', 'gross'],
      ['P09', '2024Q1', 'net'],
      ['P10', '2024Q1', 'net'],
    ]);
  });

  it('records the figures and a plain message', () => {
    expect(findings[0]).toMatchObject({
      rule_id: 'DATA-EARNED-NONPOSITIVE',
      severity: 'minor',
      message: 'P09 2024Q1: earned premium (gross) is 0.00 yuan, so the loss ratio is not computable',
      values: { basis: 'gross', earned_premium: 0, incurred_claims: 12.5, premium_income: 0 },
    });
  });
});
