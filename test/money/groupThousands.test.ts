import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/money/groupThousands';

describe('groupThousands()', () => {
  it('groups the whole part in threes and keeps the sign and the fraction', () => {
    expect(groupThousands('0')).toBe('0');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('1000')).toBe('1,000');
    expect(groupThousands('1234567.50')).toBe('1,234,567.50');
    expect(groupThousands('-1234567.50')).toBe('-1,234,567.50');
    expect(groupThousands('-123.45')).toBe('-123.45');
    // Digits after the point are never grouped.
    expect(groupThousands('52135.2345678')).toBe('52,135.2345678');
  });
});
