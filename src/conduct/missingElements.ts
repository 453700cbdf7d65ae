import { isMissingCell } from '../data/parseCell';
import type { Table } from '../data/parseTable';
import type { SalesStaffRow } from '../data/rows';
import { normaliseKey, TABLES } from '../data/schema';

/** A required registration element and where a table holds it. */
export interface RequiredElement {
  /** The element as the rulebook names it. */
  readonly element: string;
  /** The canonical column it is, or null for a further column of the table (an attribute). */
  readonly column: string | null;
  /** The header of the further column, when it is one. */
  readonly header: string | null;
  /** Whether the table has the column at all (a missing column means every record misses the element). */
  readonly present: boolean;
}

/**
 * Finds each required element in a sales-staff table: a declared column by its canonical name or
 * any of its Chinese aliases (`education`, `学历`), or else a further column by its header, compared
 * without case, spaces or underscores.
 * @example requiredElements(registry, ['education', '手机号码']) // [{ element: 'education', column: 'education', header: null, present: true }, { element: '手机号码', column: null, header: '手机号码', present: true }]
 */
export function requiredElements(table: Table<SalesStaffRow>, elements: readonly string[]): RequiredElement[] {
  const columns = TABLES[table.name].columns;
  return elements.map((element) => {
    const key = normaliseKey(element);
    const spec = columns.find((c) => normaliseKey(c.name) === key || (c.aliases ?? []).some((a) => normaliseKey(a) === key));
    if (spec) return { element, column: spec.name, header: null, present: table.columns.includes(spec.name) };
    const header = table.attributeColumns.find((h) => normaliseKey(h) === key) ?? null;
    return { element, column: null, header, present: header !== null };
  });
}

/**
 * The required elements a record leaves empty (or whose column the table lacks), in the rulebook's order.
 * @example missingElementsOf(row, requiredElements(registry, ['education', 'contract_type'])) // ['education'] when only the education is empty
 */
export function missingElementsOf(row: SalesStaffRow, elements: readonly RequiredElement[]): string[] {
  const missing: string[] = [];
  for (const e of elements) {
    if (!e.present) missing.push(e.element);
    else if (e.column !== null) {
      if ((row as unknown as Record<string, unknown>)[e.column] === null) missing.push(e.element);
    } else if (isMissingCell(row.attributes[e.header!] ?? '')) missing.push(e.element);
  }
  return missing;
}
