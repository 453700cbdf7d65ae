import { formatDay } from './dates';
import { InputError } from './InputError';
import type { RowBase } from './parseTable';
import type { PolicyRow } from './rows';
import type { TableName } from './schema';

/** Where a row check found its row: the file, the row number and the headers as written. */
export interface RowCheckContext {
  readonly file: string;
  readonly row: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** A check of one typed row against the other cells of the same row; throws InputError. */
export type RowCheck = (row: RowBase, context: RowCheckContext) => void;

/**
 * A policy's exit must be coherent: an exit date on or after the issue date, and an exit date
 * and an exit reason together (both empty while in force). A policy leaving before it was issued
 * would vanish from exposure; a date without a reason (or a reason without a date) cannot be
 * counted as a decrement or as in force.
 * @throws InputError naming the row and the column at fault.
 */
export function checkPolicyExit(row: RowBase, context: RowCheckContext): void {
  const p = row as PolicyRow;
  const at = (column: 'exit_date' | 'exit_reason') => ({ file: context.file, row: context.row, column, header: context.headers[column] });
  if (p.exit_date !== null && p.exit_date < p.issue_date) {
    throw new InputError(at('exit_date'), `an exit date on or after the issue date ${formatDay(p.issue_date)}`, formatDay(p.exit_date));
  }
  if (p.exit_date !== null && p.exit_reason === null) {
    throw new InputError(at('exit_reason'), 'an exit reason for a policy with an exit date (empty only while in force)', '');
  }
  if (p.exit_date === null && p.exit_reason !== null) {
    throw new InputError(at('exit_date'), `an exit date for a policy with exit reason ${p.exit_reason} (empty only while in force)`, '');
  }
}

/** The row checks of each table (checked after the row's cells parse). */
export const ROW_CHECKS: Partial<Record<TableName, RowCheck>> = {
  policies: checkPolicyExit,
};
