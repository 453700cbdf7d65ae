import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/decimal';
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

  it('shows a recurring rate near its threshold in full, or with only the decimals that tell them apart', () => {
    // Hand computation: (0.29999999 + 0.6 + 0.6) ÷ 3 = 0.49999999666…; as a percentage 49.9999996666…,
    // which reads as 50 to six decimals and as 49.9999997 (half-up) to seven.
    const mean = new Dec('1.49999999').div(3);
    expect(percentText(mean, '0.5', 2)).toBe('49.9999996666666666666666666667%');
    expect(percentText(mean, '0.5', 2, 'shortest')).toBe('49.9999997%');
    // 1 ÷ 3 = 33.333…% is not near 50%: two decimals either way.
    expect(percentText(new Dec(1).div(3), '0.5', 2)).toBe('33.33%');
    expect(percentText(new Dec(1).div(3), '0.5', 2, 'shortest')).toBe('33.33%');
    // Just above the threshold reads as above it, never as equal: 0.50000000333… → 50.0000003%.
    expect(percentText(new Dec('1.50000001').div(3), '0.5', 2, 'shortest')).toBe('50.0000003%');
  });
});

describe('pointsText()', () => {
  it('prints percentage points, never a non-zero difference as 0.00', () => {
    expect(pointsText('0.020312578')).toBe('2.031258 pp');
    expect(pointsText('-0.000001')).toBe('-0.0001 pp');
    expect(pointsText('0.00000000123')).toBe('0.000000123 pp');
  });
});
