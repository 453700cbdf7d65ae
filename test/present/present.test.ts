import { describe, expect, it } from 'vitest';
import { column, tableDeclaration } from '../../src/present/column';
import { COLUMN_KINDS, EXCEL_NUMBER_FORMAT, excelNumberFormat, KIND_DECIMALS, NUMERIC_KINDS } from '../../src/present/columnKind';
import { formatCell } from '../../src/present/formatCell';
import { inferColumn } from '../../src/present/inferColumn';
import { typedTable } from '../../src/present/typedTable';
import { findingRows, valueColumns } from '../../src/rules/findingRows';
import type { Finding } from '../../src/rules/finding';

describe('formatCell(): one formatter per kind and language', () => {
  it('money: thousands separators and two decimals, rounded half-up on the decimal value', () => {
    expect(formatCell(1234567.891, 'money', 'en')).toBe('1,234,567.89');
    // 0.125 is exact in binary, 2.675 is 2.67499999… as a double; both are the decimal value written, rounded half-up.
    expect(formatCell(0.125, 'money', 'zh')).toBe('0.13');
    expect(formatCell(2.675, 'money', 'en')).toBe('2.68');
    expect(formatCell(-1000, 'money', 'en')).toBe('-1,000.00');
    expect(formatCell(-0.001, 'money', 'en')).toBe('0.00');
  });

  it('years never get a thousands separator; counts do', () => {
    expect(formatCell(2025, 'year', 'en')).toBe('2025');
    expect(formatCell(2025, 'year', 'zh')).toBe('2025');
    expect(formatCell(200000, 'count', 'en')).toBe('200,000');
  });

  it('rates as percentages with two decimals (26.999942% in the README is 27.00%)', () => {
    expect(formatCell(0.26999942, 'rate', 'en')).toBe('27.00%');
    expect(formatCell(0.3, 'rate', 'en')).toBe('30.00%');
    expect(formatCell(-0.13647990927928522, 'rate', 'zh')).toBe('-13.65%');
  });

  it('A/E with three decimals, ratios with four, indices with one, points with their unit in each language', () => {
    expect(formatCell(1.5461, 'ae', 'en')).toBe('1.546');
    expect(formatCell(0.8635200907207148, 'ratio', 'en')).toBe('0.8635');
    expect(formatCell(69.25, 'index', 'en')).toBe('69.3');
    expect(formatCell(-1.9999416, 'points', 'en')).toBe('-2.00 pp');
    expect(formatCell(2, 'points', 'zh')).toBe('2.00个百分点');
    expect(formatCell(12345.5, 'exposure', 'en')).toBe('12,345.50');
  });

  it('booleans as words of the language, missing values empty, text as it is', () => {
    expect(formatCell(true, 'boolean', 'en')).toBe('yes');
    expect(formatCell(false, 'boolean', 'zh')).toBe('否');
    expect(formatCell(null, 'money', 'en')).toBe('');
    expect(formatCell('2025Q4', 'period', 'zh')).toBe('2025Q4');
  });

  it('p-values with three decimals, and < 0.001 below a thousandth instead of 0.000', () => {
    expect(formatCell(0.0126, 'p', 'en')).toBe('0.013');
    expect(formatCell(0.001, 'p', 'zh')).toBe('0.001');
    expect(formatCell(0.000999, 'p', 'en')).toBe('< 0.001');
    expect(formatCell(0, 'p', 'en')).toBe('< 0.001');
    expect(EXCEL_NUMBER_FORMAT.p).toBe('[<0.001]"< 0.001";0.000');
  });

  it('every kind has a number format, numeric kinds have decimals', () => {
    for (const kind of COLUMN_KINDS) expect(EXCEL_NUMBER_FORMAT[kind], kind).toBeTruthy();
    for (const kind of NUMERIC_KINDS) expect(KIND_DECIMALS[kind], kind).toBeTypeOf('number');
    expect(EXCEL_NUMBER_FORMAT.year).toBe('0');
    expect(EXCEL_NUMBER_FORMAT.money).toBe('#,##0.00');
    expect(EXCEL_NUMBER_FORMAT.rate).toBe('0.00%');
    expect(excelNumberFormat('points', 'en')).toBe('0.00" pp"');
    expect(excelNumberFormat('points', 'zh')).toBe('0.00"个百分点"');
  });
});

describe('inferColumn(): columns no command declares', () => {
  it('known columns keep their declared kind and Chinese label', () => {
    expect(inferColumn('premium_income', [1])).toMatchObject({ kind: 'money', label: { zh: '保费收入' } });
    expect(inferColumn('ae', [1.2])).toMatchObject({ kind: 'ae', label: { en: 'A/E', zh: '实际/预期' } });
  });

  it('from the values and the words of the key', () => {
    expect(inferColumn('sales_team', ['online', 'agency']).kind).toBe('text');
    expect(inferColumn('channel', ['online']).kind).toBe('code');
    expect(inferColumn('value_loss_ratio_2024', [0.2007]).kind).toBe('rate');
    expect(inferColumn('value_premium_threshold', [2000000]).kind).toBe('money');
    expect(inferColumn('ceded_claims_share', [0.1]).kind).toBe('rate');
    expect(inferColumn('value_threshold', [0.3]).kind).toBe('rate');
    expect(inferColumn('value_indicated_premium_factor', [0.43]).kind).toBe('ratio');
    expect(inferColumn('value_excess_pp', [1.99]).kind).toBe('points');
    expect(inferColumn('projected_year', [2026]).kind).toBe('year');
    expect(inferColumn('latest_policies_sold', [10350]).kind).toBe('count');
    expect(inferColumn('slope', [0.5, 1]).kind).toBe('number');
    expect(inferColumn('window_start', ['2025Q1', null]).kind).toBe('period');
    expect(inferColumn('launch', ['2021-03-01']).kind).toBe('date');
    expect(inferColumn('ILI-ELIG_window_passes', [true, false]).kind).toBe('boolean');
    expect(inferColumn('loss_ratio_2024', [0.2]).label).toEqual({ en: 'loss ratio 2024', zh: 'loss ratio 2024' });
    expect(inferColumn('value_earned_premium', [1]).label).toEqual({ en: 'value: Earned premium', zh: '触发值：已赚保费' });
    expect(inferColumn('value_years', ['2023–2025']).label).toEqual({ en: 'value: Years', zh: '触发值：年度区间' });
  });
});

describe('typedTable(): declared columns first, the rest inferred, in the order of the rows', () => {
  it('takes kinds and labels from the declaration and the title from it', () => {
    const declaration = tableDeclaration('Loss ratios', '赔付率', [column('loss_ratio', 'rate', 'Loss ratio', '赔付率')]);
    const t = typedTable('loss_ratios', [{ product_code: 'ACC01', loss_ratio: 0.2, channel: 'online' }, { product_code: 'ACC02', loss_ratio: null, extra: 1 }], declaration);
    expect(t.columns.map((c) => [c.key, c.kind])).toEqual([['product_code', 'code'], ['loss_ratio', 'rate'], ['channel', 'code'], ['extra', 'count']]);
    expect(t.title).toEqual({ en: 'Loss ratios', zh: '赔付率' });
    expect(typedTable('trend_bands', []).title.en).toBe('trend bands');
  });
});

describe('findings as table rows: no JSON in a cell', () => {
  const base = { severity: 'major' as const, message: 'm', citation: 'c' };
  const findings: Finding[] = [
    { ...base, rule_id: 'A', product_code: 'P1', values: { rate: 0.27, cap: 0.25 } },
    { ...base, rule_id: 'B', values: { years: '2024–2025' } },
  ];
  it('each value its own column, empty where a finding has none', () => {
    const rows = findingRows(findings);
    expect(Object.keys(rows[0])).toEqual(['rule_id', 'severity', 'product_code', 'period', 'message', 'message_zh', 'citation', 'value_rate', 'value_cap', 'value_years']);
    expect(rows[0]).toMatchObject({ value_rate: 0.27, value_cap: 0.25, value_years: null });
    expect(rows[1]).toMatchObject({ value_rate: null, value_years: '2024–2025' });
    for (const row of rows) for (const cell of Object.values(row)) expect(String(cell)).not.toMatch(/^[{[]/);
    expect(valueColumns({ rate: 0.27 })).toEqual({ value_rate: 0.27 });
  });
});
