import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withChromium } from '../../src/charts/chromium';
import { plotlyScript } from '../../src/charts/html';
import { ConfidentialityError } from '../../src/evidence/confidentiality';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import { sha256 } from '../../src/evidence/hash';
import { readManifest, verifyBundle } from '../../src/evidence/verify';
import { standInLookup } from './standIns';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

// Each review or verification runs the section commands and prints through Chromium: minutes on a
// loaded two-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 900_000 });

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'review');
/** The parts of the report in order: the summary, the sections, and the appendices (findings, each section's full tables, provenance). */
const SECTIONS = ['summary', 'backtest', 'lossratio', 'expense', 'eligibility', 'satisfaction', 'findings', 'tables-backtest', 'tables-lossratio', 'tables-expense', 'tables-eligibility', 'tables-satisfaction', 'provenance'];
/** The fixture survey's personal data (every value of respondent_id, name and phone). */
const PERSONAL = readFileSync(join(FIXTURE, 'survey.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .flatMap((line) => line.split(',').slice(0, 3));

let work: string;
let en: string;
let zh: string;
let again: string;

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesOf(dir, prefix ? `${prefix}/${e.name}` : e.name) : [prefix ? `${prefix}/${e.name}` : e.name]))
    .sort();
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

function pdfPages(path: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}

async function review(dir: string, lang: 'en' | 'zh', lookup = standInLookup(), data = FIXTURE): Promise<string> {
  return (await fileEvidence(dir, 'review', { data, quarter: '2025Q4', lang }, { commands: lookup })).bundle;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-review-'));
  en = await review(join(work, 'en'), 'en');
  zh = await review(join(work, 'zh'), 'zh');
  again = await review(join(work, 'en-again'), 'en');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('awb review composes the section commands', () => {
  it('files the report, each command’s result, tables and charts, and a manifest', () => {
    const files = filesOf(en);
    for (const f of ['report.html', 'report.pdf', 'result.json', 'manifest.json', 'results/backtest.json', 'results/lossratio.json', 'results/icsi_region.json', 'tables/findings.csv', 'tables/backtest_scope.csv', 'tables/backtest_indicators.csv', 'tables/backtest_cells.csv', 'charts/charts.html', 'charts/backtest_ae.json']) {
      expect(files, f).toContain(f);
    }
    const result = JSON.parse(readFileSync(join(en, 'result.json'), 'utf8'));
    expect(result.sections.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['backtest:complete', 'lossratio:complete', 'expense:complete', 'eligibility:complete', 'satisfaction:complete']);
    // The review passes each command the arguments a user would type for 2025Q4.
    expect(result.sections[0].runs[0].argv).toEqual(['awb', 'backtest', '--data', FIXTURE, '--basis', 'calendar-quarter', '--as-of', '2025-12-31']);
    expect(result.sections[1].runs[0].argv).toEqual(['awb', 'lossratio', '--data', FIXTURE, '--year', '2025']);
    expect(result.sections[3].runs[0].argv).toEqual(['awb', 'eligibility', '--data', FIXTURE, '--quarter', '2025Q4']);
    expect(result.sections[4].runs.map((r: { id: string }) => r.id)).toEqual(['icsi_company', 'icsi_region', 'icsi_stage']);
  });

  it('counts findings by severity and keeps only the quarter’s backtest findings', () => {
    const result = JSON.parse(readFileSync(join(en, 'result.json'), 'utf8'));
    // Stand-in backtest: A/E = (incurred ÷ earned) ÷ 0.5 per quarter. A01 2025Q4: incurred 610000 + 118000 − 120000
    // = 608000, earned 1200000 + 425000 − 450000 = 1175000, ratio 0.51745, A/E 1.0349 (no finding); 2025Q3:
    // (560000 + 120000 − 105000) ÷ (1050000 + 430000 − 425000) = 575000 ÷ 1055000 = 0.545, A/E 1.090 > 1.05 (a finding, but of Q3).
    const backtest = result.findings.filter((f: { rule_id: string }) => f.rule_id === 'BT-MEASURE');
    expect(backtest).toEqual([]);
    // Stand-in eligibility: 2025Q2 comprehensive solvency 1.18 < 1.20 (critical ILI-ELIG). Stand-in loss ratios of
    // 2025 (Σ incurred ÷ Σ earned over the quarters): T01 (385000 + 22000 − 20000) ÷ 3280000 = 0.118 < 0.30 (critical
    // ACC-LR-STOP; the stand-in ignores the rule's scope); A01 2208000 ÷ 4300000 = 0.513. Stand-in expense: T01
    // average loading 0.24 > 0.23 (info ILI-EXP-AVG).
    expect(result.summary).toEqual({ critical: 2, major: 0, minor: 0, info: 1 });
    expect(result.findings.map((f: { rule_id: string; severity: string; product_code?: string }) => `${f.severity} ${f.rule_id} ${f.product_code ?? '-'}`)).toEqual([
      'critical ACC-LR-STOP T01',
      'critical ILI-ELIG -',
      'info ILI-EXP-AVG T01',
    ]);
  });

  it('builds the backtest section in the structure of S1 annex 2, with reinsurance computed exactly', () => {
    const scope = JSON.parse(readFileSync(join(en, 'tables', 'backtest_scope.json'), 'utf8'));
    // finance.csv, A01 2025Q4: ceded premium 120000.00 ÷ premium income 1200000.00 = 0.1; recovered claims
    // 73200.00 ÷ claims paid 610000.00 = 0.12. T01 cedes nothing: 0 ÷ 850000 = 0.
    expect(scope.map((r: Record<string, unknown>) => [r.product_code, r.product_name, r.ceded_share, r.ceded_claims_share])).toEqual([
      ['A01', '安心意外', 0.1, 0.12],
      ['T01', '守护定期寿险', 0, 0],
    ]);
    const indicators = JSON.parse(readFileSync(join(en, 'tables', 'backtest_indicators.json'), 'utf8'));
    expect(indicators.map((r: Record<string, unknown>) => r.product_code)).toEqual(['A01', 'T01']);
    // deviation = actual − expected, exact in decimal from the two reported figures.
    for (const r of indicators) expect(r.deviation).toBeCloseTo(r.actual - 0.5, 12);
    const html = readFileSync(join(en, 'report.html'), 'utf8');
    for (const heading of ['1. Products in scope: basic information and reinsurance arrangement', '2. Indicators: actual against expected', '3. Reasons and reasonableness', '4. Measures taken', 'Backtests of the year to date']) {
      expect(html).toContain(heading);
    }
    // The year-to-date table holds the Q3 measure the quarter's findings leave out.
    expect(html).toContain('A01 loss ratio A/E 1.090 in 2025Q3: attention');
  });

  it('gives the same bytes for every output when run again', () => {
    const files = filesOf(en).filter((f) => f !== 'manifest.json');
    expect(filesOf(again).filter((f) => f !== 'manifest.json')).toEqual(files);
    for (const f of files) expect(readFileSync(join(again, f)).equals(readFileSync(join(en, f))), f).toBe(true);
  });
});

describe('sections that cannot be computed are said to be so, never filled in', () => {
  it('marks a section whose command is missing as unavailable, and one without a survey as not applicable', async () => {
    const data = join(work, 'no-survey');
    cpSync(FIXTURE, data, { recursive: true });
    rmSync(join(data, 'survey.csv'));
    const dir = await review(join(work, 'partial'), 'en', standInLookup({ without: ['backtest'] }), data);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.sections.map((s: { id: string; status: string; reason: string | null }) => [s.id, s.status, s.reason])).toEqual([
      ['backtest', 'unavailable', 'command-missing'],
      ['lossratio', 'complete', null],
      ['expense', 'complete', null],
      ['eligibility', 'complete', null],
      ['satisfaction', 'not-applicable', 'no-survey'],
    ]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('This section is unavailable: this version of the workbench has no `awb backtest` command');
    expect(html).not.toContain('Products in scope');
    expect(existsSync(join(dir, 'tables', 'backtest_scope.csv'))).toBe(false);
    expect(pdfText(join(dir, 'report.pdf'))).toContain('No satisfaction survey in');
  });
});

describe('the HTML report', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`opens offline in headless Chromium without script errors and shows every section and chart (${lang})`, async () => {
      const dir = lang === 'en' ? en : zh;
      const charts = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).outputs.filter((o: { path: string }) => /^charts\/.*\.json$/.test(o.path)).length;
      const seen = await withChromium(async (browser) => {
        const page = await browser.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('file:')) return route.continue();
          requests.push(url);
          return route.abort();
        });
        await page.goto(pathToFileURL(join(dir, 'report.html')).href);
        await page.waitForFunction("document.documentElement.getAttribute('data-charts') !== 'pending'");
        const result = {
          state: await page.evaluate("document.documentElement.getAttribute('data-charts')"),
          sections: await page.evaluate("[...document.querySelectorAll('[data-section]')].map((e) => e.getAttribute('data-section'))"),
          plots: await page.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0 ? document.querySelectorAll('.js-plotly-plot').length : 0"),
          errors,
          requests,
        };
        await page.close();
        return result;
      });
      expect(seen.errors).toEqual([]);
      expect(seen.requests).toEqual([]);
      expect(seen.state).toBe('ready');
      expect(seen.sections).toEqual(SECTIONS);
      expect(seen.plots).toBe(charts);
      // One chart each from backtest, lossratio and eligibility, and one per survey grouping (company, region, stage).
      expect(charts).toBe(6);
    });
  }

  it('inlines plotly.js once and loads nothing from the network', () => {
    const html = readFileSync(join(en, 'report.html'), 'utf8');
    const library = plotlyScript();
    expect(html.split(library).length - 1).toBe(1);
    const own = html.replace(library, '');
    expect(/<script[^>]+src=|<link[^>]+href=|https?:\/\//.test(own)).toBe(false);
  });
});

describe('the PDF report', () => {
  it('has numbered pages and the English text', () => {
    const text = pdfText(join(en, 'report.pdf'));
    const pages = pdfPages(join(en, 'report.pdf'));
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.length);
    for (const heading of ['Quarterly actuarial review 2025Q4', '1. Executive summary', 'Pricing backtests', 'Loss-ratio rules', 'Expense caps', 'Capital eligibility', 'Customer satisfaction index', 'All findings with their citations', 'Provenance']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('has numbered pages and Chinese text in the Chinese report', () => {
    const path = join(zh, 'report.pdf');
    const text = pdfText(path);
    const pages = pdfPages(path);
    expect(pages).toBeGreaterThanOrEqual(SECTIONS.length);
    for (const heading of ['2025年第四季度精算审阅报告', '摘要', '定价回溯', '互联网人身保险回溯工作情况', '纳入定价回溯的产品基本信息及再保险安排', '赔付率规则', '费用率上限', '客户满意度指数', '全部发现及其依据']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(`第 1 页，共 ${pages} 页`);
  });

  it('carries no creation date, so that it reproduces', () => {
    expect(readFileSync(join(en, 'report.pdf'), 'latin1')).not.toMatch(/CreationDate|ModDate/);
  });
});

describe('a filed review verifies', () => {
  it('reproduces every output, the PDF included', async () => {
    const report = await verifyBundle(en, { commands: standInLookup() });
    expect(report.error).toBeNull();
    expect(report.outputs.filter((o) => o.status !== 'reproduced')).toEqual([]);
    expect(report.inputs.map((i) => i.path).sort()).toEqual(['finance.csv', 'products.csv', 'solvency.csv', 'survey.csv', 'survey_model.json'].map((f) => join(FIXTURE, f)));
    expect(report.reproduced).toBe(true);
  });

  it('names every output file when one byte of each changes', async () => {
    const copy = join(work, 'all-tampered');
    cpSync(en, copy, { recursive: true });
    const outputs = readManifest(copy).outputs.map((o) => o.path);
    expect(outputs.length).toBeGreaterThan(30);
    for (const path of outputs) {
      const bytes = readFileSync(join(copy, path));
      bytes[bytes.length >> 1] ^= 0x20;
      writeFileSync(join(copy, path), bytes);
    }
    const report = await verifyBundle(copy, { commands: standInLookup() });
    expect(report.outputs.map((o) => [o.path, o.status])).toEqual([...outputs].sort().map((p) => [p, 'altered']));
    expect(report.reproduced).toBe(false);
  });

  it('says when only the renderings differ because another Chromium printed them', async () => {
    // Simulates a bundle filed elsewhere: its PDF has other bytes (recorded consistently) and another Chromium.
    const copy = join(work, 'other-chromium');
    cpSync(en, copy, { recursive: true });
    const pdf = readFileSync(join(copy, 'report.pdf'));
    pdf[pdf.length >> 1] ^= 0x20;
    writeFileSync(join(copy, 'report.pdf'), pdf);
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    manifest.outputs.find((o: { path: string }) => o.path === 'report.pdf').sha256 = sha256(pdf);
    manifest.runtime.chromium = '120.0.6099.71';
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    const report = await verifyBundle(copy, { commands: standInLookup() });
    expect(report.outputs.filter((o) => o.status !== 'reproduced').map((o) => [o.path, o.status])).toEqual([['report.pdf', 'differs']]);
    expect(report.environment_differences.some((d) => d.startsWith('chromium: filed with 120.0.6099.71'))).toBe(true);
    expect(report.renderings_only).toBe(true);
    expect(report.reproduced).toBe(false);
  });

  it('names report.pdf when one byte of it changes', async () => {
    const copy = join(work, 'pdf-tampered');
    cpSync(en, copy, { recursive: true });
    const pdf = readFileSync(join(copy, 'report.pdf'));
    pdf[pdf.length >> 1] ^= 0x20;
    writeFileSync(join(copy, 'report.pdf'), pdf);
    const report = await verifyBundle(copy, { commands: standInLookup() });
    expect(report.outputs.filter((o) => o.status !== 'reproduced').map((o) => [o.path, o.status])).toEqual([['report.pdf', 'altered']]);
  });
});

describe('confidentiality (S3 art. 34)', () => {
  it('no respondent identifier, name or phone number reaches the report (HTML, PDF text) or any bundle file', () => {
    expect(PERSONAL).toHaveLength(18);
    for (const dir of [en, zh]) {
      const texts = [pdfText(join(dir, 'report.pdf')), ...filesOf(dir).filter((f) => !f.endsWith('.pdf')).map((f) => readFileSync(join(dir, f), 'utf8'))];
      for (const value of PERSONAL) for (const text of texts) expect(text.includes(value), value).toBe(false);
    }
    // The manifest names the survey file (an input) but none of its contents.
    expect(readManifest(en).inputs.some((i) => i.path.endsWith('survey.csv'))).toBe(true);
  });

  it('refuses to file a review when a section command leaks a personal column, and writes nothing', async () => {
    const dir = join(work, 'careless');
    const attempt = review(dir, 'en', standInLookup({ careless: true }));
    await expect(attempt).rejects.toBeInstanceOf(ConfidentialityError);
    await expect(attempt).rejects.toThrow(/tables\/icsi_company_contacts\.csv: a column "phone", personal data from .*survey\.csv column phone/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('awb review arguments', () => {
  it('requires --out (the review is always filed) and a quarter, with exit 2', async () => {
    const { runCli } = await import('../../src/cli/runCli');
    let err = '';
    const streams = { stdout: () => undefined, stderr: (t: string) => (err += t) };
    expect(await runCli(['node', 'awb', 'review', '--data', FIXTURE, '--quarter', '2025Q4'], streams)).toBe(2);
    expect(err).toContain('argument --out: expected a new folder for the report');
    expect(await runCli(['node', 'awb', 'review', '--data', FIXTURE, '--quarter', '2025-12', '--out', join(work, 'x')], streams)).toBe(2);
    expect(err).toContain('argument --quarter: expected a quarter as YYYYQn');
    expect(await runCli(['node', 'awb', 'review', '--data', FIXTURE, '--quarter', '2025Q4', '--lang', 'fr', '--out', join(work, 'x')], streams)).toBe(2);
    expect(err).toContain('argument --lang: expected one of en, zh, found "fr"');
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});
