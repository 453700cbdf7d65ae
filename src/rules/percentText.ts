import { Dec, type DecLike, toDec } from '../money/decimal';

/**
 * How {@link percentText} shows a rate that is not its threshold but would read as it at the
 * usual decimals: `exact` with all its digits (to 30 significant, so 99.99999999791666…% in full),
 * `shortest` with one more decimal at a time until it no longer reads as the threshold (49.9999997%).
 */
export type NearThreshold = 'exact' | 'shortest';

/**
 * A rate as a percentage for a finding's message, exact where it matters: two decimals when
 * that is exact, otherwise as many as the rate has up to `maxPlaces`, and more when rounding
 * would make the rate look equal to the threshold it is compared with (so 35.00000001% is never
 * printed as 35.000000% next to "not above 35%", nor a three-year loss ratio of 49.99999966…% as
 * 50.00% next to "below 50%"). Rounding is half-up.
 *
 * @param rate a fraction (0.35)
 * @param threshold the fraction it is compared with, if any
 * @param maxPlaces most decimals shown when the rate is not exact at two (6; 2 for compact tables and rule reasons)
 * @param near how a rate that would read as its threshold is shown (see {@link NearThreshold})
 * @example percentText('0.35') // '35.00%'
 * @example percentText('0.270312578', '0.25') // '27.031258%'
 * @example percentText('0.3500000001', '0.35') // '35.00000001%'
 * @example percentText('1.0000000001', '1', 2) // '100.00000001%'
 * @example percentText(new Dec('1.49999999').div(3), '0.5', 2, 'shortest') // '49.9999997%'
 */
export function percentText(rate: DecLike, threshold?: DecLike, maxPlaces = 6, near: NearThreshold = 'exact'): string {
  const percent = toDec(rate).times(100);
  let places = Math.max(2, Math.min(maxPlaces, percent.decimalPlaces()));
  let text = percent.toFixed(places, Dec.ROUND_HALF_UP);
  if (threshold === undefined) return `${text}%`;
  const limit = toDec(threshold).times(100);
  const readsAsLimit = () => !percent.eq(limit) && new Dec(text).eq(limit);
  if (near === 'exact') {
    if (readsAsLimit()) text = percent.toSignificantDigits(30).toFixed();
  } else {
    // Terminates: at the rate's own decimal places the text is the rate itself, which is not the limit.
    while (readsAsLimit()) text = percent.toFixed(++places, Dec.ROUND_HALF_UP);
  }
  return `${text}%`;
}

/**
 * A difference of two rates in percentage points, with the same care as {@link percentText}.
 * @example pointsText('0.020312578') // '2.031258 pp'
 */
export function pointsText(difference: DecLike): string {
  const points = toDec(difference).times(100);
  const places = Math.max(2, Math.min(6, points.decimalPlaces()));
  const text = points.toFixed(places, Dec.ROUND_HALF_UP);
  return `${!points.isZero() && new Dec(text).isZero() ? points.toSignificantDigits(6).toFixed() : text} pp`;
}
