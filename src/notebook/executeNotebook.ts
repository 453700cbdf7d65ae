import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { hasTag, type Notebook, readNotebook, sourceText } from './ipynb';
import { KERNEL_NAME } from './jupyter';
import { writeOfflineTemplate } from './offlineTemplate';
import { type CellFailure, readExecution } from './readExecution';
import { writeRunConfig } from './runConfig';
import { INJECTED_CELL, injectParameters } from './parameters';
import { runProcess } from './runProcess';

/** How to execute a notebook. */
export interface ExecuteOptions {
  /** The `jupyter` command. */
  readonly jupyter: string;
  /** Environment of nbconvert and the kernel (see notebookEnv). */
  readonly env: NodeJS.ProcessEnv;
  /** Folder for the executed .ipynb and .html. */
  readonly outDir: string;
  /** Overrides of the `parameters` cell, as name → text. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Seconds one cell may run before the notebook fails. */
  readonly cellTimeoutSeconds?: number;
}

/** The outcome of executing one notebook. */
export interface NotebookRun {
  /** The notebook's name: its file name without `.ipynb`. */
  readonly name: string;
  /** The source notebook. */
  readonly file: string;
  readonly ok: boolean;
  readonly seconds: number;
  /** The executed notebook (with outputs), or null when the kernel produced none. */
  readonly executed: string | null;
  /** Its HTML export, or null when none was produced. */
  readonly html: string | null;
  /**
   * The first cell that failed, by its index in the notebook file; INJECTED_CELL for the
   * injected parameters cell, −1 when the run failed outside any cell (kernel start).
   */
  readonly failure: CellFailure | null;
}

/** Default per-cell timeout: generous, because two shared cores may be busy. */
export const DEFAULT_CELL_TIMEOUT_SECONDS = 1200;

function writeAtomic(path: string, text: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/**
 * The index of a cell of the run in the notebook file: cells after an injected parameters
 * cell move back by one; the injected cell itself is INJECTED_CELL.
 */
function sourceCellIndex(index: number, run: Notebook, overrides: Readonly<Record<string, string>> | undefined): number {
  if (!overrides || Object.keys(overrides).length === 0) return index;
  const injected = run.cells.findIndex((c) => hasTag(c, 'injected-parameters'));
  return index === injected ? INJECTED_CELL : index > injected ? index - 1 : index;
}

/**
 * Reads why nbconvert stopped the run itself (a cell timed out, the kernel died or did not
 * start): the Python exception without its traceback, and the cell it quotes, found by its
 * source (nbclient previews a long cell as its first and last five lines).
 * @example failureFromStderr('…DeadKernelError: Kernel died\n', nb) // { index: -1, source: '', message: 'DeadKernelError: Kernel died' }
 */
export function failureFromStderr(stderr: string, notebook: Notebook): CellFailure {
  const lines = stderr.replace(/\r/g, '').split('\n');
  let at = -1;
  lines.forEach((line, i) => {
    if (/^[A-Za-z_][\w.]*(Error|Exception)(: |$)/.test(line)) at = i;
  });
  const message = at >= 0 ? lines.slice(at, at + 14).join('\n').replace(/^[\w.]+\.(?=\w+(Error|Exception))/, '').trim() : stderr.trim().split('\n').slice(-12).join('\n');
  const quoted = /(?:executing the following cell:|preview of the cell contents:)\n-{5,}\n([\s\S]*?)\n-{5,}/.exec(stderr);
  let index = -1;
  if (quoted) {
    // A long cell is previewed as two Python lists of lines (first five, last five) around '...'.
    const shown = quoted[1].split('\n').flatMap((l) => (l.startsWith('[') ? [...l.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2]) : l === '...' ? [] : [l]));
    index = notebook.cells.findIndex((c) => c.cell_type === 'code' && (sourceText(c.source) === quoted[1] || shown.every((l) => sourceText(c.source).split('\n').includes(l))));
  }
  return { index, source: index >= 0 ? sourceText(notebook.cells[index].source) : '', message: message || 'nbconvert failed without a message' };
}

/**
 * Executes a notebook headless with nbconvert on the tslab kernel (cwd = the notebook's
 * folder, so relative paths in it work), then exports the executed notebook to HTML with
 * the offline template. The run stops at the first failing cell (see runConfig.ts). Writes
 * `<outDir>/<name>.ipynb` and `<name>.html`, each atomically; a failed notebook still gets
 * both, with the failing cell marked, for inspection.
 * @throws InputError for a bad parameter override or a file that is not a notebook.
 * @example await executeNotebook('notebooks/00-getting-started.ipynb', { jupyter, env, outDir: 'notebooks/.executed' })
 */
export async function executeNotebook(file: string, options: ExecuteOptions): Promise<NotebookRun> {
  const started = Date.now();
  const name = basename(file, '.ipynb');
  const source = injectParameters(readNotebook(file), options.parameters ?? {}, file);
  const timeout = options.cellTimeoutSeconds ?? DEFAULT_CELL_TIMEOUT_SECONDS;
  mkdirSync(options.outDir, { recursive: true });
  const config = writeRunConfig(join(options.outDir, '.config'));
  const executedRun = await runProcess(
    options.jupyter,
    [
      'nbconvert', '--config', config, '--stdin', '--stdout', '--to', 'notebook', '--execute', '--allow-errors',
      `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
      `--ExecutePreprocessor.timeout=${timeout}`,
      '--ExecutePreprocessor.startup_timeout=300',
    ],
    { cwd: dirname(resolve(file)), env: options.env, input: JSON.stringify(source) },
  );
  const seconds = (Date.now() - started) / 1000;
  if (executedRun.code !== 0) {
    const stopped = failureFromStderr(executedRun.stderr, source);
    return { name, file, ok: false, seconds, executed: null, html: null, failure: { ...stopped, index: sourceCellIndex(stopped.index, source, options.parameters) } };
  }
  const { notebook, failure: runFailure } = readExecution(JSON.parse(executedRun.stdout) as Notebook);
  const failure = runFailure && { ...runFailure, index: sourceCellIndex(runFailure.index, source, options.parameters) };
  const titled: Notebook = { ...notebook, metadata: { title: name, ...notebook.metadata } };
  const executed = join(options.outDir, `${name}.ipynb`);
  writeAtomic(executed, JSON.stringify(titled, null, 1) + '\n');
  const template = writeOfflineTemplate(join(options.outDir, '.template'));
  const htmlRun = await runProcess(
    options.jupyter,
    ['nbconvert', '--stdin', '--stdout', '--to', 'html', '--template', 'lab', '--template-file', template],
    { cwd: options.outDir, env: options.env, input: JSON.stringify(titled) },
  );
  if (htmlRun.code !== 0) {
    return { name, file, ok: false, seconds, executed, html: null, failure: { index: -1, source: '', message: `HTML export failed:\n${htmlRun.stderr.trim()}` } };
  }
  const html = join(options.outDir, `${name}.html`);
  writeAtomic(html, htmlRun.stdout);
  return { name, file, ok: failure === null, seconds: (Date.now() - started) / 1000, executed, html, failure };
}
