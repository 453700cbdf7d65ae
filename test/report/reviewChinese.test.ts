import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { findCommand } from '../../src/commandRegistry';
import type { Quarter } from '../../src/data/period';
import { SILENT_PROGRESS } from '../../src/progress';
import { composeReview } from '../../src/report/composeReview';
import { reviewHtml } from '../../src/report/reviewHtml';

// Every section of the sample company's review, composed in Chinese and rendered to HTML (no
// PDF: the words are the same): a minute on a loaded two-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');

/**
 * English words a Chinese review may carry: names of methods and tests with no Chinese name in
 * actuarial use (Cape Cod, Bornhuetter–Ferguson, Benktander, Mack, Fornell–Larcker), and
 * statistical abbreviations in their customary mixed case (GoF).
 */
const ALLOWED = new Set(['Cape', 'Cod', 'Benktander', 'Bornhuetter', 'Ferguson', 'Mack', 'Fornell', 'Larcker', 'GoF']);

/**
 * The words a reader sees: the HTML without its scripts, styles and command lines (`computed-by`,
 * the argv a section was computed by, and `awb <command>` in captions are code to type), tags
 * removed and entities decoded, and without the identifiers of the files it names (the rulebook
 * `awb-default`, the calendar `cn-state-council`, the software `actuarial-workbench`), which are
 * written as in those files.
 */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<p class="computed-by">[\s\S]*?<\/p>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\bawb [a-z-]+/g, ' ')
    .replace(/\b(awb-default|cn-state-council|actuarial-workbench)\b/g, ' ');
}

/**
 * The English words of a text: runs of three or more ASCII letters that are not part of a code
 * (product codes and rule ids such as TRM01, ACC-LR-STOP, PLS, ICSI, A/E are upper case or carry
 * digits), a file name or path (`tables.xlsx`, `data/sample`), a hash, or `ALLOWED`.
 */
function englishWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.match(/[A-Za-z0-9_][A-Za-z0-9_\-./:]*/g) ?? []) {
    if (/[./]/.test(token)) continue;
    if (/^[A-Z0-9][A-Z0-9-]*$/.test(token) || /^[0-9a-f]{12,}$/.test(token)) continue;
    for (const word of token.split(/[^A-Za-z]+/)) if (word.length >= 3 && !ALLOWED.has(word)) words.push(word);
  }
  return words;
}

describe('the Chinese review of the sample company holds no English', () => {
  let text: string;
  let sheets: Set<string>;
  beforeAll(async () => {
    const review = await composeReview({ data: SAMPLE, quarter: '2025Q4' as Quarter, lang: 'zh', rules: null, survey_model: null }, SILENT_PROGRESS, findCommand);
    const html = reviewHtml(review, new Map(), 'actuarial-workbench');
    // A note names the sheet of tables.xlsx that has every row (`全部见 tables.xlsx 工作表 backtest_cells`): a file's part, kept as it is.
    sheets = new Set([...html.matchAll(/工作表 ([a-z0-9_]+)/g)].map((m) => m[1]));
    text = visibleText(html).replace(/工作表 [a-z0-9_]+/g, '工作表');
  });

  it('has no English word of three letters or more in any table cell, heading or sentence', () => {
    const counts = new Map<string, number>();
    for (const w of englishWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
    expect([...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)).toEqual([]);
  });

  it('names no internal id (indicators, measures, conditions, channels, parameters)', () => {
    const ids = ['expense_rate', 'loss_ratio', 'investment_return', 'attention', 'required_rule', 'reserve_coverage', 'agency', 'bancassurance', 'min_relative_deviation', 'measure_zh', 'on_time_rate'];
    expect(ids.filter((id) => new RegExp(`(^|[^a-z_])${id}([^a-z_]|$)`).test(text))).toEqual([]);
    // Paths and file names (`tables/service_exceptions.csv`) name files; every other snake_case word is an id.
    const words = text.replace(/[^\s|（）：；，、]*[./][^\s|（）：；，、]*/g, ' ');
    expect(words.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []).toEqual([]);
  });

  it('is checked on the words it shows: the test sees the sections and the sheets they refer to', () => {
    expect(text).toContain('定价回溯');
    expect(text).toContain('赔付率');
    expect(sheets.size).toBeGreaterThan(0);
    expect(englishWords('ACC01 的 expense_rate 超限：attention')).toEqual(['expense', 'rate', 'attention']);
  });
});
