import { backtest as studyExperience, type BacktestCell, type BacktestData, type BacktestResult } from '../backtest/backtest';
import { measureRule } from '../backtest/measures';
import { type DayNumber, parseDayText } from '../data/dates';
import { InputError } from '../data/InputError';
import { requireTableFile } from '../data/readTable';
import type { Indicator } from '../data/schema';
import { openFileSource } from '../engine/fileSource';
import type { StudyBasis } from '../exposure/studyBasis';
import type { Progress } from '../progress';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import type { Data } from './openData';
import { type CellSummary, summariseCells } from './summariseCells';

/** What a pricing backtest studies: plain options, dates as ISO text. */
export interface BacktestParams {
  readonly basis: StudyBasis;
  /** Study end date, inclusive: `'2025-12-31'`. */
  readonly asOf: string;
  /** Study start date, inclusive; default the earliest issue date. */
  readonly from?: string;
  /** Grouping columns of the count indicators: policy attributes, policy_year, attained_age, age_at_issue. */
  readonly by?: readonly string[];
  /** Indicators to study; all that apply when absent. */
  readonly indicators?: readonly Indicator[];
  /** Products to study; default the ten with the largest cumulative premium (rule BT-MEASURE). */
  readonly products?: readonly string[];
  /** Width in years of the attained-age and issue-age bands (default 5). */
  readonly ageBand?: number;
  /** A rulebook, or the path of one; default the shipped rulebook. */
  readonly rules?: Rulebook | string;
  readonly progress?: Progress;
}

/** A pricing backtest (S1 §16): its cells, measures and findings, the rulebook and the files it read. */
export interface BacktestStudy extends BacktestResult {
  readonly rulebook: Rulebook;
  /** Files read (or warehouse tables), in the order they are recorded in an evidence bundle. */
  readonly inputs: readonly string[];
  /**
   * The cells re-aggregated over the given columns, as actxps' `exp_stats` does: exposure, actual
   * and expected summed, then A/E = Σ actual ÷ Σ expected with its interval recomputed. Always
   * grouped by indicator; ledger indicators are pooled on their denominators (see `summariseCells`).
   * @param by any of product_code, period, policy_year and the study's grouping columns
   * @throws InputError for a column the cells do not have.
   * @example bt.summarise(['product_code']) // one row per product and indicator
   */
  summarise(by?: readonly string[]): readonly CellSummary[];
}

function day(text: string | undefined, name: string): DayNumber | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDayText(text);
  if (parsed === null) throw new InputError({ argument: name }, 'a date YYYY-MM-DD', text);
  return parsed;
}

/**
 * Runs a backtest on tables already open (a data folder's, or a ClickHouse database's through
 * `awb backtest --engine`); the caller closes the experience source.
 * @param inputs the files or warehouse tables read, as recorded in evidence
 * @throws InputError for bad input, a product not in the products table, or a bad rulebook.
 */
export async function backtestOn(tables: BacktestData, params: BacktestParams, rulebook: Rulebook, inputs: readonly string[]): Promise<BacktestStudy> {
  const result = await studyExperience(tables, {
    basis: params.basis,
    asOf: day(params.asOf, 'asOf')!,
    from: day(params.from, 'from'),
    by: params.by ?? [],
    indicators: params.indicators && params.indicators.length > 0 ? params.indicators : undefined,
    products: params.products && params.products.length > 0 ? params.products : undefined,
    ageBandWidth: params.ageBand ?? 5,
    rulebook,
    progress: params.progress,
  });
  const confidence = measureRule(rulebook).confidence;
  const cells: readonly BacktestCell[] = result.cells;
  return Object.freeze({
    ...result,
    rulebook,
    inputs,
    summarise: (by: readonly string[] = []) => summariseCells(cells, result.basis, by, confidence),
  });
}

/**
 * A pricing backtest of a data folder (S1 §16): exposure and actual against expected counts of
 * lapse, surrender, death and incidence from policies and claims (run in SQL on DuckDB), ledger
 * indicators from the finance table, measures over calendar periods and their findings.
 * @throws InputError for bad input in any table, a bad date, or a bad rulebook.
 * @example const bt = await backtest(await openData('data/sample'), { basis: 'calendar-quarter', asOf: '2025-12-31' });
 * bt.summarise(['product_code']).find((r) => r.product_code === 'TRM01' && r.indicator === 'lapse')?.ae // ≈ 1.2
 */
export async function backtest(data: Data, params: BacktestParams): Promise<BacktestStudy> {
  const rulebook = typeof params.rules === 'object' ? params.rules : loadRulebook(params.rules);
  const folder = await data.tables(['products', 'assumptions'], ['finance']);
  const policiesFile = requireTableFile(data.dir, 'policies');
  const claimsFile = data.file('claims');
  const experience = await openFileSource({ policies: policiesFile, claims: claimsFile }, data.read);
  const inputs = [folder.products.file, policiesFile, folder.assumptions.file, claimsFile, folder.finance?.file].filter((f): f is string => f !== undefined);
  return backtestOn({ products: folder.products, experience, assumptions: folder.assumptions, finance: folder.finance }, params, rulebook, inputs).finally(() => experience.close());
}
