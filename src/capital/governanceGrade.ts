import type { GovernanceGrade } from '../data/schema';

/** Governance grades from best to worst: A 优秀, B 良好, C 合格, D 较差, E 差. */
export const GOVERNANCE_ORDER: readonly GovernanceGrade[] = ['A', 'B', 'C', 'D', 'E'];

/**
 * Whether a corporate-governance grade (公司治理评估) is the given grade or better:
 * "C级（合格）及以上" is `governanceAtLeast(g, 'C')` (A, B or C).
 * @example governanceAtLeast('C', 'C') // true
 * @example governanceAtLeast('D', 'C') // false
 */
export function governanceAtLeast(grade: GovernanceGrade, atLeast: GovernanceGrade): boolean {
  return GOVERNANCE_ORDER.indexOf(grade) <= GOVERNANCE_ORDER.indexOf(atLeast);
}
