import { formatDay } from '../data/dates';
import { periodEnd, type Quarter } from '../data/period';
import type { CommandParams } from '../commands/command';
import { type ReadParams, readArgv } from '../commands/readOptions';
import type { ReserveMethod } from '../lossratio/reserveEstimate';
import { MIN_GROUP_RESPONDENTS } from '../satisfaction/surveyDataWarnings';
import type { GroupColumn } from '../satisfaction/surveyMatrix';
import type { Lang } from './labels';

import { REVIEW_SECTIONS, type ReviewSection } from '../studies/review';

export { latestCompleteYear } from '../studies/review';

/** The recorded parameters of `awb review`. */
export type ReviewParams = {
  /** The data folder. */
  readonly data: string;
  readonly quarter: Quarter;
  readonly lang: Lang;
  /** A rulebook file used by every section, or null for the shipped one. */
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
export const SECTIONS = REVIEW_SECTIONS;
export type SectionId = ReviewSection;

/** The `awb` command that computes the same figures as a section, named in its record. */
export const SECTION_COMMAND: Readonly<Record<SectionId, string>> = {
  backtest: 'backtest',
  lossratio: 'lossratio',
  expense: 'expense',
  eligibility: 'eligibility',
  satisfaction: 'icsi',
  service: 'service',
  conduct: 'registration',
};

/**
 * The record of one study a section ran: the `awb` command line that computes the same output on
 * its own, and that command's parameters (as its command line parses them), for the review's
 * result.json. The review itself calls the studies; the record lets a reader rerun one section.
 */
export interface RunRecord {
  /** Names the run's tables and charts in the bundle (`<id>_<name>`). */
  readonly id: string;
  readonly command: string;
  readonly argv: readonly string[];
  readonly parameters: CommandParams;
}

/** Last day of the quarter, ISO (`2025Q4` → `2025-12-31`): the backtest's as-of date. */
export function quarterEndDate(quarter: Quarter): string {
  return formatDay(periodEnd(quarter));
}

const readOf = (p: ReviewParams) => ({ encoding: p.encoding ?? null, header_row: p.header_row ?? null });
const rulesArgv = (p: ReviewParams) => (p.rules === null ? [] : ['--rules', p.rules]);
const dataArgv = (p: ReviewParams) => ['--data', p.data, ...readArgv(p)];

/** `awb backtest --data D --basis calendar-quarter --as-of <quarter end>`. */
export function backtestRun(p: ReviewParams): RunRecord {
  const asOf = quarterEndDate(p.quarter);
  return {
    id: 'backtest',
    command: 'backtest',
    argv: [...dataArgv(p), '--basis', 'calendar-quarter', '--as-of', asOf, ...rulesArgv(p)],
    parameters: { data: p.data, engine: null, basis: 'calendar-quarter', as_of: asOf, from: null, by: [], indicators: [], products: [], age_band: 5, rules: p.rules, ...readOf(p) },
  };
}

/** `awb lossratio --data D --year <latest complete year>`, with `--ultimate <method>` when the folder has a claims triangle. */
export function lossratioRun(p: ReviewParams, year: number, ultimate: ReserveMethod | null): RunRecord {
  return {
    id: 'lossratio',
    command: 'lossratio',
    argv: [...dataArgv(p), '--year', String(year), ...(ultimate === null ? [] : ['--ultimate', ultimate]), ...rulesArgv(p)],
    parameters: { data: p.data, rules: p.rules, year, ultimate, mature_at: 0.9, triangle_products: null, ...readOf(p) },
  };
}

/** `awb expense --data D`. */
export function expenseRun(p: ReviewParams): RunRecord {
  return { id: 'expense', command: 'expense', argv: [...dataArgv(p), ...rulesArgv(p)], parameters: { data: p.data, rules: p.rules, ...readOf(p) } };
}

/** `awb eligibility --data D --quarter Q`. */
export function eligibilityRun(p: ReviewParams): RunRecord {
  return { id: 'eligibility', command: 'eligibility', argv: [...dataArgv(p), '--quarter', p.quarter, ...rulesArgv(p)], parameters: { data: p.data, rules: p.rules, quarter: p.quarter, ...readOf(p) } };
}

/** `awb icsi --survey S --model M [--by G]`: the satisfaction index of the whole survey or by a grouping column. */
export function icsiRun(p: ReviewParams, survey: string, model: string, by: GroupColumn | null): RunRecord {
  return {
    id: by === null ? 'icsi' : `icsi_${by}`,
    command: 'icsi',
    argv: ['--survey', survey, '--model', model, ...readArgv(p), ...(by === null ? [] : ['--by', by])],
    parameters: {
      survey,
      model,
      scheme: 'path',
      scaled: true,
      missing: 'mean',
      by,
      bootstrap: 0,
      seed: 1,
      compare: null,
      permutations: 1000,
      ipma: null,
      threads: null,
      min_group: MIN_GROUP_RESPONDENTS,
      ...readOf(p),
      missing_codes: [],
      scale: null,
      consistent: false,
    },
  };
}

/** `awb service --data D --quarter Q` (S1 §6 time limits; `--calendar FILE` when given). */
export function serviceRun(p: ReviewParams): RunRecord {
  const calendar = p.calendar ?? null;
  return {
    id: 'service',
    command: 'service',
    argv: [...dataArgv(p), '--quarter', p.quarter, ...rulesArgv(p), ...(calendar === null ? [] : ['--calendar', calendar])],
    parameters: { data: p.data, period: p.quarter, as_of: null, by: 'region', rules: p.rules, calendar, ...readOf(p) },
  };
}

/** `awb registration --data D --as-of <quarter end>`. */
export function registrationRun(p: ReviewParams): RunRecord {
  const asOf = quarterEndDate(p.quarter);
  return { id: 'registration', command: 'registration', argv: [...dataArgv(p), '--as-of', asOf, ...rulesArgv(p)], parameters: { data: p.data, as_of: asOf, rules: p.rules, ...readOf(p) } };
}

/** `awb traceability --data D --quarter Q`. */
export function traceabilityRun(p: ReviewParams): RunRecord {
  return { id: 'traceability', command: 'traceability', argv: [...dataArgv(p), '--quarter', p.quarter, ...rulesArgv(p)], parameters: { data: p.data, quarter: p.quarter, rules: p.rules, ...readOf(p) } };
}
