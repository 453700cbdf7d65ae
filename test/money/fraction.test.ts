import { describe, expect, it } from 'vitest';
import { compareFraction, decimalFraction, fraction, fractionToDec, meanFraction } from '../../src/money/fraction';

describe('fractions', () => {
  it('reduce to lowest terms with a positive denominator', () => {
    expect(fraction(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(fraction(0n, 5n)).toEqual({ num: 0n, den: 1n });
    expect(() => fraction(1n, 0n)).toThrow(RangeError);
  });

  it('average exactly where decimals round: 1/3, 1/3 and 5/6 average to exactly 1/2', () => {
    const mean = meanFraction([fraction(1n, 3n), fraction(1n, 3n), fraction(5n, 6n)]);
    expect(mean).toEqual({ num: 1n, den: 2n });
    expect(compareFraction(mean, 'lt', '0.50')).toBe(false);
    expect(compareFraction(mean, 'ge', '0.5')).toBe(true);
  });

  it('compare with a decimal threshold without rounding', () => {
    expect(decimalFraction('0.35')).toEqual({ num: 7n, den: 20n });
    expect(compareFraction(fraction(4999n, 10000n), 'lt', '0.5')).toBe(true);
    expect(compareFraction(fraction(1n, 2n), 'le', '0.5')).toBe(true);
    expect(compareFraction(fraction(1n, 2n), 'gt', '0.5')).toBe(false);
  });

  it('convert to a decimal for display', () => {
    expect(fractionToDec(fraction(1n, 4n)).toString()).toBe('0.25');
  });
});
