import { MEASURE_LEVELS, type MeasureLevel } from '../backtest/measures';
import type { QuarterBacktest } from './annualBacktests';

/** One quarter's backtest in a line of the year's overview (S1 annex 2 三(一): time, method, results, measures). */
export interface QuarterSummary {
  readonly quarter: string;
  readonly as_of: string;
  readonly from: string;
  readonly basis: string;
  readonly products: number;
  /** Product-indicator results of the quarter. */
  readonly indicators: number;
  /** How many product-indicators reached each measure in the quarter. */
  readonly measures: Readonly<Record<MeasureLevel, number>>;
  /** The most severe measure of the quarter, null for none. */
  readonly highest: MeasureLevel | null;
}

/** A product's indicator that called for a measure in at least one quarter of the year. */
export interface IndicatorOverYear {
  readonly product_code: string;
  readonly indicator: string;
  /** The measure of each quarter, Q1…Q4 (null: none, or not in scope that quarter). */
  readonly levels: readonly (MeasureLevel | null)[];
  readonly highest: MeasureLevel;
}

/**
 * The overall judgement on pricing soundness from the year's four backtests: `sound` when no
 * indicator called for a measure in any quarter, `monitor` when the most severe was attention
 * (予以关注), `revise` when an indicator reached adjustment (调整改进) or beyond.
 */
export type PricingVerdict = 'sound' | 'monitor' | 'revise';

/** Part 三 (一) of the annual report. */
export interface AnnualBacktestJudgement {
  readonly quarters: readonly QuarterSummary[];
  readonly indicators: readonly IndicatorOverYear[];
  readonly verdict: PricingVerdict;
  /** Products with an indicator at adjustment or beyond in some quarter, in scope order of first appearance. */
  readonly revise: readonly string[];
}

const rank = (level: MeasureLevel | null) => (level === null ? -1 : MEASURE_LEVELS.indexOf(level));
const most = (levels: readonly (MeasureLevel | null)[]): MeasureLevel | null => levels.reduce<MeasureLevel | null>((a, b) => (rank(b) > rank(a) ? b : a), null);

/**
 * Summarises the year's four backtests (S1 annex 2 三(一)): each quarter's time, method and
 * results (products, indicators, measures by level), every product indicator that called for a
 * measure with its measure in each quarter, and the judgement on pricing soundness (`PricingVerdict`).
 * The measures are those of rule BT-MEASURE as each quarter's backtest assigned them.
 * @example judgePricing(backtests).verdict // 'revise' when CI01's expense rate reached 'adjust'
 */
export function judgePricing(backtests: readonly QuarterBacktest[]): AnnualBacktestJudgement {
  const quarters = backtests.map((q): QuarterSummary => {
    const levels = q.indicators.map((r) => r.measure as MeasureLevel | null);
    const measures = Object.fromEntries(MEASURE_LEVELS.map((l) => [l, levels.filter((x) => x === l).length])) as Record<MeasureLevel, number>;
    return { quarter: q.quarter, as_of: q.as_of, from: q.from, basis: q.basis, products: q.scope.length, indicators: q.indicators.length, measures, highest: most(levels) };
  });
  const keys: string[] = [];
  const byKey = new Map<string, (MeasureLevel | null)[]>();
  backtests.forEach((q, i) => {
    for (const r of q.indicators) {
      if (r.measure === null) continue;
      const key = `${r.product_code}\u0000${r.indicator}`;
      if (!byKey.has(key)) {
        keys.push(key);
        byKey.set(key, backtests.map(() => null));
      }
      byKey.get(key)![i] = r.measure as MeasureLevel;
    }
  });
  const indicators = keys.map((key): IndicatorOverYear => {
    const [product_code, indicator] = key.split('\u0000');
    const levels = byKey.get(key)!;
    return { product_code, indicator, levels, highest: most(levels)! };
  });
  const highest = most(indicators.map((i) => i.highest));
  const revise = [...new Set(indicators.filter((i) => rank(i.highest) >= rank('adjust')).map((i) => i.product_code))];
  return { quarters, indicators, verdict: highest === null ? 'sound' : highest === 'attention' ? 'monitor' : 'revise', revise };
}
