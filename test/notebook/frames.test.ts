import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/dataFolder';
import { Dec } from '../../src/money/decimal';
import { cellText, frameHtml } from '../../src/notebook/frameHtml';
import { frameMoneyColumns, toFrame } from '../../src/notebook/toFrame';

const TINY = resolve(__dirname, '..', 'fixtures', 'tiny-company');

describe('toFrame(): data → danfojs DataFrame for display', () => {
  it('a typed table keeps its file columns, shows money in yuan and dates as text, and records its money columns', async () => {
    const { finance, products } = await loadDataFolder(TINY, ['products', 'finance']);
    const frame = toFrame(finance);
    expect(frame.shape).toEqual([12, 9]);
    expect(frame.columns).toEqual(['product_code', 'period', 'premium_income', 'upr_opening', 'upr_closing', 'claims_paid', 'ocr_opening', 'ocr_closing', 'policies_sold']);
    // finance.csv row 3: ACC01,2025Q2,1300000.50,… (cents 130000050 → 1300000.5 yuan)
    expect((frame.values as unknown[][])[1].slice(0, 3)).toEqual(['ACC01', '2025Q2', 1300000.5]);
    expect([...frameMoneyColumns(frame)]).toEqual(['premium_income', 'upr_opening', 'upr_closing', 'claims_paid', 'ocr_opening', 'ocr_closing']);
    const p = toFrame(products);
    // products.csv row 2: launch_date 2021-01-01, loading_first_year 0.35 (a Dec), pricing_interest_rate empty
    const acc = (p.values as unknown[][])[0];
    expect(acc[p.columns.indexOf('launch_date')]).toBe('2021-01-01');
    expect(acc[p.columns.indexOf('loading_first_year')]).toBe(0.35);
    expect(acc[p.columns.indexOf('pricing_interest_rate')]).toBeNull();
  });

  it('a typed table can be cut to some rows (filter) and columns (columns) before display', async () => {
    const { finance } = await loadDataFolder(TINY, ['products', 'finance']);
    const frame = toFrame(finance, { filter: (r) => r.period === '2025Q4', columns: ['product_code', 'premium_income'] });
    // finance.csv 2025Q4 rows: ACC01 1400000.00, MED01 850000.00, TL01 2200000.00
    expect(frame.values).toEqual([['ACC01', 1400000], ['MED01', 850000], ['TL01', 2200000]]);
    expect([...frameMoneyColumns(frame)]).toEqual(['premium_income']);
  });

  it('the policies table is shown with its product, dates, exit reason, money and attributes', async () => {
    const { policies } = await loadDataFolder(TINY, ['products', 'policies']);
    const frame = toFrame(policies);
    expect(frame.shape).toEqual([11, 11]);
    const first = Object.fromEntries(frame.columns.map((c, j) => [c, (frame.values as unknown[][])[0][j]]));
    // policies.csv row 2: P0001,ACC01,2024-03-01,2025-02-28,maturity,120.00,100000.00,30,M,app,华东
    expect(first).toEqual({ policy_id: 'P0001', product_code: 'ACC01', issue_date: '2024-03-01', exit_date: '2025-02-28', exit_reason: 'maturity', premium: 120, sum_assured: 100000, age_at_issue: 30, gender: 'M', channel: 'app', region: '华东' });
    const inForce = (frame.values as unknown[][])[2];
    expect([inForce[frame.columns.indexOf('exit_date')], inForce[frame.columns.indexOf('exit_reason')]]).toEqual([null, null]);
    expect([...frameMoneyColumns(frame)]).toEqual(['premium', 'sum_assured']);
  });

  it('result rows: Dec becomes a number, a nested object (a finding\'s values) becomes dotted columns, arrays JSON text', () => {
    const frame = toFrame([{ rule_id: 'ACC-LR-STOP', values: { loss_ratio: 0.28, years: [2024, 2025] } }, { rule_id: 'X', ratio: new Dec('0.5') }], { money: ['ratio'] });
    expect(frame.columns).toEqual(['rule_id', 'values.loss_ratio', 'values.years', 'ratio']);
    expect(frame.values).toEqual([['ACC-LR-STOP', 0.28, '[2024,2025]', null], ['X', null, null, 0.5]]);
    expect([...frameMoneyColumns(frame)]).toEqual(['ratio']);
  });

  it('a column whose name would hide a DataFrame member gets a trailing underscore', () => {
    const frame = toFrame([{ index: 1, shape: 'round', values: 3, premium: 2 }], { money: ['values'] });
    expect(frame.columns).toEqual(['index_', 'shape_', 'values_', 'premium']);
    expect(frame.shape).toEqual([1, 4]);
    expect(frame.values).toEqual([[1, 'round', 3, 2]]);
    expect([...frameMoneyColumns(frame)]).toEqual(['values_']);
  });

  it('an empty result still has its columns and no rows', () => {
    const frame = toFrame([], { columns: ['product_code', 'loss_ratio'] });
    expect(frame.shape[0]).toBe(0);
    expect(frame.columns).toEqual(['product_code', 'loss_ratio']);
    expect(frameHtml(frame)).toContain('no rows');
  });

  it('an empty list with no columns named is an empty frame, shown as no rows (it threw inside danfojs)', () => {
    const frame = toFrame([]);
    expect(frame.shape).toEqual([0, 0]);
    const html = frameHtml(frame, { caption: 'Indicated repricing' });
    expect(html).toContain('<caption>Indicated repricing</caption>');
    expect(html).toContain('no rows');
  });
});

describe('frameHtml(): a tidy HTML table', () => {
  it('money has two decimals rounded half-up on the decimal text, and thousands separators', () => {
    expect(cellText(1234567.5, true).text).toBe('1,234,567.50');
    // 2.675 is 2.67499999… in binary; rounding its shortest text half-up gives 2.68 (toFixed gives 2.67).
    expect(cellText(2.675, true).text).toBe('2.68');
    expect(cellText(-0.005, true).text).toBe('-0.01');
    expect(cellText(0, true).text).toBe('0.00');
  });

  it('other numbers are shown as written up to six decimals, without separators', () => {
    expect(cellText(2024, false)).toEqual({ text: '2024', numeric: true });
    expect(cellText(0.1 + 0.2, false).text).toBe('0.3');
    expect(cellText(1 / 3, false).text).toBe('0.333333');
    expect(cellText(null, false)).toEqual({ text: '', numeric: false });
    expect(cellText(Number.NaN, true).text).toBe('');
  });

  it('shows the first rows, right-aligns numbers, escapes text and says how many rows there are', async () => {
    const { finance } = await loadDataFolder(TINY, ['products', 'finance']);
    const html = frameHtml(toFrame(finance), { maxRows: 2, caption: 'Finance <excerpt> 财务' });
    expect(html).toContain('<caption>Finance &lt;excerpt&gt; 财务</caption>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain('<td>ACC01</td><td>2025Q1</td><td class="num">1,200,000.00</td>');
    expect(html).toContain('<th class="num">premium_income</th>');
    expect(html).toContain('<td class="num">6000</td>');
    expect(html).toContain('2 of 12 rows shown');
  });

  it('money columns named in the options are formatted too', () => {
    const html = frameHtml(toFrame([{ product_code: 'A', earned_premium: 1000.005 }]), { money: ['earned_premium'] });
    expect(html).toContain('<td class="num">1,000.01</td>');
  });
});
