import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { staffTables, STAFF_TABLES } from '../conduct/staffSources';
import { type RegistrationReconciliation, reconcileRegistration } from '../conduct/reconcileRegistration';
import { type RecordingTraceability, recordingTraceability } from '../conduct/recordingTraceability';
import { TRACEABILITY_TABLES, traceabilityData } from '../conduct/traceabilityData';
import { formatDay, parseDayText } from '../data/dates';
import { periodEnd, periodYear, type Quarter, quarterNumber } from '../data/period';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { type Finding, sortFindings } from '../rules/finding';
import type { Rulebook } from '../rules/rulebook';
import { analyseSurvey, DEFAULT_ANALYSIS_OPTIONS, fitSurvey, type SurveyAnalysis } from '../satisfaction/analyseSurvey';
import { type GroupColumn, GROUP_COLUMNS } from '../satisfaction/surveyMatrix';
import { loadSurveyModel } from '../satisfaction/surveyModel';
import { serviceStandardsRules } from '../service/serviceLimits';
import { type ServiceStandards, serviceStandards } from '../service/serviceStandards';
import { DEFAULT_CALENDAR_PATH, loadWorkingCalendar, type WorkingCalendar } from '../service/workingCalendar';
import type { ReserveMethod } from '../lossratio/reserveEstimate';
import { backtest, type BacktestStudy } from './backtest';
import { eligibility, type EligibilityStudy } from './eligibility';
import { expenseCaps, type ExpenseCapsStudy } from './expenseCaps';
import { lossRatios, type LossRatioStudy } from './lossRatios';
import type { Data } from './openData';
import { rulebookOf } from './rulebookParam';

/** The sections of a quarterly review, in the order they appear. */
export const REVIEW_SECTIONS = ['backtest', 'lossratio', 'expense', 'eligibility', 'satisfaction', 'service', 'conduct'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

/** What a quarterly review studies. */
export interface ReviewStudyParams {
  /** The quarter reviewed: experience to its last day. */
  readonly quarter: Quarter;
  /** A rulebook, or the path of one, used by every section; default the shipped rulebook. */
  readonly rules?: Rulebook | string | null;
  /** The survey's model file; default survey_model.json beside the survey. */
  readonly surveyModel?: string | null;
  /** A working-day calendar file for the service section; default the shipped one. */
  readonly calendar?: string | null;
  /** The sections to study; default all. A section left out is null in the result. */
  readonly sections?: readonly ReviewSection[];
  readonly progress?: Progress;
}

/** The satisfaction indices (S3 art. 22–24), one analysis for each grouping column the survey has (or one without groups). */
export interface SatisfactionStudy {
  readonly status: 'complete';
  readonly survey: string;
  readonly model: string;
  /** The analyses, in the order company, region, stage; all share one whole-sample PLS estimate. */
  readonly analyses: readonly { readonly by: GroupColumn | null; readonly analysis: SurveyAnalysis }[];
}

/** Why the data folder has no satisfaction section: no survey table, or no model beside it (detail: the folder or the survey). */
export interface SatisfactionSkipped {
  readonly status: 'no-survey' | 'no-survey-model';
  readonly detail: string;
}

/** The S1 §6 service study of the quarter with the calendar it counted working days on. */
export interface ServiceSection {
  readonly study: ServiceStandards;
  readonly calendar: WorkingCalendar;
  /** The service_events table, and the calendar when it is not the shipped one. */
  readonly inputs: readonly string[];
}

/** A sales-conduct study with the files it read. */
export interface ConductSection<R> {
  readonly result: R;
  readonly inputs: readonly string[];
}

/** Everything a quarterly review computes, section by section, each on the same opened data folder. */
export interface ReviewStudy {
  readonly quarter: Quarter;
  /** The backtest's as-of date and the registration's count date: the quarter's last day, ISO. */
  readonly asOf: string;
  /** The latest year complete at the quarter end, the last year of the loss-ratio rules' windows. */
  readonly year: number;
  readonly rulebook: Rulebook;
  /** Calendar-quarter backtest to the quarter end (S1 §16). Each section is null when it was not asked for. */
  readonly backtest: BacktestStudy | null;
  /** Loss ratios and the S2 rules; with ultimates when the folder has a claims triangle. */
  readonly lossRatios: LossRatioStudy | null;
  readonly expense: ExpenseCapsStudy | null;
  readonly eligibility: EligibilityStudy | null;
  readonly satisfaction: SatisfactionStudy | SatisfactionSkipped | null;
  /** Also null when the folder has no service_events table. */
  readonly service: ServiceSection | null;
  /** Also null when the folder lacks sales_staff_registry or sales_staff_statistics. */
  readonly registration: ConductSection<RegistrationReconciliation> | null;
  /** Also null when the folder has no recordings table. */
  readonly traceability: ConductSection<RecordingTraceability> | null;
  /** The findings of every section, most severe first; the backtest's earlier quarters are left to its measures. */
  readonly findings: readonly Finding[];
}

/**
 * The latest calendar year complete at the end of the quarter (the loss-ratio rules judge
 * complete years, S2): the quarter's own year for a fourth quarter, else the year before.
 * @example latestCompleteYear('2025Q4') // 2025; latestCompleteYear('2025Q3') // 2024
 */
export function latestCompleteYear(quarter: Quarter): number {
  return quarterNumber(quarter) === 4 ? periodYear(quarter) : periodYear(quarter) - 1;
}

/**
 * The method of the immature accident years of the triangle's book: Bornhuetter–Ferguson when
 * every short-term product (term ≤ 12 months) has a pricing loss ratio, else Cape Cod (its a
 * priori comes from the triangle); null without a triangle.
 */
export async function reviewUltimateMethod(data: Data): Promise<ReserveMethod | null> {
  if (!data.file('triangle') || !data.file('products')) return null;
  const rows = (await data.table('products')).rows.filter((r) => r.term_months <= 12);
  return rows.every((r) => r.expected_loss_ratio !== null) ? 'bf' : 'capecod';
}

/** A progress whose phases are labelled with the section they belong to. */
function labelled(progress: Progress, prefix: string): Progress {
  return { start: (label, total) => progress.start(`${prefix}: ${label}`, total), tick: (n) => progress.tick(n), stop: () => progress.stop() };
}

/**
 * The satisfaction section: the survey's indices by company, region and stage (S3: indices by
 * company, region and business stage), with the path model estimated once on the whole survey.
 */
async function satisfaction(data: Data, surveyModel: string | null): Promise<SatisfactionStudy | SatisfactionSkipped> {
  const survey = data.file('survey');
  if (!survey) return { status: 'no-survey', detail: data.dir };
  const modelFile = surveyModel ?? join(dirname(survey), 'survey_model.json');
  if (!existsSync(modelFile)) return { status: 'no-survey-model', detail: survey };
  const model = loadSurveyModel(modelFile);
  const table = await data.table('survey');
  const groups = GROUP_COLUMNS.filter((c) => table.columns.includes(c));
  const shared = fitSurvey(table, model, DEFAULT_ANALYSIS_OPTIONS);
  const analyses = [];
  for (const by of groups.length === 0 ? [null] : groups) analyses.push({ by, analysis: await analyseSurvey(table, model, { ...DEFAULT_ANALYSIS_OPTIONS, by }, shared) });
  return { status: 'complete', survey, model: modelFile, analyses };
}

/**
 * The chief actuary's quarterly review as typed studies on one opened data folder (each table is
 * read once, whichever sections use it): the calendar-quarter backtest to the quarter end (S1 §16),
 * loss ratios and the S2 rules for the latest complete year (with the triangle's ultimates by
 * Bornhuetter–Ferguson, or Cape Cod when a short-term product has no pricing loss ratio), expense
 * caps, eligibility at the quarter, the satisfaction indices by company, region and stage (one PLS
 * estimate of the whole survey), and, where the folder has their tables, the S1 §6 service study,
 * the sales-staff registration at the quarter end (S5) and the quarter's sales recordings (S4).
 * @throws InputError for bad input in any section, or a bad rulebook, survey model or calendar.
 * @example const r = await review(await openData('data/sample'), { quarter: '2025Q4' });
 * r.findings.filter((f) => f.severity === 'critical').map((f) => f.rule_id)
 */
export async function review(data: Data, params: ReviewStudyParams): Promise<ReviewStudy> {
  const { quarter } = params;
  const progress = params.progress ?? SILENT_PROGRESS;
  const rulebook = rulebookOf(params.rules);
  const asOf = formatDay(periodEnd(quarter));
  const year = latestCompleteYear(quarter);
  const asked = new Set<ReviewSection>(params.sections ?? REVIEW_SECTIONS);
  const bt = asked.has('backtest') ? await backtest(data, { basis: 'calendar-quarter', asOf, rules: rulebook, progress: labelled(progress, 'backtest') }) : null;
  let lr: LossRatioStudy | null = null;
  if (asked.has('lossratio')) {
    const ultimate = await reviewUltimateMethod(data);
    lr = await lossRatios(data, { year, ...(ultimate === null ? {} : { ultimate, matureAt: 0.9 }), rules: rulebook });
  }
  const expense = asked.has('expense') ? await expenseCaps(data, { rules: rulebook }) : null;
  const elig = asked.has('eligibility') ? await eligibility(data, { quarter, rules: rulebook }) : null;
  const sat = asked.has('satisfaction') ? await satisfaction(data, params.surveyModel ?? null) : null;
  let service: ServiceSection | null = null;
  const events = asked.has('service') ? await data.optionalTable('service_events') : undefined;
  if (events) {
    const calendar = loadWorkingCalendar(params.calendar ?? DEFAULT_CALENDAR_PATH);
    const study = serviceStandards(events, calendar, serviceStandardsRules(rulebook), { period: quarter });
    service = { study, calendar, inputs: [events.file, ...(params.calendar ? [params.calendar] : [])] };
  }
  let registration: ConductSection<RegistrationReconciliation> | null = null;
  if (asked.has('conduct') && data.file('sales_staff_registry') && data.file('sales_staff_statistics')) {
    const { tables, inputs } = staffTables(await data.tables(STAFF_TABLES.required, STAFF_TABLES.optional));
    registration = { result: reconcileRegistration(tables, parseDayText(asOf)!, rulebook), inputs };
  }
  let traceability: ConductSection<RecordingTraceability> | null = null;
  if (asked.has('conduct') && data.file('recordings')) {
    const folder = traceabilityData(await data.tables(TRACEABILITY_TABLES.required, TRACEABILITY_TABLES.optional));
    traceability = { result: recordingTraceability(folder.sales, folder.recordings, quarter, rulebook), inputs: folder.inputs };
  }
  const findings = [
    bt?.findings.filter((f) => f.period === undefined || f.period === quarter) ?? [],
    lr?.findings ?? [],
    expense?.findings ?? [],
    elig?.findings ?? [],
    service?.study.findings ?? [],
    registration?.result.findings ?? [],
    traceability?.result.findings ?? [],
  ].flatMap(sortFindings);
  return Object.freeze({
    quarter,
    asOf,
    year,
    rulebook,
    backtest: bt,
    lossRatios: lr,
    expense,
    eligibility: elig,
    satisfaction: sat,
    service,
    registration,
    traceability,
    findings: sortFindings(findings),
  });
}
