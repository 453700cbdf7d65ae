import { formatDay } from '../data/dates';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { AssumptionRow, FinanceRow, ProductRow } from '../data/rows';
import type { ExitReason, Indicator } from '../data/schema';
import type { ExposureCell } from '../exposure/exposureCell';
import { groupableColumns } from '../engine/studyTable';
import { prepareStudies, type StudySource } from '../exposure/experienceStudy';
import { calendarGrainOf, type StudyBasis } from '../exposure/studyBasis';
import type { Progress } from '../progress';
import { sortFindings, type Finding } from '../rules/finding';
import type { Rulebook } from '../rules/rulebook';
import { compareCounts, type CountComparison } from './actualVsExpected';
import { assumptionRates, type AssumptionRates } from './assumptionRates';
import { ledgerIndicators, type LedgerIndicator } from './ledgerIndicators';
import { assessMeasures, measureFinding, measureRule, type MeasureAssessment, type MeasurePoint } from './measures';
import { topProductsByPremium } from './productScope';

/** Indicators counted from policies against assumption tables, and the exit reason each studies. */
const COUNT_INDICATORS: Readonly<Partial<Record<Indicator, ExitReason>>> = { lapse: 'lapse', surrender: 'surrender', death: 'death', incidence: 'claim' };

/** Every backtest indicator, in output order. */
export const BACKTEST_INDICATORS: readonly Indicator[] = ['loss_ratio', 'expense_rate', 'incidence', 'death', 'lapse', 'surrender', 'investment_return'];

/** The data a backtest reads: the product, assumption and finance tables, and the policies (and claims) on a study engine. */
export interface BacktestData {
  readonly products: Table<ProductRow>;
  /** Policies and claims, read by the study engine (DuckDB over files, or a ClickHouse database). */
  readonly experience: StudySource;
  readonly assumptions: Table<AssumptionRow>;
  readonly finance?: Table<FinanceRow>;
}

export interface BacktestOptions {
  readonly basis: StudyBasis;
  /** Study end date (inclusive), a day number. */
  readonly asOf: number;
  /** Study start (inclusive); default the earliest issue date. */
  readonly from?: number;
  /** Grouping columns of the count indicators (attributes, policy_year, attained_age, age_at_issue). */
  readonly by?: readonly string[];
  /** Indicators to study; all that apply when absent. */
  readonly indicators?: readonly Indicator[];
  /** Products to study; default the rule's top products by cumulative premium. */
  readonly products?: readonly string[];
  readonly ageBandWidth?: number;
  readonly rulebook: Rulebook;
  readonly progress?: Progress;
}

/**
 * One backtest cell (DOMAIN.md, Command line: `backtest` cells[]): a count comparison's A/E,
 * rates, interval and credibility, with ledger indicators filling what applies to them.
 */
export interface BacktestCell extends Omit<CountComparison, 'credibility'> {
  readonly indicator: Indicator;
  readonly product_code: string;
  readonly period?: string;
  readonly policy_year?: number;
  /** Grouping values by column name (spread into the JSON row). */
  readonly by: Readonly<Record<string, string | number | null>>;
  /** Policy-years for count indicators; the denominator in yuan for ledger indicators. */
  readonly exposure: number;
  /** Count of decrements or claims; the experience ratio for ledger indicators (null: not computable). */
  readonly actual: number | null;
  /** Expected count; the pricing ratio for ledger indicators. */
  readonly expected: number | null;
  /** Limited-fluctuation credibility; null for ledger indicators. */
  readonly credibility: number | null;
  /** Claim amounts in yuan for incidence cells. */
  readonly claim_amount?: number | null;
}

/** The measure of one product's indicator in one period (for the heat map and the findings). */
export interface MeasureCell extends MeasureAssessment {
  readonly indicator: Indicator;
  readonly product_code: string;
  /** A/E of the product total and its interval (null for ledger indicators). */
  readonly ae: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
}

export interface BacktestResult {
  readonly basis: StudyBasis;
  readonly as_of: string;
  readonly from: string;
  readonly by: readonly string[];
  /** Products studied, in scope order. */
  readonly scope: readonly string[];
  readonly cells: readonly BacktestCell[];
  readonly measures: readonly MeasureCell[];
  readonly findings: readonly Finding[];
}

/** Which indicators S1 §16 asks for a product: short-term (≤ 12 months) or long-term. */
export function indicatorsForTerm(product: ProductRow): readonly Indicator[] {
  return product.term_months <= 12 ? ['loss_ratio', 'expense_rate'] : ['expense_rate', 'incidence', 'death', 'lapse', 'surrender', 'investment_return'];
}

/**
 * Backtests pricing assumptions against experience (S1 §16; DOMAIN.md, Pricing backtesting): for
 * each product in scope and each indicator that applies to its term, actual against expected per
 * period (or policy year) and grouping, with A/E, deviation, exact confidence interval,
 * credibility and the credibility-weighted rate; then the measures of rule BT-MEASURE on the
 * product totals of each period, and a finding for the measure reached in the latest period.
 *
 * Count indicators (lapse, surrender, death, incidence) run on the policies and the assumptions
 * table; ledger indicators (loss ratio, expense rate, investment return) on the finance table, on
 * calendar-quarter and calendar-year bases only.
 *
 * @throws InputError for a product in `products` that the products table lacks, an indicator
 * whose data is missing when asked for explicitly, and any error of the exposure study.
 * @example backtest(data, { basis: 'calendar-quarter', asOf: dayOf(2025, 12, 31), rulebook }).findings
 */
export async function backtest(data: BacktestData, options: BacktestOptions): Promise<BacktestResult> {
  const rule = measureRule(options.rulebook);
  const productRows = new Map(data.products.rows.map((p) => [p.product_code, p]));
  const scope = options.products
    ? [...options.products]
    : data.finance
      ? topProductsByPremium(data.finance.rows, options.asOf, rule.scopeTopProducts)
      : [...productRows.keys()].sort();
  for (const code of scope) {
    if (!productRows.has(code)) throw new InputError({ argument: '--products', file: data.products.file }, `a product listed in ${data.products.file}`, code);
  }
  const wanted = new Set(options.indicators ?? BACKTEST_INDICATORS);
  const applies = (code: string, indicator: Indicator) => wanted.has(indicator) && indicatorsForTerm(productRows.get(code)!).includes(indicator);
  const confidence = rule.confidence;
  const cells: BacktestCell[] = [];
  const policies = data.experience.policies;
  const policyAttributes = groupableColumns(policies);

  // The count indicators that apply, each with its assumption rates and products.
  const studies: { indicator: Indicator; decrement: ExitReason; rates: AssumptionRates; products: Set<string> }[] = [];
  for (const indicator of BACKTEST_INDICATORS) {
    const decrement = COUNT_INDICATORS[indicator];
    if (decrement === undefined || !wanted.has(indicator)) continue;
    if (indicator === 'incidence' && !data.experience.claims) {
      if (options.indicators?.includes('incidence')) throw new InputError({ argument: '--indicator' }, 'a claims table in the data folder for the incidence indicator');
      continue;
    }
    const rates = assumptionRates(data.assumptions.rows, indicator, { file: data.assumptions.file, policyAttributes });
    const products = new Set(scope.filter((code) => applies(code, indicator) && rates.appliesTo(code)));
    if (products.size > 0) studies.push({ indicator, decrement, rates, products });
  }
  const run = await prepareStudies(data.experience, {
    basis: options.basis,
    asOf: options.asOf,
    from: options.from,
    by: options.by,
    ageBandWidth: options.ageBandWidth,
    products: new Set(scope),
    knownProducts: new Set(productRows.keys()),
    productsFile: data.products.file,
    rates: studies.map((s) => s.rates),
    progress: options.progress,
  });
  const from = run.from;
  for (const s of studies) {
    const study = await run.study(s.indicator === 'incidence' ? { claims: true, rates: s.rates, products: s.products } : { decrements: [s.decrement], rates: s.rates, products: s.products });
    for (const c of study.cells) cells.push(countCell(s.indicator, c, options.basis, confidence));
  }

  const grain = calendarGrainOf(options.basis);
  if (data.finance && grain !== null) {
    const ledger = ledgerIndicators(data.finance.rows, data.products.rows.filter((p) => scope.includes(p.product_code)), data.assumptions.rows, {
      grain,
      from,
      asOf: options.asOf,
      indicatorsOf: (p) => indicatorsForTerm(p).filter((i): i is LedgerIndicator => (i === 'loss_ratio' || i === 'expense_rate' || i === 'investment_return') && wanted.has(i)),
    });
    for (const l of ledger) {
      const actual = l.actual?.toNumber() ?? null;
      const expected = l.expected.toNumber();
      cells.push({
        indicator: l.indicator,
        product_code: l.product_code,
        period: l.period,
        by: {},
        exposure: l.denominator,
        actual,
        expected,
        ae: l.actual && !l.expected.isZero() ? l.actual.div(l.expected).toNumber() : null,
        deviation: l.actual ? l.actual.minus(l.expected).toNumber() : null,
        actual_rate: actual,
        expected_rate: expected,
        ci_low: null,
        ci_high: null,
        credibility: null,
        credibility_weighted_rate: null,
      });
    }
  }

  const ordered = orderCells(cells, scope);
  const { measures, findings } = assess(ordered, options.basis, rule, confidence);
  return {
    basis: options.basis,
    as_of: formatDay(options.asOf),
    from: formatDay(from),
    by: options.by ?? [],
    scope,
    cells: ordered,
    measures,
    findings: sortFindings(findings),
  };
}

function countCell(indicator: Indicator, c: ExposureCell, basis: StudyBasis, confidence: number): BacktestCell {
  const cmp = compareCounts(basis, c.exposure, c.actual, c.expected ?? 0, { confidence });
  return {
    indicator,
    product_code: c.product_code,
    ...(c.period !== null ? { period: c.period } : { policy_year: c.policy_year! }),
    by: c.by,
    exposure: c.exposure,
    actual: c.actual,
    expected: c.expected,
    ...cmp,
    ...(indicator === 'incidence' ? { claim_amount: c.claim_amount } : {}),
  };
}

/** Cells by scope order of product, then indicator order, keeping the study's order within. */
function orderCells(cells: BacktestCell[], scope: readonly string[]): BacktestCell[] {
  const rank = new Map(scope.map((code, i) => [code, i]));
  const indicatorRank = (i: Indicator) => BACKTEST_INDICATORS.indexOf(i);
  return cells
    .map((cell, i) => ({ cell, i }))
    .sort((a, b) => rank.get(a.cell.product_code)! - rank.get(b.cell.product_code)! || indicatorRank(a.cell.indicator) - indicatorRank(b.cell.indicator) || a.i - b.i)
    .map(({ cell }) => cell);
}

/**
 * Measures on the product totals of each period: count cells are summed over the grouping
 * columns (exposure, actual and expected add up) and their interval recomputed; ledger cells are
 * already product totals.
 */
function assess(cells: readonly BacktestCell[], basis: StudyBasis, rule: ReturnType<typeof measureRule>, confidence: number): { measures: MeasureCell[]; findings: Finding[] } {
  // Measures follow deviations over calendar periods (S1 §16: quarterly); policy years have none.
  if (basis === 'policy-year') return { measures: [], findings: [] };
  const series = new Map<string, Map<string, { exposure: number; actual: number; expected: number; point?: MeasurePoint }>>();
  for (const c of cells) {
    const key = `${c.product_code}\u0000${c.indicator}`;
    const time = c.period ?? String(c.policy_year);
    let s = series.get(key);
    if (!s) series.set(key, (s = new Map()));
    if (c.credibility === null) {
      s.set(time, { exposure: c.exposure, actual: 0, expected: 0, point: { period: time, ae: c.ae, ci_low: null, ci_high: null } });
      continue;
    }
    const t = s.get(time) ?? { exposure: 0, actual: 0, expected: 0 };
    t.exposure += c.exposure;
    t.actual += c.actual ?? 0;
    t.expected += c.expected ?? 0;
    s.set(time, t);
  }
  const measures: MeasureCell[] = [];
  const findings: Finding[] = [];
  for (const [key, periods] of series) {
    const [product, indicator] = key.split('\u0000') as [string, Indicator];
    const points: MeasurePoint[] = [...periods.entries()].map(([period, t]) => {
      if (t.point) return t.point;
      const cmp = compareCounts(basis, t.exposure, t.actual, t.expected, { confidence });
      return { period, ae: cmp.ae, ci_low: cmp.ci_low, ci_high: cmp.ci_high, expected_count: t.expected };
    });
    // Persistence needs time order: calendar periods sort as text within a basis (2024Q4 < 2025Q1).
    points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    const assessed = assessMeasures(points, rule.triggers, rule.minExpectedCount);
    assessed.forEach((a, i) => measures.push({ ...a, indicator, product_code: product, ae: points[i].ae, ci_low: points[i].ci_low, ci_high: points[i].ci_high }));
    const last = assessed[assessed.length - 1];
    if (last) {
      const finding = measureFinding(rule, product, indicator, points[points.length - 1], last);
      if (finding) findings.push(finding);
    }
  }
  return { measures, findings };
}
