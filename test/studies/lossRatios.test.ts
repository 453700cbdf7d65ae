import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lossRatios } from '../../src/studies/lossRatios';
import { openData } from '../../src/studies/openData';

const COMPANY = resolve(__dirname, '..', 'fixtures', 'lossratio-company');

describe('lossRatios(data, params)', () => {
  it('gives the earned loss ratios and S2 findings of the ledger', async () => {
    const lr = await lossRatios(await openData(COMPANY));
    expect(lr.rules.evaluation_year).toBe(2025);
    // ACC01 2022Q1, by hand: earned = 572,000 + 228,800 − 228,800 = 572,000 yuan;
    // incurred = 140,140 + 60,060 − 0 = 200,200 yuan; ratio = 0.35 (amounts held in fen).
    const q = lr.quarters.find((r) => r.product_code === 'ACC01' && r.period === '2022Q1')!;
    expect([q.earned_premium, q.incurred_claims]).toEqual([57_200_000, 20_020_000]);
    expect(lr.findings.map((f) => `${f.rule_id} ${f.product_code}`)).toEqual(['ACC-LR-STOP ACC01', 'ACC-LR-REPRICE ACC01', 'ACC-LR-REPRICE ACC02', 'DATA-LR-YEARS-MISSING ACC05']);
    expect(lr.ultimates).toBeNull();
    expect(lr.inputs.map((f) => f.split('/').pop())).toEqual(['products.csv', 'finance.csv']);
  });

  it('asks for the claims triangle only when ultimates are wanted, and says which file is missing', async () => {
    await expect(lossRatios(await openData(COMPANY), { ultimate: 'bf' })).rejects.toThrow(/triangle\.csv.*expected the triangle table in the data folder/);
  });
});
