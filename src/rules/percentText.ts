import { Dec, type DecLike, toDec } from '../money/decimal';

/**
 * A rate as a percentage for a finding's message, exact where it matters: two decimals when
 * that is exact, otherwise as many as the rate has up to six, and more when rounding to six
 * would make the rate look equal to the threshold it is compared with (so 35.00000001% is never
 * printed as 35.000000% next to "not above 35%").
 *
 * @param rate a fraction (0.35)
 * @param threshold the fraction it is compared with, if any
 * @param maxPlaces most decimals shown when the rate is not exact at two (6; 2 for compact tables)
 * @example percentText('0.35') // '35.00%'
 * @example percentText('0.270312578', '0.25') // '27.031258%'
 * @example percentText('0.3500000001', '0.35') // '35.00000001%'
 * @example percentText('1.0000000001', '1', 2) // '100.00000001%'
 */
export function percentText(rate: DecLike, threshold?: DecLike, maxPlaces = 6): string {
  const percent = toDec(rate).times(100);
  const places = Math.max(2, Math.min(maxPlaces, percent.decimalPlaces()));
  let text = percent.toFixed(places, Dec.ROUND_HALF_UP);
  if (threshold !== undefined && !percent.eq(toDec(threshold).times(100)) && new Dec(text).eq(toDec(threshold).times(100))) {
    text = percent.toSignificantDigits(30).toFixed();
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
