import { backtest, type BacktestResult } from '../backtest/backtest';
import { formatDay } from '../data/dates';
import type { Table } from '../data/parseTable';
import { periodEnd, periodStart, type Quarter } from '../data/period';
import type { AssumptionRow, FinanceRow, ProductRow, ReinsuranceRow } from '../data/rows';
import type { StudySource } from '../exposure/experienceStudy';
import { toDec } from '../money/decimal';
import type { Progress } from '../progress';
import { type Finding, sortFindings } from '../rules/finding';
import type { Rulebook } from '../rules/rulebook';
import { type IndicatorRow, type ScopeRow, scopeRow } from './backtestAnnex';

/** A reinsurance treaty in force during a quarter, for a product in the backtest's scope (S1 annex 2 三(二)). */
export interface QuarterTreaty {
  readonly product_code: string;
  readonly reinsurer: string;
  readonly arrangement: string;
  readonly ceded_share: number | null;
  readonly start_date: string;
  readonly end_date: string | null;
}

/** One quarter's backtest as filed in its quarterly review, in the structure of S1 annex 2 三(二)–(五). */
export interface QuarterBacktest {
  readonly quarter: Quarter;
  /** The study's end, inclusive: the quarter's last day. */
  readonly as_of: string;
  /** The study's start: the earliest issue date. */
  readonly from: string;
  readonly basis: BacktestResult['basis'];
  readonly scope: readonly ScopeRow[];
  readonly indicators: readonly IndicatorRow[];
  /** BT-MEASURE findings of the quarter: the measures taken. */
  readonly measures: readonly Finding[];
  /** The treaties of the products in scope in force during the quarter; null when the reinsurance table is not provided. */
  readonly treaties: readonly QuarterTreaty[] | null;
}

/** The tables the four backtests read. */
export interface BacktestTables {
  readonly products: Table<ProductRow>;
  readonly assumptions: Table<AssumptionRow>;
  readonly finance?: Table<FinanceRow>;
  readonly reinsurance?: Table<ReinsuranceRow>;
}

/**
 * One quarter's backtest in the structure of the quarterly review's backtest section (the same
 * figures `backtestAnnex` shows from `awb backtest`'s output): the products in scope with their
 * basic information and the quarter's reinsurance (ceded premium ÷ premium income, recovered ÷ paid
 * claims, exact), each indicator's actual against expected with its deviation (actual − expected,
 * exact in decimal), interval, credibility, persistence and measure, and the quarter's BT-MEASURE
 * findings.
 * @example quarterBacktest(result, '2025Q2', tables).indicators[0].deviation
 */
export function quarterBacktest(result: BacktestResult, quarter: Quarter, tables: BacktestTables): QuarterBacktest {
  const cells = result.cells.filter((c) => c.period === quarter);
  const measureOf = new Map(result.measures.filter((m) => m.period === quarter).map((m) => [`${m.product_code}\u0000${m.indicator}`, m]));
  const start = periodStart(quarter);
  const end = periodEnd(quarter);
  const scope = result.scope.map((code) => scopeRow(code, quarter, tables.products.rows, tables.finance?.rows));
  const indicators = cells.map((c): IndicatorRow => {
    const m = measureOf.get(`${c.product_code}\u0000${c.indicator}`);
    return {
      product_code: c.product_code,
      indicator: c.indicator,
      exposure: c.exposure,
      actual: c.actual,
      expected: c.expected,
      ae: c.ae,
      deviation: c.actual === null || c.expected === null ? null : toDec(String(c.actual)).minus(String(c.expected)).toNumber(),
      ci_low: c.ci_low,
      ci_high: c.ci_high,
      credibility: c.credibility,
      persistent_periods: m?.persistent ?? null,
      measure: m?.level ?? null,
    };
  });
  const inScope = new Set(result.scope);
  const treaties = tables.reinsurance
    ? tables.reinsurance.rows
        .filter((t) => inScope.has(t.product_code) && t.start_date <= end && (t.end_date === null || t.end_date >= start))
        .map((t) => ({
          product_code: t.product_code,
          reinsurer: t.reinsurer,
          arrangement: t.arrangement,
          ceded_share: t.ceded_share === null ? null : t.ceded_share.toNumber(),
          start_date: formatDay(t.start_date),
          end_date: t.end_date === null ? null : formatDay(t.end_date),
        }))
    : null;
  return {
    quarter,
    as_of: formatDay(end),
    from: result.from,
    basis: result.basis,
    scope,
    indicators,
    measures: sortFindings(result.findings.filter((f) => f.rule_id === 'BT-MEASURE' && f.period === quarter)),
    treaties,
  };
}

/**
 * The four quarterly backtests of a year (S1 §16, annex 2 三): for each quarter, the backtest a
 * quarterly review runs (calendar quarters, experience to the quarter's last day, the products and
 * indicators of rule BT-MEASURE), each on the data as they stand, in the structure of
 * `quarterBacktest`. The experience source is shared by the four studies and left open.
 * @throws InputError for bad input in any study.
 * @example (await yearBacktests(tables, experience, 2025, { rulebook })).map((q) => q.quarter) // ['2025Q1', '2025Q2', '2025Q3', '2025Q4']
 */
export async function yearBacktests(tables: BacktestTables, experience: StudySource, year: number, options: { readonly rulebook: Rulebook; readonly progress?: Progress }): Promise<QuarterBacktest[]> {
  const out: QuarterBacktest[] = [];
  for (const n of [1, 2, 3, 4]) {
    const quarter = `${year}Q${n}` as Quarter;
    const result = await backtest(
      { products: tables.products, experience, assumptions: tables.assumptions, finance: tables.finance },
      { basis: 'calendar-quarter', asOf: periodEnd(quarter), rulebook: options.rulebook, progress: options.progress },
    );
    out.push(quarterBacktest(result, quarter, tables));
  }
  return out;
}
