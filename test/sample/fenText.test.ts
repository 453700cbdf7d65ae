import { describe, expect, it } from 'vitest';
import { formatCents } from '../../src/money/cents';
import { fenText } from '../../src/sample/fenText';

describe('fenText()', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(fenText(0)).toBe('0.00');
    expect(fenText(5)).toBe('0.05');
    expect(fenText(-5)).toBe('-0.05');
    expect(fenText(123456)).toBe('1234.56');
    expect(fenText(-100)).toBe('-1.00');
  });

  it('gives the same text as formatCents (exact Dec) across magnitudes and signs', () => {
    const values = [1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 294_705_600_040, 1_294_715_760_040, Number.MAX_SAFE_INTEGER];
    for (const v of values) for (const c of [v, -v]) expect(fenText(c), String(c)).toBe(formatCents(c));
  });
});
