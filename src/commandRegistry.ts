import type { CommandLookup, CommandSpec } from './commands/command';
import type { OptionValue } from './commands/commandOptions';
import { type FiledEvidence, fileEvidence as fileEvidenceWith } from './evidence/fileEvidence';
import { type VerifyOptions, type VerifyReport, verifyBundle as verifyBundleWith } from './evidence/verify';
import type { IfExists } from './evidence/writeBundle';
import type { Progress } from './progress';
import { backtestCommand } from './commands/backtest';
import { calendarCommand } from './commands/calendar';
import { cashValueCommand } from './commands/cashValue';
import { eligibilityCommand } from './commands/eligibility';
import { expenseCommand } from './commands/expense';
import { icsiCommand } from './commands/icsi';
import { loadCommand } from './commands/load';
import { lossratioCommand } from './commands/lossratio';
import { registrationCommand } from './commands/registration';
import { reserveCommand } from './commands/reserve';
import { reviewCommand } from './commands/review';
import { rulesCommand } from './commands/rules';
import { sampleCommand } from './commands/sample';
import { serviceCommand } from './commands/service';
import { serviceEvaluationCommand } from './commands/serviceEvaluation';
import { tablesCommand } from './commands/tables';
import { traceabilityCommand } from './commands/traceability';
import { verifyCommand } from './commands/verify';

/**
 * Every `awb` command, in the order `awb --help` lists them. This is the one place the command
 * registry is built: the CLI (`cli/runCli`) and the public API (`index.ts`) import it and pass
 * `findCommand` down (`RunContext.commands`), so the review and `verify` find commands by name
 * without importing the CLI.
 */
export const COMMANDS: readonly CommandSpec<any>[] = [
  tablesCommand,
  cashValueCommand,
  expenseCommand,
  eligibilityCommand,
  sampleCommand,
  backtestCommand,
  loadCommand,
  lossratioCommand,
  reserveCommand,
  rulesCommand,
  calendarCommand,
  icsiCommand,
  serviceCommand,
  serviceEvaluationCommand,
  registrationCommand,
  traceabilityCommand,
  reviewCommand,
  verifyCommand,
];

/** A command by name, or undefined. */
export const findCommand: CommandLookup = (name) => COMMANDS.find((c) => c.name === name);

/**
 * `fileEvidence` over the `awb` commands: runs a command and files its evidence bundle in `dir`,
 * exactly as `awb <command> … --out dir` would (see `evidence/fileEvidence`).
 * @example const { bundle } = await fileEvidence('output/cv', 'cash-value', { netPremium: 365, termDays: 365, daysInForce: 100 });
 * // bundle === 'output/cv'
 */
export function fileEvidence(
  dir: string,
  commandName: string,
  options: Readonly<Record<string, OptionValue | undefined>> | readonly string[],
  settings: { readonly ifExists?: IfExists; readonly progress?: Progress; readonly commands?: CommandLookup } = {},
): Promise<FiledEvidence> {
  return fileEvidenceWith(dir, commandName, options, { ...settings, commands: settings.commands ?? findCommand });
}

/**
 * `verifyBundle` over the `awb` commands: recomputes a filed bundle and compares every output
 * byte for byte (see `evidence/verify`).
 * @example (await verifyBundle('output/review-2025Q4')).reproduced // true
 */
export function verifyBundle(dir: string, options: Partial<VerifyOptions> = {}): Promise<VerifyReport> {
  return verifyBundleWith(dir, { ...options, commands: options.commands ?? findCommand });
}
