import { type CellOutput, hasTag, type Notebook, type NotebookCell, sourceText } from './ipynb';
import { FAILED_KEY, SKIP_TAG, SKIPPED_KEY } from './runConfig';

/** A notebook cell that did not complete. */
export interface CellFailure {
  /** Index of the cell in the notebook (0-based; cell n in messages is index n − 1). */
  readonly index: number;
  /** The cell's source. */
  readonly source: string;
  /** What went wrong: the error text the kernel printed, or why the cell counts as failed. */
  readonly message: string;
}

function stderrOf(outputs: readonly CellOutput[]): string {
  return outputs
    .filter((o) => o.output_type === 'stream' && o.name === 'stderr')
    .map((o) => sourceText(o.text))
    .join('');
}

/**
 * An error the kernel printed without failing the cell: tslab's handlers for uncaught
 * exceptions and unhandled rejections in callbacks print `UncaughtException: …` or
 * `UnhandledPromiseRejection: …` to the running cell's stderr and report success.
 */
function asyncErrorIn(outputs: readonly CellOutput[]): string | null {
  const m = /(?:^|\n)(UncaughtException|UnhandledPromiseRejection):[^\n]*(?:\n[^\n]*){0,8}/.exec(stderrOf(outputs));
  return m ? m[0].trim() : null;
}

function errorText(outputs: readonly CellOutput[]): string {
  const errors = outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename ?? 'Error'}: ${o.evalue ?? ''}`);
  const text = [...errors, stderrOf(outputs).trim()].filter((t) => t !== '').join('\n');
  return text === '' ? 'the cell failed without printing an error' : text;
}

/** The cell without the run's bookkeeping (failure mark, skip tag). */
function withoutRunMarks(cell: NotebookCell): NotebookCell {
  const { [FAILED_KEY]: _failed, [SKIPPED_KEY]: skipped, ...metadata } = cell.metadata;
  if (skipped) {
    const tags = (metadata.tags ?? []).filter((t, i, all) => t !== SKIP_TAG || all.indexOf(SKIP_TAG) !== i);
    if (tags.length > 0) metadata.tags = tags;
    else delete metadata.tags;
  }
  return { ...cell, metadata };
}

/**
 * Reads a notebook executed with the run configuration (runConfig.ts): finds the first cell
 * that failed — its execute reply was an error, it has an `error` output, or it printed an
 * uncaught asynchronous error — and removes the run's bookkeeping. The failing cell gets an
 * `error` output so the exported HTML shows where the run stopped; cells that ran are
 * numbered In [1], In [2], … (tslab reports no execution counts).
 * @example readExecution(executed).failure // { index: 2, source: "const b: number = 'x';", message: "1:7 - Type 'string' is not assignable to type 'number'." }
 */
export function readExecution(executed: Notebook): { notebook: Notebook; failure: CellFailure | null } {
  let failure: CellFailure | null = null;
  let ran = 0;
  const cells = executed.cells.map((raw, index) => {
    const skipped = raw.metadata[SKIPPED_KEY] === true;
    const cell = withoutRunMarks(raw);
    if (cell.cell_type !== 'code' || skipped || sourceText(cell.source).trim() === '' || hasTag(cell, SKIP_TAG)) return cell;
    const outputs = [...(cell.outputs ?? [])];
    const asyncError = asyncErrorIn(outputs);
    const failed = raw.metadata[FAILED_KEY] === true || asyncError !== null || outputs.some((o) => o.output_type === 'error');
    if (failed && failure === null) {
      const message = asyncError ?? errorText(outputs);
      failure = { index, source: sourceText(cell.source), message };
      outputs.push({ output_type: 'error', ename: 'NotebookRunFailed', evalue: `cell ${index + 1} failed; the cells after it were not run`, traceback: [message] });
    }
    return { ...cell, outputs, execution_count: ++ran };
  });
  return { notebook: { ...executed, cells }, failure };
}
