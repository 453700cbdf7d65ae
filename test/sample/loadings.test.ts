import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/money/decimal';
import { averageLoading, loadingSchedules } from '../../src/sample/loadings';
import { lapseDriftMultiplier } from '../../src/sample/plantedFindings';

describe('averageLoading()', () => {
  it('is PV loadings ÷ PV gross premiums without interest (hand computation)', () => {
    // Year 1: G = 1000, p = 1, l = 0.5 → loading 500. Year 2: G = 1000, p = 0.9, l = 0.1 → loading 90.
    // (500 + 90) ÷ (1000 + 900) = 590 ÷ 1900 = 0.3105263157…
    expect(averageLoading(['1000.00', '1000.00'], ['0.5', '0.1'], ['1', '0.9'], '0').eq(new Dec(590).div(1900))).toBe(true);
  });

  it('discounts year t by vᵗ⁻¹ at the pricing interest rate (hand computation)', () => {
    // i = 3%: (500 + 90/1.03) ÷ (1000 + 900/1.03); multiplying through by 1.03 gives 605 ÷ 1930 = 0.31347150…
    const average = averageLoading(['1000.00', '1000.00'], ['0.5', '0.1'], ['1', '0.9'], '0.03');
    expect(average.eq(new Dec(605).div(1930))).toBe(true);
    expect(average.toFixed(8)).toBe('0.31347150');
  });
});

describe('loadingSchedules()', () => {
  it("lands within 0.0001 of each product's target average, with the declared first-year rate and in-force probabilities falling from 1", () => {
    for (const s of loadingSchedules()) {
      expect(s.average.minus(s.product.loadings.target_average).abs().lt('0.0001'), s.product.code).toBe(true);
      expect(s.loadingRate[0]).toBe(s.product.loadings.first);
      expect(s.inforceProbability[0]).toBe('1.000000');
      expect(s.grossPremium).toHaveLength(s.product.premium_years);
      for (let t = 1; t < s.inforceProbability.length; t++) expect(Number(s.inforceProbability[t])).toBeLessThan(Number(s.inforceProbability[t - 1]));
      for (const rate of s.loadingRate) expect(Number(rate) >= 0 && Number(rate) <= 1, `${s.product.code} ${rate}`).toBe(true);
    }
  });
});

describe('lapseDriftMultiplier()', () => {
  it('leaves the assumption alone before 2024Q1 and for every other product', () => {
    expect(lapseDriftMultiplier('TRM01', 'online_partner', 1, -1)).toBe(1);
    expect(lapseDriftMultiplier('CI01', 'online_partner', 1, 7)).toBe(1);
  });

  it('adds 0.2 a quarter in the online_partner channel’s first two policy years, far less elsewhere', () => {
    // 2025Q4 is the eighth quarter of the drift: 1 + 0.2 × 8 = 2.6; later years 1 + 0.04 × 8; other channels 1 + 0.01 × 8.
    expect(lapseDriftMultiplier('TRM01', 'online_partner', 2, 7)).toBeCloseTo(2.6, 12);
    expect(lapseDriftMultiplier('TRM01', 'online_partner', 3, 7)).toBeCloseTo(1.32, 12);
    expect(lapseDriftMultiplier('TRM01', 'app', 1, 7)).toBeCloseTo(1.08, 12);
  });
});
