import { Dec } from '../money/decimal';

/**
 * A single indicator's score on 0–100 (单项定量指标得分): linear from the value that scores 0 to
 * the standard value (标准值) that scores 100, clamped, exactly in decimal:
 * score = 100 × (value − zero_at) ÷ (standard − zero_at), at most 100, at least 0. A
 * lower-is-better indicator has zero_at above the standard.
 * @example indicatorScore(new Dec('0.97'), new Dec(1), new Dec('0.9')).toString() // '70'
 * @example indicatorScore(new Dec(3), new Dec(1), new Dec(5)).toString() // '50' (3 days, 1 day = 100, 5 days = 0)
 */
export function indicatorScore(value: Dec, standard: Dec, zeroAt: Dec): Dec {
  const score = value.minus(zeroAt).times(100).div(standard.minus(zeroAt));
  return Dec.min(100, Dec.max(0, score));
}
