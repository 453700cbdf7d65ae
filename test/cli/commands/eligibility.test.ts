import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awb } from '../run';
import { shareChromiumInFile } from '../../support/sharedChromium';

shareChromiumInFile();

const FIXTURE = resolve(__dirname, '..', '..', 'fixtures', 'expense-company');
const scratch = mkdtempSync(join(tmpdir(), 'awb-eligibility-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('awb eligibility', () => {
  it('gives each quarter its reserve coverage ratio and the verdict of the window ending there', async () => {
    const { code, stdout } = await awb('eligibility', '--data', FIXTURE, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.quarter).toBe('2025Q4');
    // 2025Q2: (500,000,000 − 100,000,000 + 0.8·50,000,000 + 0.6·40,000,000 + 0.4·30,000,000 + 0.2·20,000,000) / 480,000,000 = 1 exactly.
    expect(out.quarters.map((q: { quarter: string; reserve_coverage_ratio: number }) => [q.quarter, q.reserve_coverage_ratio])).toEqual([
      ['2024Q1', 1.2], ['2024Q2', 1.2], ['2024Q3', 1.2], ['2024Q4', 1.2], ['2025Q1', 1.2], ['2025Q2', 1], ['2025Q3', 1.2], ['2025Q4', 1.2],
    ]);
    expect(out.quarters.find((q: { quarter: string }) => q.quarter === '2025Q2').conditions['ILI-ELIG']).toEqual({
      comprehensive_solvency: true, core_solvency: true, risk_rating: true, reserve_coverage: false, governance: true,
    });
    expect(out.quarters.map((q: { eligible: Record<string, boolean> }) => q.eligible['ILI-ELIG'])).toEqual([false, false, false, true, true, false, false, false]);
    expect(out.eligibility.map((e: { rule_id: string; eligible: boolean }) => [e.rule_id, e.eligible])).toEqual([['ILI-ELIG', false], ['ILI-ELIG-HEALTH', false], ['ILI-ELIG-LONG', false]]);
    expect(out.findings.map((f: { rule_id: string; values: { failed_quarters: string } }) => [f.rule_id, f.values.failed_quarters])).toEqual([
      ['ILI-ELIG', '2025Q2'], ['ILI-ELIG-HEALTH', '2025Q2'], ['ILI-ELIG-LONG', '2025Q2'],
    ]);
  });

  it('gives the same results from Chinese headers and grades written in Chinese', async () => {
    const data = join(scratch, 'chinese-headers');
    mkdirSync(data);
    const [, ...rows] = readFileSync(join(FIXTURE, 'solvency.csv'), 'utf8').split('\n');
    const header = '季度,综合偿付能力充足率,核心偿付能力充足率,风险综合评级,综合偿付能力溢额,公司治理评估,上年度重大行政处罚,资产,其他负债,责任准备金,评估日前第一年总费用,评估日前第二年总费用,评估日前第三年总费用,评估日前第四年总费用';
    writeFileSync(join(data, 'solvency.csv'), [header, ...rows.map((r) => r.replace(',B,false,', ',良好,否,'))].join('\n'));
    const english = JSON.parse((await awb('eligibility', '--data', FIXTURE, '--json')).stdout);
    const chinese = JSON.parse((await awb('eligibility', '--data', data, '--json')).stdout);
    expect(chinese.quarters).toEqual(english.quarters);
    expect(chinese.eligibility).toEqual(english.eligibility);
  });

  it('assesses the quarter asked for', async () => {
    const out = JSON.parse((await awb('eligibility', '--data', FIXTURE, '--quarter', '2025Q1', '--json')).stdout);
    expect(out.eligibility.every((e: { eligible: boolean }) => e.eligible)).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('files its quarters, conditions and dashboard', async () => {
    const dir = join(scratch, 'eligibility');
    expect((await awb('eligibility', '--data', FIXTURE, '--out', dir)).code).toBe(0);
    const quarters = readFileSync(join(dir, 'tables', 'quarters.csv'), 'utf8').split('\n');
    expect(quarters[0]).toContain('reserve_coverage_ratio');
    expect(quarters.find((l) => l.startsWith('2025Q2'))).toMatch(/,1,false,false,false$/);
    expect(existsSync(join(dir, 'charts', 'capital_dashboard.json'))).toBe(true);
  });

  it('exits 2 for a quarter that is not a quarter, or not in the table', async () => {
    expect((await awb('eligibility', '--data', FIXTURE, '--quarter', '2025Q5')).code).toBe(2);
    const { code, stderr } = await awb('eligibility', '--data', FIXTURE, '--quarter', '2023Q4');
    expect(code).toBe(2);
    expect(stderr).toContain('solvency.csv');
  });
});
