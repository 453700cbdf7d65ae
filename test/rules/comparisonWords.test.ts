import { describe, expect, it } from 'vitest';
import { COMPARISON_ZH, NOT_COMPARISON_ZH } from '../../src/rules/comparisonWords';

describe('Chinese comparison words', () => {
  it('words a value that does not meet a comparison as the complementary comparison (not ≥ is <), never 不不', () => {
    // Found in review: "不" + COMPARISON_ZH.ge printed 不不低于 for a rulebook using ≥.
    expect(NOT_COMPARISON_ZH.ge).toBe(COMPARISON_ZH.lt);
    expect(NOT_COMPARISON_ZH.lt).toBe(COMPARISON_ZH.ge);
    expect(NOT_COMPARISON_ZH.gt).toBe(COMPARISON_ZH.le);
    expect(NOT_COMPARISON_ZH.le).toBe(COMPARISON_ZH.gt);
    for (const words of Object.values(NOT_COMPARISON_ZH)) expect(words.startsWith('不不')).toBe(false);
  });
});

describe('Chinese clauses of failed eligibility conditions', () => {
  it('reads as a clause for every kind: a condition 未达标, a penalty or missing quarter as itself', async () => {
    const { failureClauseZh, FAILURE_ZH } = await import('../../src/rules/internetEligibility');
    expect(failureClauseZh('core_solvency')).toBe('核心偿付能力充足率未达标');
    expect(failureClauseZh('major_penalty')).toBe('上一年度受到重大行政处罚');
    expect(failureClauseZh('quarter_missing')).toBe('缺少该季度数据');
    for (const kind of Object.keys(FAILURE_ZH) as (keyof typeof FAILURE_ZH)[]) expect(failureClauseZh(kind)).not.toMatch(/(处罚|数据)未达标/);
  });
});
