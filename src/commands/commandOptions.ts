import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../data/InputError';
import type { CommandParams, CommandSpec } from './command';

/**
 * Declares a command's options on a commander command exactly as `awb` does: `--json`, `--wide`,
 * `--out` and `--if-exists` for commands that file evidence, the command's own options, then
 * `--lang` (the language of the terminal text) unless the command declares it.
 * The CLI, `fileEvidence` and the review all parse arguments through this one declaration.
 */
export function declareOptions(command: Command, spec: CommandSpec): Command {
  command.option('--json', 'print one JSON document on stdout (and nothing else)');
  command.option('--wide', 'show every column of wide tables on the terminal (lines may pass 100 columns)');
  if (spec.files !== false) {
    command
      .option('--out <dir>', 'file an evidence bundle (tables, charts, manifest) in this new folder')
      .addOption(new Option('--if-exists <mode>', 'when --out exists: error, or suffix (write DIR-2, DIR-3…)').choices(['error', 'suffix']).default('error'));
  }
  spec.configure(command);
  // The review and the annual report declare --lang themselves: the language of the report, and of its summary.
  if (!command.options.some((o) => o.long === '--lang')) command.addOption(new Option('--lang <lang>', 'language of the terminal text: en or zh').choices(['en', 'zh']).default('en'));
  return command;
}

/** A value of a command-line option given from code: text, a number, a flag, or a list (joined with commas). */
export type OptionValue = string | number | boolean | readonly (string | number)[];

/**
 * Turns options given from code into command-line arguments: `{ data: 'data/sample', asOf:
 * '2025-12-31', by: ['channel', 'gender'] }` → `['--data', 'data/sample', '--as-of', '2025-12-31',
 * '--by', 'channel,gender']`. Keys may be written as on the command line (`'as-of'`) or in
 * camelCase; `true` gives a bare flag, `false` and `undefined` leave the option out.
 */
export function optionsToArgv(options: Readonly<Record<string, OptionValue | undefined>>): string[] {
  const argv: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === false) continue;
    const flag = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === true) argv.push(flag);
    else argv.push(flag, Array.isArray(value) ? value.join(',') : String(value));
  }
  return argv;
}

/**
 * Parses command-line arguments into a command's recorded parameters, through the same
 * option declarations and `parse` as `awb <command>`, so that a notebook or the review records
 * exactly what the command line would.
 * @param argv the arguments after the command name (`['--data', 'data/sample']`)
 * @returns the parameters, and the commander options (with `out` and `ifExists`) they came from
 * @throws InputError for an unknown or missing option, or a bad value (the command's own checks).
 * @example commandParams(cashValueCommand, ['--net-premium', '365', '--term-days', '365', '--days-in-force', '100']).params
 * // { net_premium: '365.00', term_days: 365, days_in_force: '100' }
 */
export function commandParams<P extends CommandParams>(spec: CommandSpec<P>, argv: readonly string[]): { params: P; options: Record<string, unknown> } {
  const command = declareOptions(new Command(spec.name), spec as CommandSpec)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .action(() => undefined);
  let options: Record<string, unknown>;
  let args: string[];
  try {
    command.parse([...argv], { from: 'user' });
    options = command.opts();
    args = command.args;
  } catch (error) {
    if (error instanceof CommanderError) {
      throw new InputError({ argument: `awb ${spec.name}` }, 'valid arguments', error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  return { params: spec.parse(options, args), options };
}
