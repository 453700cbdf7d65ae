import { type DayNumber, formatDay } from '../data/dates';
import { InputError } from '../data/InputError';
import type { Table } from '../data/parseTable';
import { type Period, periodEnd, periodStart } from '../data/period';
import type { ServiceEventRow } from '../data/rows';
import { SERVICE_EVENT_TYPES, type ServiceEventType } from '../data/schema';
import type { Dec } from '../money/decimal';
import { compare, COMPARISON_SYMBOL, ratio } from '../money/ratio';
import { type Finding, makeFinding, sortFindings } from '../rules/finding';
import { percentText } from '../rules/percentText';
import { type JudgedEvent, judgeEvent } from './judgeEvent';
import { nearestRank } from './nearestRank';
import { limitText, limitTextZh, type ServiceLimit, type ServiceStandardsRules } from './serviceLimits';
import type { CountingConvention, TimeLimit } from './timeLimit';
import { coversDay, coveredYearsText, type WorkingCalendar } from './workingCalendar';

/** Columns the results may be broken down by. */
export type ServiceGroupColumn = 'region' | 'branch' | 'channel';
export const SERVICE_GROUP_COLUMNS: readonly ServiceGroupColumn[] = ['region', 'branch', 'channel'];

/** The label of events whose grouping cell is empty. */
export const NO_SERVICE_GROUP = '(none)';

/** Options of the study. */
export interface ServiceStandardsOptions {
  /** The events received in this quarter (2025Q4) or year (2025) are judged. */
  readonly period: Period;
  /** The date at which they are judged (default: the period's last day). */
  readonly asOf?: DayNumber;
  /** The breakdown besides the totals per type. */
  readonly by?: ServiceGroupColumn;
}

/** One event type's results, for all events (`group` null) or one group. */
export interface ServiceCell {
  readonly type: ServiceEventType;
  /** The group (a region, branch or channel), or null for all events of the type. */
  readonly group: string | null;
  /** The rule that sets the type's standard. */
  readonly rule_id: string;
  /** Events received in the period (in the rule's channels). */
  readonly events: number;
  readonly complex: number;
  readonly on_time: number | null;
  readonly late: number | null;
  readonly open_overdue: number | null;
  readonly open_within_limit: number | null;
  /** on_time + late + open_overdue: the events the limit has judged by the as-of date. */
  readonly judged: number | null;
  /** on_time ÷ judged, exact; null when nothing is judged or the type has no time limit. */
  readonly on_time_rate: Dec | null;
  /** Nearest-rank median and 95th percentile of the working days taken by events done. */
  readonly median_working_days: number | null;
  readonly p95_working_days: number | null;
  /** Consultations: answered requests and the connection rate (connected ÷ events), exact. */
  readonly connected: number | null;
  readonly connection_rate: Dec | null;
  readonly limit: TimeLimit | null;
  readonly complex_limit: TimeLimit | null;
}

/** The S1 §6 study of a period: cells, the late and overdue events, findings. */
export interface ServiceStandards {
  readonly period: Period;
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly as_of: DayNumber;
  readonly by: ServiceGroupColumn;
  readonly calendar: { readonly id: string; readonly version: string; readonly sha256: string; readonly years: string };
  readonly convention: CountingConvention;
  /** Per type (group null) then per type and group, in the order of the types. */
  readonly cells: readonly ServiceCell[];
  /** Per type and branch, for the branch trigger (ILI-SVC-BRANCH). */
  readonly branches: readonly ServiceCell[];
  /** Every late or overdue event, in file order. */
  readonly exceptions: readonly JudgedEvent[];
  /** Events of the period outside the rules' channels (offline service), not judged. */
  readonly out_of_channel: number;
  readonly findings: readonly Finding[];
}

const TYPES = Object.keys(SERVICE_EVENT_TYPES) as ServiceEventType[];

/** The Chinese name of each event type (the schema's first alias). */
export const SERVICE_TYPE_ZH: Readonly<Record<ServiceEventType, string>> = Object.fromEntries(TYPES.map((t) => [t, SERVICE_EVENT_TYPES[t][0]])) as Record<ServiceEventType, string>;

function groupValue(row: ServiceEventRow, by: ServiceGroupColumn): string {
  return row[by] ?? NO_SERVICE_GROUP;
}

function timeCell(type: ServiceEventType, group: string | null, rule: ServiceLimit, judged: readonly JudgedEvent[]): ServiceCell {
  const count = (s: JudgedEvent['status']) => judged.filter((j) => j.status === s).length;
  const onTime = count('on_time');
  const late = count('late');
  const overdue = count('open_overdue');
  const decided = onTime + late + overdue;
  const taken = judged.filter((j) => j.working_days !== null).map((j) => j.working_days!).sort((a, b) => a - b);
  return {
    type,
    group,
    rule_id: rule.rule.id,
    events: judged.length,
    complex: judged.filter((j) => j.complex).length,
    on_time: onTime,
    late,
    open_overdue: overdue,
    open_within_limit: count('open_within_limit'),
    judged: decided,
    on_time_rate: ratio(onTime, decided),
    median_working_days: nearestRank(taken, 50),
    p95_working_days: nearestRank(taken, 95),
    connected: null,
    connection_rate: null,
    limit: rule.limit,
    complex_limit: rule.complex_limit,
  };
}

function connectionCell(type: ServiceEventType, group: string | null, ruleId: string, rows: readonly ServiceEventRow[]): ServiceCell {
  const connected = rows.filter((r) => r.connected === true).length;
  return {
    type,
    group,
    rule_id: ruleId,
    events: rows.length,
    complex: rows.filter((r) => r.complex === true).length,
    on_time: null,
    late: null,
    open_overdue: null,
    open_within_limit: null,
    judged: null,
    on_time_rate: null,
    median_working_days: null,
    p95_working_days: null,
    connected,
    connection_rate: ratio(connected, rows.length),
    limit: null,
    complex_limit: null,
  };
}

/** Groups items by a key, keys sorted (code-point order, so the same on every machine). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const pct = (rate: Dec) => percentText(rate, undefined, 2);

/**
 * The online service standards of S1 §6 for the events received in a period: each event judged
 * against its time limit on the working-day calendar at the as-of date (see `judgeEvent`),
 * counted per type and per type and group (region by default) with on-time rates and the working
 * days taken; the connection rate of consultations; and the findings of the ILI-SVC rules:
 * - a time-limit rule fires when any event of its type was late or is open past its limit;
 * - ILI-SVC-CONNECT fires when the connection rate fails its standard (exactly 95% meets "不低于95%");
 * - ILI-SVC-BRANCH names each branch whose on-time rate for a type fails the trigger.
 * Events outside the rules' channels (offline) are counted apart and not judged; an empty channel
 * counts as online.
 * @throws InputError when the calendar does not cover the period or the as-of date, or a
 * completion precedes its receipt (naming the row and column).
 * @example serviceStandards(events, loadWorkingCalendar(), serviceStandardsRules(loadRulebook()), { period: '2025Q4' as Period }).cells[0]
 */
export function serviceStandards(events: Table<ServiceEventRow>, calendar: WorkingCalendar, rules: ServiceStandardsRules, options: ServiceStandardsOptions): ServiceStandards {
  const from = periodStart(options.period);
  const to = periodEnd(options.period);
  const asOf = options.asOf ?? to;
  const by = options.by ?? 'region';
  if (asOf < from) throw new InputError({ argument: '--as-of' }, `a date on or after the period's first day ${formatDay(from)}`, formatDay(asOf));
  // Every day an event is judged on lies between its receipt in the period and the as-of date.
  for (const [what, day] of [[options.asOf === undefined ? 'the period' : '--as-of', asOf], ['the period', from]] as const) {
    if (!coversDay(calendar, day)) {
      throw new InputError(
        { argument: what, file: calendar.file },
        `dates in the years the working-day calendar covers (${coveredYearsText(calendar)}); a year missing is not guessed: add its State Council notice to a copy (awb calendar --export) and pass --calendar`,
        formatDay(day),
      );
    }
  }
  const inPeriod = events.rows.filter((r) => r.received_at >= from && r.received_at <= to && r.received_at <= asOf);
  const inChannel = (channels: readonly string[]) => (r: ServiceEventRow) => channels.includes(r.channel ?? 'online');
  const cells: ServiceCell[] = [];
  const branches: ServiceCell[] = [];
  const exceptions: JudgedEvent[] = [];
  const findings: Finding[] = [];
  let outOfChannel = 0;
  const label = options.period;
  for (const type of TYPES) {
    const ofType = inPeriod.filter((r) => r.type === type);
    if (type === rules.connection.event_type) {
      const c = rules.connection;
      const rows = ofType.filter(inChannel(c.channels));
      outOfChannel += ofType.length - rows.length;
      const total = connectionCell(type, null, c.rule.id, rows);
      cells.push(total, ...groupBy(rows, (r) => groupValue(r, by)).map(([g, rs]) => connectionCell(type, g, c.rule.id, rs)));
      if (total.connection_rate !== null && !compare(total.connection_rate, c.comparison, c.min_rate)) {
        const rate = percentText(total.connection_rate, c.min_rate, 2);
        findings.push(
          makeFinding(c.rule, {
            period: label,
            message: `${total.connected} of ${total.events} online consultations and service requests received in ${label} were answered, a connection rate of ${rate}; S1 §6 item 1 requires ${COMPARISON_SYMBOL[c.comparison]} ${pct(c.min_rate)}`,
            message_zh: `${label}接收的在线咨询或服务请求 ${total.events} 次，接通 ${total.connected} 次，接通率 ${rate}，未达到“接通率不低于${pct(c.min_rate)}”的要求`,
            values: { events: total.events, connected: total.connected, connection_rate: total.connection_rate.toNumber(), min_rate: c.min_rate.toNumber() },
          }),
        );
      }
      continue;
    }
    const rule = rules.limits.find((l) => l.event_type === type);
    if (!rule) continue;
    const rows = ofType.filter(inChannel(rule.channels));
    outOfChannel += ofType.length - rows.length;
    const judged = rows.map((r) => judgeEvent(calendar, rules.convention, rule, r, asOf, events));
    exceptions.push(...judged.filter((j) => j.status === 'late' || j.status === 'open_overdue'));
    const total = timeCell(type, null, rule, judged);
    cells.push(total, ...groupBy(judged, (j) => groupValue(j.row, by)).map(([g, js]) => timeCell(type, g, rule, js)));
    const byBranch = groupBy(judged, (j) => groupValue(j.row, 'branch')).map(([g, js]) => timeCell(type, g, rule, js));
    branches.push(...byBranch);
    const missed = total.late! + total.open_overdue!;
    if (missed > 0) {
      const worst = byBranch
        .filter((b) => b.late! + b.open_overdue! > 0)
        .sort((a, b) => b.late! + b.open_overdue! - (a.late! + a.open_overdue!) || (a.group! < b.group! ? -1 : 1))
        .slice(0, 3)
        .map((b) => `${b.group} ${b.late! + b.open_overdue!}`);
      const limits = rule.complex_limit ? `${limitText(rule.limit)} (complex cases ${limitText(rule.complex_limit)})` : limitText(rule.limit);
      const limitsZh = rule.complex_limit ? `${limitTextZh(rule.limit)}（复杂情形${limitTextZh(rule.complex_limit)}）` : limitTextZh(rule.limit);
      const rate = total.on_time_rate === null ? '–' : pct(total.on_time_rate);
      findings.push(
        makeFinding(rule.rule, {
          period: label,
          message: `${missed} of ${total.judged} ${type} events received in ${label} and judged missed the limit of ${limits} (${total.late} done late, ${total.open_overdue} still open past it; on-time rate ${rate}); most at ${worst.join(', ')}`,
          message_zh: `${label}接收的${SERVICE_TYPE_ZH[type]} ${total.judged} 件中 ${missed} 件未在${limitsZh}内完成（逾期完成 ${total.late} 件，逾期未完成 ${total.open_overdue} 件；时效达成率 ${rate}），主要在 ${worst.join('、')}`,
          values: {
            event_type: type,
            events: total.events,
            judged: total.judged,
            on_time: total.on_time,
            late: total.late,
            open_overdue: total.open_overdue,
            on_time_rate: total.on_time_rate === null ? null : total.on_time_rate.toNumber(),
            limit: limits,
          },
        }),
      );
    }
    const trigger = rules.branch;
    for (const b of byBranch) {
      if (b.group === NO_SERVICE_GROUP || b.on_time_rate === null || b.judged! < trigger.min_judged || !compare(b.on_time_rate, trigger.comparison, trigger.min_on_time_rate)) continue;
      const rate = percentText(b.on_time_rate, trigger.min_on_time_rate, 2);
      findings.push(
        makeFinding(trigger.rule, {
          period: label,
          message: `Branch ${b.group} met the ${type} limit (${limitText(rule.limit)}${rule.complex_limit ? `; complex ${limitText(rule.complex_limit)}` : ''}) for only ${b.on_time} of ${b.judged} events received in ${label} and judged, an on-time rate of ${rate} (${COMPARISON_SYMBOL[trigger.comparison]} ${pct(trigger.min_on_time_rate)}, rule ${rule.rule.id})`,
          message_zh: `${b.group} ${label}接收的${SERVICE_TYPE_ZH[type]}时效达成率 ${rate}（${b.judged} 件中按时 ${b.on_time} 件），低于 ${pct(trigger.min_on_time_rate)}`,
          values: { branch: b.group, event_type: type, judged: b.judged, on_time: b.on_time, late: b.late, open_overdue: b.open_overdue, on_time_rate: b.on_time_rate.toNumber(), time_limit_rule: rule.rule.id },
        }),
      );
    }
  }
  return {
    period: options.period,
    from,
    to,
    as_of: asOf,
    by,
    calendar: { id: calendar.id, version: calendar.version, sha256: calendar.sha256, years: coveredYearsText(calendar) },
    convention: rules.convention,
    cells,
    branches,
    exceptions: exceptions.sort((a, b) => a.row.source_row - b.row.source_row),
    out_of_channel: outOfChannel,
    findings: sortFindings(findings),
  };
}

/** The totals per type (group null) of a study. */
export function typeTotals(study: ServiceStandards): ServiceCell[] {
  return study.cells.filter((c) => c.group === null);
}

/** An exact rate as a number for JSON, or null. */
export function rateNumber(rate: Dec | null): number | null {
  return rate === null ? null : rate.toNumber();
}
