import type { CommandSpec } from '../command';
import { annualReportCommand } from './annualReport';
import { backtestCommand } from './backtest';
import { calendarCommand } from './calendar';
import { cashValueCommand } from './cashValue';
import { eligibilityCommand } from './eligibility';
import { expenseCommand } from './expense';
import { icsiCommand } from './icsi';
import { loadCommand } from './load';
import { lossratioCommand } from './lossratio';
import { registrationCommand } from './registration';
import { reserveCommand } from './reserve';
import { reviewCommand } from './review';
import { rulesCommand } from './rules';
import { sampleCommand } from './sample';
import { serviceCommand } from './service';
import { serviceEvaluationCommand } from './serviceEvaluation';
import { tablesCommand } from './tables';
import { traceabilityCommand } from './traceability';
import { verifyCommand } from './verify';

/**
 * Every `awb` command, in the order `awb --help` lists them. `verify` finds the command that
 * produced a bundle here by name.
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
  annualReportCommand,
  verifyCommand,
];

/** A command by name, or undefined. */
export function findCommand(name: string): CommandSpec<any> | undefined {
  return COMMANDS.find((c) => c.name === name);
}
