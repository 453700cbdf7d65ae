import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awb } from './run';

// The sample company 恒泰人寿 (data/sample). The golden figures are those of data/README.md, "Planted
// findings", which test/sample/plantedFindings.test.ts computes independently from the same tables.
const SAMPLE = path.resolve(__dirname, '..', '..', 'data', 'sample');

type Row = { product_code: string; period: string; loss_ratio: number; earned_premium: number; incurred_claims: number };

describe('awb lossratio on the sample company', () => {
  it('finds the planted stop-sale (ACC01) and repricing (ACC02) products with the documented figures', async () => {
    const { code, stdout } = await awb('lossratio', '--data', SAMPLE, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const row = (p: string, period: string) => json.loss_ratios.find((r: Row) => r.product_code === p && r.period === period) as Row;
    // #1 ACC01 2024: earned 2,354,244.57, incurred 472,550.12, 20.07%; 2025: 2,657,872.51, 575,505.76, 21.65%.
    expect(row('ACC01', '2024')).toMatchObject({ earned_premium: 2354244.57, incurred_claims: 472550.12 });
    expect(row('ACC01', '2024').loss_ratio).toBeCloseTo(0.2007, 4);
    expect(row('ACC01', '2025')).toMatchObject({ earned_premium: 2657872.51, incurred_claims: 575505.76 });
    expect(row('ACC01', '2025').loss_ratio).toBeCloseTo(0.2165, 4);
    // #2 ACC02: Σ incurred 1,746,939.16 ÷ Σ earned 4,046,088.05 = 43.18%, factor 0.8635.
    const three = json.three_year_loss_ratios.find((r: Row) => r.product_code === 'ACC02' && r.period === '2025');
    expect(three).toMatchObject({ earned_premium: 4046088.05, incurred_claims: 1746939.16 });
    const rate = json.indicated_rate_changes.find((r: { product_code: string }) => r.product_code === 'ACC02');
    expect(rate.indicated_premium_factor.toFixed(4)).toBe('0.8635');
    const rules = json.findings.filter((f: { rule_id: string }) => f.rule_id.startsWith('ACC-LR')).map((f: { rule_id: string; product_code: string }) => `${f.rule_id} ${f.product_code}`);
    expect(rules).toEqual(['ACC-LR-STOP ACC01', 'ACC-LR-REPRICE ACC01', 'ACC-LR-REPRICE ACC02']);
  });

  it('gives the documented negatives: ACC03 passes, ACC04 and ACC05 exempt by size, medical out of scope', async () => {
    const json = JSON.parse((await awb('lossratio', '--data', SAMPLE, '--json')).stdout);
    const outcome = (p: string) => json.assessments.find((a: { product_code: string; rule_id: string }) => a.product_code === p && a.rule_id === 'ACC-LR-REPRICE');
    expect(outcome('ACC03').outcome).toBe('passes');
    expect(outcome('ACC04')).toMatchObject({ outcome: 'exempt', values: { exemption: 'small_premium', latest_premium_income: 535500 } });
    expect(outcome('ACC05').outcome).toBe('exempt');
    expect(outcome('MED01').outcome).toBe('out_of_scope');
  });
});

describe('awb lossratio --ultimate on the sample company', () => {
  it('develops the immature accident year by Bornhuetter–Ferguson and says which years were developed and how', async () => {
    const { code, stdout } = await awb('lossratio', '--data', SAMPLE, '--ultimate', 'bf', '--json');
    expect(code).toBe(0);
    const u = JSON.parse(stdout).ultimate_loss_ratios;
    expect(u.method).toBe('bf');
    expect(u.years.map((y: { year: number; method: string }) => `${y.year}:${y.method}`)).toEqual(['2021:chainladder', '2022:chainladder', '2023:chainladder', '2024:chainladder', '2025:bf']);
    expect(u.years[4].how).toContain('Bornhuetter–Ferguson with a priori loss ratio');
    expect(u.three_year.years).toBe('2023–2025');
  });

  it('leaves the S2 rules as the regulation defines them', async () => {
    const plain = JSON.parse((await awb('lossratio', '--data', SAMPLE, '--json')).stdout);
    const withUltimate = JSON.parse((await awb('lossratio', '--data', SAMPLE, '--ultimate', 'capecod', '--json')).stdout);
    expect(withUltimate.findings).toEqual(plain.findings);
    expect(plain.ultimate_loss_ratios).toBeNull();
  });
});

describe('awb reserve on the sample company\'s triangle', () => {
  it('reads development ages and the documented latest diagonal', async () => {
    const json = JSON.parse((await awb('reserve', '--triangle', path.join(SAMPLE, 'triangle.csv'), '--json')).stdout);
    expect(json.development).toBe('age');
    // data/README.md, triangle.csv: the latest diagonal reads 895,084.26 … 3,319,659.09.
    expect(json.origins.map((o: { latest: number }) => o.latest)).toEqual([895084.26, 2074406.29, 2895087.01, 3304994.11, 3319659.09]);
    expect(json.total.ibnr).toBeGreaterThan(0);
  });
});
