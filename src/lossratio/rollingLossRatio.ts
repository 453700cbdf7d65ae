import { addQuarters, isQuarter, type Period, periodYear, type Quarter } from '../data/period';
import type { EarnedLossRatio, LossRatioBasis } from './earnedLossRatio';
import { type Averaging, multiYearLossRatio, type MultiYearLossRatio } from './multiYearLossRatio';

/** A rolling loss ratio: the window of `window` consecutive periods ending at `period`. */
export interface RollingLossRatio extends MultiYearLossRatio {
  readonly product_code: string;
  /** The last period of the window. */
  readonly period: Period;
  readonly window: number;
}

/** The period just before: 2024 → 2023, 2024Q1 → 2023Q4. */
export function previousPeriod(period: Period): Period {
  return isQuarter(period) ? addQuarters(period as Quarter, -1) : (String(periodYear(period) - 1) as Period);
}

/**
 * Rolling loss ratios of each product: for every period, the ratio over it and the `window − 1`
 * periods before it (e.g. three-year ratios from years, trailing-twelve-month ratios from
 * quarters with window 4). A window is formed only when all its periods are present and
 * consecutive, so a missing year never shortens a window silently.
 *
 * @param rows yearly or quarterly loss ratios (any order, any products; one grain per call)
 * @param window number of periods in a window (≥ 1)
 * @param averaging 'pooled' (Σ incurred ÷ Σ earned) or 'mean'
 * @returns one row per product and window end, ordered by product then period
 * @throws RangeError when window is not a whole number ≥ 1.
 * @example rollingLossRatios(years, 3).map((r) => r.period) // ['2023', '2024', '2025'] for 2021–2025
 */
export function rollingLossRatios(
  rows: readonly EarnedLossRatio[],
  window: number,
  averaging: Averaging = 'pooled',
  basis: LossRatioBasis = 'gross',
): RollingLossRatio[] {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`rollingLossRatios: window must be a whole number ≥ 1, got ${window}`);
  const byKey = new Map(rows.map((r) => [`${r.product_code}\u0000${r.period}`, r]));
  const out: RollingLossRatio[] = [];
  const ordered = [...rows].sort((a, b) => (a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  for (const end of ordered) {
    const members: EarnedLossRatio[] = [end];
    let period = end.period;
    while (members.length < window) {
      period = previousPeriod(period);
      const row = byKey.get(`${end.product_code}\u0000${period}`);
      if (!row) break;
      members.unshift(row);
    }
    if (members.length < window) continue;
    out.push({ product_code: end.product_code, period: end.period, window, ...multiYearLossRatio(members, averaging, basis) });
  }
  return out;
}
