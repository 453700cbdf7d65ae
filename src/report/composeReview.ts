import type { CommandLookup, CommandOutput, CommandParams } from '../commands/command';
import { commandParams } from '../commands/commandOptions';
import { readOptionsOf } from '../commands/readOptions';
import { loadTable, type ReadOptions } from '../data/readTable';
import { type Data, openData } from '../studies/openData';
import type { Progress } from '../progress';
import { type Finding, sortFindings } from '../rules/finding';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import type { ServiceStandards } from '../service/serviceStandards';
import { studyServiceStandards } from '../service/studyServiceStandards';
import { type BacktestAnnex, backtestAnnex } from './backtestAnnex';
import { planReview, type ReviewParams, SECTION_COMMAND, type SectionId } from './reviewPlan';
import { wording } from './labels';
import { runFindings } from './runFindings';
import { composeSalesConduct, salesConductContent } from './salesConductSection';
import type { SectionContent } from './sectionContent';

/** One command run of a section, with the parameters it recorded and what it computed. */
export interface RunResult {
  readonly id: string;
  readonly command: string;
  /** The command line it was run with: `awb <command> <argv>`. */
  readonly argv: readonly string[];
  readonly parameters: CommandParams;
  readonly output: CommandOutput;
}

/**
 * A section of the review: `complete` (its command ran), `unavailable` (this version of the
 * workbench has no such command: nothing is shown in its place) or `not-applicable` (the data
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
  /** Every file read, by the commands and by the review itself. */
  readonly inputs: readonly string[];
}

/** A progress whose phases are labelled with the section they belong to. */
function labelled(progress: Progress, prefix: string): Progress {
  return { start: (label, total) => progress.start(`${prefix}: ${label}`, total), tick: (n) => progress.tick(n), stop: () => progress.stop() };
}

/** The grouping columns (company, region, stage) a survey file has. */
async function surveyGroupColumns(survey: string, read: ReadOptions): Promise<string[]> {
  const table = await loadTable(survey, 'survey', read);
  return ['company', 'region', 'stage'].filter((c) => table.columns.includes(c));
}

/**
 * Computes a quarterly review: runs each section's command through its public `run()` with the
 * arguments planned by `planReview`, collects the findings, and builds the backtest section in
 * the structure of S1 annex 2 and the service section's study (S1 §6). A section whose command
 * this version of the workbench lacks is marked unavailable, never filled in. The sales conduct section, present when the data folder
 * has its tables, runs its commands' studies in process (`composeSalesConduct`) and keeps their
 * results, from which its content is built (`salesConductContent`).
 * @param lookup finds a command by name (the `awb` commands; tests pass stand-ins)
 * @throws InputError for bad input in any section (a review is never filed with a section that
 * failed on bad data).
 */
export async function composeReview(p: ReviewParams, progress: Progress, lookup: CommandLookup): Promise<Review> {
  const rulebook = loadRulebook(p.rules ?? undefined);
  const read = readOptionsOf(p);
  // Each data folder is opened once: the sections' studies and the backtest annex share its tables.
  const opened = new Map<string, Promise<Data>>();
  const open = (dir: string, options: ReadOptions): Promise<Data> => {
    const key = JSON.stringify([dir, options.encoding ?? null, options.headerRow ?? null]);
    let data = opened.get(key);
    if (!data) opened.set(key, (data = openData(dir, options)));
    return data;
  };
  // The survey's grouping columns decide the satisfaction runs; it is read only when there is a command to run.
  const plans = await planReview(p, (await lookup(SECTION_COMMAND.satisfaction)) ? (survey) => surveyGroupColumns(survey, read) : async () => [], await open(p.data, read));
  const sections: SectionResult[] = [];
  const inputs = new Set<string>();
  let total = 0;
  for (const plan of plans) if ('runs' in plan && (plan.id === 'conduct' || (await lookup(plan.command)))) total += plan.runs.length;
  let done = 0;
  for (const plan of plans) {
    if (plan.id === 'conduct' && 'runs' in plan) {
      done += plan.runs.length;
      progress.start(`review ${done}/${total}: sales conduct`, 1);
      const { runs, results } = await composeSalesConduct(plan.runs);
      progress.tick();
      progress.stop();
      for (const input of runs.flatMap((r) => r.output.inputs)) inputs.add(input);
      const findings = sortFindings(runs.flatMap((r) => runFindings(r.output)));
      sections.push({ id: plan.id, command: plan.command, status: 'complete', reason: null, detail: null, runs, findings, content: salesConductContent(results, wording(p.lang)) });
      continue;
    }
    const spec = await lookup(plan.command);
    if ('skip' in plan) {
      sections.push({ id: plan.id, command: plan.command, status: 'not-applicable', reason: plan.skip, detail: plan.detail, runs: [], findings: [] });
      continue;
    }
    if (!spec) {
      sections.push({ id: plan.id, command: plan.command, status: 'unavailable', reason: 'command-missing', detail: null, runs: [], findings: [] });
      continue;
    }
    const runs: RunResult[] = [];
    for (const run of plan.runs) {
      done++;
      progress.start(`review ${done}/${total}: ${run.id}`, 1);
      const { params } = commandParams(spec, run.argv);
      const output = await spec.run(params, { progress: labelled(progress, `${done}/${total} ${run.id}`), commands: lookup, openData: open });
      progress.tick();
      progress.stop();
      for (const input of output.inputs) inputs.add(input);
      runs.push({ id: run.id, command: run.command, argv: run.argv, parameters: params, output });
    }
    const all = runs.flatMap((r) => runFindings(r.output));
    const findings = plan.id === 'backtest' ? all.filter((f) => f.period === undefined || f.period === p.quarter) : all;
    sections.push({ id: plan.id, command: plan.command, status: 'complete', reason: null, detail: null, runs, findings: sortFindings(findings) });
  }
  const backtest = sections.find((s) => s.id === 'backtest' && s.status === 'complete');
  let annex: BacktestAnnex | null = null;
  if (backtest) {
    annex = await backtestAnnex(await open(p.data, read), p.quarter, backtest.runs[0].output);
    for (const input of annex.inputs) inputs.add(input);
  }
  let service: ServiceStandards | null = null;
  if (sections.some((s) => s.id === 'service' && s.status === 'complete')) {
    const studied = await studyServiceStandards({ data: p.data, period: p.quarter, rules: p.rules, calendar: p.calendar ?? null, read });
    service = studied.study;
    for (const input of studied.inputs) inputs.add(input);
  }
  return {
    params: p,
    rulebook,
    sections,
    findings: sortFindings(sections.flatMap((s) => s.findings)),
    annex,
    service,
    inputs: [...inputs].sort(),
  };
}
