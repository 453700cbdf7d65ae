import { describe, expect, it } from 'vitest';
import { governanceAtLeast } from '../../src/capital/governanceGrade';

// S1 §3: 公司治理评估为C级（合格）及以上; S1 §11: B级（良好）及以上.
describe('governance grades', () => {
  it('"C级（合格）及以上" admits A, B and C and refuses D and E', () => {
    expect((['A', 'B', 'C', 'D', 'E'] as const).map((g) => governanceAtLeast(g, 'C'))).toEqual([true, true, true, false, false]);
  });

  it('"B级（良好）及以上" admits B and refuses C', () => {
    expect(governanceAtLeast('B', 'B')).toBe(true);
    expect(governanceAtLeast('C', 'B')).toBe(false);
  });
});
