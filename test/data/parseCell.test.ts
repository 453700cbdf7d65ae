import { describe, expect, it } from 'vitest';
import { dayOf, formatDay, parseDayText } from '../../src/data/dates';
import { CellParseFailure, cellParser, parseBooleanText, parseMoneyText } from '../../src/data/parseCell';
import { parsePeriodText } from '../../src/data/period';
import { TABLES } from '../../src/data/schema';
import { Dec } from '../../src/money/decimal';
import { parseRateText } from '../../src/money/ratio';

const column = (table: keyof typeof TABLES, name: string) => TABLES[table].columns.find((c) => c.name === name)!;

describe('money cells parse to exact integer cents', () => {
  it('accepts plain, signed, thousands-separated and currency-marked amounts', () => {
    expect(parseMoneyText('1234.56')).toBe(123456);
    expect(parseMoneyText('1,234.5')).toBe(123450);
    expect(parseMoneyText('-0.05')).toBe(-5);
    expect(parseMoneyText('¥2,000,000')).toBe(200000000);
    expect(parseMoneyText('300元')).toBe(30000);
    expect(parseMoneyText('.5')).toBe(50);
    expect(parseMoneyText('１２３')).toBe(12300); // full-width digits from Chinese spreadsheets
  });

  it('keeps 0.1 + 0.2 exact: 0.10 and 0.20 are 10 and 20 cents', () => {
    expect((parseMoneyText('0.10') as number) + (parseMoneyText('0.20') as number)).toBe(30);
  });

  it('rejects more than two decimals and non-numeric text, saying what was expected', () => {
    const threeDecimals = parseMoneyText('12.345');
    expect(threeDecimals).toBeInstanceOf(CellParseFailure);
    expect((threeDecimals as CellParseFailure).expected).toBe('money in yuan with at most two decimals');
    expect(parseMoneyText('12,3x')).toBeInstanceOf(CellParseFailure);
    expect(parseMoneyText('1,23')).toBeInstanceOf(CellParseFailure); // a misplaced thousands separator
    expect(parseMoneyText('1e6')).toBeInstanceOf(CellParseFailure);
  });
});

describe('rates parse as decimals or percentages, exactly', () => {
  it('0.35 and 35% are the same exact rate', () => {
    expect(parseRateText('0.35')!.eq(new Dec('0.35'))).toBe(true);
    expect(parseRateText('35%')!.eq(new Dec('0.35'))).toBe(true);
    expect(parseRateText('35 %')!.eq(new Dec('0.35'))).toBe(true);
    expect(parseRateText('１２０％')!.eq(new Dec('1.2'))).toBe(true);
  });

  it('a rate column rejects text and out-of-range values', () => {
    const parse = cellParser(column('products', 'loading_average'));
    expect(parse('abc')).toBeInstanceOf(CellParseFailure);
    expect((parse('135%') as CellParseFailure).expected).toBe('a rate between 0 and 1');
    expect((parse('25%') as Dec).toString()).toBe('0.25');
  });
});

describe('dates are real calendar dates as day numbers', () => {
  it('parses ISO dates and the common variants to the same day', () => {
    const d = dayOf(2024, 2, 29);
    for (const text of ['2024-02-29', '2024/02/29', '20240229', '2024年2月29日', '2024-2-29']) expect(parseDayText(text)).toBe(d);
    expect(formatDay(d)).toBe('2024-02-29');
  });

  it('rejects impossible dates', () => {
    for (const text of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '31/12/2024', 'yesterday']) expect(parseDayText(text)).toBeNull();
  });

  it('1970-01-01 is day 0 and 2000-03-01 follows 2000-02-29 (a leap century)', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(dayOf(2000, 3, 1) - dayOf(2000, 2, 29)).toBe(1);
    expect(parseDayText('1900-02-29')).toBeNull(); // 1900 is not a leap year
  });
});

describe('periods are years or quarters', () => {
  it('normalises the accepted spellings', () => {
    expect(parsePeriodText('2024')).toBe('2024');
    expect(parsePeriodText('2024年')).toBe('2024');
    expect(parsePeriodText('2024年度')).toBe('2024');
    expect(parsePeriodText('2024Q3')).toBe('2024Q3');
    expect(parsePeriodText('2024-q3')).toBe('2024Q3');
    expect(parsePeriodText('2024 Q3')).toBe('2024Q3');
    expect(parsePeriodText('2024年第三季度')).toBe('2024Q3');
    expect(parsePeriodText('2024年3季度')).toBe('2024Q3');
    expect(parsePeriodText('2024.0')).toBe('2024'); // a year typed as a number in a spreadsheet
  });

  it('rejects quarter 5 and other text', () => {
    for (const text of ['2024Q5', '2024Q0', '24Q1', '2024-07', 'FY2024']) expect(parsePeriodText(text)).toBeNull();
  });
});

describe('booleans and enums accept English and Chinese words', () => {
  it('booleans', () => {
    for (const t of ['true', 'TRUE', 'yes', 'Y', '1', '是']) expect(parseBooleanText(t)).toBe(true);
    for (const t of ['false', 'no', 'N', '0', '否']) expect(parseBooleanText(t)).toBe(false);
    expect(parseBooleanText('maybe')).toBeInstanceOf(CellParseFailure);
  });

  it('enum values map their aliases to the canonical value', () => {
    const line = cellParser(column('products', 'line'));
    expect(line('意外险')).toBe('accident');
    expect(line('Term Life')).toBe('term_life');
    expect(line('年金保险')).toBe('annuity');
    expect((line('car') as CellParseFailure).expected).toMatch(/^one of accident, health, medical/);
    const reason = cellParser(column('policies', 'exit_reason'));
    expect(reason('退保')).toBe('surrender');
    expect(reason('犹豫期退保')).toBe('cancel');
    const mode = cellParser(column('products', 'premium_mode'));
    expect(mode('趸交')).toBe('single');
    expect(mode('期交')).toBe('regular');
  });

  it('missing markers are null, and required-ness is checked by the table parser', () => {
    const money = cellParser(column('finance', 'ceded_premium'));
    for (const t of ['', ' ', 'NA', 'N/A', 'null', '-']) expect(money(t)).toBeNull();
  });
});
