import { type DayNumber, formatDay } from '../data/dates';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import type { ServiceEventRow } from '../data/rows';
import type { ServiceLimit } from './serviceLimits';
import { type CountingConvention, deadline, type TimeLimit, withinLimit, workingDaysTaken } from './timeLimit';
import type { WorkingCalendar } from './workingCalendar';

/**
 * Where an event stands at the as-of date: done within its limit, done after it, still open
 * past it, or still open within it (not judged yet).
 */
export type EventStatus = 'on_time' | 'late' | 'open_overdue' | 'open_within_limit';

/** One event judged against its time limit. */
export interface JudgedEvent {
  readonly row: ServiceEventRow;
  /** The limit that applies (the complex-case limit for a complex claim decision or surrender). */
  readonly limit: TimeLimit;
  readonly complex: boolean;
  readonly status: EventStatus;
  /** Working days taken, for an event done by the as-of date; null while open. */
  readonly working_days: number | null;
  /** The limit's last day, for a late or overdue event (null otherwise). */
  readonly deadline: DayNumber | null;
}

/**
 * Judges one event at the as-of date: the limit is the rule's, or its complex-case limit when the
 * event is marked complex; an event completed after the as-of date counts as open at that date.
 * Only the days up to the completion (or the as-of date) are looked up in the calendar.
 * @param table the service_events table, for messages
 * @throws InputError naming the row and column when the completion is before the receipt; from the
 * calendar when it does not cover a day needed (a year missing is an error, not a guess).
 * @example judgeEvent(calendar, DEFAULT_CONVENTION, policyServiceLimit, row, dayOf(2025, 12, 31), table).status // 'late' for 30 Sep → 11 Oct 2025
 */
export function judgeEvent(calendar: WorkingCalendar, convention: CountingConvention, rule: ServiceLimit, row: ServiceEventRow, asOf: DayNumber, table: Table<ServiceEventRow>): JudgedEvent {
  const complex = row.complex === true && rule.complex_limit !== null;
  const limit = complex ? rule.complex_limit! : rule.limit;
  const at = (column: 'received_at' | 'completed_at') => ({ file: table.file, row: row.source_row, column, header: table.headers[column] });
  const completed = row.completed_at !== null && row.completed_at <= asOf ? row.completed_at : null;
  if (row.completed_at !== null && row.completed_at < row.received_at) {
    throw new InputError(at('completed_at'), `a completion on or after received_at (${formatDay(row.received_at)})`, formatDay(row.completed_at));
  }
  const t = completed ?? asOf;
  const ok = withinLimit(calendar, convention, limit, row.received_at, t);
  if (completed !== null) {
    const taken = workingDaysTaken(calendar, convention, row.received_at, completed);
    return { row, limit, complex, status: ok ? 'on_time' : 'late', working_days: taken, deadline: ok ? null : deadline(calendar, convention, limit, row.received_at) };
  }
  return { row, limit, complex, status: ok ? 'open_within_limit' : 'open_overdue', working_days: null, deadline: ok ? null : deadline(calendar, convention, limit, row.received_at) };
}
