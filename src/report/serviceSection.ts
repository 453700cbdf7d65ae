import type { Figure } from '../charts/figure';
import { serviceOnTimeFigure } from '../charts/serviceCharts';
import { formatDay } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { rateNumber, type ServiceStandards, typeTotals } from '../service/serviceStandards';
import type { Lang } from './labels';
import { wording } from './labels';

/** A table of the section: a heading, a note, its rows and the columns shown (rates as percentages). */
export interface SectionTable {
  readonly title: string;
  readonly note: string;
  readonly rows: readonly TableRow[];
  readonly columns: readonly string[];
  /** Columns holding rates (fractions), shown as percentages. */
  readonly percent: readonly string[];
  /** Shown instead of an empty table. */
  readonly empty: string;
}

/** What the review shows for the service standards: an introduction, tables, a chart, a note. */
export interface ServiceSectionContent {
  readonly intro: string;
  readonly tables: readonly SectionTable[];
  readonly figure: Figure;
  readonly notes: readonly string[];
}

/** Most rows of the branch and day tables; the bundle holds them all. */
const TOP = 12;

/**
 * The review's "Service standards" section, built from the S1 §6 study alone (so it can be
 * wired to any source of the study): the introduction with the period, as-of date, calendar and
 * counting convention; on-time rates by type; the branch and type pairs with the lowest on-time
 * rates among those that missed a limit; the days on which the late and overdue events were
 * received (the holiday lapses show up there); and the on-time heat map, in the review's language.
 * @example serviceSectionContent(study, 'zh').tables[0].title // '各服务类型时效达成率'
 */
export function serviceSectionContent(study: ServiceStandards, lang: Lang): ServiceSectionContent {
  const w = wording(lang).service;
  const limit = (c: { limit: { amount: number; unit: 'working_days' | 'calendar_days' } | null; complex_limit: { amount: number; unit: 'working_days' | 'calendar_days' } | null }) =>
    c.limit === null ? null : `${w.limit(c.limit.amount, c.limit.unit)}${c.complex_limit ? ` / ${w.limit(c.complex_limit.amount, c.complex_limit.unit)}` : ''}`;
  const byType = typeTotals(study).map((c) => ({
    type: c.type,
    time_limit: limit(c),
    events: c.events,
    judged: c.judged,
    on_time: c.on_time,
    late: c.late,
    open_overdue: c.open_overdue,
    on_time_rate: rateNumber(c.on_time_rate ?? c.connection_rate),
    median_working_days: c.median_working_days,
    p95_working_days: c.p95_working_days,
  }));
  const missed = study.branches
    .filter((b) => b.late! + b.open_overdue! > 0)
    .sort((a, b) => a.on_time_rate!.comparedTo(b.on_time_rate!) || (a.group! < b.group! ? -1 : a.group! > b.group! ? 1 : a.type < b.type ? -1 : 1));
  const byBranch = missed.slice(0, TOP).map((b) => ({ branch: b.group, type: b.type, judged: b.judged, late: b.late, open_overdue: b.open_overdue, on_time_rate: rateNumber(b.on_time_rate) }));
  const days = new Map<number, number>();
  for (const x of study.exceptions) days.set(x.row.received_at, (days.get(x.row.received_at) ?? 0) + 1);
  const byDay = [...days.entries()]
    .sort(([a, n], [b, m]) => m - n || a - b)
    .slice(0, TOP)
    .map(([day, n]) => ({ received_on: formatDay(day), exceptions: n }));
  return {
    intro: w.intro({
      period: study.period,
      from: formatDay(study.from),
      to: formatDay(study.to),
      asOf: formatDay(study.as_of),
      calendar: `${study.calendar.id} ${study.calendar.version}, ${study.calendar.years}`,
      receiptCounted: study.convention.receipt_day_counted,
    }),
    tables: [
      { title: w.byType, note: w.byTypeNote, rows: byType, columns: Object.keys(byType[0] ?? {}), percent: ['on_time_rate'], empty: w.noExceptions },
      { title: w.byBranch, note: w.byBranchNote(byBranch.length, missed.length), rows: byBranch, columns: ['branch', 'type', 'judged', 'late', 'open_overdue', 'on_time_rate'], percent: ['on_time_rate'], empty: w.noBranch },
      { title: w.byDay, note: w.byDayNote(byDay.length, days.size), rows: byDay, columns: ['received_on', 'exceptions'], percent: [], empty: w.noExceptions },
    ],
    figure: serviceOnTimeFigure(study, lang),
    notes: study.out_of_channel > 0 ? [w.outOfChannel(study.out_of_channel)] : [],
  };
}
