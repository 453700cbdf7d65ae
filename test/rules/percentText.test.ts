import { describe, expect, it } from 'vitest';
import { percentText, pointsText } from '../../src/rules/percentText';

describe('percentText()', () => {
  it('prints two decimals when they are exact, and up to six otherwise', () => {
    expect(percentText('0.35')).toBe('35.00%');
    expect(percentText('0.350001')).toBe('35.0001%');
    expect(percentText('0.270312578', '0.25')).toBe('27.031258%');
  });

  it('never prints a rate that differs from its threshold as equal to it', () => {
    expect(percentText('0.3500000001', '0.35')).toBe('35.00000001%');
    expect(percentText('1.0000000001', '1', 2)).toBe('100.00000001%');
    expect(percentText('1', '1', 2)).toBe('100.00%');
  });
});

describe('pointsText()', () => {
  it('prints percentage points, never a non-zero difference as 0.00', () => {
    expect(pointsText('0.020312578')).toBe('2.031258 pp');
    expect(pointsText('-0.000001')).toBe('-0.0001 pp');
    expect(pointsText('0.00000000123')).toBe('0.000000123 pp');
  });
});
