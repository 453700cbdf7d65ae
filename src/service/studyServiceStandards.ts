import { loadDataFolder } from '../data/dataFolder';
import type { ReadOptions } from '../data/readTable';
import type { DayNumber } from '../data/dates';
import type { Period } from '../data/period';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import { serviceStandardsRules } from './serviceLimits';
import { type ServiceGroupColumn, type ServiceStandards, serviceStandards } from './serviceStandards';
import { DEFAULT_CALENDAR_PATH, loadWorkingCalendar, type WorkingCalendar } from './workingCalendar';

/** What to study: the data folder, the period and the files that set the rules. */
export interface ServiceStudyParams {
  /** How the tables are read (--encoding, --header-row). */
  readonly read?: ReadOptions;
  readonly data: string;
  readonly period: Period;
  readonly asOf?: DayNumber;
  readonly by?: ServiceGroupColumn;
  /** A rulebook file, or null for the shipped one. */
  readonly rules: string | null;
  /** A working-day calendar file, or null for the shipped one. */
  readonly calendar: string | null;
}

/** A study with what it was computed from. */
export interface ServiceStudy {
  readonly study: ServiceStandards;
  readonly rulebook: Rulebook;
  readonly calendar: WorkingCalendar;
  /** Files read: the service_events table, and the calendar when it is not the shipped one. */
  readonly inputs: readonly string[];
}

/**
 * Reads a data folder's service_events, the rulebook and the working-day calendar, and runs the
 * S1 §6 study (`serviceStandards`) for the period. `awb service`, the quarterly review and the
 * service evaluation all go through here.
 * @throws InputError for a missing table, bad cells, a rulebook or calendar that does not load,
 * or a date the calendar does not cover.
 * @example (await studyServiceStandards({ data: 'data/sample', period: '2025Q4' as Period, rules: null, calendar: null })).study.findings
 */
export async function studyServiceStandards(p: ServiceStudyParams): Promise<ServiceStudy> {
  const rulebook = loadRulebook(p.rules ?? undefined);
  const calendar = loadWorkingCalendar(p.calendar ?? DEFAULT_CALENDAR_PATH);
  const folder = await loadDataFolder(p.data, ['service_events'], [], p.read ?? {});
  const study = serviceStandards(folder.service_events, calendar, serviceStandardsRules(rulebook), { period: p.period, asOf: p.asOf, by: p.by });
  return { study, rulebook, calendar, inputs: [folder.service_events.file, ...(p.calendar === null ? [] : [p.calendar])] };
}
