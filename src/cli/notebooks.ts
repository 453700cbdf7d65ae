#!/usr/bin/env node
import { relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import { InputError } from '../data/InputError';
import type { NotebookRun } from '../notebook/executeNotebook';
import { JupyterUnavailable, notebookEnv, registerKernel } from '../notebook/jupyter';
import { ensurePackageLink } from '../notebook/packageLink';
import { INJECTED_CELL, parseParameterAssignment } from '../notebook/parameters';
import { runNotebooks } from '../notebook/runNotebooks';
import { integerArg } from '../commands/args';

/** Exit codes, as for `awb`: 0 every notebook ran, 1 one failed (or Jupyter is missing), 2 bad argument. */
const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function shown(path: string | null): string {
  if (path === null) return 'none';
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function describeFailure(run: NotebookRun): string {
  const f = run.failure!;
  const where = f.index >= 0 ? ` at cell ${f.index + 1}` : f.index === INJECTED_CELL ? ' in the injected parameters cell' : '';
  const source = f.source.split('\n').slice(0, 4).map((l) => `    | ${l}`).join('\n');
  const message = f.message.split('\n').slice(0, 16).map((l) => `    ${l}`).join('\n');
  return `✗ ${run.name} failed${where} (${run.seconds.toFixed(1)} s)\n${source ? source + '\n' : ''}${message}\n    executed notebook: ${shown(run.executed)}\n    HTML: ${shown(run.html)}\n`;
}

/**
 * `npm run notebooks`: executes the notebooks headless into `notebooks/.executed/` (executed
 * .ipynb and offline HTML). Exit 0 when every notebook ran, 1 when one failed (naming the
 * notebook and the cell) or Jupyter is missing, 2 for a bad argument.
 */
async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('notebooks')
    .description('Execute the notebooks headless (nbconvert, tslab kernel) into notebooks/.executed/ as .ipynb and offline HTML.')
    .option('--notebook <name>', 'run only this notebook (repeatable), e.g. 05-quarterly-review', collect, [])
    .option('--param <name=value>', "override a variable of the notebook's `parameters` cell (repeatable)", collect, [])
    .option('--dir <dir>', 'folder of the notebooks (default: notebooks/)')
    .option('--out <dir>', 'folder for the executed notebooks and HTML (default: <dir>/.executed)')
    .option('--timeout <seconds>', 'seconds a single cell may run', '1200')
    .option('--install-kernel', 'register the tslab Jupyter kernel and exit')
    .option('--link', 'make the package importable by name from notebooks (node_modules link) and exit')
    .option('--json', 'print the runs as one JSON document on stdout')
    .addHelpText('after', '\nExamples:\n  $ npm run notebooks\n  $ npm run notebooks -- --notebook 05-quarterly-review --param quarter=2025Q3\n')
    .exitOverride();
  try {
    program.parse(argv as string[]);
    const o = program.opts<{ notebook: string[]; param: string[]; dir?: string; out?: string; timeout: string; installKernel?: boolean; link?: boolean; json?: boolean }>();
    if (o.link) {
      process.stdout.write(`linked ${ensurePackageLink()}\n`);
      return EXIT.ok;
    }
    if (o.installKernel) {
      process.stdout.write(registerKernel(notebookEnv()));
      return EXIT.ok;
    }
    const parameters = Object.fromEntries(o.param.map(parseParameterAssignment));
    const runs = await runNotebooks({
      dir: o.dir,
      outDir: o.out,
      only: o.notebook,
      parameters,
      cellTimeoutSeconds: integerArg(o as Record<string, unknown>, 'timeout', { min: 1 }),
      onStart: (name) => process.stderr.write(`▶ ${name} …\n`),
      onDone: (run) => process.stderr.write(run.ok ? `✓ ${run.name} (${run.seconds.toFixed(1)} s) → ${shown(run.html)}\n` : describeFailure(run)),
    });
    const failed = runs.filter((r) => !r.ok);
    if (o.json) process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
    else process.stdout.write(`${runs.length} notebook(s) executed: ${runs.length - failed.length} ok, ${failed.length} failed${failed.length ? ` (${failed.map((r) => r.name).join(', ')})` : ''}\n`);
    return failed.length === 0 ? EXIT.ok : EXIT.internal;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (error instanceof InputError) {
      process.stderr.write(`notebooks: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (error instanceof JupyterUnavailable) {
      process.stderr.write(`notebooks: ${error.message}\n`);
      return EXIT.internal;
    }
    throw error;
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`notebooks: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
