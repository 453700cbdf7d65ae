import { InputError } from '../data/InputError';
import { periodYear } from '../data/period';
import type { ProductRow } from '../data/rows';
import { type EarnedLossRatio, type LossRatioBasis, lossRatioFraction, lossRatioNumber, onBasis } from '../lossratio/earnedLossRatio';
import { type Averaging, multiYearLossRatio } from '../lossratio/multiYearLossRatio';
import { centsToYuan } from '../money/cents';
import type { Dec } from '../money/decimal';
import { compareFraction, type Fraction } from '../money/fraction';
import { compare, type Comparison, COMPARISON_SYMBOL, formatPercent } from '../money/ratio';
import { COMPARISON_ZH, NOT_COMPARISON_ZH } from './comparisonWords';
import { type Finding, type FindingValue, makeFinding } from './finding';
import { percentText } from './percentText';
import { scopeMiss } from './productScope';
import { choiceParam, comparisonParam, decimalParam, getRule, integerParam, type Rule, type Rulebook } from './rulebook';
import { groupThousands } from '../money/groupThousands';

/** What a rule concluded for one product. */
export type RuleOutcome = 'fires' | 'passes' | 'exempt' | 'out_of_scope' | 'not_assessable';

/** One rule applied to one product: the outcome, why, and the values it rests on. */
export interface RuleAssessment {
  readonly rule_id: string;
  readonly product_code: string;
  readonly outcome: RuleOutcome;
  /** One sentence a chief actuary can read out: why the outcome is what it is. */
  readonly reason: string;
  /** The same in Chinese. */
  readonly reason_zh: string;
  readonly values: Readonly<Record<string, FindingValue>>;
}

/** The repricing a firing ACC-LR-REPRICE implies: premium × factor brings the ratio to the target. */
export interface IndicatedRateChange {
  readonly product_code: string;
  readonly years: string;
  readonly three_year_loss_ratio: Dec;
  readonly target_loss_ratio: Dec;
  /** three-year ratio ÷ target (DOMAIN.md): the premium factor that makes next year's ratio the target. */
  readonly premium_factor: Dec;
  /** premium_factor − 1 (negative: a premium decrease). */
  readonly rate_change: Dec;
}

/** How far a product is from one threshold of a rule. */
export interface ThresholdMargin {
  readonly product_code: string;
  readonly rule_id: string;
  readonly measure: 'three_year_loss_ratio' | 'loss_ratio' | 'premium_income';
  /** The year, or the years of a multi-year ratio (`2023–2025`). */
  readonly period: string;
  readonly value: Dec;
  readonly threshold: Dec;
  readonly comparison: Comparison;
  /** value − threshold, in percentage points for ratios and in yuan for premium; exact. */
  readonly margin: Dec;
  readonly unit: 'pp' | 'yuan';
  /** Whether this condition of the rule holds (e.g. the ratio is below the threshold). */
  readonly condition_met: boolean;
  /** The rule's outcome for the product (an exempt product's margins are shown all the same). */
  readonly outcome: RuleOutcome;
}

/** Everything the accident-insurance loss-ratio rules concluded. */
export interface AccidentLossRatioRules {
  /** The last year of every window; null when no complete year exists. */
  readonly evaluation_year: number | null;
  readonly assessments: readonly RuleAssessment[];
  readonly findings: readonly Finding[];
  readonly indicated_rate_changes: readonly IndicatedRateChange[];
  readonly margins: readonly ThresholdMargin[];
}

interface Exemptions {
  readonly premiumBelow: Dec;
  readonly soldBelow: number;
}

interface RepriceParams {
  readonly years: number;
  readonly threshold: Dec;
  readonly comparison: Comparison;
  readonly averaging: Averaging;
  readonly basis: LossRatioBasis;
  readonly target: Dec;
  readonly exemptions: Exemptions;
}

interface StopParams {
  readonly years: number;
  readonly premiumThreshold: Dec;
  readonly premiumComparison: Comparison;
  readonly threshold: Dec;
  readonly comparison: Comparison;
  readonly basis: LossRatioBasis;
  readonly exemptions: Exemptions;
}

const BASES = ['gross', 'net'] as const;

/** A number of years a rule looks back over: 1 to 100. */
function positiveYears(rule: Rule, name: string, rulebook: Rulebook): number {
  return integerParam(rule, name, rulebook, { min: 1, max: 100 });
}

function positiveParam(rule: Rule, name: string, rulebook: Rulebook): Dec {
  const value = decimalParam(rule, name, rulebook);
  if (!value.gt(0)) throw new InputError({ file: rulebook.file, column: `${rule.id}.parameters.${name}` }, 'a number above 0', value.toString());
  return value;
}

function exemptions(rule: Rule, rulebook: Rulebook): Exemptions {
  return {
    premiumBelow: decimalParam(rule, 'exempt_if_latest_premium_below', rulebook),
    soldBelow: integerParam(rule, 'exempt_if_latest_policies_sold_below', rulebook),
  };
}

function repriceParams(rule: Rule, rulebook: Rulebook): RepriceParams {
  return {
    years: positiveYears(rule, 'years', rulebook),
    threshold: decimalParam(rule, 'threshold', rulebook),
    comparison: comparisonParam(rule, 'comparison', rulebook),
    averaging: choiceParam(rule, 'averaging', ['pooled', 'mean'] as const, rulebook),
    basis: choiceParam(rule, 'basis', BASES, rulebook),
    target: positiveParam(rule, 'target_loss_ratio', rulebook),
    exemptions: exemptions(rule, rulebook),
  };
}

function stopParams(rule: Rule, rulebook: Rulebook): StopParams {
  return {
    years: positiveYears(rule, 'consecutive_years', rulebook),
    premiumThreshold: decimalParam(rule, 'premium_threshold', rulebook),
    premiumComparison: comparisonParam(rule, 'premium_comparison', rulebook),
    threshold: decimalParam(rule, 'threshold', rulebook),
    comparison: comparisonParam(rule, 'comparison', rulebook),
    basis: choiceParam(rule, 'basis', BASES, rulebook),
    exemptions: exemptions(rule, rulebook),
  };
}

/** A threshold as written in the rulebook, as a percentage: 0.5 → '50%', 0.455 → '45.5%'. */
const thresholdText = (fraction: Dec) => `${fraction.times(100).toString()}%`;
const yuan = (cents: number) => centsToYuan(cents).toNumber();
const yuanText = (value: Dec) => groupThousands(value.toFixed(2));
const range = (years: readonly number[]) => (years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`);

/** The window of `n` years ending in `last`, oldest first. */
function windowOf(last: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => last - n + 1 + i);
}

interface ProductContext {
  readonly product: ProductRow;
  readonly byYear: ReadonlyMap<number, EarnedLossRatio>;
}

type Gate = { outcome: RuleOutcome; reason: string; reason_zh: string; values: Record<string, FindingValue> } | null;

/**
 * The checks shared by both rules, in S2's order: scope (line), the long-term exemption, data for
 * the latest year, the size exemptions (latest-year premium income below the threshold or fewer
 * policies sold; a value exactly at the threshold is not exempt), then complete data for the window.
 */
function gate(rule: Rule, rulebook: Rulebook, ctx: ProductContext, window: readonly number[], ex: Exemptions): Gate {
  const { product, byYear } = ctx;
  const miss = scopeMiss(rule, product, rulebook);
  if (miss) {
    if (miss.key === 'max_term_months') {
      return { outcome: 'exempt', reason: `exempt as a long-term product (${miss.found}; the rule covers ${miss.expected})`, reason_zh: `长期险豁免（保险期间${product.term_months}个月）`, values: { exemption: 'long_term', term_months: product.term_months } };
    }
    return { outcome: 'out_of_scope', reason: `not in the rule's scope (${miss.expected}, found ${miss.found})`, reason_zh: '不属于该规则的适用范围', values: { scope_key: miss.key } };
  }
  const latestYear = window[window.length - 1];
  const latest = byYear.get(latestYear);
  if (!latest) {
    const missing = window.filter((y) => !byYear.has(y));
    return { outcome: 'not_assessable', reason: `no complete finance data for ${missing.join(', ')} (the rule needs ${range(window)})`, reason_zh: `${missing.join('、')}年缺少完整财务数据（规则需要${range(window)}年）`, values: { years: range(window), missing_years: missing.join(',') } };
  }
  const premium = centsToYuan(latest.premium_income);
  const reasons: string[] = [];
  const reasonsZh: string[] = [];
  const values: Record<string, FindingValue> = { years: range(window), latest_year: latestYear, latest_premium_income: premium.toNumber(), latest_policies_sold: latest.policies_sold };
  const kinds: string[] = [];
  if (compare(premium, 'lt', ex.premiumBelow)) {
    kinds.push('small_premium');
    reasons.push(`premium income ${yuanText(premium)} yuan in ${latestYear} is below ${yuanText(ex.premiumBelow)}`);
    reasonsZh.push(`${latestYear}年保费收入${yuanText(premium)}元，低于${yuanText(ex.premiumBelow)}元`);
  }
  if (latest.policies_sold !== null && latest.policies_sold < ex.soldBelow) {
    kinds.push('few_policies');
    reasons.push(`${latest.policies_sold} policies sold in ${latestYear} is fewer than ${ex.soldBelow}`);
    reasonsZh.push(`${latestYear}年销售${latest.policies_sold}件，少于${ex.soldBelow}件`);
  }
  if (kinds.length > 0) return { outcome: 'exempt', reason: `exempt by size: ${reasons.join('; ')}`, reason_zh: `规模豁免：${reasonsZh.join('；')}`, values: { ...values, exemption: kinds.join('+') } };
  const missing = window.filter((y) => !byYear.has(y));
  if (missing.length > 0) {
    return { outcome: 'not_assessable', reason: `no complete finance data for ${missing.join(', ')} (the rule needs ${range(window)})`, reason_zh: `${missing.join('、')}年缺少完整财务数据（规则需要${range(window)}年）`, values: { ...values, missing_years: missing.join(',') } };
  }
  return null;
}

function assessReprice(rule: Rule, rulebook: Rulebook, ctx: ProductContext, last: number, p: RepriceParams, out: Collector): void {
  const window = windowOf(last, p.years);
  const code = ctx.product.product_code;
  const years = range(window);
  const blocked = gate(rule, rulebook, ctx, window, p.exemptions);
  if (blocked?.outcome === 'out_of_scope') return out.assess(rule, code, blocked);
  const present = window.map((y) => ctx.byYear.get(y));
  if (present.some((r) => r === undefined)) return out.assess(rule, code, blocked!);
  const rows = present as EarnedLossRatio[];
  const combined = multiYearLossRatio(rows, p.averaging, p.basis);
  if (combined.loss_ratio !== null) {
    out.margin({ product_code: code, rule_id: rule.id, measure: 'three_year_loss_ratio', period: years, value: combined.loss_ratio, exact: combined.exact ?? undefined, threshold: p.threshold, comparison: p.comparison, unit: 'pp' });
  }
  if (blocked) return out.assess(rule, code, blocked);
  const yearly: Record<string, FindingValue> = {};
  for (const row of rows) {
    const figures = onBasis(row, p.basis);
    yearly[`loss_ratio_${row.period}`] = lossRatioNumber(figures.incurred, figures.earned);
  }
  const values: Record<string, FindingValue> = {
    years,
    averaging: p.averaging,
    basis: p.basis,
    earned_premium: yuan(combined.earned),
    incurred_claims: yuan(combined.incurred),
    ...yearly,
    three_year_loss_ratio: combined.loss_ratio?.toNumber() ?? null,
    threshold: p.threshold.toNumber(),
    latest_premium_income: yuan(rows[rows.length - 1].premium_income),
    latest_policies_sold: rows[rows.length - 1].policies_sold,
  };
  if (combined.loss_ratio === null || combined.exact === null) {
    return out.assess(rule, code, { outcome: 'not_assessable', reason: `the ${years} loss ratio is not computable (earned premium is not positive)`, reason_zh: `${years}年赔付率无法计算（已赚保费非正）`, values });
  }
  const ratio = combined.loss_ratio;
  const shown = percentText(ratio, p.threshold, 2, 'shortest');
  const limit = thresholdText(p.threshold);
  if (!compareFraction(combined.exact, p.comparison, p.threshold)) {
    return out.assess(rule, code, { outcome: 'passes', reason: `the ${p.averaging} ${years} loss ratio ${shown} is not ${COMPARISON_SYMBOL[p.comparison]} ${limit}`, reason_zh: `${years}年赔付率${shown}，${NOT_COMPARISON_ZH[p.comparison]}${limit}`, values });
  }
  const factor = ratio.div(p.target);
  const change = factor.minus(1);
  out.indicated({ product_code: code, years, three_year_loss_ratio: ratio, target_loss_ratio: p.target, premium_factor: factor, rate_change: change });
  const fired = {
    ...values,
    target_loss_ratio: p.target.toNumber(),
    indicated_premium_factor: factor.toNumber(),
    indicated_rate_change: change.toNumber(),
  };
  const direction = change.isNegative() ? 'decrease' : 'increase';
  out.assess(rule, code, { outcome: 'fires', reason: `the ${p.averaging} ${years} loss ratio ${shown} is ${COMPARISON_SYMBOL[p.comparison]} ${limit}`, reason_zh: `${years}年赔付率${shown}，${COMPARISON_ZH[p.comparison]}${limit}`, values: fired });
  out.finding(
    makeFinding(rule, {
      message:
        `${code}: the ${years} loss ratio (${p.averaging}, ${p.basis}) is ${shown} (${COMPARISON_SYMBOL[p.comparison]} ${limit}); reprice so that next year's ratio is at least ` +
        `${thresholdText(p.target)} (indicated premium factor ${factor.toFixed(4)}, a ${formatPercent(change.abs(), 2)} premium ${direction})`,
      message_zh: `${code}：${years}年平均赔付率${shown}（${COMPARISON_SYMBOL[p.comparison]}${limit}），应及时调整定价以确保下一年度赔付率不低于${thresholdText(p.target)}（指示保费系数${factor.toFixed(4)}）`,
      product_code: code,
      period: String(last),
      values: fired,
    }),
  );
}

function assessStop(rule: Rule, rulebook: Rulebook, ctx: ProductContext, last: number, p: StopParams, out: Collector): void {
  const window = windowOf(last, p.years);
  const code = ctx.product.product_code;
  const blocked = gate(rule, rulebook, ctx, window, p.exemptions);
  if (blocked?.outcome === 'out_of_scope') return out.assess(rule, code, blocked);
  for (const year of window) {
    const row = ctx.byYear.get(year);
    if (!row) continue;
    const figures = onBasis(row, p.basis);
    out.margin({ product_code: code, rule_id: rule.id, measure: 'premium_income', period: String(year), value: centsToYuan(row.premium_income), threshold: p.premiumThreshold, comparison: p.premiumComparison, unit: 'yuan' });
    if (figures.loss_ratio !== null) {
      const exact = lossRatioFraction(figures.incurred, figures.earned) ?? undefined;
      out.margin({ product_code: code, rule_id: rule.id, measure: 'loss_ratio', period: String(year), value: figures.loss_ratio, exact, threshold: p.threshold, comparison: p.comparison, unit: 'pp' });
    }
  }
  if (blocked) return out.assess(rule, code, blocked);
  const values: Record<string, FindingValue> = { years: range(window), basis: p.basis, premium_threshold: p.premiumThreshold.toNumber(), threshold: p.threshold.toNumber() };
  const failures: string[] = [];
  const holding: string[] = [];
  const failuresZh: string[] = [];
  let unknown = false;
  for (const year of window) {
    const row = ctx.byYear.get(year)!;
    const premium = centsToYuan(row.premium_income);
    const figures = onBasis(row, p.basis);
    const ratio = figures.loss_ratio;
    values[`premium_income_${year}`] = premium.toNumber();
    values[`loss_ratio_${year}`] = ratio?.toNumber() ?? null;
    if (!compare(premium, p.premiumComparison, p.premiumThreshold)) {
      failures.push(`premium income ${yuanText(premium)} in ${year} is not ${COMPARISON_SYMBOL[p.premiumComparison]} ${yuanText(p.premiumThreshold)}`);
      failuresZh.push(`${year}年保费收入${yuanText(premium)}元，${NOT_COMPARISON_ZH[p.premiumComparison]}${yuanText(p.premiumThreshold)}元`);
    }
    if (ratio === null) {
      unknown = true;
      continue;
    }
    const shown = percentText(ratio, p.threshold, 2, 'shortest');
    if (compareFraction(lossRatioFraction(figures.incurred, figures.earned)!, p.comparison, p.threshold)) holding.push(`${year}: premium ${yuanText(premium)}, loss ratio ${shown}`);
    else {
      failures.push(`the ${year} loss ratio ${shown} is not ${COMPARISON_SYMBOL[p.comparison]} ${thresholdText(p.threshold)}`);
      failuresZh.push(`${year}年赔付率${shown}，${NOT_COMPARISON_ZH[p.comparison]}${thresholdText(p.threshold)}`);
    }
  }
  if (failures.length > 0) return out.assess(rule, code, { outcome: 'passes', reason: failures.join('; '), reason_zh: failuresZh.join('；'), values });
  if (unknown) return out.assess(rule, code, { outcome: 'not_assessable', reason: `a loss ratio of ${range(window)} is not computable (earned premium is not positive)`, reason_zh: `${range(window)}年中有赔付率无法计算（已赚保费非正）`, values });
  const limit = thresholdText(p.threshold);
  out.assess(rule, code, { outcome: 'fires', reason: `in each of ${range(window)} premium income is ${COMPARISON_SYMBOL[p.premiumComparison]} ${yuanText(p.premiumThreshold)} and the loss ratio ${COMPARISON_SYMBOL[p.comparison]} ${limit} (${holding.join('; ')})`, reason_zh: `${range(window)}各年保费收入均${COMPARISON_ZH[p.premiumComparison]}${yuanText(p.premiumThreshold)}元且赔付率均${COMPARISON_ZH[p.comparison]}${limit}`, values });
  out.finding(
    makeFinding(rule, {
      message: `${code}: premium income ${COMPARISON_SYMBOL[p.premiumComparison]} ${yuanText(p.premiumThreshold)} yuan and a loss ratio ${COMPARISON_SYMBOL[p.comparison]} ${limit} in each of ${range(window)} (${holding.join('; ')}); the product must stop selling`,
      message_zh: `${code}：连续${p.years}年（${range(window)}）保费收入${COMPARISON_ZH[p.premiumComparison]}${p.premiumThreshold.div(10000).toString()}万元且赔付率${COMPARISON_ZH[p.comparison]}${limit}，应停售该产品`,
      product_code: code,
      period: String(last),
      values,
    }),
  );
}

/** A margin before its outcome is known; `exact` is the ratio as a fraction, for the exact comparison. */
type PendingMargin = Omit<ThresholdMargin, 'outcome' | 'margin' | 'condition_met'> & { readonly exact?: Fraction };

/** Gathers assessments, findings, margins and indicated rate changes while products are assessed. */
class Collector {
  readonly assessments: RuleAssessment[] = [];
  readonly findings: Finding[] = [];
  readonly rates: IndicatedRateChange[] = [];
  readonly margins: PendingMargin[] = [];

  assess(rule: Rule, product_code: string, a: { outcome: RuleOutcome; reason: string; reason_zh: string; values: Record<string, FindingValue> }): void {
    this.assessments.push({ rule_id: rule.id, product_code, ...a });
  }
  finding(f: Finding): void {
    this.findings.push(f);
  }
  indicated(r: IndicatedRateChange): void {
    this.rates.push(r);
  }
  margin(m: PendingMargin): void {
    this.margins.push(m);
  }
}

/**
 * Evaluates S2's loss-ratio rules for every product (意外伤害保险业务监管办法（征求意见稿）, 定价调整):
 *
 * - `ACC-LR-REPRICE`: a short-term accident product whose loss ratio over the latest `years`
 *   complete years (pooled Σ incurred ÷ Σ earned, or the mean of the yearly ratios) is below the
 *   threshold (50%) must be repriced; the indicated premium factor is ratio ÷ target (0.50).
 * - `ACC-LR-STOP`: premium income above 2,000,000 yuan and a loss ratio below 30% in each of the
 *   latest `consecutive_years` years: stop selling.
 * - Exempt: long-term products, and products whose latest-year premium income is below 1,000,000
 *   yuan or with fewer than 5,000 policies sold (exactly at a threshold is not exempt).
 * - `DATA-LR-YEARS-MISSING`: a product in scope and not exempt without complete data for a
 *   year the rules need.
 *
 * Every comparison is exact (decimal): 50.00% is not below 50%, 2,000,000.00 is not over 2,000,000.
 * Parameters, comparisons and scope come from the rulebook, so an edited rulebook changes them.
 *
 * @param products the products table's rows
 * @param years complete years of every product (earnedLossRatio over financePeriods().years)
 * @param rulebook the rulebook with ACC-LR-REPRICE, ACC-LR-STOP and DATA-LR-YEARS-MISSING
 * @param year the last year of the windows; default the latest year in `years`
 * @throws InputError when a rule or parameter is missing or malformed in the rulebook.
 * @example evaluateAccidentLossRatio(products, years, loadRulebook()).findings.map((f) => f.rule_id)
 * // ['ACC-LR-STOP', 'ACC-LR-REPRICE', 'ACC-LR-REPRICE'] for the sample company
 */
export function evaluateAccidentLossRatio(
  products: readonly ProductRow[],
  years: readonly EarnedLossRatio[],
  rulebook: Rulebook,
  year?: number,
): AccidentLossRatioRules {
  const reprice = getRule(rulebook, 'ACC-LR-REPRICE');
  const stop = getRule(rulebook, 'ACC-LR-STOP');
  const missingRule = getRule(rulebook, 'DATA-LR-YEARS-MISSING');
  const rp = repriceParams(reprice, rulebook);
  const sp = stopParams(stop, rulebook);
  const last = year ?? (years.length > 0 ? Math.max(...years.map((r) => periodYear(r.period))) : null);
  const out = new Collector();
  if (last !== null) {
    const byProduct = new Map<string, Map<number, EarnedLossRatio>>();
    for (const row of years) {
      const byYear = byProduct.get(row.product_code) ?? new Map<number, EarnedLossRatio>();
      byYear.set(periodYear(row.period), row);
      byProduct.set(row.product_code, byYear);
    }
    const ordered = [...products].sort((a, b) => (a.product_code < b.product_code ? -1 : a.product_code > b.product_code ? 1 : 0));
    for (const product of ordered) {
      const ctx: ProductContext = { product, byYear: byProduct.get(product.product_code) ?? new Map() };
      const first = out.assessments.length;
      assessReprice(reprice, rulebook, ctx, last, rp, out);
      assessStop(stop, rulebook, ctx, last, sp, out);
      const missing = out.assessments.slice(first).filter((a) => a.outcome === 'not_assessable' && a.values.missing_years !== undefined);
      if (missing.length > 0) {
        const missingYears = [...new Set(missing.flatMap((a) => String(a.values.missing_years).split(',')))].sort();
        out.finding(
          makeFinding(missingRule, {
            message: `${product.product_code}: no complete finance data for ${missingYears.join(', ')}, so ${missing.map((a) => a.rule_id).join(' and ')} cannot be assessed for ${last}`,
            message_zh: `${product.product_code}：缺少${missingYears.join('、')}年度完整数据，无法评估${missing.map((a) => a.rule_id).join('、')}`,
            product_code: product.product_code,
            period: String(last),
            values: { missing_years: missingYears.join(','), rules: missing.map((a) => a.rule_id).join(',') },
          }),
        );
      }
    }
  }
  const outcomes = new Map(out.assessments.map((a) => [`${a.product_code}\u0000${a.rule_id}`, a.outcome]));
  const outcomeOf = (product: string, rule: string) => outcomes.get(`${product}\u0000${rule}`)!;
  const margins: ThresholdMargin[] = out.margins.map(({ exact, ...m }) => ({
    ...m,
    margin: m.value.minus(m.threshold).times(m.unit === 'pp' ? 100 : 1),
    condition_met: exact === undefined ? compare(m.value, m.comparison, m.threshold) : compareFraction(exact, m.comparison, m.threshold),
    outcome: outcomeOf(m.product_code, m.rule_id),
  }));
  return { evaluation_year: last, assessments: out.assessments, findings: out.findings, indicated_rate_changes: out.rates, margins };
}
