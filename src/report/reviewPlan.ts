import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDay } from '../data/dates';
import { periodEnd, periodYear, type Quarter, quarterNumber } from '../data/period';
import { findTableFile } from '../data/readTable';
import { type Data, openData } from '../studies/openData';
import { type ReadParams, readArgv, readOptionsOf } from '../commands/readOptions';
import type { Lang } from './labels';

/** The recorded parameters of `awb review`. */
export type ReviewParams = {
  /** The data folder. */
  readonly data: string;
  readonly quarter: Quarter;
  readonly lang: Lang;
  /** A rulebook file passed on to every command, or null for the shipped one. */
  readonly rules: string | null;
  /** The survey's model file, or null for survey_model.json beside the survey. */
  readonly survey_model: string | null;
  /** A working-day calendar file for the service section, or null for the shipped one (absent in bundles filed before it existed). */
  readonly calendar?: string | null;
  /** The company named on the cover, or null for the data folder (absent in bundles filed before covers). */
  readonly company?: string | null;
  /** The chief actuary named in the cover's sign-off block, or null for a blank line (absent in bundles filed before covers). */
  readonly signatory?: string | null;
} & Partial<ReadParams>;

/** The sections of the review, in the order they appear. */
export const SECTIONS = ['backtest', 'lossratio', 'expense', 'eligibility', 'satisfaction', 'service', 'conduct'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** One command run that a section is built from: the command and its command-line arguments. */
export interface PlannedRun {
  /** Names the run's tables and charts in the bundle (`<id>_<name>`). */
  readonly id: string;
  readonly command: string;
  readonly argv: readonly string[];
}

/** A section to compute, or one that does not apply to this data folder (and why). */
export type SectionPlan =
  | { readonly id: SectionId; readonly command: string; readonly runs: readonly PlannedRun[] }
  | { readonly id: SectionId; readonly command: string; readonly skip: 'no-survey' | 'no-survey-model'; readonly detail: string };

/** The command each section is computed by. */
export const SECTION_COMMAND: Readonly<Record<SectionId, string>> = {
  backtest: 'backtest',
  lossratio: 'lossratio',
  expense: 'expense',
  eligibility: 'eligibility',
  satisfaction: 'icsi',
  service: 'service',
  conduct: 'registration',
};

/** Last day of the quarter, ISO (`2025Q4` → `2025-12-31`): the backtest's as-of date. */
export function quarterEndDate(quarter: Quarter): string {
  return formatDay(periodEnd(quarter));
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
 * `--ultimate <method>` for the loss-ratio section when the data folder has a claims triangle:
 * Bornhuetter–Ferguson when every short-term product (term ≤ 12 months) has a pricing loss ratio,
 * else Cape Cod (its a priori comes from the triangle); none without a triangle.
 */
async function ultimateArgs(data: Data): Promise<string[]> {
  if (!data.file('triangle') || !data.file('products')) return [];
  const rows = (await data.table('products')).rows.filter((r) => r.term_months <= 12);
  return ['--ultimate', rows.every((r) => r.expected_loss_ratio !== null) ? 'bf' : 'capecod'];
}

/**
 * Plans the command runs of a quarterly review. Each section is the output of one public `awb`
 * command run with the arguments a user would type, so the review composes exactly what the
 * commands compute:
 * - backtest: `backtest --data D --basis calendar-quarter --as-of <quarter end>`
 * - lossratio: `lossratio --data D --year <latest complete year>`, with `--ultimate bf` when the
 *   folder has a claims triangle (the immature accident years by Bornhuetter–Ferguson on the pricing
 *   loss ratios), or `--ultimate capecod` when a short-term product has no `expected_loss_ratio`
 * - expense: `expense --data D`
 * - eligibility: `eligibility --data D --quarter Q`
 * - satisfaction: `icsi --survey D/survey.csv --model M --by <group>` for each of company, region
 *   and stage that the survey has (S3: indices by company, region and business stage)
 * - service, only when the data folder has a service_events table: `service --data D --quarter Q`
 *   (S1 §6 time limits; `--calendar FILE` passed on when given)
 * - conduct (sales conduct, only when the data folder has its tables): `registration --data D
 *   --as-of <quarter end>` when it has sales_staff_registry and sales_staff_statistics, and
 *   `traceability --data D --quarter Q` when it has recordings
 * `--rules FILE` is passed to every rule-based command when given; `--encoding` and `--header-row`
 * to every command.
 * @param surveyGroups the grouping columns present in the survey (company, region, stage)
 * @param folder the data folder opened for the review (its products decide `--ultimate`); default
 * `p.data` opened with the review's reading options
 */
export async function planReview(p: ReviewParams, surveyGroups: (survey: string) => Promise<readonly string[]>, folder?: Data): Promise<SectionPlan[]> {
  const rules = p.rules === null ? [] : ['--rules', p.rules];
  const data = ['--data', p.data, ...readArgv(p)];
  const plans: SectionPlan[] = [
    { id: 'backtest', command: 'backtest', runs: [{ id: 'backtest', command: 'backtest', argv: [...data, '--basis', 'calendar-quarter', '--as-of', quarterEndDate(p.quarter), ...rules] }] },
    { id: 'lossratio', command: 'lossratio', runs: [{ id: 'lossratio', command: 'lossratio', argv: [...data, '--year', String(latestCompleteYear(p.quarter)), ...(await ultimateArgs(folder ?? (await openData(p.data, readOptionsOf(p))))), ...rules] }] },
    { id: 'expense', command: 'expense', runs: [{ id: 'expense', command: 'expense', argv: [...data, ...rules] }] },
    { id: 'eligibility', command: 'eligibility', runs: [{ id: 'eligibility', command: 'eligibility', argv: [...data, '--quarter', p.quarter, ...rules] }] },
  ];
  const survey = findTableFile(p.data, 'survey');
  if (!survey) {
    plans.push({ id: 'satisfaction', command: 'icsi', skip: 'no-survey', detail: p.data });
  } else {
    const model = p.survey_model ?? join(dirname(survey), 'survey_model.json');
    if (!existsSync(model)) {
      plans.push({ id: 'satisfaction', command: 'icsi', skip: 'no-survey-model', detail: survey });
    } else {
      const groups = await surveyGroups(survey);
      const base = ['--survey', survey, '--model', model, ...readArgv(p)];
      const runs = groups.length === 0 ? [{ id: 'icsi', command: 'icsi', argv: base }] : groups.map((g) => ({ id: `icsi_${g}`, command: 'icsi', argv: [...base, '--by', g] }));
      plans.push({ id: 'satisfaction', command: 'icsi', runs });
    }
  }
  if (findTableFile(p.data, 'service_events')) {
    const calendar = p.calendar ? ['--calendar', p.calendar] : [];
    plans.push({ id: 'service', command: 'service', runs: [{ id: 'service', command: 'service', argv: [...data, '--quarter', p.quarter, ...rules, ...calendar] }] });
  }
  const conduct: PlannedRun[] = [];
  if (findTableFile(p.data, 'sales_staff_registry') && findTableFile(p.data, 'sales_staff_statistics')) {
    conduct.push({ id: 'registration', command: 'registration', argv: [...data, '--as-of', quarterEndDate(p.quarter), ...rules] });
  }
  if (findTableFile(p.data, 'recordings')) conduct.push({ id: 'traceability', command: 'traceability', argv: [...data, '--quarter', p.quarter, ...rules] });
  if (conduct.length > 0) plans.push({ id: 'conduct', command: conduct[0].command, runs: conduct });
  return plans;
}
