import { formatDay } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { limitText } from './serviceLimits';
import { rateNumber, type ServiceCell, type ServiceStandards } from './serviceStandards';

/**
 * A cell as a flat row, keyed by the study's grouping column (`region` by default): `{type,
 * region, events, on_time, late, open_overdue, on_time_rate, median_working_days,
 * p95_working_days, …}`; the totals of a type have the group null.
 * @example cellRow(study.cells[0], 'region') // { type: 'consultation', region: null, events: 20311, … }
 */
export function cellRow(c: ServiceCell, key: string): TableRow {
  return {
    type: c.type,
    [key]: c.group,
    events: c.events,
    on_time: c.on_time,
    late: c.late,
    open_overdue: c.open_overdue,
    on_time_rate: rateNumber(c.on_time_rate),
    median_working_days: c.median_working_days,
    p95_working_days: c.p95_working_days,
    open_within_limit: c.open_within_limit,
    judged: c.judged,
    complex: c.complex,
    connected: c.connected,
    connection_rate: rateNumber(c.connection_rate),
    time_limit: c.limit === null ? null : limitText(c.limit),
    complex_time_limit: c.complex_limit === null ? null : limitText(c.complex_limit),
    rule_id: c.rule_id,
  };
}

/** The rows of a study: per type (group null) and per type and group. */
export function serviceRows(study: ServiceStandards): TableRow[] {
  return study.cells.map((c) => cellRow(c, study.by));
}

/** The rows per type and branch. */
export function branchRows(study: ServiceStandards): TableRow[] {
  return study.branches.map((c) => cellRow(c, 'branch'));
}

/**
 * Every late or overdue event: its identifier (a service ticket number, not personal data),
 * type, branch and region, dates, the limit's last day and the working days taken (a completion
 * after the as-of date is not shown: at that date the event was open).
 */
export function exceptionRows(study: ServiceStandards): TableRow[] {
  return study.exceptions.map((j) => ({
    event_id: j.row.event_id,
    type: j.row.type,
    branch: j.row.branch,
    region: j.row.region,
    status: j.status,
    complex: j.complex,
    received_at: formatDay(j.row.received_at),
    deadline: j.deadline === null ? null : formatDay(j.deadline),
    completed_at: j.working_days === null || j.row.completed_at === null ? null : formatDay(j.row.completed_at),
    working_days: j.working_days,
    time_limit: limitText(j.limit),
  }));
}
