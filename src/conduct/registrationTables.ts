import { formatDay } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { type Fraction, fractionToNumber } from '../money/fraction';
import type { RegistrationGroup, RegistrationReconciliation } from './reconcileRegistration';
import { STAFF_SOURCES } from './staffSources';

const rate = (f: Fraction | null) => (f === null ? null : fractionToNumber(f));

/**
 * The reconciliation's groups as flat rows (the `groups` table of `awb registration`): level,
 * branch, channel, the staff count of each source, and for each source compared with the
 * registration system the matched staff, those in one and not the other, the difference rate
 * (|registry − source| ÷ source) and the record-level mismatch rate; then the share of staff with
 * missing elements, its band and the elements missed most. Rates are fractions (0.12 = 12%).
 * @example registrationGroupRows(result)[0] // { level: 'company', branch: null, channel: null, registry: 2400, statistics: 2391, …, difference_rate_statistics: 0.0037…, … }
 */
export function registrationGroupRows(result: RegistrationReconciliation): TableRow[] {
  const present = result.sources.map((s) => s.source);
  return result.groups.map((g) => {
    const row: Record<string, string | number | null> = { level: g.level, branch: g.branch, channel: g.channel };
    for (const s of STAFF_SOURCES) if (present.includes(s)) row[s] = g.counts[s] ?? 0;
    for (const c of g.comparisons) {
      row[`matched_${c.source}`] = c.matched;
      row[`registry_not_in_${c.source}`] = c.registry_only;
      row[`${c.source}_not_in_registry`] = c.source_only;
      row[`difference_rate_${c.source}`] = rate(c.difference_rate);
      row[`record_mismatch_rate_${c.source}`] = rate(c.record_mismatch_rate);
      row[`branch_differs_${c.source}`] = c.branch_differs;
    }
    row.missing_source = g.missing.source;
    row.staff_with_missing_elements = g.missing.with_missing;
    row.missing_rate = rate(g.missing.rate);
    row.missing_band = g.missing.band?.label ?? null;
    row.most_missing = mostMissing(g);
    return row;
  });
}

/**
 * The elements a group misses most, with counts: 'education 12; contract_type 6; certificate_no 3'.
 * @param name how an element is named (as the rulebook names it by default)
 */
export function mostMissing(g: RegistrationGroup, top = 3, name: (element: string) => string = (e) => e): string {
  return g.missing.elements
    .filter((e) => e.missing > 0)
    .slice(0, top)
    .map((e) => `${name(e.element)} ${e.missing}`)
    .join('; ');
}

/**
 * Each required element per group (the `elements` table): how many staff miss it and their share.
 * @example registrationElementRows(result).find((r) => r.level === 'company' && r.element === 'education') // { …, missing: 150, staff: 2400, share: 0.0625 }
 */
export function registrationElementRows(result: RegistrationReconciliation): TableRow[] {
  const present = new Map(result.required_elements.map((e) => [e.element, e.present]));
  return result.groups.flatMap((g) =>
    g.missing.elements.map((e) => ({
      level: g.level,
      branch: g.branch,
      channel: g.channel,
      element: e.element,
      column_present: present.get(e.element) ?? false,
      missing: e.missing,
      staff: g.missing.staff,
      share: g.missing.staff === 0 ? null : e.missing / g.missing.staff,
    })),
  );
}

/**
 * What reading each source found (the `sources` table): rows, staff active at the as-of date,
 * inactive rows, repeated and missing identifiers, invalid ID numbers, 15-digit numbers converted.
 */
export function registrationSourceRows(result: RegistrationReconciliation): TableRow[] {
  return result.sources.map((s) => ({
    source: s.source,
    table: s.table,
    key_column: s.key_column,
    rows: s.rows,
    active: s.rows - s.inactive - s.duplicates,
    inactive: s.inactive,
    duplicates: s.duplicates,
    without_key: s.without_key,
    invalid_id_numbers: s.invalid_id_numbers,
    converted_15_digit: s.converted_15_digit,
    as_of: formatDay(result.as_of),
  }));
}

/** The records without a counterpart (the `unmatched` table): pair, source, table, row, reference, branch, channel. */
export function unmatchedRows(result: RegistrationReconciliation): TableRow[] {
  return result.unmatched.map((u) => ({ compared_with: u.compared_with, source: u.source, table: u.table, row: u.row, ref: u.ref, branch: u.branch, channel: u.channel }));
}
