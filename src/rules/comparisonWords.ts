import type { Comparison } from '../money/ratio';

/**
 * How a Chinese finding states where a value stands against a threshold, in the regulations'
 * words (DOMAIN.md): 不低于 ≥, 超过 >, 低于 <, 不超过 ≤.
 * @example `保费收入${COMPARISON_ZH.ge}500万元且赔付率${COMPARISON_ZH.lt}50%` // '保费收入不低于500万元且赔付率低于50%'
 */
export const COMPARISON_ZH: Readonly<Record<Comparison, string>> = { ge: '不低于', gt: '超过', lt: '低于', le: '不超过' };

/**
 * How a Chinese finding words the requirement a value has broken (S1 §9.2 "不得高于"): the value
 * must not be above (≤), should be below (<), must not be below (≥), should be above (>).
 * @example `附加费用率为27.03%，${REQUIREMENT_ZH.le}25.00%` // '附加费用率为27.03%，不得高于25.00%'
 */
export const REQUIREMENT_ZH: Readonly<Record<Comparison, string>> = { le: '不得高于', lt: '应低于', ge: '不得低于', gt: '应高于' };

/**
 * The negation of `COMPARISON_ZH`, for a value that does not meet a comparison: not ≥ is 低于,
 * not > is 不超过, not < is 不低于, not ≤ is 超过 (never "不不低于").
 * @example `赔付率55.00%，${NOT_COMPARISON_ZH.lt}50.00%` // '赔付率55.00%，不低于50.00%'
 */
export const NOT_COMPARISON_ZH: Readonly<Record<Comparison, string>> = { ge: '低于', gt: '不超过', lt: '不低于', le: '超过' };
