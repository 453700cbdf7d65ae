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
 * Sources (checked with the project's search; secondary reports of the rule, whose own text is
 * not in the seeds): 券商中国 on the C-ROSS II revision, "风险综合评级（IRR）将在目前的ABCD四类之上
 * 细化，其中A类、B类分别细分为AAA、AA、A和BBB、BB、B六个子类"
 * (https://11.wendadaohang.com/zd/4vFSM8vv884Fv7qPSS.html); "由上至下分别为AAA、AA、A、BBB、BB、B、C、D
 * 八个等级。其中，B类及以上都是合格险企" (https://www.surgenepal.com/wenda/12-518882); 证券日报 on the
 * 2020Q4 results, "将公司分为A、B、C、D四类", in force since 2016Q2
 * (http://www.027hz.cn/bx/202103/t20210304_6143690.html).
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
