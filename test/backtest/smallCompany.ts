import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../data/helpers';

/**
 * A hand-made data folder small enough to check by hand:
 * - TL01, term life (240 months, long-term): lapse assumption 10% (policy year 1: 20%), death 0.1%,
 *   pricing interest 3.5%, loading 20%.
 * - ACC01, short-term accident (12 months): expected loss ratio 60%, loading 30%.
 * Policies of TL01 issued 2025-01-01 (A lapses 2025-06-30, B in force, C dies 2025-11-15), one
 * ACC01 policy. The ledger of 2025Q4 is worked out in the tests.
 */
export function smallCompany(): string {
  const dir = tempDir('awb-backtest-');
  const files: Record<string, string> = {
    'products.csv':
      'product_code,line,term_months,loading_average,expected_loss_ratio,pricing_interest_rate\n' +
      'TL01,term_life,240,0.20,,0.035\n' +
      'ACC01,accident,12,0.30,0.60,\n',
    'policies.csv':
      'policy_id,product_code,issue_date,exit_date,exit_reason,age_at_issue,gender,channel\n' +
      'A,TL01,2025-01-01,2025-06-30,lapse,30,M,app\n' +
      'B,TL01,2025-01-01,,,40,F,agency\n' +
      'C,TL01,2025-01-01,2025-11-15,death,50,M,app\n' +
      'D,ACC01,2025-03-01,,,35,F,app\n',
    'assumptions.csv':
      'indicator,product_code,policy_year,rate\n' +
      'lapse,TL01,,0.10\n' +
      'lapse,TL01,1,0.20\n' +
      'death,TL01,,0.001\n',
    'claims.csv': 'claim_id,policy_id,product_code,incident_date,paid_amount\nK1,D,ACC01,2025-05-01,1000.00\n',
    'finance.csv':
      'product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing,ceded_premium,ceded_claims,expenses,investment_income,invested_assets\n' +
      'ACC01,2025Q4,1000000,200000,250000,400000,100000,160000,50000,10000,280000,,\n' +
      'TL01,2025Q4,500000,0,0,0,0,0,0,0,100000,3000000,300000000\n' +
      'ACC01,2025Q3,900000,150000,200000,300000,80000,100000,0,0,270000,,\n' +
      'TL01,2025Q3,400000,0,0,0,0,0,0,0,80000,2400000,240000000\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
