import type { CommandLookup, CommandOutput, CommandParams } from '../commands/command';
import { commandParams, type OptionValue, optionsToArgv } from '../commands/commandOptions';
import { InputError } from '../data/InputError';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { fileBundle } from './fileBundle';
import { bundleTarget, type IfExists } from './writeBundle';

export type { CommandLookup } from '../commands/command';

/** What `fileEvidence` filed. */
export interface FiledEvidence {
  /** The folder written (with a `-2`… suffix when `ifExists` is 'suffix' and `dir` existed). */
  readonly bundle: string;
  /** The parameters recorded in the manifest, exactly as `awb <command>` would record them. */
  readonly parameters: CommandParams;
  /** The command's output, for display in a notebook. */
  readonly output: CommandOutput;
}

/**
 * Runs an `awb` command and files its evidence bundle in `dir`: the same argument parsing,
 * the same `run()`, the same bundle as `awb <command> … --out dir`, so a notebook files
 * exactly what the command line would (and `awb verify` accepts either).
 * @param options the command's options, as on the command line (`{ data: 'data/sample', quarter:
 * '2025Q4' }`; `'as-of'` or `asOf`; lists as arrays) or as an argument list
 * @throws InputError for an unknown command, bad options or bad input, or when `dir` exists and
 * `ifExists` is 'error'.
 * @example const { bundle } = await fileEvidence('output/cv', 'cash-value', { netPremium: 365, termDays: 365, daysInForce: 100 });
 * // bundle === 'output/cv'; output/cv holds result.json, tables/minimum_cash_value.csv/.json, manifest.json
 */
export async function fileEvidence(
  dir: string,
  commandName: string,
  options: Readonly<Record<string, OptionValue | undefined>> | readonly string[],
  settings: { readonly ifExists?: IfExists; readonly progress?: Progress; readonly commands: CommandLookup },
): Promise<FiledEvidence> {
  const spec = await settings.commands(commandName);
  if (!spec) throw new InputError({ argument: 'command' }, 'the name of an awb command', commandName);
  if (spec.files === false) throw new InputError({ argument: 'command' }, 'a command that files an evidence bundle', commandName);
  const ifExists = settings.ifExists ?? 'error';
  const argv = [...(Array.isArray(options) ? (options as readonly string[]) : optionsToArgv(options as Record<string, OptionValue | undefined>)), '--out', dir, '--if-exists', ifExists];
  const { params } = commandParams(spec, argv);
  bundleTarget(dir, ifExists);
  const output = await spec.run(params, { progress: settings.progress ?? SILENT_PROGRESS, commands: settings.commands });
  const bundle = await fileBundle(dir, { name: spec.name, parameters: params, argv: [spec.name, ...argv] }, output, ifExists);
  return { bundle, parameters: params, output };
}
