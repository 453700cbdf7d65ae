import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../data/InputError';
import { PACKAGE_ROOT } from '../evidence/manifest';
import { executeNotebook, type NotebookRun } from './executeNotebook';
import { ensureKernel, notebookEnv } from './jupyter';
import { ensurePackageLink } from './packageLink';

/** What to run and where. */
export interface RunNotebooksOptions {
  /** Folder holding the notebooks (default `notebooks/` of this checkout). */
  readonly dir?: string;
  /** Names to run (with or without `.ipynb`); default every notebook in `dir`, in name order. */
  readonly only?: readonly string[];
  /** Overrides of each notebook's `parameters` cell. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Where executed notebooks and HTML go (default `<dir>/.executed`). */
  readonly outDir?: string;
  readonly cellTimeoutSeconds?: number;
  /** Called before and after each notebook, for progress lines. */
  readonly onStart?: (name: string) => void;
  readonly onDone?: (run: NotebookRun) => void;
}

/** The notebooks in a folder, in name order (`00-…` first). @example listNotebooks('notebooks') // ['notebooks/00-getting-started.ipynb', …] */
export function listNotebooks(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Executes notebooks headless, one after another: links the package for imports, registers
 * the tslab kernel if needed, and writes each executed notebook and its HTML to `outDir`.
 * @throws JupyterUnavailable when Jupyter or the kernel is missing; InputError for an
 *   unknown notebook name or a bad parameter.
 * @example const runs = await runNotebooks({ only: ['00-getting-started'] }); runs[0].ok // true
 */
export async function runNotebooks(options: RunNotebooksOptions = {}): Promise<NotebookRun[]> {
  const dir = options.dir ?? join(PACKAGE_ROOT, 'notebooks');
  const all = listNotebooks(dir);
  const selected = (options.only ?? []).map((name) => {
    const file = join(dir, name.endsWith('.ipynb') ? name : `${name}.ipynb`);
    if (!all.includes(file)) {
      const names = all.map((f) => f.slice(dir.length + 1, -'.ipynb'.length));
      throw new InputError({ argument: '--notebook' }, `one of the notebooks in ${dir}: ${names.join(', ')}`, name);
    }
    return file;
  });
  ensurePackageLink();
  const env = notebookEnv();
  const jupyter = ensureKernel(env);
  const runs: NotebookRun[] = [];
  for (const file of selected.length > 0 ? selected : all) {
    const name = file.slice(dir.length + 1, -'.ipynb'.length);
    options.onStart?.(name);
    const run = await executeNotebook(file, {
      jupyter,
      env,
      outDir: options.outDir ?? join(dir, '.executed'),
      parameters: options.parameters,
      cellTimeoutSeconds: options.cellTimeoutSeconds,
    });
    options.onDone?.(run);
    runs.push(run);
  }
  return runs;
}
