import type { Table } from '../data/parseTable';
import type { PremiumRow, TriangleRow } from '../data/rows';
import { type ReserveAnalysis, reserveAnalysis, type ReserveOptions } from '../lossratio/reserveAnalysis';
import { type DevelopmentConvention, type Triangle, triangleFromRows } from '../lossratio/triangle';

/** How to reserve a triangle: the chain ladder's choices, the method, and the premiums it needs. */
export interface ReserveParams extends ReserveOptions {
  /** Earned premium (and `expected_loss_ratio`) by origin: needed by Bornhuetter–Ferguson, Cape Cod and Benktander, and for loss ratios. */
  readonly premiums?: Table<PremiumRow> | null;
  /** How a triangle table's development column is written: ages, valuation years, or 'auto' (default). */
  readonly development?: DevelopmentConvention;
}

/** The reserves of a triangle (`reserveAnalysis`), with the files read. */
export interface ReserveStudy extends ReserveAnalysis {
  /** The triangle table's file, when the triangle was given as a table, and the premiums table's. */
  readonly inputs: readonly string[];
}

const isTable = (t: Triangle | Table<TriangleRow>): t is Table<TriangleRow> => 'rows' in t;

/**
 * Reserves of a cumulative claims triangle: the chain ladder with Mack's (1993) standard errors,
 * or Bornhuetter–Ferguson, Cape Cod or Benktander on its development pattern; link-ratio choices,
 * Mack's (1994) calendar-year and factor-correlation tests, residuals, and ultimate loss ratios
 * when premiums are given. Money in yuan as the triangle holds it.
 * @param triangle a triangle (`triangleFromRows`), or a loaded triangle table (origin, development, value), such as a data folder's
 * @throws InputError for a triangle too small to develop, or options it cannot support (no a priori for Bornhuetter–Ferguson, an exclusion outside the triangle).
 * @example const r = reserve(await (await openData('data/sample')).table('triangle'));
 * r.method.estimate.total.ibnr // the total IBNR by the chain ladder, yuan
 */
export function reserve(triangle: Triangle | Table<TriangleRow>, params: ReserveParams = {}): ReserveStudy {
  const { premiums = null, development = 'auto', ...options } = params;
  const file = isTable(triangle) ? triangle.file : undefined;
  const cumulative = isTable(triangle) ? triangleFromRows(triangle.rows, development, triangle.file) : triangle;
  const analysis = reserveAnalysis(cumulative, premiums ? premiums.rows : null, options, { triangle: file, premiums: premiums?.file });
  return Object.freeze({ ...analysis, inputs: [...(file ? [file] : []), ...(premiums ? [premiums.file] : [])] });
}
