import { Dec, type DecLike, toDec } from '../money/decimal';
import { roundYuan } from '../money/cents';

/**
 * Minimum cash value of an internet product with a term of one year or less (S1 §9.5):
 * net premium × (1 − m/n), where m is the number of days in force with a part day counted
 * as a whole day and n the number of days in the term; rounded half-up to the fen.
 *
 * @param netPremium net premium in yuan (≥ 0)
 * @param termDays n, days in the term (a whole number ≥ 1)
 * @param daysInForce days elapsed, possibly with a part day (0 ≤ ceil(daysInForce) ≤ n)
 * @throws RangeError when an argument is outside its range (the CLI validates first).
 * @example minimumCashValue('365.00', 365, '100.5').toFixed(2) // '264.00' (m = 101)
 */
export function minimumCashValue(netPremium: DecLike, termDays: number, daysInForce: DecLike): Dec {
  const premium = toDec(netPremium);
  const m = toDec(daysInForce).ceil();
  if (premium.isNegative()) throw new RangeError(`minimumCashValue: net premium must be ≥ 0, got ${premium}`);
  if (!Number.isInteger(termDays) || termDays < 1) throw new RangeError(`minimumCashValue: term must be a whole number of days ≥ 1, got ${termDays}`);
  if (m.isNegative() || m.gt(termDays)) throw new RangeError(`minimumCashValue: days in force must be between 0 and ${termDays}, got ${daysInForce}`);
  return roundYuan(premium.times(new Dec(1).minus(m.div(termDays))));
}
