import { formatDay } from '../data/dates';
import type { FinanceRow, ProductRow } from '../data/rows';
import { periodYear, type Quarter } from '../data/period';
import { centsToYuan } from '../money/cents';
import { toDec } from '../money/decimal';
import { ratio } from '../money/ratio';
import type { Finding } from '../rules/finding';
import { sortFindings } from '../rules/finding';
import type { Data } from '../studies/openData';
import { quarterEndDate } from './reviewPlan';

/** A product in the backtest's scope: its basic information and the quarter's reinsurance (S1 annex 2 (二)). */
export interface ScopeRow {
  readonly product_code: string;
  readonly product_name: string | null;
  readonly line: string;
  readonly term_months: number;
  readonly internet: boolean | null;
  readonly premium_mode: string | null;
  readonly launch_date: string | null;
  /** Premium income of the quarter, yuan. */
  readonly premium_income: number | null;
  readonly ceded_premium: number | null;
  /** ceded_premium ÷ premium_income, null when either is absent or the premium is zero. */
  readonly ceded_share: number | null;
  readonly claims_paid: number | null;
  readonly ceded_claims: number | null;
  /** ceded_claims ÷ claims_paid. */
  readonly ceded_claims_share: number | null;
}

/** One indicator of one product for the quarter: actual against expected. */
export interface IndicatorRow {
  readonly product_code: string;
  readonly indicator: string;
  readonly exposure: number | null;
  readonly actual: number | null;
  readonly expected: number | null;
  readonly ae: number | null;
  /** actual − expected, computed exactly from the two figures as reported. */
  readonly deviation: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly credibility: number | null;
  /** Consecutive periods, ending with this one, of a significant deviation in the same direction (from the backtest's `measures[]`, when it reports them). */
  readonly persistent_periods: number | null;
  /** The measure the backtest assigned (attention, adjust, report, disclose), null for none or when not reported. */
  readonly measure: string | null;
}

/** The backtest section of a quarterly review, in the structure of S1 annex 2 part 三. */
export interface BacktestAnnex {
  readonly quarter: Quarter;
  readonly as_of: string;
  readonly scope: readonly ScopeRow[];
  readonly indicators: readonly IndicatorRow[];
  /** BT-MEASURE findings of the quarter: the measures taken. */
  readonly measures: readonly Finding[];
  /** BT-MEASURE findings of every quarter of the year up to this one (annex 2 (一)). */
  readonly year: readonly Finding[];
  /** Files read for the products' basic information and reinsurance. */
  readonly inputs: readonly string[];
}

/** What the annex reads of a calendar-quarter backtest: a `BacktestStudy` has it. */
export interface AnnexBacktest {
  /** Products studied, in scope order. */
  readonly scope: readonly string[];
  readonly cells: readonly AnnexCell[];
  readonly measures: readonly AnnexMeasure[];
  readonly findings: readonly Finding[];
}

/** A backtest cell of one product, indicator and calendar period. */
export interface AnnexCell {
  readonly product_code: string;
  readonly indicator: string;
  readonly period?: string;
  readonly exposure: number | null;
  readonly actual: number | null;
  readonly expected: number | null;
  readonly ae: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly credibility: number | null;
}

/** The measure a backtest assigned a product's indicator in a period. */
export interface AnnexMeasure {
  readonly product_code: string;
  readonly indicator: string;
  readonly period: string;
  /** Consecutive periods of a significant deviation in the same direction, ending with this one. */
  readonly persistent: number;
  readonly level: string | null;
}

/** A finite number, or null (as the figure is filed in JSON). */
const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/**
 * A product's row of the backtest scope in a quarter: its basic information from the products
 * table and the quarter's premium, claims and reinsurance from the finance ledger (yuan; shares
 * ceded to 6 decimals, exact). The quarterly review's annex and the annual report's part 三 share it.
 * @example scopeRow('TRM01', '2025Q4', products.rows, finance.rows).ceded_share // 0.2
 */
export function scopeRow(code: string, quarter: Quarter, products: readonly ProductRow[], finance: readonly FinanceRow[] | undefined): ScopeRow {
  const p = products.find((r) => r.product_code === code);
  const f = finance?.find((r) => r.product_code === code && r.period === quarter);
  const yuan = (c: number | null | undefined) => (c === null || c === undefined ? null : centsToYuan(c).toNumber());
  const share = (x: number | null | undefined, y: number | null | undefined) => (x === null || x === undefined || y === null || y === undefined ? null : (ratio(x, y)?.toDecimalPlaces(6).toNumber() ?? null));
  return {
    product_code: code,
    product_name: p?.product_name ?? null,
    line: p?.line ?? '',
    term_months: p?.term_months ?? 0,
    internet: p?.internet ?? null,
    premium_mode: p?.premium_mode ?? null,
    launch_date: p?.launch_date === null || p?.launch_date === undefined ? null : formatDay(p.launch_date),
    premium_income: yuan(f?.premium_income),
    ceded_premium: yuan(f?.ceded_premium),
    ceded_share: share(f?.ceded_premium, f?.premium_income),
    claims_paid: yuan(f?.claims_paid),
    ceded_claims: yuan(f?.ceded_claims),
    ceded_claims_share: share(f?.ceded_claims, f?.claims_paid),
  };
}

/**
 * Builds the backtest section of a quarterly review from a calendar-quarter backtest, in the
 * structure S1 annex 2 part 三 (二)–(五) asks for each quarter: the products in scope with their
 * basic information and reinsurance arrangement, each indicator's backtest (A/E and deviation),
 * the reasonableness of each deviation, and the measures taken (BT-MEASURE findings); plus the
 * year's measures so far for part (一).
 * Reinsurance is the quarter's ceded premium ÷ premium income and recovered claims ÷ claims paid
 * from the finance ledger, exact in decimal.
 * @param data the data folder, opened once for the review (its products and finance are those the backtest read)
 * @throws InputError when the products or finance table is missing or malformed.
 */
export async function backtestAnnex(data: Data, quarter: Quarter, backtest: AnnexBacktest): Promise<BacktestAnnex> {
  const cells = backtest.cells.filter((c) => c.period === quarter);
  const measureOf = new Map(backtest.measures.filter((m) => m.period === quarter).map((m) => [`${m.product_code}\u0000${m.indicator}`, m]));
  const products = await data.table('products');
  const finance = await data.optionalTable('finance');
  const scope = backtest.scope.map((code) => scopeRow(code, quarter, products.rows, finance?.rows));
  const indicators = cells.map((c): IndicatorRow => {
    const actual = num(c.actual);
    const expected = num(c.expected);
    const m = measureOf.get(`${c.product_code}\u0000${c.indicator}`);
    return {
      product_code: c.product_code,
      indicator: c.indicator,
      exposure: num(c.exposure),
      actual,
      expected,
      ae: num(c.ae),
      deviation: actual === null || expected === null ? null : toDec(String(actual)).minus(String(expected)).toNumber(),
      ci_low: num(c.ci_low),
      ci_high: num(c.ci_high),
      credibility: num(c.credibility),
      persistent_periods: m === undefined ? null : num(m.persistent),
      measure: m?.level ?? null,
    };
  });
  const measures = backtest.findings.filter((f) => f.rule_id === 'BT-MEASURE');
  const year = String(periodYear(quarter));
  return {
    quarter,
    as_of: quarterEndDate(quarter),
    scope,
    indicators,
    measures: sortFindings(measures.filter((f) => f.period === quarter)),
    year: sortFindings(measures.filter((f) => f.period !== undefined && f.period.startsWith(year) && f.period <= quarter)),
    inputs: [products.file, ...(finance ? [finance.file] : [])],
  };
}
