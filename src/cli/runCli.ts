import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { InputError } from '../data/InputError';
import { fitLines, setTerminalWidth, TERMINAL_COLUMNS } from '../present/textTable';
import type { IfExists } from '../evidence/writeBundle';
import { MoneyRangeError } from '../money/cents';
import type { CommandSpec } from '../commands/command';
import { declareOptions } from '../commands/commandOptions';
import { type CommandEntry, COMMANDS, findCommand } from '../commandRegistry';
import { terminalProgress } from './progressBar';

// Start-up loads only commander, the registry and the command being run; the evidence writer
// (with the Chromium driver and the workbook writer) is imported only when a bundle is filed.

/** Where the CLI writes; replaceable in tests. */
export interface CliStreams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_STREAMS: CliStreams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit codes: 0 success, 1 internal failure, 2 bad input or bad arguments. */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

function addCommand(program: Command, spec: CommandSpec, streams: CliStreams, argv: readonly string[], done: (code: number) => void): void {
  const command = program
    .command(spec.name)
    .summary(spec.summary)
    .description(spec.summary)
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  declareOptions(command, spec);
  command.action(async (...received: unknown[]) => {
    const cmd = received[received.length - 1] as Command;
    const options = cmd.opts();
    const args = cmd.args;
    const json = Boolean(options.json);
    setTerminalWidth(options.wide ? null : TERMINAL_COLUMNS);
    const params = spec.parse(options, args);
    // Where the bundle goes is checked before the computation, which may take minutes.
    if (spec.files !== false && typeof options.out === 'string') (await import('../evidence/writeBundle')).bundleTarget(options.out, options.ifExists as IfExists);
    const output = await spec.run(params, { progress: terminalProgress(json), commands: findCommand, lang: options.lang === 'zh' ? 'zh' : 'en' });
    let written: string | undefined;
    if (spec.files !== false && typeof options.out === 'string') {
      written = await (await import('../evidence/fileBundle')).fileBundle(options.out, { name: spec.name, parameters: params, argv: argv.slice(2) }, output, options.ifExists as IfExists);
    }
    if (json) {
      streams.stdout((await import('../evidence/renderOutputs')).jsonText(written ? { ...output.json, bundle: written } : output.json));
    } else {
      const text = fitLines(output.text);
      streams.stdout(text.endsWith('\n') ? text : text + '\n');
      if (written) {
        // Documents at the top of the bundle (a report's HTML and PDF); files in folders are evidence.
        for (const file of Object.keys(output.files ?? {}).filter((f) => !f.includes('/'))) streams.stdout(`Filed: ${join(written, file)}\n`);
        streams.stdout(`Evidence bundle: ${written}\n`);
      }
    }
    done(output.exitCode ?? EXIT.ok);
  });
}

/** The package's version, for `awb --version`. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The command named on the command line (`awb <name> …` or `awb help <name>`): the only one
 * whose module is loaded. The others are listed by name and summary.
 */
function requested(argv: readonly string[]): CommandEntry | undefined {
  const name = argv[2] === 'help' ? argv[3] : argv[2];
  return COMMANDS.find((c) => c.name === name);
}

/**
 * Reports the first option the command does not have before anything else is checked, so that
 * `lossratio --dta x` says "unknown option '--dta' (Did you mean --data?)" rather than that the
 * required `--data` is missing (commander checks required options first).
 * @throws CommanderError (exit 2) after commander has written its message.
 */
function reportUnknownOption(program: Command, argv: readonly string[]): void {
  const command = program.commands.find((c) => c.name() === argv[2]);
  if (!command) return;
  for (const arg of argv.slice(3)) {
    if (arg === '--') return;
    if (!arg.startsWith('--') || arg === '--help') continue;
    const flag = arg.split('=')[0];
    // commander's own message and suggestion (`unknownOption` is public in its JavaScript, not in its types).
    if (!command.options.some((o) => o.long === flag || o.long === flag.replace(/^--no-/, '--'))) (command as unknown as { unknownOption(flag: string): never }).unknownOption(flag);
  }
}

/**
 * Runs the `awb` command line and returns its exit code: 0 on success, 2 on bad input or
 * bad arguments (the message on stderr names file, row and column), 1 on an internal failure.
 * @param argv process.argv-style: [node, script, command, ...args]
 */
export async function runCli(argv: readonly string[], streams: CliStreams = PROCESS_STREAMS): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('awb')
    .description('Actuarial workbench: pricing backtests, loss-ratio rules and reserves, expense caps, capital eligibility, the ICSI satisfaction index, and verifiable quarterly reviews.')
    .version(packageVersion(), '-V, --version', 'print the version of the workbench')
    .exitOverride()
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr })
    .showHelpAfterError('(run awb <command> --help for the options)');
  const wanted = requested(argv);
  for (const entry of COMMANDS) {
    if (entry === wanted) addCommand(program, await entry.load(), streams, argv, (c) => (code = c));
    else program.command(entry.name).summary(entry.summary).description(entry.summary);
  }
  program.commands.forEach((c) => c.exitOverride());
  try {
    if (argv.length <= 2) {
      streams.stdout(program.helpInformation());
      return EXIT.ok;
    }
    reportUnknownOption(program, argv);
    await program.parseAsync(argv as string[]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.badInput;
    }
    if (error instanceof InputError || error instanceof MoneyRangeError) {
      streams.stderr(`awb: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (error instanceof (await import('../evidence/confidentiality')).ConfidentialityError) {
      // Not bad input and not a crash: the bundle writer refused to file personal data (S3 art. 34).
      streams.stderr(`awb: ${error.message}\n`);
      return EXIT.internal;
    }
    const e = error as Error;
    streams.stderr(`awb: internal error: ${e.stack ?? e.message}\n`);
    return EXIT.internal;
  }
}
