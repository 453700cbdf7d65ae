import { describe, expect, it } from 'vitest';
import { centsToYuan, formatCents, formatYuan, roundYuan, yuanToCents } from '../../src/money/cents';
import { compare } from '../../src/money/ratio';

describe('money rounding', () => {
  it('roundYuan() rounds half-up to the fen where a binary float rounds down', () => {
    // 2.675 is stored as 2.67499999… in binary floating point: Number(2.675).toFixed(2) is '2.67'.
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(roundYuan('2.675').toFixed(2)).toBe('2.68');
  });

  it('roundYuan() rounds a negative tie away from zero', () => {
    expect(formatYuan('-0.005')).toBe('-0.01');
    expect(formatYuan('-0.0049')).toBe('0.00');
  });

  it('yuanToCents() gives integer fen', () => {
    expect(yuanToCents('0.125')).toBe(13);
    expect(yuanToCents('1234.5')).toBe(123450);
  });
});

describe('formatCents()', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(123456)).toBe('1234.56');
    expect(formatCents(-100)).toBe('-1.00');
  });

  it('gives the exact decimal text (Dec) across magnitudes and signs', () => {
    const values = [1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 294_705_600_040, 1_294_715_760_040, Number.MAX_SAFE_INTEGER];
    for (const v of values) for (const c of [v, -v]) expect(formatCents(c), String(c)).toBe(centsToYuan(c).toFixed(2));
  });
});

describe('compare() follows the rule wording exactly', () => {
  it('a ratio of exactly 50.00% is not below 50%', () => {
    expect(compare('0.5000', 'lt', '0.50')).toBe(false);
    expect(compare('0.49999999999999999999', 'lt', '0.50')).toBe(true);
  });
  it('0.1 + 0.2 is exactly 0.3 in decimal', () => {
    expect(compare('0.3', 'ge', '0.3')).toBe(true);
  });
});
