import type { RiskRating } from '../data/schema';

/** The four classes of the C-ROSS integrated risk rating (风险综合评级, 分类监管). */
export type RiskClass = 'A' | 'B' | 'C' | 'D';

/** Classes from best to worst. */
export const RISK_CLASSES: readonly RiskClass[] = ['A', 'B', 'C', 'D'];

/**
 * The class of each rating. Under C-ROSS phase II (保险公司偿付能力监管规则第10号：风险综合评级
 * （分类监管）, 2021) class A is subdivided into AAA, AA and A and class B into BBB, BB and B;
 * classes C and D are not subdivided, and before 2021 only the four classes were published
 * (so a rating written "A" or "B" reads as its class). CCC and CC are not C-ROSS grades; they
 * are accepted as class C for data written on a ten-grade credit scale.
 * Sources: CBIRC C-ROSS phase II rule 10 as reported by 券商中国 ("A类、B类分别细分为AAA、AA、A和
 * BBB、BB、B六个子类"); the insurers' published ratings ("A、B、C、D四类", 2016–2020).
 */
export const RISK_CLASS_OF: Readonly<Record<RiskRating, RiskClass>> = {
  AAA: 'A',
  AA: 'A',
  A: 'A',
  BBB: 'B',
  BB: 'B',
  B: 'B',
  CCC: 'C',
  CC: 'C',
  C: 'C',
  D: 'D',
};

/**
 * The C-ROSS class of a rating. @example riskClassOf('BBB') // 'B'
 */
export function riskClassOf(rating: RiskRating): RiskClass {
  return RISK_CLASS_OF[rating];
}

/**
 * Whether a rating is in the given class or a better one: "B类及以上" is
 * `riskClassAtLeast(r, 'B')` (classes A and B), "A类以上" is `riskClassAtLeast(r, 'A')`.
 * @example riskClassAtLeast('B', 'B') // true
 * @example riskClassAtLeast('C', 'B') // false
 */
export function riskClassAtLeast(rating: RiskRating, atLeast: RiskClass): boolean {
  return RISK_CLASSES.indexOf(riskClassOf(rating)) <= RISK_CLASSES.indexOf(atLeast);
}
