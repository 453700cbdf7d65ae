import { Dec } from '../money/decimal';
import { compareFraction, type Fraction } from '../money/fraction';

/** Where a company's share of staff with missing registration elements stands among the notice's bands. */
export interface MissingBand {
  /** '> 50%', '30%–50%', …, '≤ 5%'. */
  readonly label: string;
  /** '超过50%', '介于30%-50%', …, '不超过5%'. */
  readonly label_zh: string;
}

const percent = (d: Dec) => `${d.times(100).toFixed()}%`;

/**
 * The band of a missing-element rate. S5 bands companies by the share of their sales staff with
 * missing registration elements — 超过50%, 介于30-50%, 介于20-30% — and sets the limit 不得超过5%;
 * the bounds come from the rulebook (S5-REG-MISSING `bands`). A bound belongs to the band below
 * it, as "超过" (above) reads: exactly 50% is in 30%–50%, exactly 5% is within 不超过5%.
 * @param rate the share of staff with at least one missing element
 * @param bounds the band bounds, highest first (0.50, 0.30, 0.20, 0.05)
 * @example missingBand(fraction(1n, 2n), [new Dec('0.5'), new Dec('0.3'), new Dec('0.2'), new Dec('0.05')]).label // '30%–50%'
 * @example missingBand(fraction(1n, 20n), bounds).label_zh // '不超过5%'
 */
export function missingBand(rate: Fraction, bounds: readonly Dec[]): MissingBand {
  if (bounds.length === 0) throw new RangeError('missingBand: at least one bound is needed');
  if (compareFraction(rate, 'gt', bounds[0])) return { label: `> ${percent(bounds[0])}`, label_zh: `超过${percent(bounds[0])}` };
  for (let i = 1; i < bounds.length; i++) {
    if (compareFraction(rate, 'gt', bounds[i])) {
      return { label: `${percent(bounds[i])}–${percent(bounds[i - 1])}`, label_zh: `介于${percent(bounds[i])}-${percent(bounds[i - 1])}` };
    }
  }
  const last = bounds[bounds.length - 1];
  return { label: `≤ ${percent(last)}`, label_zh: `不超过${percent(last)}` };
}
