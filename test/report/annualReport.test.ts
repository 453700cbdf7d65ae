import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { fileEvidence, verifyBundle } from '../../src/commandRegistry';
import { sha256 } from '../../src/evidence/hash';
import { readManifest } from '../../src/evidence/verify';
import type { Quarter } from '../../src/data/period';
import { annualReportHtml } from '../../src/report/annualHtml';
import { type AnnualReport, composeAnnualReport } from '../../src/report/annualReport';
import { backtestAnnex } from '../../src/report/backtestAnnex';
import { openData } from '../../src/studies/openData';
import { review } from '../../src/studies/review';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

// Each annual report runs four backtests on the 200,000-policy sample and prints through Chromium.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
/**
 * The company generated once per test run (test/support/generatedCompany.ts: the sample's
 * generator and seed, every table, a tenth of the policies), for the tests whose subject is not
 * the sample's figures: filing and verifying, and refusing bad input.
 */
const COMPANY = inject('generatedCompany');
const NARRATIVE = [
  '# 存在风险和主要问题',
  '',
  '1. ACC01 loss ratio stays below 30%: **stop selling** by 1 April.',
  '2. Reserve coverage of 2025Q2 was exactly 100.00% <script>alert("x")</script>',
  '',
  '# 业务发展计划及政策建议',
  '',
  '- Reprice ACC02 & file MED03 in 2026.',
  '',
].join('\n');

let work: string;
let narrative: string;
let report: AnnualReport;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-annual-'));
  narrative = join(work, 'narrative.md');
  writeFileSync(narrative, NARRATIVE);
  report = await composeAnnualReport({ data: SAMPLE, year: 2025, lang: 'en', narrative, rules: null });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Sums a money column of finance.csv for some products and periods, read as plain text (independent of the data layer). */
function financeSum(column: string, products: readonly string[], periods: readonly string[]): number {
  const [header, ...lines] = readFileSync(join(SAMPLE, 'finance.csv'), 'utf8').trim().split('\n');
  const names = header.split(',');
  let fen = 0;
  for (const line of lines) {
    const cells = line.split(',');
    if (products.includes(cells[names.indexOf('product_code')]) && periods.includes(cells[names.indexOf('period')])) fen += Math.round(Number(cells[names.indexOf(column)]) * 100);
  }
  return fen;
}

describe('part 三: the four quarters of the annual report are the four quarterly reviews’ backtests', () => {
  it.each([1, 2, 3, 4])('2025Q%i: products, reinsurance, every indicator’s figures and the measures equal the review’s backtest section', async (n) => {
    const quarter = `2025Q${n}` as Quarter;
    // The quarterly review's backtest section of the quarter (the review study's other sections left out).
    const data = await openData(SAMPLE);
    const annex = await backtestAnnex(data, quarter, (await review(data, { quarter, sections: ['backtest'] })).backtest!);
    const filed = report.backtests[n - 1];
    expect(filed.quarter).toBe(quarter);
    expect(filed.as_of).toBe(annex.as_of);
    expect(filed.scope).toEqual(annex.scope);
    expect(filed.indicators).toEqual(annex.indicators);
    expect(filed.measures).toEqual(annex.measures);
    expect(filed.indicators.length).toBeGreaterThan(10);
  });

  it('ACC01’s loss ratio in 2025Q4 is incurred ÷ earned of finance.csv (hand computation)', () => {
    // finance.csv ACC01 2025Q4: earned = 718,680.00 + 1,390,709.48 − 1,415,564.05 = 693,825.43;
    // incurred = 140,144.20 + 94,865.83 − 79,072.14 = 155,937.89; no reinsurance.
    const cell = report.backtests[3].indicators.find((i) => i.product_code === 'ACC01' && i.indicator === 'loss_ratio')!;
    expect(cell.actual).toBeCloseTo(155937.89 / 693825.43, 12);
    expect(cell.deviation).toBeCloseTo(155937.89 / 693825.43 - 0.45, 12);
  });

  it('the judgement lists the products whose measure reached adjustment or beyond in some quarter', () => {
    const reached = new Set(report.backtests.flatMap((q) => q.indicators.filter((i) => i.measure !== null && i.measure !== 'attention').map((i) => i.product_code)));
    expect(new Set(report.judgement.revise)).toEqual(reached);
    expect(report.judgement.verdict).toBe(reached.size > 0 ? 'revise' : 'monitor');
    expect(report.judgement.quarters.map((q) => q.quarter)).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
  });
});

describe('part 一: business by line', () => {
  it('accident premium, claims and policies sold add up finance.csv’s internet accident products over the four quarters', () => {
    const accident = report.business.lines.find((l) => l.line === 'accident')!;
    const codes = ['ACC01', 'ACC02', 'ACC03', 'ACC04'];
    const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
    expect(accident.products.map((p) => p.product_code)).toEqual(codes);
    expect(accident.premium_income).toBe(financeSum('premium_income', codes, quarters));
    const incurred = financeSum('claims_paid', codes, quarters) + financeSum('ocr_closing', codes, ['2025Q4']) - financeSum('ocr_opening', codes, ['2025Q1']);
    expect(accident.incurred_claims).toBe(incurred);
    expect(accident.products.reduce((a, p) => a + p.premium_income, 0)).toBe(accident.premium_income);
  });

  it('the platforms of the new business add up to the year’s new internet policies of the line', () => {
    for (const line of report.business.lines.filter((l) => l.products.length > 0)) {
      expect(line.platforms!.reduce((a, p) => a + p.policies, 0)).toBe(line.policies_sold);
    }
  });

  it('a line without internet products says so; health lists its regions with outlets', () => {
    expect(report.business.lines.find((l) => l.line === 'annuity')!.products).toEqual([]);
    expect(report.business.health_regions.find((r) => r.region === '华东')).toMatchObject({ provincial_branch: true, outlets: 12 });
  });
});

describe('part 二: eligibility', () => {
  it('the 2025Q2 reserve coverage of exactly 100.00% fails "超过100%" (ILI-ELIG), so the scope must be adjusted', () => {
    const q2 = report.eligibility.quarters.find((q) => q.quarter === '2025Q2')!;
    expect(q2.coverage!.ratio!.toFixed(4)).toBe('1.0000');
    expect(report.eligibility.verdicts.find((v) => v.rule_id === 'ILI-ELIG')!.eligible).toBe(false);
    expect(report.eligibility.scope_adjustment.required).toBe(true);
    expect(report.eligibility.scope_adjustment.reasons.map((r) => r.rule_id)).toContain('ACC-LR-STOP');
  });

  it('products withdrawn in the year are not on sale at its end; filings of earlier years are not new', () => {
    expect(report.eligibility.withdrawn!.map((p) => p.product_code)).toEqual(['ACC03']);
    expect(report.eligibility.on_sale.map((p) => p.product_code)).not.toContain('ACC03');
    expect(report.eligibility.new_products!.map((p) => p.product_code)).toEqual(['MED03', 'ACC06']);
  });
});

describe('the optional tables', () => {
  it('a missing table is named where its figures would be, never filled with zeros', async () => {
    const partial = join(work, 'partial');
    mkdirSync(partial);
    for (const f of readdirSync(SAMPLE)) if (!['outlets.csv', 'reinsurance.csv', 'insured_persons.csv'].includes(f)) symlinkSync(join(SAMPLE, f), join(partial, f));
    const without = await composeAnnualReport({ data: partial, year: 2025, lang: 'en', narrative: null, rules: null });
    expect(without.not_provided).toEqual(['insured_persons', 'outlets', 'reinsurance']);
    expect(without.business.lines.every((l) => l.insured_persons === null && l.products.every((p) => p.insured_persons === null))).toBe(true);
    expect(without.business.health_regions.every((r) => r.outlets === null && r.provincial_branch === null)).toBe(true);
    expect(without.backtests.every((q) => q.treaties === null)).toBe(true);
    const html = annualReportHtml(without, new Map(), 'test');
    for (const table of ['insured_persons', 'outlets', 'reinsurance']) {
      expect(html).toMatch(new RegExp(`not provided: table ${table}`, 'i'));
      expect(html).toContain(`data-not-provided="${table}"`);
    }
    expect(html).toContain('data-not-provided="narrative"');
    const zh = annualReportHtml({ ...without, options: { ...without.options, lang: 'zh' } }, new Map(), 'test');
    expect(zh).toContain('未提供：outlets表');
    // The same figures as with the tables: only what they give is absent.
    expect(without.backtests.map((q) => q.indicators)).toEqual(report.backtests.map((q) => q.indicators));
  });
});

describe('bad input', () => {
  it('a channel of the year’s internet policies missing from the channels table is refused, naming the policies file, row and column', async () => {
    const folder = join(work, 'channel-missing');
    mkdirSync(folder);
    for (const f of readdirSync(COMPANY)) if (f !== 'channels.csv') symlinkSync(join(COMPANY, f), join(folder, f));
    writeFileSync(join(folder, 'channels.csv'), 'channel,platform\napp,own\nagency,offline\nbancassurance,offline\nbroker,offline\n');
    const error = await composeAnnualReport({ data: folder, year: 2025, lang: 'en', narrative: null, rules: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/policies\.csv, row \d+, column channel: expected a channel listed in .*channels\.csv.*, found "online_partner"/);
  });
});

describe('awb annual-report files evidence that reproduces (on the generated company)', () => {
  let bundle: string;

  beforeAll(async () => {
    bundle = (await fileEvidence(join(work, 'bundle'), 'annual-report', { data: COMPANY, year: '2025', narrative, lang: 'zh' })).bundle;
  });

  it('files the report, the narrative as read and the tables; the manifest hashes the narrative', () => {
    const manifest = readManifest(bundle);
    expect(manifest.command.name).toBe('annual-report');
    const input = manifest.inputs.find((i) => i.path === narrative)!;
    expect(input.sha256).toBe(sha256(NARRATIVE));
    expect(readFileSync(join(bundle, 'narrative.md'), 'utf8')).toBe(NARRATIVE);
    const result = JSON.parse(readFileSync(join(bundle, 'result.json'), 'utf8'));
    expect(result.narrative.sha256).toBe(sha256(NARRATIVE));
    expect(manifest.outputs.map((o) => o.path)).toEqual(expect.arrayContaining(['report.html', 'narrative.md', 'tables/backtest_indicators.csv', 'tables/lines.csv']));
  });

  it('places the narrative verbatim, its HTML escaped', () => {
    const html = readFileSync(join(bundle, 'report.html'), 'utf8');
    expect(html).toContain('ACC01 loss ratio stays below 30%: <strong>stop selling</strong> by 1 April.');
    expect(html).toContain('Reserve coverage of 2025Q2 was exactly 100.00% &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Reprice ACC02 &amp; file MED03 in 2026.');
    expect(html).not.toContain('<script');
    expect(html.indexOf('存在风险和主要问题')).toBeLessThan(html.indexOf('业务发展计划及政策建议'));
  });

  it('awb verify reproduces it byte for byte, and a changed narrative changes its hash and fails verification', async () => {
    const same = await verifyBundle(bundle);
    expect(same.error).toBeNull();
    expect(same.outputs.filter((o) => o.status !== 'reproduced')).toEqual([]);
    expect(same.reproduced).toBe(true);

    writeFileSync(narrative, NARRATIVE.replace('stop selling', 'stop selling at once'));
    const changed = await verifyBundle(bundle);
    expect(changed.inputs.find((i) => i.path === narrative)).toMatchObject({ status: 'changed', recorded_sha256: sha256(NARRATIVE) });
    expect(changed.reproduced).toBe(false);
    expect(changed.outputs.find((o) => o.path === 'report.html')!.status).toBe('differs');
    writeFileSync(narrative, NARRATIVE);
  });
});
