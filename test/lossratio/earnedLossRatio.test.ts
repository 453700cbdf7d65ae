import { describe, expect, it } from 'vitest';
import { asCents } from '../../src/money/cents';
import { earnedLossRatio, earnedPremium, incurredClaims, lossRatioOf } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { FINANCE_HEADER, financeRows } from './tables';

describe('earnedLossRatio()', () => {
  // Hand computation (S2 赔付率计算公式):
  //   earned   = 1,200,000.00 + 300,000.00 − 400,000.00 = 1,100,000.00
  //   incurred =   500,000.00 + 150,050.00 − 100,000.00 =   550,050.00
  //   gross ratio = 550,050 / 1,100,000 = 0.50004545… (= 11001/22000)
  //   net earned = 1,100,000.00 − 100,000.00 = 1,000,000.00; net incurred = 550,050.00 − 50,050.00 = 500,000.00
  //   net ratio = 0.5 exactly
  const csv = `product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing,ceded_premium,ceded_claims
P01,2024,1200000.00,300000.00,400000.00,500000.00,100000.00,150050.00,100000.00,50050.00
`;
  const row = earnedLossRatio(financePeriods(financeRows(csv)).years[0]);

  it('applies S2\'s formula to earned premium and incurred claims, in fen', () => {
    expect(row.earned_premium).toBe(110_000_000);
    expect(row.incurred_claims).toBe(55_005_000);
    expect(row.loss_ratio!.eq('0.5000454545454545454545454545454545454545')).toBe(true);
  });

  it('takes ceded premium and claims off for the ratio after reinsurance', () => {
    expect(row.earned_premium_net).toBe(100_000_000);
    expect(row.incurred_claims_net).toBe(50_000_000);
    expect(row.loss_ratio_net!.toString()).toBe('0.5');
  });

  it('is not computable (null, never Infinity or NaN) when earned premium is zero or negative', () => {
    expect(lossRatioOf(100, 0)).toBeNull();
    expect(lossRatioOf(100, -1)).toBeNull();
    const zero = earnedLossRatio(financePeriods(financeRows(`${FINANCE_HEADER}\nP09,2024,0,500.00,500.00,12.50,0,0,3\n`)).years[0]);
    expect(zero.earned_premium).toBe(0);
    expect(zero.loss_ratio).toBeNull();
    expect(JSON.stringify({ loss_ratio: zero.loss_ratio })).toBe('{"loss_ratio":null}');
  });

  it('counts an unearned premium release in earned premium and a reserve release against incurred claims', () => {
    expect(earnedPremium({ premium_income: asCents(0), upr_opening: asCents(5000), upr_closing: asCents(1000) })).toBe(4000);
    expect(incurredClaims({ claims_paid: asCents(1000), ocr_opening: asCents(3000), ocr_closing: asCents(500) })).toBe(-1500);
  });

  it('gives the same results from the seed\'s Chinese headers as from the English ones', () => {
    const english = `${FINANCE_HEADER}\nP01,2024,1200000.00,300000.00,400000.00,500000.00,100000.00,150050.00,6000\n`;
    const chinese = `产品代码,年度,年度保费收入,年初未到期责任准备金,年末未到期责任准备金,年度赔款金额,年初未决赔款准备金,年末未决赔款准备金,年度累计销售件数
P01,2024年,"1,200,000.00",300000.00,400000.00,500000.00,100000.00,150050.00,6000
`;
    const a = earnedLossRatio(financePeriods(financeRows(english)).years[0]);
    const b = earnedLossRatio(financePeriods(financeRows(chinese, '财务.csv')).years[0]);
    expect({ ...b, loss_ratio: b.loss_ratio!.toString(), loss_ratio_net: b.loss_ratio_net!.toString() }).toEqual({
      ...a,
      loss_ratio: a.loss_ratio!.toString(),
      loss_ratio_net: a.loss_ratio_net!.toString(),
    });
  });
});
