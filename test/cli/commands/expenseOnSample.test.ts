import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awb } from '../run';

/**
 * The sample company 恒泰人寿 (data/sample). The expected figures are the planted findings as
 * documented by the sample's generator in data/README.md ("Planted findings", rows 3 and 4, and the
 * solvency section), computed there independently of this code.
 */
const SAMPLE = resolve(__dirname, '..', '..', '..', 'data', 'sample');

describe('awb expense on the sample company', () => {
  it('finds the planted ILI-EXP-AVG breach of CI01 and nothing else', async () => {
    const { code, stdout } = await awb('expense', '--data', SAMPLE, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.findings.map((f: { rule_id: string; product_code: string }) => [f.rule_id, f.product_code])).toEqual([['ILI-EXP-AVG', 'CI01']]);
    const ci01 = out.products.find((p: { product_code: string }) => p.product_code === 'CI01');
    // data/README.md: "The average loading from loadings.csv at 3.0% is 0.26999942 … The first year is 58%".
    expect(ci01.loading_average.toFixed(8)).toBe('0.26999942');
    expect(ci01).toMatchObject({ loading_first_year: 0.58, loading_average_source: 'loadings', binding_rule: 'ILI-EXP-AVG', breaches: 1 });
  });

  it('shows the products planted close to their caps with the headroom the README gives', async () => {
    const out = JSON.parse((await awb('expense', '--data', SAMPLE, '--json')).stdout);
    const cap = (product: string, rule: string) => out.caps.find((c: { product_code: string; rule_id: string }) => c.product_code === product && c.rule_id === rule);
    // WL02: first year exactly 60% (within "不得高于60%"), average 0.24499220 (headroom 0.50 pp); ACC03 exactly 35%.
    expect(cap('WL02', 'ILI-EXP-FIRST')).toMatchObject({ rate: 0.6, within: true, headroom_pp: 0 });
    expect(cap('WL02', 'ILI-EXP-AVG').headroom_pp.toFixed(2)).toBe('0.50');
    expect(cap('ACC03', 'ILI-EXP-SHORT')).toMatchObject({ rate: 0.35, within: true, headroom_pp: 0 });
    expect(cap('ACC05', 'ACC-EXP-GROUP-SHORT')).toMatchObject({ rate: 0.22, within: true, rule_status: 'draft' });
    expect(out.caps.filter((c: { rule_id: string; within: boolean }) => c.rule_id === 'ILI-FEE-CAP').every((c: { within: boolean }) => c.within)).toBe(true);
  });
});

describe('awb eligibility on the sample company', () => {
  it('gives the reserve coverage ratios of the README and fails the windows that contain 2025Q2', async () => {
    const { code, stdout } = await awb('eligibility', '--data', SAMPLE, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    // data/README.md, solvency section: 106.15%, 105.82%, 104.74%, 104.13%, 101.86%, 100.00%, 102.63%, 103.48%.
    expect(out.quarters.map((q: { reserve_coverage_ratio: number }) => (q.reserve_coverage_ratio * 100).toFixed(2))).toEqual(['106.15', '105.82', '104.74', '104.13', '101.86', '100.00', '102.63', '103.48']);
    // 2025Q2 is exactly 100%: 12,146,128,060.49 − 1,527,347,150.09 + 2,328,376,690.00 = 12,947,157,600.40.
    const q2 = out.quarters.find((q: { quarter: string }) => q.quarter === '2025Q2');
    expect(q2).toMatchObject({ reserve_coverage_ratio: 1, expense_adjustment: 2328376690, covering_amount: 12947157600.4, reserves: 12947157600.4 });
    expect(out.quarters.filter((q: { eligible: Record<string, boolean> }) => q.eligible['ILI-ELIG']).map((q: { quarter: string }) => q.quarter)).toEqual(['2024Q4', '2025Q1']);
    expect(out.findings.map((f: { rule_id: string; values: { failed_quarters: string; failed_conditions: string } }) => [f.rule_id, f.values.failed_quarters, f.values.failed_conditions])).toEqual([
      ['ILI-ELIG', '2025Q2', 'reserve_coverage'],
      ['ILI-ELIG-HEALTH', '2025Q2', 'required_rule'],
      ['ILI-ELIG-LONG', '2025Q2', 'required_rule'],
    ]);
  });
});
