import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { terminalProgress } from '../../src/cli/progressBar';
import { displayWidth, fitLines, TERMINAL_COLUMNS, textTable } from '../../src/present/textTable';
import { skipWithout } from '../support/environment';
import { awb } from './run';

// Every command on a company: a minute or two.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

/**
 * The company the commands run on: the one generated once per run with the sample's generator
 * and seed (test/support/generatedCompany.ts), a tenth of the sample with every table and the
 * same products, channels, branches and companies. What is tested is the width and language of
 * the text each command prints, which the number of policies does not change.
 */
const COMPANY = inject('generatedCompany');
const widest = (text: string) => Math.max(0, ...text.split('\n').map((l) => stringWidth(l)));

/** No line of the text is wider than the terminal (the first three that are, if any, are shown). */
function expectFits(text: string): void {
  expect(text.split('\n').filter((l) => stringWidth(l) > TERMINAL_COLUMNS).slice(0, 3)).toEqual([]);
}

/**
 * The text is in the language: in Chinese, its words are (its first line, a heading, has Chinese
 * and none of the English headings `Findings`, `Rulebook`, `Loaded`, `Sample company`, `Verifying`,
 * `Report` is left); in English, its first line begins with an English word.
 */
function expectLanguage(text: string, lang: 'en' | 'zh'): void {
  const first = text.split('\n')[0];
  if (lang === 'zh') {
    expect(first).toMatch(/[\u3400-\u9fff]/);
    expect(text).not.toMatch(/^(Findings|Rulebook|Loaded|Sample company|Verifying|Report \()/m);
  } else {
    expect(first).toMatch(/^[A-Za-z]/);
  }
}

describe('textTable measures display width and fits the terminal', () => {
  it('aligns columns after Chinese names (a CJK character takes two columns)', () => {
    const lines = textTable([{ branch: '陕西分公司', rate: '72.31%' }, { branch: 'HQ', rate: '99.05%' }], undefined, { width: 100 }).split('\n');
    // Each line ends with its rate right-aligned at the same display column: 10 for the branch, 2 between, 6 for the rate.
    expect(lines.map((l) => displayWidth(l))).toEqual([18, 18, 18, 18]);
    expect(displayWidth('陕西分公司')).toBe(10);
  });

  it('wraps a long text column between words to fit 100 columns, never breaking a figure', () => {
    const message = 'the 2023–2025 loss ratio (pooled, gross) is 21.49% (< 50%); reprice so that next year’s ratio is at least 50% (indicated premium factor 0.4298)';
    const text = textTable([{ rule: 'ACC-LR-REPRICE', product: 'ACC01', premium: '2,801,580.00', message }], undefined, { width: 100 });
    expect(widest(text)).toBeLessThanOrEqual(100);
    expect(text).toContain('2,801,580.00');
    expect(text.replace(/\s+/g, ' ')).toContain('reprice so that');
  });

  it('leaves out the columns that cannot fit, names them in a note, and shows them all without a limit (--wide)', () => {
    const row = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`premium_${2014 + i}`, '1,234,567,890.00']));
    const fitted = textTable([row], undefined, { width: 100 });
    expect(widest(fitted)).toBeLessThanOrEqual(100);
    expect(fitted).toMatch(/7 more columns not shown: premium_2019, premium_2020, premium_2021, premium_2022, premium_2023,\s+premium_2024, premium_2025; --wide shows all/);
    const wide = textTable([row], undefined, { width: null });
    expect(wide.split('\n')[0].trim().split(/\s+/)).toHaveLength(12);
  });

  it('wraps a Chinese sentence between characters, never inside a figure or a code', () => {
    const line = `  [重要] ILI-SVC-SURRENDER ${'2025Q4接收的退保 1201 件中 22 件未在1个工作日内完成，时效达成率 98.17%，'.repeat(3)}`;
    const lines = fitLines(line, 40).split('\n');
    expect(lines.every((l) => stringWidth(l) <= 40)).toBe(true);
    // Each line but the last is filled to within a character of the width: Chinese breaks anywhere.
    expect(lines.slice(1, -1).every((l) => stringWidth(l) >= 37)).toBe(true);
    // Figures and codes stay whole, and nothing is lost.
    expect(lines.some((l) => l.includes('98.17%'))).toBe(true);
    expect(lines.some((l) => l.includes('ILI-SVC-SURRENDER'))).toBe(true);
    expect(lines.map((l) => l.trim()).join('').replace(/\s/g, '')).toBe(line.replace(/\s/g, ''));
  });

  it('wraps a long sentence with its continuation indented under it', () => {
    expect(fitLines(`  [major] ${'word '.repeat(30).trim()}`, 40).split('\n').every((l, i) => stringWidth(l) <= 40 && (i === 0 || l.startsWith('    ')))).toBe(true);
  });
});

describe('the command line', () => {
  it('reports an unknown option, with the option meant, before a missing required one', async () => {
    const r = await awb('lossratio', '--dta', 'data/sample');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--dta'");
    expect(r.stderr).toContain('--data');
    expect(r.stderr).not.toContain('required option');
  });

  it('finishes a progress bar at 100% when its phase stops, even ticked less than announced', () => {
    let written = '';
    const stream = Object.assign(new Writable({ write: (chunk, _e, done) => ((written += String(chunk)), done()) }), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    const progress = terminalProgress(false, stream as unknown as NodeJS.WriteStream);
    progress.start('reading policies', 200_000);
    progress.tick(150_000);
    progress.stop();
    expect(written).toContain('100% | 200000/200000');
  });
});

describe('every command’s terminal output fits 100 columns on a generated company', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'awb-terminal-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const runs: readonly (readonly string[])[] = [
    ['tables'],
    ['tables', 'policies'],
    ['rules'],
    ['calendar'],
    ['cash-value', '--net-premium', '365.00', '--term-days', '365', '--days-in-force', '100.5'],
    ['expense', '--data', COMPANY],
    ['eligibility', '--data', COMPANY],
    ['lossratio', '--data', COMPANY],
    ['lossratio', '--data', COMPANY, '--year', '2025', '--ultimate', 'bf'],
    ['reserve', '--triangle', join(COMPANY, 'triangle.csv')],
    ['backtest', '--data', COMPANY, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'channel'],
    ['icsi', '--survey', join(COMPANY, 'survey.csv'), '--model', join(COMPANY, 'survey_model.json'), '--by', 'company'],
    ['service', '--data', COMPANY, '--quarter', '2025Q4'],
    ['service-evaluation', '--data', COMPANY, '--year', '2025', '--company', '恒泰人寿'],
    ['registration', '--data', COMPANY, '--as-of', '2025-12-31'],
    ['traceability', '--data', COMPANY, '--quarter', '2025Q4'],
  ];
  for (const args of runs) {
    for (const lang of ['en', 'zh'] as const) {
      it(`awb ${args.map((a) => a.replace(COMPANY, 'COMPANY')).join(' ')} --lang ${lang}`, async () => {
        const r = await awb(...args, '--lang', lang);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
        expectFits(r.stdout);
        expectLanguage(r.stdout, lang);
      });
    }
  }

  // The commands that file reports and folders: each in both languages, into the work folder;
  // what the Chinese one filed is verified in Chinese, which prints the same file paths as
  // English with wider labels. verify's English lines are checked below on an expense bundle;
  // the review and the annual report are verified in English in sampleReview.test.ts and
  // annualReport.test.ts.
  const filing: readonly { readonly name: string; readonly args: (out: string) => readonly string[] }[] = [
    { name: 'review', args: (out) => ['review', '--data', COMPANY, '--quarter', '2025Q4', '--out', out] },
    { name: 'annual-report', args: (out) => ['annual-report', '--data', COMPANY, '--year', '2025', '--out', out] },
    { name: 'sample', args: (out) => ['sample', '--out', out, '--policies', '1000'] },
  ];
  for (const command of filing) {
    for (const lang of ['en', 'zh'] as const) {
      it(`awb ${command.name} --lang ${lang}${command.name === 'sample' || lang === 'en' ? '' : ', and awb verify of what it filed'}`, async () => {
        const out = join(work, `${command.name}-${lang}`);
        const r = await awb(...command.args(out), '--lang', lang);
        expect(r.code, r.stderr).toBe(0);
        expectFits(r.stdout);
        expectLanguage(r.stdout, lang);
        if (command.name === 'sample' || lang === 'en') return;
        const verified = await awb('verify', out, '--lang', lang);
        expect(verified.code, verified.stdout).toBe(0);
        expectFits(verified.stdout);
        expectLanguage(verified.stdout, lang);
      });
    }
  }

  it('awb verify of a filed bundle, in English', async () => {
    const out = join(work, 'expense');
    expect((await awb('expense', '--data', COMPANY, '--out', out)).code).toBe(0);
    const r = await awb('verify', out);
    expect(r.code, r.stderr).toBe(0);
    expectFits(r.stdout);
    expectLanguage(r.stdout, 'en');
  });

  it('shows every column with --wide', async () => {
    const fitted = await awb('rules');
    const wide = await awb('rules', '--wide');
    expect(widest(fitted.stdout)).toBeLessThanOrEqual(TERMINAL_COLUMNS);
    expect(widest(wide.stdout)).toBeGreaterThan(TERMINAL_COLUMNS);
  });

  it('lists the latest period’s cells by group on a calendar basis (backtest --by)', async () => {
    const r = await awb('backtest', '--data', COMPANY, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'channel');
    expect(r.stdout).toContain('Cells of 2025Q4 by channel:');
    expect(r.stdout).toMatch(/ANN01\s+surrender\s+agency\s+\d+/);
    expect(r.stdout).toMatch(/ANN01\s+surrender\s+bancassurance\s+\d+/);
  });
});

/** Why `awb load` cannot run here: it needs the test cluster (`npm run cluster -- start`), or null. */
function clusterMissing(): string | null {
  try {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'cluster.js'), 'status'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'no ClickHouse cluster on 127.0.0.1:18123 and :18124 (npm run cluster -- start; .ci/run starts one)';
  }
}

describe.skipIf(skipWithout(clusterMissing(), 'awb load on the terminal'))('awb load’s terminal output fits 100 columns', () => {
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'awb-terminal-load-'));
    expect((await awb('sample', '--out', join(work, 'small'), '--policies', '300')).code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  for (const lang of ['en', 'zh'] as const) {
    it(`awb load --lang ${lang}`, async () => {
      const r = await awb('load', '--engine', `clickhouse://127.0.0.1:18123,127.0.0.1:18124/awb_terminal_${lang}?cluster=awb`, '--data', join(work, 'small'), '--lang', lang);
      expect(r.code, r.stderr).toBe(0);
      expectFits(r.stdout);
      expectLanguage(r.stdout, lang);
    });
  }
});
