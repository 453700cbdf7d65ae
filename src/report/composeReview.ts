import type { CommandOutput, CommandParams } from '../commands/command';
import { backtestOutput } from '../commands/backtest';
import { eligibilityOutput } from '../commands/eligibility';
import { expenseOutput } from '../commands/expense';
import { icsiOutput } from '../commands/icsi';
import { lossratioOutput } from '../commands/lossratio';
import { readOptionsOf } from '../commands/readOptions';
import { registrationOutput } from '../commands/registration';
import { serviceOutput } from '../commands/service';
import { traceabilityOutput } from '../commands/traceability';
import { InputError } from '../data/InputError';
import type { Progress } from '../progress';
import { type Finding, sortFindings } from '../rules/finding';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import type { ServiceStandards } from '../service/serviceStandards';
import { type Data, openData } from '../studies/openData';
import { review as studyReview, type ReviewStudy } from '../studies/review';
import { type AnnexBacktest, type BacktestAnnex, backtestAnnex } from './backtestAnnex';
import { wording } from './labels';
import {
  backtestRun,
  eligibilityRun,
  expenseRun,
  icsiRun,
  lossratioRun,
  registrationRun,
  type ReviewParams,
  type RunRecord,
  SECTION_COMMAND,
  SECTIONS,
  type SectionId,
  serviceRun,
  traceabilityRun,
} from './reviewPlan';
import { salesConductContent } from './salesConductSection';
import type { SectionContent } from './sectionContent';

/** One study of a section, with the command line that computes the same output on its own, its parameters, and the output. */
export interface RunResult {
  readonly id: string;
  readonly command: string;
  /** The command line that reproduces this run: `awb <command> <argv>`. */
  readonly argv: readonly string[];
  readonly parameters: CommandParams;
  readonly output: CommandOutput;
}

/**
 * A section of the review: `complete` (its studies ran), `unavailable` (a stand-in section
 * reported that it cannot be computed: nothing is shown in its place) or `not-applicable` (the data
 * folder has nothing for it, such as no survey).
 */
export interface SectionResult {
  readonly id: SectionId;
  readonly command: string;
  readonly status: 'complete' | 'unavailable' | 'not-applicable';
  /** For a section that is not complete: why ('command-missing', 'no-survey', 'no-survey-model'). */
  readonly reason: 'command-missing' | 'no-survey' | 'no-survey-model' | null;
  /** What the reason refers to (the data folder or survey file). */
  readonly detail: string | null;
  readonly runs: readonly RunResult[];
  /** The section's findings for the review (a backtest's earlier quarters are left to its year table). */
  readonly findings: readonly Finding[];
  /** What the section shows, when it is built from library results (sales conduct); otherwise the runs' tables are shown. */
  readonly content?: SectionContent;
}

/** Everything a quarterly review shows, before it is rendered. */
export interface Review {
  readonly params: ReviewParams;
  readonly rulebook: Rulebook;
  readonly sections: readonly SectionResult[];
  /** All findings of all sections, most severe first. */
  readonly findings: readonly Finding[];
  /** The backtest section in the structure of S1 annex 2, when the backtest ran. */
  readonly annex: BacktestAnnex | null;
  /** The S1 §6 study of the quarter, when the service section ran (its content is built from it). */
  readonly service: ServiceStandards | null;
  /** Every file read by the review's studies. */
  readonly inputs: readonly string[];
}

/**
 * A section computed by something other than the library's studies: tests stand in for sections
 * this way, to check how the review composes and renders them. It is complete (its runs and
 * findings) or not applicable (and why); null marks the section unavailable.
 */
export type StandInSection =
  | {
      readonly runs: readonly RunResult[];
      readonly findings: readonly Finding[];
      /** For the backtest section: what its annex is built from. */
      readonly backtest?: AnnexBacktest;
    }
  | { readonly notApplicable: 'no-survey' | 'no-survey-model'; readonly detail: string };

/** Stand-ins by section (backtest, loss ratios, expense, eligibility, satisfaction); the other sections are studied. */
export type SectionStandIns = Partial<Record<'backtest' | 'lossratio' | 'expense' | 'eligibility' | 'satisfaction', (p: ReviewParams, data: Data) => Promise<StandInSection | null>>>;

const complete = (id: SectionId, runs: readonly RunResult[], findings: readonly Finding[], content?: SectionContent): SectionResult => ({
  id,
  command: SECTION_COMMAND[id],
  status: 'complete',
  reason: null,
  detail: null,
  runs,
  findings: sortFindings(findings),
  ...(content ? { content } : {}),
});

const run = (record: RunRecord, output: CommandOutput): RunResult => ({ ...record, output });

/** The review's sections from its studies, each run recorded with the command line that computes the same output. */
function studiedSections(p: ReviewParams, study: ReviewStudy): Map<SectionId, SectionResult> {
  const sections = new Map<SectionId, SectionResult>();
  if (study.backtest) sections.set('backtest', complete('backtest', [run(backtestRun(p), backtestOutput(study.backtest))], study.backtest.findings.filter((f) => f.period === undefined || f.period === p.quarter)));
  if (study.lossRatios) {
    const ultimate = study.lossRatios.ultimates?.method ?? null;
    sections.set('lossratio', complete('lossratio', [run(lossratioRun(p, study.year, ultimate), lossratioOutput(study.lossRatios))], study.lossRatios.findings));
  }
  if (study.expense) sections.set('expense', complete('expense', [run(expenseRun(p), expenseOutput(study.expense))], study.expense.findings));
  if (study.eligibility) sections.set('eligibility', complete('eligibility', [run(eligibilityRun(p), eligibilityOutput(study.eligibility))], study.eligibility.findings));
  const sat = study.satisfaction;
  if (sat !== null) {
    if (sat.status === 'complete') {
      sections.set('satisfaction', complete('satisfaction', sat.analyses.map(({ by, analysis }) => run(icsiRun(p, sat.survey, sat.model, by), icsiOutput(analysis, [sat.survey, sat.model]))), []));
    } else {
      sections.set('satisfaction', { id: 'satisfaction', command: SECTION_COMMAND.satisfaction, status: 'not-applicable', reason: sat.status, detail: sat.detail, runs: [], findings: [] });
    }
  }
  if (study.service) {
    const { study: service, calendar, inputs } = study.service;
    sections.set('service', complete('service', [run(serviceRun(p), serviceOutput(service, study.rulebook, calendar, inputs))], service.findings));
  }
  const { registration, traceability } = study;
  if (registration || traceability) {
    const runs = [
      ...(registration ? [run(registrationRun(p), registrationOutput(registration.result, registration.inputs, study.rulebook))] : []),
      ...(traceability ? [run(traceabilityRun(p), traceabilityOutput(traceability.result, traceability.inputs, study.rulebook))] : []),
    ];
    const findings = [...(registration?.result.findings ?? []), ...(traceability?.result.findings ?? [])];
    const content = salesConductContent({ registration: registration?.result ?? null, traceability: traceability?.result ?? null }, wording(p.lang));
    sections.set('conduct', { ...complete('conduct', runs, findings, content), command: runs[0].command });
  }
  return sections;
}

/**
 * Computes a quarterly review: the library's review study (`review` of src/studies) on the data
 * folder opened once, each section's study presented as the `awb` command that computes it on its
 * own would present it (the same JSON, tables and charts, recorded with that command line), the
 * backtest section in the structure of S1 annex 2 and the service section's study (S1 §6), and
 * the sales conduct section's content built from its studies.
 * @param standIns sections computed otherwise (tests); a stand-in answering null marks its section unavailable
 * @throws InputError for bad input in any section (a review is never filed with a section that
 * failed on bad data).
 */
export async function composeReview(p: ReviewParams, progress: Progress, standIns: SectionStandIns = {}): Promise<Review> {
  const data = await openData(p.data, readOptionsOf(p));
  const stoodIn = new Map<SectionId, StandInSection | null>();
  for (const [id, standIn] of Object.entries(standIns) as [SectionId, (p: ReviewParams, data: Data) => Promise<StandInSection | null>][]) stoodIn.set(id, await standIn(p, data));
  const studied = SECTIONS.filter((id) => !stoodIn.has(id));
  const study = await studyReview(data, { quarter: p.quarter, rules: loadRulebook(p.rules ?? undefined), surveyModel: p.survey_model, calendar: p.calendar ?? null, sections: studied, progress });
  return presentReview(p, data, study, stoodIn);
}

/**
 * The review of a review study already computed (`review` of src/studies, as a notebook runs it):
 * each section's study presented as the `awb` command that computes it on its own would present
 * it, recorded with that command line; the backtest section in the structure of S1 annex 2.
 * @param data the data folder the study ran on (the annex reads its products and finance)
 * @param stoodIn sections computed otherwise, in place of the study's (tests)
 * @throws InputError when the study is not of the parameters' quarter, or for a bad products or finance table.
 * @example const study = await review(data, { quarter }); renderReview(await presentReview(params, data, study), SILENT_PROGRESS)
 */
export async function presentReview(p: ReviewParams, data: Data, study: ReviewStudy, stoodIn: ReadonlyMap<SectionId, StandInSection | null> = new Map()): Promise<Review> {
  if (study.quarter !== p.quarter) throw new InputError({ argument: 'quarter' }, `the quarter the review study was computed for (${study.quarter})`, p.quarter);
  const rulebook = study.rulebook;
  const fromStudies = studiedSections(p, study);
  const sections: SectionResult[] = [];
  for (const id of SECTIONS) {
    if (stoodIn.has(id)) {
      const standIn = stoodIn.get(id)!;
      const command = SECTION_COMMAND[id];
      if (standIn === null) sections.push({ id, command, status: 'unavailable', reason: 'command-missing', detail: null, runs: [], findings: [] });
      else if ('notApplicable' in standIn) sections.push({ id, command, status: 'not-applicable', reason: standIn.notApplicable, detail: standIn.detail, runs: [], findings: [] });
      else sections.push(complete(id, standIn.runs, standIn.findings));
    } else {
      const section = fromStudies.get(id);
      if (section) sections.push(section);
    }
  }
  const inputs = new Set(sections.flatMap((s) => s.runs.flatMap((r) => r.output.inputs)));
  const backtestStandIn = stoodIn.get('backtest');
  const annexSource = study.backtest ?? (backtestStandIn && 'runs' in backtestStandIn ? backtestStandIn.backtest : undefined);
  const annex = annexSource ? await backtestAnnex(data, p.quarter, annexSource) : null;
  for (const input of annex?.inputs ?? []) inputs.add(input);
  return {
    params: p,
    rulebook,
    sections,
    findings: sortFindings(sections.flatMap((s) => s.findings)),
    annex,
    service: study.service?.study ?? null,
    inputs: [...inputs].sort(),
  };
}
