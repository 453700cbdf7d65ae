import type { LoadingSource, ProductLoading } from '../expense/productLoadings';
import { Dec } from '../money/decimal';
import { COMPARISON_SYMBOL, type Comparison, compare } from '../money/ratio';
import { REQUIREMENT_ZH } from './comparisonWords';
import { type Finding, makeFinding } from './finding';
import { percentText, pointsText } from './percentText';
import { scopeMatch } from './scopeMatch';
import { choiceParam, comparisonParam, decimalParam, getRule, type Rule, type Rulebook } from './rulebook';

/** The loading a cap limits: the first-year rate or the average rate. */
export type LoadingMeasure = 'loading_first_year' | 'loading_average';

const MEASURES: readonly LoadingMeasure[] = ['loading_first_year', 'loading_average'];

const MEASURE_TEXT: Readonly<Record<LoadingMeasure, { en: string; zh: string }>> = {
  loading_first_year: { en: 'first-year additional expense rate', zh: '首年预定附加费用率' },
  loading_average: { en: 'average additional expense rate', zh: '平均附加费用率' },
};

/**
 * One product under one limit: an expense cap (the loading against the rule's cap) or the
 * intermediary fee cap (the fee cap against the product's own loading, `ILI-FEE-CAP`).
 */
export interface CapCheck {
  readonly product_code: string;
  readonly rule_id: string;
  readonly rule_status: Rule['status'];
  /** What is limited: a loading, or the intermediary fee cap. */
  readonly measure: LoadingMeasure | 'intermediary_fee_cap';
  /** The limited rate, or null when the data do not give it. */
  readonly rate: Dec | null;
  /** Where the rate came from. */
  readonly source: LoadingSource | null;
  /** The limit: the rule's cap, or for ILI-FEE-CAP the product's loading (null when unknown). */
  readonly limit: Dec | null;
  /** What the limit is: 'rule' for a cap in the rulebook, or the loading measure for ILI-FEE-CAP. */
  readonly limit_source: 'rule' | LoadingMeasure;
  readonly comparison: Comparison;
  /** Whether the rate keeps within the limit; null when it cannot be told. */
  readonly within: boolean | null;
  /** Room left under the limit in percentage points (negative: the excess), exact; null when unknown. */
  readonly headroom_pp: Dec | null;
}

/** Every limit checked and the findings they raised. */
export interface ExpenseCapReview {
  readonly checks: readonly CapCheck[];
  readonly findings: readonly Finding[];
}

/**
 * The rules of a rulebook that cap a loading: those with a `measure` and a `cap` parameter, so a
 * cap added to an edited rulebook is checked like the shipped ones.
 * @example expenseCapRules(loadRulebook()).map((r) => r.id)
 * // ['ILI-EXP-SHORT', 'ILI-EXP-FIRST', 'ILI-EXP-AVG', 'ACC-EXP-SHORT', 'ACC-EXP-LONG-REG', 'ACC-EXP-LONG-SINGLE',
 * //  'ACC-EXP-GROUP-SHORT', 'ACC-EXP-GROUP-LONG-REG', 'ACC-EXP-GROUP-LONG-SINGLE']
 */
export function expenseCapRules(rulebook: Rulebook): Rule[] {
  return rulebook.rules.filter((r) => r.parameters.measure !== undefined && r.parameters.cap !== undefined);
}

/**
 * Checks every product against every expense cap of the rulebook (S1 §9.2 `ILI-EXP-SHORT`,
 * `ILI-EXP-FIRST`, `ILI-EXP-AVG`; S2 `ACC-EXP-*`, with the group caps of the published draft),
 * the intermediary fee cap (S1 §10 `ILI-FEE-CAP`), and the consistency of the figures
 * (`DATA-LOADING-MISMATCH`, `DATA-EXP-UNCHECKED`). A cap applies when the product is in the
 * rule's scope; comparisons are exact decimals with the rule's wording, so 35% is within
 * "不得高于35%" and 35.0001% is not. Headroom is cap − rate, in percentage points.
 *
 * @throws InputError when a rule's parameters or scope are malformed (naming the rulebook and key).
 * @example checkExpenseCaps(productLoadings(products, loadings), loadRulebook()).findings
 *   .filter((f) => f.rule_id === 'ILI-EXP-AVG') // the internet long-term products whose average loading is above 25%
 */
export function checkExpenseCaps(loadings: readonly ProductLoading[], rulebook: Rulebook): ExpenseCapReview {
  const checks: CapCheck[] = [];
  const findings: Finding[] = [];
  const unchecked = getRule(rulebook, 'DATA-EXP-UNCHECKED');
  for (const rule of expenseCapRules(rulebook)) {
    const measure = choiceParam(rule, 'measure', MEASURES, rulebook);
    const cap = decimalParam(rule, 'cap', rulebook);
    const comparison = comparisonParam(rule, 'comparison', rulebook);
    for (const p of loadings) {
      const code = p.product.product_code;
      const scope = scopeMatch(rule, p.product, rulebook);
      if (scope.kind === 'out') continue;
      if (scope.kind === 'unknown') {
        findings.push(
          makeFinding(unchecked, {
            product_code: code,
            message: `${code}: cannot tell whether ${rule.id} (cap ${percentText(cap)}) applies: products gives no ${scope.fields.join(', ')}`,
            message_zh: `${code}：产品表缺少${scope.fields.join('、')}，无法判断是否适用${rule.id}`,
            values: { rule: rule.id, missing: scope.fields.join(',') },
          }),
        );
        continue;
      }
      const rate = p[measure];
      const source = measure === 'loading_average' ? p.loading_average_source : p.loading_first_year_source;
      const within = rate === null ? null : compare(rate, comparison, cap);
      checks.push({
        product_code: code,
        rule_id: rule.id,
        rule_status: rule.status,
        measure,
        rate,
        source,
        limit: cap,
        limit_source: 'rule',
        comparison,
        within,
        headroom_pp: rate === null ? null : headroom(rate, comparison, cap),
      });
      if (rate === null) {
        findings.push(
          makeFinding(unchecked, {
            product_code: code,
            message: `${code}: ${rule.id} caps the ${MEASURE_TEXT[measure].en} at ${percentText(cap)}, but neither loadings nor products give it`,
            message_zh: `${code}：${rule.id}限制${MEASURE_TEXT[measure].zh}，但定价基础和产品表均未列明`,
            values: { rule: rule.id, measure, cap: cap.toNumber() },
          }),
        );
      } else if (!within) {
        findings.push(capBreach(rule, code, measure, rate, source, cap, comparison));
      }
    }
  }
  const fee = checkFeeCaps(loadings, rulebook);
  return { checks: [...checks, ...fee.checks], findings: [...findings, ...fee.findings, ...loadingMismatches(loadings, rulebook)] };
}

function headroom(rate: Dec, comparison: Comparison, limit: Dec): Dec {
  const room = comparison === 'le' || comparison === 'lt' ? limit.minus(rate) : rate.minus(limit);
  return room.times(100);
}

function capBreach(rule: Rule, code: string, measure: LoadingMeasure, rate: Dec, source: LoadingSource | null, cap: Dec, comparison: Comparison): Finding {
  const draft = rule.status === 'draft' ? ' (draft rule)' : '';
  const from = source === 'loadings' ? 'from the pricing basis in loadings' : 'as given in products';
  return makeFinding(rule, {
    product_code: code,
    message: `${code}: ${MEASURE_TEXT[measure].en} ${percentText(rate, cap)} (${from}) breaks the cap: must be ${COMPARISON_SYMBOL[comparison]} ${percentText(cap)}${draft}; excess ${pointsText(rate.minus(cap).abs())}`,
    message_zh: `${code}：${MEASURE_TEXT[measure].zh}为${percentText(rate, cap)}，${REQUIREMENT_ZH[comparison]}${percentText(cap)}${rule.status === 'draft' ? '（征求意见稿）' : ''}`,
    values: {
      measure,
      rate: rate.toNumber(),
      cap: cap.toNumber(),
      comparison,
      excess_pp: rate.minus(cap).abs().times(100).toNumber(),
      source,
      rule_status: rule.status,
    },
  });
}

/**
 * `ILI-FEE-CAP` (S1 §10): an internet product's intermediary fee cap must not exceed its
 * predetermined additional expense rate (the rate itself for a term of one year or less, the
 * first-year rate for a longer term, as the rule's parameters say), and must be stated at all.
 */
function checkFeeCaps(loadings: readonly ProductLoading[], rulebook: Rulebook): ExpenseCapReview {
  const rule = getRule(rulebook, 'ILI-FEE-CAP');
  const comparison = comparisonParam(rule, 'comparison', rulebook);
  const shortMeasure = choiceParam(rule, 'measure_short_term', MEASURES, rulebook);
  const longMeasure = choiceParam(rule, 'measure_long_term', MEASURES, rulebook);
  const missingSeverity = choiceParam(rule, 'missing_severity', ['critical', 'major', 'minor', 'info'] as const, rulebook);
  const checks: CapCheck[] = [];
  const findings: Finding[] = [];
  for (const p of loadings) {
    const code = p.product.product_code;
    if (scopeMatch(rule, p.product, rulebook).kind !== 'in') continue;
    const measure = p.product.term_months <= 12 ? shortMeasure : longMeasure;
    const loading = p[measure];
    const fee = p.product.intermediary_fee_cap;
    const within = fee === null || loading === null ? null : compare(fee, comparison, loading);
    checks.push({
      product_code: code,
      rule_id: rule.id,
      rule_status: rule.status,
      measure: 'intermediary_fee_cap',
      rate: fee,
      source: fee === null ? null : 'products',
      limit: loading,
      limit_source: measure,
      comparison,
      within,
      headroom_pp: fee === null || loading === null ? null : headroom(fee, comparison, loading),
    });
    if (fee === null) {
      findings.push(
        makeFinding(rule, {
          product_code: code,
          severity: missingSeverity,
          message: `${code}: no intermediary fee cap is stated; an internet product's actuarial report must state one (S1 §10)`,
          message_zh: `${code}：未列明中介费用率上限（精算报告须列明）`,
          values: { intermediary_fee_cap: null },
        }),
      );
    } else if (within === false && loading !== null) {
      findings.push(
        makeFinding(rule, {
          product_code: code,
          message: `${code}: intermediary fee cap ${percentText(fee, loading)} is above the ${MEASURE_TEXT[measure].en} ${percentText(loading)}; excess ${pointsText(fee.minus(loading))}`,
          message_zh: `${code}：中介费用率上限${percentText(fee, loading)}突破${MEASURE_TEXT[measure].zh}${percentText(loading)}`,
          values: { intermediary_fee_cap: fee.toNumber(), measure, loading: loading.toNumber(), excess_pp: fee.minus(loading).times(100).toNumber() },
        }),
      );
    }
  }
  return { checks, findings };
}

/** `DATA-LOADING-MISMATCH`: products states a rate that the pricing basis does not give, beyond rounding. */
function loadingMismatches(loadings: readonly ProductLoading[], rulebook: Rulebook): Finding[] {
  const rule = getRule(rulebook, 'DATA-LOADING-MISMATCH');
  const tolerance = decimalParam(rule, 'tolerance', rulebook);
  const findings: Finding[] = [];
  for (const p of loadings) {
    if (!p.basis) continue;
    for (const measure of MEASURES) {
      const given = p.product[measure];
      const computed = measure === 'loading_average' ? p.basis.average : p.basis.first_year;
      if (given === null || compare(given.minus(computed).abs(), 'le', tolerance)) continue;
      const code = p.product.product_code;
      findings.push(
        makeFinding(rule, {
          product_code: code,
          message: `${code}: products gives the ${MEASURE_TEXT[measure].en} as ${percentText(given)}, the pricing basis in loadings gives ${percentText(computed)} (difference ${pointsText(given.minus(computed))}, more than the rounding tolerance of ${pointsText(tolerance)}); the caps use the pricing basis`,
          message_zh: `${code}：产品表所列${MEASURE_TEXT[measure].zh}${percentText(given)}与定价基础计算结果${percentText(computed)}不一致`,
          values: { measure, given: given.toNumber(), computed: computed.toNumber(), difference_pp: given.minus(computed).times(100).toNumber(), tolerance: tolerance.toNumber() },
        }),
      );
    }
  }
  return findings;
}

/**
 * The check with the smallest headroom (the binding limit), or null when no headroom is known.
 * @example smallestHeadroom(review.checks.filter((c) => c.product_code === 'WL02'))?.rule_id // 'ILI-EXP-FIRST' (0 pp: exactly 60%)
 */
export function smallestHeadroom(checks: readonly CapCheck[]): CapCheck | null {
  let best: CapCheck | null = null;
  for (const c of checks) {
    if (c.headroom_pp === null) continue;
    if (best === null || c.headroom_pp.lt(best.headroom_pp!)) best = c;
  }
  return best;
}
