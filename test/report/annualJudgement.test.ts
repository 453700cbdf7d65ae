import { describe, expect, it } from 'vitest';
import type { QuarterBacktest } from '../../src/report/annualBacktests';
import { judgePricing } from '../../src/report/annualJudgement';
import type { IndicatorRow } from '../../src/report/backtestAnnex';

function indicator(product_code: string, indicator: string, measure: string | null): IndicatorRow {
  return { product_code, indicator, exposure: 1, actual: 1, expected: 1, ae: 1, deviation: 0, ci_low: null, ci_high: null, credibility: null, persistent_periods: null, measure };
}

function quarter(n: number, indicators: IndicatorRow[]): QuarterBacktest {
  return { quarter: `2025Q${n}` as QuarterBacktest['quarter'], as_of: '2025-12-31', from: '2021-01-01', basis: 'calendar-quarter', scope: [], indicators, measures: [], treaties: null };
}

describe('judgePricing()', () => {
  it('is sound when no quarter calls for a measure', () => {
    const j = judgePricing([1, 2, 3, 4].map((n) => quarter(n, [indicator('P1', 'lapse', null)])));
    expect(j.verdict).toBe('sound');
    expect(j.indicators).toEqual([]);
    expect(j.quarters[0].highest).toBeNull();
  });

  it('is monitor when attention is the most severe measure of the year', () => {
    const j = judgePricing([quarter(1, [indicator('P1', 'lapse', 'attention')]), quarter(2, []), quarter(3, []), quarter(4, [indicator('P2', 'expense_rate', 'attention')])]);
    expect(j.verdict).toBe('monitor');
    expect(j.revise).toEqual([]);
    expect(j.indicators.map((i) => [i.product_code, i.levels])).toEqual([
      ['P1', ['attention', null, null, null]],
      ['P2', [null, null, null, 'attention']],
    ]);
  });

  it('is revise, naming the product, when one quarter reaches adjustment, even if later quarters are calmer', () => {
    const j = judgePricing([quarter(1, [indicator('P1', 'lapse', 'attention')]), quarter(2, [indicator('P1', 'lapse', 'adjust')]), quarter(3, [indicator('P1', 'lapse', 'attention')]), quarter(4, [indicator('P3', 'lapse', 'attention')])]);
    expect(j.verdict).toBe('revise');
    expect(j.revise).toEqual(['P1']);
    expect(j.indicators[0]).toMatchObject({ product_code: 'P1', highest: 'adjust' });
    expect(j.quarters.map((q) => q.measures)).toEqual([
      { attention: 1, adjust: 0, report: 0, disclose: 0 },
      { attention: 0, adjust: 1, report: 0, disclose: 0 },
      { attention: 1, adjust: 0, report: 0, disclose: 0 },
      { attention: 1, adjust: 0, report: 0, disclose: 0 },
    ]);
  });
});
