import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awb } from '../run';
import { shareChromiumInFile } from '../../support/sharedChromium';

shareChromiumInFile();

const FIXTURE = resolve(__dirname, '..', '..', 'fixtures', 'expense-company');
const scratch = mkdtempSync(join(tmpdir(), 'awb-expense-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('awb expense', () => {
  it('prints loadings with their sources, the caps that apply and the findings as JSON', async () => {
    const { code, stdout } = await awb('expense', '--data', FIXTURE, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const p = (code: string) => out.products.find((x: { product_code: string }) => x.product_code === code);
    // P03: i = 5%, p = 1, 0.945, 0.882 → discounted 1, 0.9, 0.8; l = 45%, 15%, 11.25%:
    // (450 + 135 + 90) / (1000 + 900 + 800) = 675 / 2700 = 25% exactly: on the cap of ILI-EXP-AVG, within it.
    expect(p('P03')).toMatchObject({ loading_first_year: 0.45, loading_average: 0.25, loading_average_source: 'loadings', pv_gross_premiums: 2700, pv_loadings: 675, smallest_headroom_pp: 0, breaches: 0 });
    // P04: the third-year loading is 15%: (450 + 135 + 120) / 2700 = 705 / 2700 = 26.11…%, 1.11 pp over 25%.
    expect(p('P04').loading_average).toBeCloseTo(705 / 2700, 15);
    expect(p('P04')).toMatchObject({ binding_rule: 'ILI-EXP-AVG', breaches: 1 });
    expect(p('P08')).toMatchObject({ loading_average: null, loading_average_source: null });
    expect(out.findings.map((f: { rule_id: string; product_code: string }) => `${f.rule_id} ${f.product_code}`)).toEqual([
      'ACC-EXP-GROUP-SHORT P06',
      'ILI-EXP-AVG P04',
      'ILI-EXP-SHORT P02',
      'ILI-FEE-CAP P07',
      'ILI-FEE-CAP P08',
      'DATA-EXP-UNCHECKED P07',
      'DATA-EXP-UNCHECKED P07',
      'DATA-EXP-UNCHECKED P08',
      'DATA-EXP-UNCHECKED P08',
      'DATA-LOADING-MISMATCH P04',
    ]);
    // Actual expense rates: 2024 of P01 from its four quarters, (300,000 + 360,000 + 400,000 + 340,000) / 4,000,000 = 35%.
    expect(out.actual_expenses.find((a: { product_code: string; period: string }) => a.product_code === 'P01' && a.period === '2024')).toMatchObject({ actual_expense_rate: 0.35, loading_average: 0.35, difference_pp: 0 });
    expect(out.actual_expenses.some((a: { product_code: string; period: string }) => a.product_code === 'P01' && a.period === '2025')).toBe(false);
  });

  it('prints a readable summary with the breaches marked', async () => {
    const { code, stdout } = await awb('expense', '--data', FIXTURE);
    expect(code).toBe(0);
    // The product line and its caps (wrapped under it to fit 100 columns).
    expect(stdout).toMatch(/P02 .*\n +ILI-EXP-SHORT -0\.0001 pp BREACH/);
    expect(stdout).toContain('[critical] ILI-EXP-AVG P04');
  });

  it('files the same outputs twice from the same inputs (tables, charts, result)', async () => {
    const a = join(scratch, 'expense-a');
    const b = join(scratch, 'expense-b');
    expect((await awb('expense', '--data', FIXTURE, '--out', a)).code).toBe(0);
    expect((await awb('expense', '--data', FIXTURE, '--out', b)).code).toBe(0);
    const files = readdirSync(join(a, 'tables')).sort();
    expect(files).toEqual(['actual_expenses.csv', 'actual_expenses.json', 'caps.csv', 'caps.json', 'findings.csv', 'findings.json', 'products.csv', 'products.json']);
    for (const f of ['result.json', 'charts/charts.html', 'charts/expense_headroom.json', ...files.map((t) => `tables/${t}`)]) {
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f)))).toBe(true);
    }
  });

  it('exits 2 naming file, row and column for a gap in the loadings, and files nothing', async () => {
    const data = join(scratch, 'bad-loadings');
    cpSync(FIXTURE, data, { recursive: true });
    writeFileSync(join(data, 'loadings.csv'), 'product_code,policy_year,gross_premium,loading_rate,inforce_probability\nP03,1,1000,0.45,1\nP03,3,1000,0.15,0.9\n');
    const out = join(scratch, 'never-written');
    const { code, stderr } = await awb('expense', '--data', data, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/loadings\.csv, row 3, column policy_year: expected policy years 1, 2, 3, … without gaps for product P03/);
    expect(existsSync(out)).toBe(false);
  });

  it('gives the same results from the seed\'s Chinese headers', async () => {
    const data = join(scratch, 'chinese-headers');
    cpSync(FIXTURE, data, { recursive: true });
    const rename = (file: string, headers: string) => {
      const [, ...rows] = readFileSync(join(data, file), 'utf8').split('\n');
      writeFileSync(join(data, file), [headers, ...rows].join('\n'));
    };
    rename('products.csv', '产品代码,产品名称,险种类别,是否互联网产品,业务类型,保险期间（月）,缴费方式,首年预定附加费用率,平均附加费用率,中介费用率上限,预定利率');
    rename('loadings.csv', '产品代码,保单年度,毛保费,附加费用率,有效概率');
    const english = JSON.parse((await awb('expense', '--data', FIXTURE, '--json')).stdout);
    const chinese = JSON.parse((await awb('expense', '--data', data, '--json')).stdout);
    expect(chinese.products).toEqual(english.products);
    expect(chinese.findings).toEqual(english.findings);
  });

  it('exits 2 for a missing rulebook file', async () => {
    const { code, stderr } = await awb('expense', '--data', FIXTURE, '--rules', join(scratch, 'nope.yaml'));
    expect(code).toBe(2);
    expect(stderr).toContain('nope.yaml');
  });
});
