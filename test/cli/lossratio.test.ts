import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULEBOOK_PATH } from '../../src/rules/rulebook';
import { awb } from './run';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

const COMPANY = path.resolve(__dirname, '..', 'fixtures', 'lossratio-company');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'awb-lossratio-'));

/** A copy of the fixture company, with its finance table rewritten by `edit`. */
function companyWith(edit: (finance: string) => string): string {
  const dir = tmp();
  writeFileSync(path.join(dir, 'products.csv'), readFileSync(path.join(COMPANY, 'products.csv')));
  writeFileSync(path.join(dir, 'finance.csv'), edit(readFileSync(path.join(COMPANY, 'finance.csv'), 'utf8')));
  return dir;
}

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)])).sort();
}

describe('awb lossratio', () => {
  it('prints one JSON document with loss ratios by period and the planted findings', async () => {
    const { code, stdout, stderr } = await awb('lossratio', '--data', COMPANY, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.evaluation_year).toBe(2025);
    // ACC01 2022Q1, by hand: earned = 572,000 + 228,800 − 228,800 = 572,000;
    // incurred = 140,140 + 60,060 − 0 = 200,200; ratio = 0.35.
    expect(json.loss_ratios.find((r: { product_code: string; period: string }) => r.product_code === 'ACC01' && r.period === '2022Q1')).toMatchObject({
      grain: 'quarter',
      earned_premium: 572000,
      incurred_claims: 200200,
      loss_ratio: 0.35,
    });
    expect(json.loss_ratios.filter((r: { grain: string }) => r.grain === 'year')).toHaveLength(25);
    expect(json.findings.map((f: { rule_id: string; product_code: string }) => `${f.rule_id} ${f.product_code}`)).toEqual([
      'ACC-LR-STOP ACC01',
      'ACC-LR-REPRICE ACC01',
      'ACC-LR-REPRICE ACC02',
      'DATA-LR-YEARS-MISSING ACC05',
    ]);
    expect(json.indicated_rate_changes.map((r: { product_code: string }) => r.product_code)).toEqual(['ACC01', 'ACC02']);
  });

  it('gives the same results from a finance table with the seed\'s Chinese headers', async () => {
    const english = JSON.parse((await awb('lossratio', '--data', COMPANY, '--json')).stdout);
    const dir = companyWith((csv) => {
      const [header, ...rest] = csv.split('\n');
      const zh: Record<string, string> = {
        product_code: '产品代码',
        period: '年度',
        premium_income: '年度保费收入',
        upr_opening: '年初未到期责任准备金',
        upr_closing: '年末未到期责任准备金',
        claims_paid: '年度赔款金额',
        ocr_opening: '年初未决赔款准备金',
        ocr_closing: '年末未决赔款准备金',
      };
      return [header.split(',').map((h) => zh[h] ?? h).join(','), ...rest].join('\n');
    });
    const chinese = JSON.parse((await awb('lossratio', '--data', dir, '--json')).stdout);
    expect(chinese.loss_ratios).toEqual(english.loss_ratios);
    expect(chinese.findings).toEqual(english.findings);
    expect(chinese.assessments).toEqual(english.assessments);
  });

  it('evaluates the year asked for', async () => {
    const json = JSON.parse((await awb('lossratio', '--data', COMPANY, '--year', '2024', '--json')).stdout);
    expect(json.evaluation_year).toBe(2024);
    const stop = json.assessments.find((a: { product_code: string; rule_id: string }) => a.product_code === 'ACC01' && a.rule_id === 'ACC-LR-STOP');
    expect(stop.outcome).toBe('passes'); // 2023 ratio 31% is not below 30%
  });

  it('applies an edited rulebook given with --rules', async () => {
    const rules = path.join(tmp(), 'rules.yaml');
    writeFileSync(rules, readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8').replace('      threshold: 0.30\n', '      threshold: 0.20\n'));
    const json = JSON.parse((await awb('lossratio', '--data', COMPANY, '--rules', rules, '--json')).stdout);
    expect(json.findings.some((f: { rule_id: string }) => f.rule_id === 'ACC-LR-STOP')).toBe(false);
  });

  it('exits 2 naming file, row and column for a bad cell, and files nothing', async () => {
    const dir = companyWith((csv) => csv.replace(/^ACC02,2023Q3,[^,]*,/m, 'ACC02,2023Q3,12x,'));
    const out = path.join(tmp(), 'bundle');
    const { code, stderr } = await awb('lossratio', '--data', dir, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/finance\.csv, row 24, column premium_income: expected money in yuan \(for example 1234\.56\), found "12x"/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when a product has a year row and quarter rows for the same year', async () => {
    const dir = companyWith((csv) => `${csv}ACC03,2024,1.00,0,0,0,0,0,1,0,0\n`);
    const { code, stderr } = await awb('lossratio', '--data', dir);
    expect(code).toBe(2);
    expect(stderr).toContain('expected either a year row or quarter rows for product ACC03 in 2024, not both');
  });

  it('rejects a --year that is not a year', async () => {
    const { code, stderr } = await awb('lossratio', '--data', COMPANY, '--year', '25');
    expect(code).toBe(2);
    expect(stderr).toContain('argument --year: expected a year as YYYY, found "25"');
  });

  it('files tables and charts, and the same inputs give the same bytes', async () => {
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    expect((await awb('lossratio', '--data', COMPANY, '--out', a)).code).toBe(0);
    expect((await awb('lossratio', '--data', COMPANY, '--out', b)).code).toBe(0);
    const files = filesOf(a);
    expect(files).toEqual(filesOf(b));
    expect(files).toEqual(expect.arrayContaining(['result.json', 'manifest.json', 'tables/loss_ratios.csv', 'tables/findings.csv', 'tables/margins.csv', 'charts/charts.html', 'charts/loss_ratio_accident.json']));
    for (const f of files.filter((x) => x !== 'manifest.json')) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(a, 'manifest.json'), 'utf8'));
    expect(manifest.rulebook.id).toBe('awb-default');
    expect(manifest.inputs.map((i: { path: string }) => path.basename(i.path)).sort()).toEqual(['finance.csv', 'products.csv']);
  });

  it('prints a readable summary without --json', async () => {
    const { stdout } = await awb('lossratio', '--data', COMPANY);
    expect(stdout).toContain('Evaluation year 2025');
    expect(stdout).toContain('Indicated repricing ACC02: premium × 0.8384');
  });
});
