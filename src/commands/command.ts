import type { Command } from 'commander';
import type { Figure } from '../charts/figure';
import type { TableRow } from '../evidence/csv';
import type { Lang, TableDeclaration } from '../present/column';
import type { Progress } from '../progress';
import type { ReadOptions } from '../data/readTable';
import type { Rulebook } from '../rules/rulebook';
import type { Data } from '../studies/openData';

/** A JSON value, for recorded parameters and JSON output. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Parameters of a command as recorded in a manifest: plain JSON, enough to run it again. */
export type CommandParams = { readonly [key: string]: JsonValue };

/** What a command computed: everything printed, filed or verified comes from here. */
export interface CommandOutput {
  /** The one JSON document printed with --json and filed as result.json. */
  readonly json: { readonly [key: string]: unknown };
  /** What a person reads on the terminal without --json. */
  readonly text: string;
  /** Files actually read (data tables, survey, model, triangle), hashed into the manifest. */
  readonly inputs: readonly string[];
  /** Tables filed as tables/<name>.csv and tables/<name>.json, and as sheets of tables.xlsx. */
  readonly tables?: Readonly<Record<string, readonly TableRow[]>>;
  /**
   * What the command knows about its tables, by table name: title and column kinds and labels
   * (en/zh), so every presenter formats a column the same way. Columns it does not declare are
   * typed from their values (`inferColumn`).
   */
  readonly tableDeclarations?: Readonly<Record<string, TableDeclaration>>;
  /** Charts filed under charts/ (self-contained HTML, and an image where a renderer is available). */
  readonly charts?: Readonly<Record<string, Figure>>;
  /** Other files filed as they are (a report's HTML or PDF), by relative path. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** The rulebook used, recorded with its version and hash. */
  readonly rulebook?: Rulebook;
  /** Random seeds used, recorded so that a rerun gives the same bytes. */
  readonly seeds?: Readonly<Record<string, number>>;
  /**
   * The process exit code when the command ran but its answer is "no" (`verify` on a bundle
   * that does not reproduce gives 1); 0 when omitted.
   */
  readonly exitCode?: number;
}

/** Services a running command may use. */
export interface RunContext {
  /** Progress for long work: a terminal bar, or silent under --json. */
  readonly progress: Progress;
  /**
   * The commands by name, passed down from the registry (`src/commandRegistry.ts`): the review
   * runs its sections and `verify` re-runs a bundle's command through it.
   */
  readonly commands: CommandLookup;
  /**
   * Opens a data folder for the command's studies; the review passes one that opens each folder
   * once, so that its sections share every table they read. Default: `openData`.
   */
  readonly openData?: (dir: string, read: ReadOptions) => Promise<Data>;
  /**
   * The language of `text`, what a person reads on the terminal (`--lang`; default `en`). It
   * changes no filed output: tables, charts and JSON are the same in both languages.
   */
  readonly lang?: Lang;
}

/**
 * Finds a command by name (the `awb` commands unless a test or notebook passes its own); the
 * registry's lookup loads the command's module, so it answers with a promise.
 */
export type CommandLookup = (name: string) => CommandSpec | undefined | Promise<CommandSpec | undefined>;

/**
 * One `awb` command. The CLI, `verify` and the notebooks all go through `run`, so a
 * result is computed by exactly one piece of code.
 */
export interface CommandSpec<P extends CommandParams = CommandParams> {
  readonly name: string;
  /** One line for `awb --help`. */
  readonly summary: string;
  /** Example invocations shown in `awb <command> --help`. */
  readonly examples: readonly string[];
  /** Whether `--out DIR` files an evidence bundle (false only for commands that write files themselves). */
  readonly files?: boolean;
  /** Declares the command's own options and arguments. */
  configure(command: Command): Command;
  /**
   * Validates parsed options into recorded parameters.
   * @throws InputError for a bad argument (exit code 2).
   */
  parse(options: Record<string, unknown>, args: readonly string[]): P;
  run(params: P, context: RunContext): Promise<CommandOutput>;
}

/** Helps declare a command with its parameter type inferred. */
export function defineCommand<P extends CommandParams>(spec: CommandSpec<P>): CommandSpec<P> {
  return spec;
}
