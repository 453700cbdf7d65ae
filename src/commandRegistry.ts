import type { CommandLookup, CommandSpec } from './commands/command';
import type { OptionValue } from './commands/commandOptions';
import type { FiledEvidence } from './evidence/fileEvidence';
import type { VerifyOptions, VerifyReport } from './evidence/verify';
import type { IfExists } from './evidence/writeBundle';
import type { Progress } from './progress';

/**
 * A command as the registry lists it: its name and one-line summary (all `awb --help` needs),
 * and `load()`, which brings in its module — options, parsing and `run()` — on first use. A
 * command's module pulls in what it computes with (DuckDB, the Chromium driver, the statistics),
 * so `awb --help` and `awb cash-value …` load only what they run.
 */
export interface CommandEntry {
  readonly name: string;
  /** One line for `awb --help` (the same as the loaded command's `summary`). */
  readonly summary: string;
  /** The command: options, parsing and `run()`; its module is imported the first time. */
  load(): Promise<CommandSpec>;
}

function entry(name: string, summary: string, load: () => Promise<CommandSpec<any>>): CommandEntry {
  let spec: Promise<CommandSpec> | undefined;
  return { name, summary, load: () => (spec ??= load()) };
}

// Modules are imported when first used (`import()`), which keeps them out of start-up.

/**
 * Every `awb` command, in the order `awb --help` lists them. This is the one place the command
 * registry is built: the CLI (`cli/runCli`) and the public API (`index.ts`) import it and pass
 * `findCommand` down (`RunContext.commands`), so the review and `verify` find commands by name
 * without importing the CLI.
 */
export const COMMANDS: readonly CommandEntry[] = [
  entry('tables', 'List the input tables, their columns, types and accepted Chinese headers', async () => (await import('./commands/tables')).tablesCommand),
  entry('cash-value', 'Minimum cash value of a short-term internet product: net premium × (1 − m/n), S1 §9.5; --schedule for the whole term', async () => (await import('./commands/cashValue')).cashValueCommand),
  entry('expense', 'Additional expense rates against the caps of S1 §9.2 and S2 (headroom, fee cap) and actual expense rates from the ledger', async () => (await import('./commands/expense')).expenseCommand),
  entry('eligibility', 'Reserve coverage (S1 annex 1) and eligibility for internet life business over four consecutive quarters (S1 §3, §11)', async () => (await import('./commands/eligibility')).eligibilityCommand),
  entry('sample', 'Write the sample company (恒泰人寿 Hengtai Life): a complete, deterministic data folder with planted findings', async () => (await import('./commands/sample')).sampleCommand),
  entry('backtest', 'Pricing backtest (S1 §16): actual vs expected lapse, surrender, death, incidence, loss ratio, expense rate and investment return, with measures', async () => (await import('./commands/backtest')).backtestCommand),
  entry('load', 'Validate a data folder and load it into a ClickHouse database (a Distributed table over MergeTree shards on a cluster), for awb backtest --engine', async () => (await import('./commands/load')).loadCommand),
  entry('lossratio', 'Earned loss ratios by product and period, trends, and the S2 accident-insurance repricing and stop-sale rules', async () => (await import('./commands/lossratio')).lossratioCommand),
  entry('reserve', 'Reserves of a cumulative claims triangle: chain ladder with Mack (1993) errors, Bornhuetter–Ferguson, Cape Cod or Benktander; link-ratio choices, Mack\'s tests, residuals, ultimate loss ratios', async () => (await import('./commands/reserve')).reserveCommand),
  entry('rules', 'Show the rulebook (rules, citations, parameters); --export writes a copy of the default rulebook to edit', async () => (await import('./commands/rules')).rulesCommand),
  entry('calendar', "Show the working-day calendar (State Council holiday arrangements, 调休); --export writes a copy of the shipped calendar to edit", async () => (await import('./commands/calendar')).calendarCommand),
  entry('icsi', 'Customer satisfaction index (ICSI, S3 art. 22–24): PLS path model, reliability, 0–100 indices by group, bootstrap, IPMA', async () => (await import('./commands/icsi')).icsiCommand),
  entry('service', 'Online service standards of S1 §6: time limits in working days (State Council calendar, 调休 included), on-time rates, connection rate', async () => (await import('./commands/service')).serviceCommand),
  entry('service-evaluation', "S3 service evaluation of a year: qualitative, quantitative (an editable model file) and satisfaction (ICSI) scores, listed apart, head office and each branch", async () => (await import('./commands/serviceEvaluation')).serviceEvaluationCommand),
  entry('registration', 'Sales staff registration (S5): registration vs statistics system (difference rate > 10%), HR and disclosure, missing registration elements (≤ 5%)', async () => (await import('./commands/registration')).registrationCommand),
  entry('traceability', 'Sales-behaviour traceability (S4, 双录): sales requiring a recording by rule and region, recorded, missing, late, review pass rates, durations', async () => (await import('./commands/traceability')).traceabilityCommand),
  entry('review', "The chief actuary's quarterly review: backtests (S1 annex 2), loss-ratio rules, expense caps, eligibility, satisfaction, service standards; HTML and PDF with evidence", async () => (await import('./commands/review')).reviewCommand),
  entry('annual-report', "The annual report on internet life business (S1 §17, annex 2): business by line, eligibility, the year's four backtests, the chief actuary's narrative; HTML and PDF with evidence", async () => (await import('./commands/annualReport')).annualReportCommand),
  entry('icsi-report', 'The customer satisfaction report (S3 art. 22–23, 29): ICSI by company, region and stage, drivers, group differences, change since last wave; HTML, PDF and Excel with evidence', async () => (await import('./commands/icsiReport')).icsiReportCommand),
  entry('verify', 'Recompute an evidence bundle from its recorded inputs and parameters and compare every output byte for byte', async () => (await import('./commands/verify')).verifyCommand),
];

/** A command by name, loaded, or undefined. */
export const findCommand: CommandLookup = async (name) => COMMANDS.find((c) => c.name === name)?.load();

/**
 * `fileEvidence` over the `awb` commands: runs a command and files its evidence bundle in `dir`,
 * exactly as `awb <command> … --out dir` would (see `evidence/fileEvidence`).
 * @example const { bundle } = await fileEvidence('output/cv', 'cash-value', { netPremium: 365, termDays: 365, daysInForce: 100 });
 * // bundle === 'output/cv'
 */
export async function fileEvidence(
  dir: string,
  commandName: string,
  options: Readonly<Record<string, OptionValue | undefined>> | readonly string[],
  settings: { readonly ifExists?: IfExists; readonly progress?: Progress; readonly commands?: CommandLookup } = {},
): Promise<FiledEvidence> {
  const evidence = await import('./evidence/fileEvidence');
  return evidence.fileEvidence(dir, commandName, options, { ...settings, commands: settings.commands ?? findCommand });
}

/**
 * `verifyBundle` over the `awb` commands: recomputes a filed bundle and compares every output
 * byte for byte (see `evidence/verify`).
 * @example (await verifyBundle('output/review-2025Q4')).reproduced // true
 */
export async function verifyBundle(dir: string, options: Partial<VerifyOptions> = {}): Promise<VerifyReport> {
  const evidence = await import('./evidence/verify');
  return evidence.verifyBundle(dir, { ...options, commands: options.commands ?? findCommand });
}
