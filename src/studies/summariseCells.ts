import { compareCounts } from '../backtest/actualVsExpected';
import type { BacktestCell } from '../backtest/backtest';
import { InputError } from '../data/InputError';
import type { Indicator } from '../data/schema';
import type { StudyBasis } from '../exposure/studyBasis';

/** One row of `summarise`: the grouping values, then the summed experience and its A/E. */
export type CellSummary = {
  readonly indicator: Indicator;
  /** How many cells were added up. */
  readonly cells: number;
  /** Policy-years (count indicators) or the denominator in yuan (ledger indicators). */
  readonly exposure: number;
  /** Σ actual (count indicators), or the pooled experience ratio (ledger); null when a cell's is unknown. */
  readonly actual: number | null;
  /** Σ expected, or the pooled pricing ratio; null when a cell's is unknown. */
  readonly expected: number | null;
  /** actual ÷ expected; null when nothing was expected. */
  readonly ae: number | null;
  /** The interval of A/E at the rulebook's confidence (count indicators only, else null). */
  readonly ci_low: number | null;
  readonly ci_high: number | null;
} & { readonly [column: string]: string | number | null };

/** The value of a grouping column in a cell. */
function valueOf(cell: BacktestCell, column: string): string | number | null {
  if (column === 'product_code') return cell.product_code;
  if (column === 'period') return cell.period ?? null;
  if (column === 'policy_year') return cell.policy_year ?? cell.by.policy_year ?? null;
  return cell.by[column] ?? null;
}

/**
 * Re-aggregates backtest cells over grouping columns, as actxps' `exp_stats()` does: within each
 * indicator and group, exposure, actual and expected counts are summed and A/E = Σ actual ÷
 * Σ expected, with its interval recomputed from the sums (Poisson on calendar bases, binomial on
 * policy years, as for the cells). Ledger indicators (loss ratio, expense rate, investment return:
 * cells whose credibility is null) hold ratios on a denominator in yuan; they are pooled as
 * Σ ratio × denominator ÷ Σ denominator, and have no interval. Groups come out in the order they
 * first appear in the cells.
 * @param by grouping columns: product_code, period, policy_year or a grouping column of the study
 * @param confidence of the interval (the rulebook's BT-MEASURE confidence)
 * @throws InputError for a column none of the cells has.
 * @example summariseCells([{ indicator: 'lapse', product_code: 'A', by: {}, exposure: 100, actual: 3, expected: 2, credibility: 0.1, … },
 *   { indicator: 'lapse', product_code: 'A', by: {}, exposure: 50, actual: 1, expected: 2, credibility: 0.1, … }], 'calendar-year', ['product_code'], 0.95)[0]
 * // { indicator: 'lapse', product_code: 'A', cells: 2, exposure: 150, actual: 4, expected: 4, ae: 1, ci_low: 0.272…, ci_high: 2.56… }
 */
export function summariseCells(cells: readonly BacktestCell[], basis: StudyBasis, by: readonly string[], confidence: number): CellSummary[] {
  const columns = by.filter((c) => c !== 'indicator');
  for (const column of columns) {
    if (cells.length > 0 && cells.every((c) => valueOf(c, column) === null)) {
      throw new InputError({ argument: 'by' }, 'a column of the cells: product_code, period, policy_year or a grouping column of the study', column);
    }
  }
  const groups = new Map<string, { key: Record<string, string | number | null>; ledger: boolean; cells: number; exposure: number; actual: number | null; expected: number | null }>();
  for (const cell of cells) {
    const key: Record<string, string | number | null> = {};
    for (const column of columns) key[column] = valueOf(cell, column);
    const id = JSON.stringify([cell.indicator, ...columns.map((c) => key[c])]);
    const ledger = cell.credibility === null;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, ledger, cells: 0, exposure: 0, actual: 0, expected: 0 }));
    const weight = ledger ? cell.exposure : 1;
    g.cells += 1;
    g.exposure += cell.exposure;
    g.actual = g.actual === null || cell.actual === null ? null : g.actual + cell.actual * weight;
    g.expected = g.expected === null || cell.expected === null ? null : g.expected + cell.expected * weight;
  }
  const out: CellSummary[] = [];
  for (const [id, g] of groups) {
    const indicator = JSON.parse(id)[0] as Indicator;
    if (g.ledger) {
      const actual = g.actual === null || g.exposure === 0 ? null : g.actual / g.exposure;
      const expected = g.expected === null || g.exposure === 0 ? null : g.expected / g.exposure;
      const ae = actual === null || expected === null || expected === 0 ? null : actual / expected;
      out.push({ indicator, ...g.key, cells: g.cells, exposure: g.exposure, actual, expected, ae, ci_low: null, ci_high: null });
    } else {
      const actual = g.actual;
      const expected = g.expected;
      const cmp = actual === null || expected === null ? null : compareCounts(basis, g.exposure, actual, expected, { confidence });
      out.push({ indicator, ...g.key, cells: g.cells, exposure: g.exposure, actual, expected, ae: cmp?.ae ?? null, ci_low: cmp?.ci_low ?? null, ci_high: cmp?.ci_high ?? null });
    }
  }
  return out;
}
