import { createHash } from 'node:crypto';

/**
 * A reference to one person's row that names no one: the first 16 hex digits of the SHA-256 of
 * the table, the spreadsheet row and the normalised staff identifier. Whoever holds the input can
 * confirm which record is meant (and that it still holds the same person), while the evidence
 * shows no identifier. It is a fingerprint, not encryption: anyone who already has the input and
 * guesses an identifier could test it, so bundles stay internal evidence.
 * @param table the source table (`sales_staff_registry`)
 * @param row the spreadsheet row (header = 1)
 * @param key the normalised identifier ({@link normaliseStaffId})
 * @example rowReference('sales_staff_registry', 17, '11010519491231002X') // 16 hex digits, the same on every run
 */
export function rowReference(table: string, row: number, key: string): string {
  return createHash('sha256').update(`${table}\u0000${row}\u0000${key}`, 'utf8').digest('hex').slice(0, 16);
}
