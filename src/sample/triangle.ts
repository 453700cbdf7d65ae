import { parseDayText, yearOf } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { formatCents } from '../money/cents';
import { STUDY_END, YEARS } from './company';
import type { SampleClaim } from './claims';

const STUDY_END_DAY = parseDayText(STUDY_END)!;

/**
 * Rows of triangle.csv: cumulative paid claims of the short-term book (every product with a
 * term of twelve months or less) by accident year (origin 2021–2025) and development age
 * (1 = payments within the accident year), from the claims settled by the study end — the
 * same payments as claims.csv. Values in yuan.
 * @example triangleRows(claims)[0] // { origin: 2021, development: 1, value: '685822.84' } for the default sample
 */
export function triangleRows(claims: readonly SampleClaim[]): TableRow[] {
  const last = YEARS[YEARS.length - 1];
  const paid = new Map<string, number>();
  for (const claim of claims) {
    if (claim.policy.product.kind !== 'short' || claim.paid > STUDY_END_DAY) continue;
    const key = `${yearOf(claim.incident)}:${yearOf(claim.paid)}`;
    paid.set(key, (paid.get(key) ?? 0) + claim.amount);
  }
  const rows: TableRow[] = [];
  for (const origin of YEARS) {
    let cumulative = 0;
    for (let development = 1; origin + development - 1 <= last; development++) {
      cumulative += paid.get(`${origin}:${origin + development - 1}`) ?? 0;
      rows.push({ origin, development, value: formatCents(cumulative) });
    }
  }
  return rows;
}
