import { describe, expect, it } from 'vitest';
import { assessMeasures, measureFinding, measureRule, type MeasurePoint } from '../../src/backtest/measures';
import { loadRulebook } from '../../src/rules/rulebook';

const rule = measureRule(loadRulebook());
const sig = (period: string, ae: number): MeasurePoint => ({ period, ae, ci_low: ae - 0.05, ci_high: ae + 0.05 });
const notSig = (period: string, ae: number): MeasurePoint => ({ period, ae, ci_low: 0.8, ci_high: ae + 0.3 });

describe('assessMeasures() with the shipped BT-MEASURE defaults', () => {
  it('escalates with size, significance and persistence (worked by hand)', () => {
    // Defaults: attention ≥10% once; adjust ≥15% significant twice; report ≥25% significant three
    // times; disclose ≥40% significant four times (consecutive quarters, same direction).
    const series = [notSig('2024Q3', 1.05), notSig('2024Q4', 1.12), sig('2025Q1', 1.2), sig('2025Q2', 1.3), sig('2025Q3', 1.45), sig('2025Q4', 1.5)];
    const levels = assessMeasures(series, rule.triggers).map((a) => [a.period, a.level, a.persistent]);
    expect(levels).toEqual([
      ['2024Q3', null, 0], // 5% is below every threshold
      ['2024Q4', 'attention', 1], // 12% ≥ 10%; not significant, so not adjust
      ['2025Q1', 'attention', 2], // 20% significant, but ≥15% in one quarter only (2024Q4 was 12%)
      ['2025Q2', 'adjust', 2], // ≥15% significant in 2025Q1 and 2025Q2
      ['2025Q3', 'adjust', 3], // ≥25% only in 2025Q2–Q3: two quarters, report needs three
      ['2025Q4', 'report', 3], // ≥25% significant 2025Q2–Q4; ≥40% only two quarters
    ]);
  });

  it('breaks persistence when the direction changes', () => {
    const series = [sig('2025Q1', 1.5), sig('2025Q2', 0.5), sig('2025Q3', 1.5), sig('2025Q4', 1.5)];
    const last = assessMeasures(series, rule.triggers)[3];
    expect([last.level, last.persistent, last.direction]).toEqual(['adjust', 2, 1]);
  });

  it('treats a deviation of exactly 10% as reaching attention in both directions', () => {
    // |0.9 − 1| and |1.1 − 1| are exactly 0.10 in decimal (binary floats would make the first 0.0999…).
    const below = assessMeasures([notSig('2025Q4', 0.9)], rule.triggers)[0];
    const above = assessMeasures([notSig('2025Q4', 1.1)], rule.triggers)[0];
    const under = assessMeasures([notSig('2025Q4', 1.0999)], rule.triggers)[0];
    expect([below.level, above.level, under.level]).toEqual(['attention', 'attention', null]);
  });

  it('counts an interval that touches 1 as not significant, and a ledger cell without one as significant', () => {
    const touching = assessMeasures([{ period: 'a', ae: 1.5, ci_low: 1, ci_high: 2 }, { period: 'b', ae: 1.5, ci_low: 1, ci_high: 2 }], rule.triggers)[1];
    const ledger = assessMeasures([{ period: 'a', ae: 1.5, ci_low: null, ci_high: null }, { period: 'b', ae: 1.5, ci_low: null, ci_high: null }], rule.triggers)[1];
    expect([touching.level, ledger.level]).toEqual(['attention', 'adjust']);
  });

  it('does not assess a count indicator whose period expects fewer than min_expected_count events', () => {
    // Shipped default 5: no death in a quarter expecting 0.3 is not a 100% deviation worth attention.
    expect(rule.minExpectedCount).toBe(5);
    const small = assessMeasures([{ period: '2025Q4', ae: 0, ci_low: 0, ci_high: 12.3, expected_count: 0.3 }], rule.triggers, rule.minExpectedCount)[0];
    const enough = assessMeasures([{ period: '2025Q4', ae: 0.5, ci_low: 0.3, ci_high: 0.8, expected_count: 20 }], rule.triggers, rule.minExpectedCount)[0];
    expect([small.level, enough.level]).toEqual([null, 'attention']);
  });

  it('raises a finding citing S1 §16 with the values that triggered it', () => {
    const series = [sig('2025Q1', 1.5), sig('2025Q2', 1.5), sig('2025Q3', 1.5), sig('2025Q4', 1.5)];
    const assessed = assessMeasures(series, rule.triggers);
    const finding = measureFinding(rule, 'TL01', 'lapse', series[3], assessed[3])!;
    expect(finding).toMatchObject({ rule_id: 'BT-MEASURE', severity: 'critical', product_code: 'TL01', period: '2025Q4' });
    expect(finding.citation).toMatch(/^S1 .*第（十六）条: “回溯实际经营情况与精算假设之间的偏差/);
    expect(finding.values).toMatchObject({ measure: 'disclose', measure_zh: '信息披露', ae: 1.5, persistent_periods: 4, min_relative_deviation: 0.4 });
    expect(finding.message_zh).toContain('信息披露');
  });
});
