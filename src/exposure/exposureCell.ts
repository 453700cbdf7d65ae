import type { StudyBasis } from './studyBasis';

/** Grouping columns that are computed rather than read: the policy year and the two age bands. */
export const DERIVED_DIMENSIONS = ['policy_year', 'attained_age', 'age_at_issue'] as const;

/** One cell of an exposure study: a product, a period or policy year, and the grouping values. */
export interface ExposureCell {
  readonly product_code: string;
  /** Calendar period (`2024`, `2024Q3`, `2024-07`) on calendar bases, else null. */
  readonly period: string | null;
  /** Policy year on the policy-year basis, else null. */
  readonly policy_year: number | null;
  /** The value of each grouping column (age bands as `40-44`, or `40` for single ages). */
  readonly by: Readonly<Record<string, string | number | null>>;
  /** Exposure in policy-years. */
  readonly exposure: number;
  /** Studied exits, or claims when the study counts claims. */
  readonly actual: number;
  /** Claim amounts in yuan (paid plus case reserve) when the study counts claims, else null. */
  readonly claim_amount: number | null;
  /** Expected count from the assumption rates, or null without rates. */
  readonly expected: number | null;
}

/** The result of an exposure study. */
export interface ExposureStudy {
  readonly basis: StudyBasis;
  readonly asOf: string;
  readonly from: string;
  /** Grouping columns, in the order given. */
  readonly by: readonly string[];
  /** Cells sorted by product, grouping values, then period or policy year. */
  readonly cells: readonly ExposureCell[];
}

/**
 * The label of an age band: `40-44` for five-year bands, `40` for single ages.
 * @example ageBandLabel(8, 5) // '40-44'
 */
export function ageBandLabel(index: number, width: number): string | number {
  return width === 1 ? index : `${index * width}-${index * width + width - 1}`;
}

/** Orders two grouping values: nulls last, numbers and leading integers numerically, then text. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  const na = Number.parseInt(sa, 10);
  const nb = Number.parseInt(sb, 10);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Orders cells by product, grouping values, then period or policy year: the same book in any row
 * order (and on any engine) gives the same list.
 */
export function sortCells<C extends ExposureCell>(cells: C[]): C[] {
  return cells.sort((a, b) => {
    const byProduct = compareValues(a.product_code, b.product_code);
    if (byProduct !== 0) return byProduct;
    for (const name of Object.keys(a.by)) {
      const v = compareValues(a.by[name], b.by[name]);
      if (v !== 0) return v;
    }
    return compareValues(a.period ?? a.policy_year, b.period ?? b.policy_year);
  });
}
