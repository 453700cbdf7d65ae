import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { chartText, figureInLanguage } from '../../src/charts/figureLanguage';
import type { Figure } from '../../src/charts/figure';
import { smallMultiples } from '../../src/charts/smallMultiples';
import { column } from '../../src/present/column';
import { typedTable } from '../../src/present/typedTable';
import { type DocumentSpec, documentHtml } from '../../src/report/document';
import { destinationPages, printDocument } from '../../src/report/printPdf';
import { splitColumns, tableHtml } from '../../src/report/tableHtml';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

vi.setConfig({ testTimeout: 120_000 });

const WORDING: DocumentSpec['wording'] = { contents: 'Contents', page: 'Page', appendix: (l) => `Appendix ${l}.`, part: (n, of) => `Part ${n} of ${of}`, values: { single: 'Single premium' } };

function spec(rows: number): DocumentSpec {
  const long = typedTable('long', Array.from({ length: rows }, (_, i) => ({ product_code: `P${String(i).padStart(3, '0')}`, year: 2025, loss_ratio: 0.2165 })));
  return {
    lang: 'en',
    title: 'Test review',
    cover: {
      title: 'Test review',
      company: 'Sample Life',
      facts: [{ label: 'Quarter', value: '2025Q4' }],
      signOff: { heading: 'Sign-off', statement: 'Approved.', signatories: [{ role: 'Chief actuary', name: 'Li Ming' }], nameLabel: 'Name', signatureLabel: 'Signature', dateLabel: 'Date' },
    },
    sections: [
      { id: 'one', title: 'First', blocks: [{ kind: 'table', caption: 'A long table', table: long }] },
      { id: 'two', title: 'Second', blocks: [{ kind: 'html', html: '<p>Short.</p>' }] },
    ],
    appendices: [{ id: 'wide', title: 'Wide', landscape: true, blocks: [{ kind: 'html', html: '<p>Landscape.</p>' }] }],
    wording: WORDING,
  };
}

describe('typed tables in the document', () => {
  it('formats each cell by its kind: years without a separator, rates as percentages, money with two decimals, coded values in words', () => {
    const table = typedTable('t', [{ year: 2025, loss_ratio: 0.26999942, premium_income: 2801580, premium_mode: 'single' }]);
    const html = tableHtml(table, 'en', { width: 8, values: WORDING.values });
    expect(html).toContain('<td class="num">2025</td>');
    expect(html).not.toContain('2,025');
    expect(html).toContain('<td class="num">27.00%</td>');
    expect(html).toContain('<td class="num">2,801,580.00</td>');
    expect(html).toContain('Single premium');
  });

  it('splits a table wider than the page into parts that repeat the identifying columns', () => {
    const columns = [column('product_code', 'code', 'Product', '产品'), column('period', 'period', 'Period', '期间'), ...Array.from({ length: 10 }, (_, i) => column(`m${i}`, 'money', `M${i}`, `M${i}`))];
    const parts = splitColumns(columns, 8);
    expect(parts.map((p) => p.length)).toEqual([7, 7]);
    expect(parts.every((p) => p[0].key === 'product_code' && p[1].key === 'period')).toBe(true);
    expect(parts.flatMap((p) => p.slice(2).map((c) => c.key))).toEqual(columns.slice(2).map((c) => c.key));
  });
});

describe('charts for the printed page', () => {
  const products = Array.from({ length: 15 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  const figure: Figure = {
    data: [...products.flatMap((p) => [{ name: `${p} band`, legendgroup: p }, { name: p, legendgroup: p }, { name: `${p} trend`, legendgroup: p }]), { name: '', mode: 'lines' }],
    layout: { title: { text: 'Earned loss ratio by product (gross), trend and 95% band' }, xaxis: { title: { text: 'Year' } } },
  };

  it('draws 15 products as 3 small multiples of 5, each with its band and trend, the threshold trace in each', () => {
    const parts = smallMultiples(figure, 6);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => p.data.length)).toEqual([16, 16, 16]);
    expect(parts[2].data.filter((t) => t.legendgroup).map((t) => t.legendgroup)).toEqual(products.slice(10).flatMap((p) => [p, p, p]));
  });

  it('keeps a figure of 6 series whole', () => {
    expect(smallMultiples({ ...figure, data: figure.data.slice(0, 18) }, 6)).toHaveLength(1);
  });

  it('writes chart titles, axes and series in Chinese, without internal ids', () => {
    const zh = figureInLanguage(figure, 'zh');
    expect((zh.layout.title as { text: string }).text).toBe('各产品已赚赔付率（再保前）、趋势及95%区间');
    expect((zh.layout.xaxis as { title: { text: string } }).title.text).toBe('年度');
    expect(zh.data[0].name).toBe('P01 区间');
    expect(chartText('A/E of expense_rate by period (shaded: confidence interval)', 'zh')).toBe('费用率：各期间实际/预期比（阴影为置信区间）');
    expect(chartText('A/E of expense_rate by period (shaded: confidence interval)', 'en')).toBe('Expense rate: A/E by period (shaded: confidence interval)');
    expect(chartText('recorded late 晚于投保日双录', 'zh')).toBe('晚于投保日双录');
    expect(chartText('Quality<br>感知质量<br>R² = 0.281', 'zh')).toBe('感知质量<br>R² = 0.281');
    expect(chartText('ACC03 · ACC-EXP-SHORT (draft)', 'zh')).toBe('ACC03 · ACC-EXP-SHORT（征求意见稿）');
    expect(chartText('0 (at the cap)', 'zh')).toBe('0（恰在上限）');
  });
});

describe('the document frame', () => {
  it('has a cover with the company and the signatory, and contents linking every part', () => {
    const html = documentHtml(spec(3));
    expect(html).toContain('Sample Life');
    expect(html).toMatch(/<td class="code">Chief actuary<\/td><td>Li Ming<\/td>/);
    expect(html).toContain('<a href="#sec-one"><span>1. First</span><span class="dots"></span><span class="pg"></span></a>');
    expect(html).toContain('<a href="#sec-wide"><span>Appendix A. Wide</span>');
    expect(html).toContain('<section class="part landscape" id="sec-wide"');
  });

  it('gives a chart the height its figure asks for, so a tall chart does not run into the next', () => {
    const tall = { data: [], layout: { height: 420 } };
    const html = documentHtml({ ...spec(1), sections: [{ id: 'c', title: 'Charts', blocks: [{ kind: 'chart', figure: tall, title: 'Path diagram', caption: 'Figure 1' }, { kind: 'chart', figure: { data: [], layout: {} }, title: 'Bars', caption: 'Figure 2' }] }] });
    expect(html).toContain('<div id="chart-1" class="chart" style="height:420px"></div>');
    expect(html).toContain('<div id="chart-2" class="chart" style="height:300px"></div>');
  });

  it('prints the contents with the page each part begins on, the landscape appendix on a landscape page', async () => {
    const work = mkdtempSync(join(tmpdir(), 'awb-document-'));
    try {
      const print = () => printDocument(documentHtml(spec(120)), { footer: 'Test review', pageNumber: 'Page {page} of {pages}' });
      const pdf = await print();
      // One printing, the numbers written into it: the same document gives the same bytes.
      expect(Buffer.from(await print()).equals(Buffer.from(pdf))).toBe(true);
      const pages = await destinationPages(pdf);
      // The cover is page 1 and the contents page 2, so the first section begins on page 3;
      // 120 rows of a table take more than one page, so the second section begins later.
      expect(pages.get('sec-one')).toBe(3);
      expect(pages.get('sec-two')).toBeGreaterThan(4);
      const file = join(work, 'doc.pdf');
      writeFileSync(file, pdf);
      const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' });
      expect(contents).toMatch(new RegExp(`1\\. First[ .]*3\\b`));
      expect(contents).toMatch(new RegExp(`2\\. Second[ .]*${pages.get('sec-two')}\\b`));
      expect(contents).toMatch(new RegExp(`Appendix A\\. Wide[ .]*${pages.get('sec-wide')}\\b`));
      const info = execFileSync('pdfinfo', ['-f', String(pages.get('sec-wide')), '-l', String(pages.get('sec-wide')), file], { encoding: 'utf8' });
      const [, w, h] = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      expect(Number(w)).toBeGreaterThan(Number(h));
      // The long table's header row repeats on the page it continues on.
      const next = execFileSync('pdftotext', ['-f', '4', '-l', '4', '-layout', file, '-'], { encoding: 'utf8' });
      expect(next).toMatch(/Product\s+Year\s+Loss ratio/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
