import type { Period } from '../data/period';
import { type Cents, sumCents } from '../money/cents';
import type { Dec } from '../money/decimal';
import { type Fraction, fractionToDec, meanFraction } from '../money/fraction';
import { type EarnedLossRatio, type LossRatioBasis, lossRatioFraction, onBasis } from './earnedLossRatio';

/**
 * How a loss ratio over several years is formed: `pooled` divides the summed incurred claims by
 * the summed earned premium; `mean` averages the yearly ratios (each year weighs the same).
 */
export type Averaging = 'pooled' | 'mean';

/** A loss ratio over several periods, with the sums it was formed from. */
export interface MultiYearLossRatio {
  readonly periods: readonly Period[];
  readonly averaging: Averaging;
  readonly basis: LossRatioBasis;
  /** Σ earned premium, fen. */
  readonly earned: Cents;
  /** Σ incurred claims, fen. */
  readonly incurred: Cents;
  /** The ratio as an exact fraction, for comparisons with thresholds; null when not computable
   * (pooled: Σ earned ≤ 0; mean: some year's ratio is not computable). */
  readonly exact: Fraction | null;
  /** The ratio as a decimal (40 significant digits), for display; null when not computable. */
  readonly loss_ratio: Dec | null;
}

/**
 * The loss ratio over several periods (S2: 过去三年平均赔付率). Pooled: Σ incurred ÷ Σ earned;
 * mean: the arithmetic mean of the periods' ratios. The ratio is kept as an exact fraction (a mean
 * of quotients rounded to any fixed precision could land exactly on a threshold).
 *
 * @param rows the periods to combine (normally consecutive years of one product)
 * @param averaging 'pooled' or 'mean'
 * @param basis 'gross' (S2's formula) or 'net' of reinsurance
 * @throws RangeError when rows is empty.
 * @example multiYearLossRatio([y1, y2, y3], 'pooled').loss_ratio?.toString()
 * // '0.42' for incurred 420 on earned 1000 over three years
 */
export function multiYearLossRatio(rows: readonly EarnedLossRatio[], averaging: Averaging, basis: LossRatioBasis = 'gross'): MultiYearLossRatio {
  if (rows.length === 0) throw new RangeError('multiYearLossRatio: at least one period is needed');
  const figures = rows.map((r) => onBasis(r, basis));
  const earned = sumCents(figures.map((f) => f.earned));
  const incurred = sumCents(figures.map((f) => f.incurred));
  let exact: Fraction | null;
  if (averaging === 'pooled') {
    exact = lossRatioFraction(incurred, earned);
  } else {
    const yearly = figures.map((f) => lossRatioFraction(f.incurred, f.earned));
    exact = yearly.every((r): r is Fraction => r !== null) ? meanFraction(yearly) : null;
  }
  return { periods: rows.map((r) => r.period), averaging, basis, earned, incurred, exact, loss_ratio: exact === null ? null : fractionToDec(exact) };
}
