import { governanceAtLeast } from '../capital/governanceGrade';
import { type ReserveCoverage, reserveCoverage } from '../capital/reserveCoverage';
import { type RiskClass, riskClassAtLeast, riskClassOf } from '../capital/riskRating';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import { addQuarters, comparePeriods, type Quarter } from '../data/period';
import type { ProductRow, SolvencyRow } from '../data/rows';
import type { GovernanceGrade } from '../data/schema';
import { centsToYuan, formatYuan } from '../money/cents';
import type { Dec } from '../money/decimal';
import { COMPARISON_SYMBOL, type Comparison, compare } from '../money/ratio';
import { type Finding, makeFinding } from './finding';
import { percentText } from './percentText';
import { scopeMatch } from './scopeMatch';
import { booleanParam, choiceParam, comparisonParam, decimalParam, getRule, integerParam, type Rule, type Rulebook } from './rulebook';

/** The eligibility rules of S1 §3 and §11. */
export const ELIGIBILITY_RULES = ['ILI-ELIG', 'ILI-ELIG-HEALTH', 'ILI-ELIG-LONG'] as const;
export type EligibilityRuleId = (typeof ELIGIBILITY_RULES)[number];

/** A condition of an eligibility rule. The first five hold in every quarter of the window, the last two at its end. */
export type ConditionName = 'comprehensive_solvency' | 'core_solvency' | 'solvency_surplus' | 'risk_rating' | 'reserve_coverage' | 'governance' | 'major_penalty';

/** Why a window fails: a condition, a quarter with no row, or a rule it requires. */
export type FailureKind = ConditionName | 'quarter_missing' | 'required_rule';

/** One condition of one rule in one quarter. */
export interface ConditionCheck {
  readonly rule_id: EligibilityRuleId;
  readonly quarter: Quarter;
  readonly condition: ConditionName;
  /** The value as shown: '118.00%', 'BBB (class B)', 'C'; null when the data do not give it. */
  readonly value: string | null;
  /** What the rule requires: '≥ 120.00%', 'class B or better'. */
  readonly requirement: string;
  /** True when met, false when not, null when the data do not say (which does not demonstrate it). */
  readonly passes: boolean | null;
}

/** One reason a window fails. */
export interface WindowFailure {
  readonly quarter: Quarter;
  readonly kind: FailureKind;
  readonly detail: string;
}

/** Whether the window of quarters ending in `quarter` satisfies a rule. */
export interface WindowVerdict {
  readonly rule_id: EligibilityRuleId;
  /** The last quarter of the window (the quarter assessed). */
  readonly quarter: Quarter;
  /** The quarters the rule looks at, oldest first. */
  readonly window: readonly Quarter[];
  readonly eligible: boolean;
  /** True when the window begins before the table's first quarter: there is not enough history to judge it. */
  readonly before_history: boolean;
  readonly failures: readonly WindowFailure[];
  /** Notes on how a condition was met (for example the six-of-eight alternative for risk ratings). */
  readonly notes: readonly string[];
}

/** The capital position of one quarter. */
export interface QuarterCapital {
  readonly quarter: Quarter;
  readonly row: SolvencyRow;
  readonly risk_class: RiskClass;
  /** Null when a balance item is missing (listed in `coverage_missing`). */
  readonly coverage: ReserveCoverage | null;
  readonly coverage_missing: readonly string[];
}

/** Everything `awb eligibility` reports. */
export interface EligibilityReview {
  /** The quarters of the table, oldest first. */
  readonly quarters: readonly QuarterCapital[];
  /** Every condition of every rule in every quarter. */
  readonly conditions: readonly ConditionCheck[];
  /** Every rule's verdict for the window ending in each quarter of the table. */
  readonly verdicts: readonly WindowVerdict[];
  /** The quarter assessed (the latest, unless asked). */
  readonly assessed: Quarter;
  /** A finding for each rule whose window ending in the assessed quarter fails. */
  readonly findings: readonly Finding[];
}

const BALANCE_ITEMS = ['assets', 'other_liabilities', 'reserves', 'expenses_y1', 'expenses_y2', 'expenses_y3', 'expenses_y4'] as const;

/** Each kind of failure in Chinese, the notice's own terms (S1 §3, §11). */
export const FAILURE_ZH: Readonly<Record<FailureKind, string>> = {
  comprehensive_solvency: '综合偿付能力充足率',
  core_solvency: '核心偿付能力充足率',
  solvency_surplus: '综合偿付能力溢额',
  risk_rating: '风险综合评级',
  reserve_coverage: '责任准备金覆盖率',
  governance: '公司治理评级',
  major_penalty: '上一年度重大行政处罚',
  quarter_missing: '缺少该季度数据',
  required_rule: '前提规则的条件',
};

/**
 * A failed condition as a Chinese clause of its own: the condition 未达标, except where the
 * condition is itself the failure (a major penalty, a quarter without data).
 * @example failureClauseZh('core_solvency') // '核心偿付能力充足率未达标'
 */
export function failureClauseZh(kind: FailureKind): string {
  if (kind === 'major_penalty') return '上一年度受到重大行政处罚';
  if (kind === 'quarter_missing') return '缺少该季度数据';
  return `${FAILURE_ZH[kind]}未达标`;
}

const CONDITION_TEXT: Readonly<Record<ConditionName, string>> = {
  comprehensive_solvency: 'comprehensive solvency ratio',
  core_solvency: 'core solvency ratio',
  solvency_surplus: 'comprehensive solvency surplus',
  risk_rating: 'integrated risk rating',
  reserve_coverage: 'reserve coverage ratio',
  governance: 'corporate governance grade',
  major_penalty: 'major administrative penalty last year',
};

/** How one condition is tested on a quarter's row. */
interface ConditionSpec {
  readonly name: ConditionName;
  /** 'each': in every quarter of the window; 'latest': in the window's last quarter. */
  readonly when: 'each' | 'latest';
  readonly requirement: string;
  test(q: QuarterCapital): { value: string | null; passes: boolean | null };
}

/** A rule's conditions as read from its parameters. */
interface RuleSpec {
  readonly rule: Rule;
  readonly id: EligibilityRuleId;
  /** Window length; null when the rule has none of its own and takes the window of the rule it requires. */
  readonly quarters: number | null;
  readonly conditions: readonly ConditionSpec[];
  /** The six-of-eight alternative for the risk rating (ILI-ELIG-LONG). */
  readonly riskAlternative: { readonly quarters: number; readonly window: number } | null;
  readonly requires: EligibilityRuleId | null;
}

/**
 * The eligibility of the company for internet life business (S1 §3 `ILI-ELIG`), for new internet
 * health products (S1 §11 ¶2 `ILI-ELIG-HEALTH`) and for internet ordinary life and annuity
 * products over ten years (S1 §11 ¶3 `ILI-ELIG-LONG`), over rolling windows of consecutive
 * quarters. Each quarter's reserve coverage ratio comes from its balance items (S1 annex 1).
 * Conditions worded "连续四个季度" must hold in every quarter of the window; a quarter with no row
 * breaks the run. The governance grade and the penalty flag are read from the window's last
 * quarter. Risk ratings are compared by C-ROSS class ("B类及以上" = class A or B). Every
 * threshold, comparison and window length comes from the rulebook.
 *
 * @param solvency the solvency table (one row per quarter)
 * @param rulebook the rulebook with ILI-ELIG, ILI-ELIG-HEALTH and ILI-ELIG-LONG
 * @param options quarter: the quarter assessed (default the latest); products: to name the products whose sale depends on each rule
 * @throws InputError when the assessed quarter has no row (naming the file and the quarters it has),
 * or when a rule's parameters are malformed (naming the rulebook and parameter).
 * @example reviewEligibility(solvency, loadRulebook()).verdicts.find((v) => v.rule_id === 'ILI-ELIG' && v.quarter === '2025Q4')?.eligible
 */
export function reviewEligibility(
  solvency: Table<SolvencyRow>,
  rulebook: Rulebook,
  options: { quarter?: Quarter; products?: Table<ProductRow> } = {},
): EligibilityReview {
  const quarters = [...solvency.rows].sort((a, b) => comparePeriods(a.quarter, b.quarter)).map(quarterCapital);
  const byQuarter = new Map(quarters.map((q) => [q.quarter, q]));
  const assessed = options.quarter ?? quarters[quarters.length - 1].quarter;
  if (!byQuarter.has(assessed)) {
    throw new InputError(
      { file: solvency.file, column: 'quarter', header: solvency.headers.quarter },
      `a row for the quarter assessed (the file has ${quarters.map((q) => q.quarter).join(', ')})`,
      assessed,
    );
  }
  const specs = new Map(ELIGIBILITY_RULES.map((id) => [id, ruleSpec(getRule(rulebook, id), id, rulebook)]));
  const conditions: ConditionCheck[] = [];
  for (const spec of specs.values()) {
    for (const q of quarters) {
      for (const c of spec.conditions) conditions.push({ rule_id: spec.id, quarter: q.quarter, condition: c.name, requirement: c.requirement, ...c.test(q) });
    }
  }
  const checkOf = new Map(conditions.map((c) => [`${c.rule_id}|${c.quarter}|${c.condition}`, c]));
  const verdictOf = new Map<string, WindowVerdict>();
  const verdict = (id: EligibilityRuleId, end: Quarter, seen: readonly EligibilityRuleId[] = []): WindowVerdict => {
    const key = `${id}|${end}`;
    const known = verdictOf.get(key);
    if (known) return known;
    if (seen.includes(id)) throw new InputError({ file: rulebook.file, column: `${id}.parameters.requires` }, 'rules that do not require each other in a cycle', [...seen, id].join(' → '));
    const spec = specs.get(id)!;
    const required = spec.requires ? verdict(spec.requires, end, [...seen, id]) : null;
    const v = windowVerdict(spec, end, byQuarter, checkOf, required);
    verdictOf.set(key, v);
    return v;
  };
  const verdicts = ELIGIBILITY_RULES.flatMap((id) => quarters.map((q) => verdict(id, q.quarter)));
  const findings = ELIGIBILITY_RULES.map((id) => verdict(id, assessed))
    .filter((v) => !v.eligible)
    .map((v) => eligibilityFinding(specs.get(v.rule_id)!.rule, v, affectedProducts(specs.get(v.rule_id)!.rule, options.products, rulebook)));
  return { quarters, conditions, verdicts, assessed, findings };
}

function quarterCapital(row: SolvencyRow): QuarterCapital {
  const missing = BALANCE_ITEMS.filter((item) => row[item] === null);
  const coverage =
    missing.length > 0
      ? null
      : reserveCoverage({
          assets: row.assets!,
          other_liabilities: row.other_liabilities!,
          reserves: row.reserves!,
          expenses: [row.expenses_y1!, row.expenses_y2!, row.expenses_y3!, row.expenses_y4!],
        });
  return { quarter: row.quarter, row, risk_class: riskClassOf(row.risk_rating), coverage, coverage_missing: missing };
}

function ruleSpec(rule: Rule, id: EligibilityRuleId, book: Rulebook): RuleSpec {
  const has = (name: string) => rule.parameters[name] !== undefined;
  const conditions: ConditionSpec[] = [];
  const ratioCondition = (name: ConditionName, param: string, value: (q: QuarterCapital) => Dec | null): ConditionSpec => {
    const min = decimalParam(rule, `${param}_min`, book);
    const op = comparisonParam(rule, `${param}_comparison`, book);
    return {
      name,
      when: 'each',
      requirement: `${COMPARISON_SYMBOL[op]} ${percentText(min)}`,
      test: (q) => {
        const v = value(q);
        return { value: v === null ? null : percentText(v, min, 2), passes: v === null ? null : compare(v, op, min) };
      },
    };
  };
  if (has('comprehensive_solvency_min')) conditions.push(ratioCondition('comprehensive_solvency', 'comprehensive_solvency', (q) => q.row.comprehensive_solvency_ratio));
  if (has('core_solvency_min')) conditions.push(ratioCondition('core_solvency', 'core_solvency', (q) => q.row.core_solvency_ratio));
  if (has('surplus_min')) {
    const min = decimalParam(rule, 'surplus_min', book);
    const op = comparisonParam(rule, 'surplus_comparison', book);
    conditions.push({
      name: 'solvency_surplus',
      when: 'each',
      requirement: `${COMPARISON_SYMBOL[op]} ${formatYuan(min)} yuan`,
      test: (q) => {
        const s = q.row.solvency_surplus;
        return { value: s === null ? null : `${formatYuan(centsToYuan(s))} yuan`, passes: s === null ? null : compare(centsToYuan(s), op, min) };
      },
    });
  }
  if (has('risk_class_at_least')) {
    const atLeast = choiceParam(rule, 'risk_class_at_least', ['A', 'B', 'C', 'D'] as const, book);
    conditions.push({
      name: 'risk_rating',
      when: 'each',
      requirement: `class ${atLeast}${atLeast === 'A' ? '' : ' or better'}`,
      test: (q) => ({ value: `${q.row.risk_rating} (class ${q.risk_class})`, passes: riskClassAtLeast(q.row.risk_rating, atLeast) }),
    });
  }
  if (has('reserve_coverage_min')) conditions.push(ratioCondition('reserve_coverage', 'reserve_coverage', (q) => q.coverage?.ratio ?? null));
  if (has('governance_at_least')) {
    const atLeast = choiceParam(rule, 'governance_at_least', ['A', 'B', 'C', 'D', 'E'] as const, book);
    conditions.push({
      name: 'governance',
      when: 'latest',
      requirement: `grade ${atLeast}${atLeast === 'A' ? '' : ' or better'}`,
      test: (q) => {
        const g: GovernanceGrade | null = q.row.governance_grade;
        return { value: g, passes: g === null ? null : governanceAtLeast(g, atLeast) };
      },
    });
  }
  if (has('no_major_penalty_last_year') && booleanParam(rule, 'no_major_penalty_last_year', book)) {
    conditions.push({
      name: 'major_penalty',
      when: 'latest',
      requirement: 'no major administrative penalty last year',
      test: (q) => {
        const p = q.row.major_penalty_last_year;
        return { value: p === null ? null : p ? 'yes' : 'no', passes: p === null ? null : !p };
      },
    });
  }
  const requires = has('requires') ? choiceParam(rule, 'requires', ELIGIBILITY_RULES, book) : null;
  return {
    rule,
    id,
    quarters: has('consecutive_quarters') ? integerParam(rule, 'consecutive_quarters', book, { min: 1, max: 400 }) : null,
    conditions,
    riskAlternative: has('risk_alternative_quarters')
      ? { quarters: integerParam(rule, 'risk_alternative_quarters', book, { min: 1, max: 400 }), window: integerParam(rule, 'risk_alternative_window', book, { min: 1, max: 400 }) }
      : null,
    requires,
  };
}

function windowVerdict(
  spec: RuleSpec,
  end: Quarter,
  byQuarter: ReadonlyMap<Quarter, QuarterCapital>,
  checkOf: ReadonlyMap<string, ConditionCheck>,
  required: WindowVerdict | null,
): WindowVerdict {
  const length = spec.quarters ?? required?.window.length ?? 1;
  const window = Array.from({ length }, (_, k) => addQuarters(end, k - length + 1));
  const failures: WindowFailure[] = [];
  const notes: string[] = [];
  if (required && !required.eligible) {
    for (const f of required.failures) failures.push({ quarter: f.quarter, kind: 'required_rule', detail: `${required.rule_id}: ${f.detail}` });
  }
  for (const quarter of window) {
    if (!byQuarter.has(quarter)) {
      failures.push({ quarter, kind: 'quarter_missing', detail: `${quarter}: no row in the solvency table, so the quarters are not consecutive` });
    }
  }
  const failuresOf = (c: ConditionSpec, quarters: readonly Quarter[]): WindowFailure[] =>
    quarters
      .filter((quarter) => byQuarter.has(quarter))
      .flatMap((quarter) => {
        const check = checkOf.get(`${spec.id}|${quarter}|${c.name}`)!;
        if (check.passes === true) return [];
        const detail =
          check.passes === null
            ? `${quarter}: ${CONDITION_TEXT[c.name]} not given${c.name === 'reserve_coverage' ? missingItems(byQuarter.get(quarter)!) : ''}, so the condition (${check.requirement}) is not demonstrated`
            : `${quarter}: ${CONDITION_TEXT[c.name]} ${check.value} does not meet ${check.requirement}`;
        return [{ quarter, kind: c.name, detail }];
      });
  for (const c of spec.conditions) {
    const found = failuresOf(c, c.when === 'each' ? window : [end]);
    if (c.name === 'risk_rating' && found.length > 0 && spec.riskAlternative) {
      const alt = spec.riskAlternative;
      const span = Array.from({ length: alt.window }, (_, k) => addQuarters(end, k - alt.window + 1));
      const met = span.filter((q) => byQuarter.has(q) && checkOf.get(`${spec.id}|${q}|risk_rating`)!.passes === true).length;
      if (met >= alt.quarters) {
        notes.push(`risk rating met through the alternative: ${met} of the ${alt.window} quarters ${span[0]}–${end} in ${checkOf.get(`${spec.id}|${end}|risk_rating`)!.requirement}`);
        continue;
      }
      failures.push(...found.map((f) => ({ ...f, detail: `${f.detail} (and only ${met} of the ${alt.window} quarters ${span[0]}–${end} meet it, fewer than ${alt.quarters})` })));
      continue;
    }
    failures.push(...found);
  }
  const first = [...byQuarter.keys()][0];
  return { rule_id: spec.id, quarter: end, window, eligible: failures.length === 0, before_history: comparePeriods(window[0], first) < 0, failures, notes };
}

function missingItems(q: QuarterCapital): string {
  if (q.coverage_missing.length > 0) return ` (missing ${q.coverage_missing.join(', ')})`;
  return ' (reserves are not positive)';
}

function affectedProducts(rule: Rule, products: Table<ProductRow> | undefined, book: Rulebook): string[] {
  return (products?.rows ?? []).filter((p) => scopeMatch(rule, p, book).kind === 'in').map((p) => p.product_code);
}

function eligibilityFinding(rule: Rule, v: WindowVerdict, products: readonly string[]): Finding {
  const span = `${v.window[0]}–${v.quarter}`;
  const what: Readonly<Record<EligibilityRuleId, { en: string; zh: string }>> = {
    'ILI-ELIG': { en: 'may not conduct internet life business', zh: '不满足开展互联网人身保险业务的条件' },
    'ILI-ELIG-HEALTH': { en: 'may not apply for or use newly filed internet health products', zh: '不满足申请或使用新备案互联网健康险产品的条件' },
    'ILI-ELIG-LONG': { en: 'may not apply for or use internet ordinary life or annuity products over ten years', zh: '不满足申请或使用保险期间十年以上普通型人寿保险和年金保险互联网产品的条件' },
  };
  const failedQuarters = [...new Set(v.failures.map((f) => f.quarter))].sort();
  const failedKinds = [...new Set(v.failures.map((f) => f.kind))];
  const affected = products.length > 0 ? ` Products affected: ${products.join(', ')}.` : '';
  return makeFinding(rule, {
    period: v.quarter,
    message: `As at ${v.quarter} the company ${what[v.rule_id].en}: the window ${span} fails. ${v.failures.map((f) => f.detail).join('; ')}.${affected}`,
    message_zh: `截至${v.quarter}，公司${what[v.rule_id].zh}（${span}）：${failedQuarters.join('、')}季度未达标（${failedKinds.map((k) => FAILURE_ZH[k]).join('、')}）。`,
    values: {
      window_start: v.window[0],
      window_end: v.quarter,
      failed_quarters: failedQuarters.join(','),
      failed_conditions: failedKinds.join(','),
      products: products.length > 0 ? products.join(',') : null,
    },
  });
}
