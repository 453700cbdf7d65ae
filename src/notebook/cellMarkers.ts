import { type CellOutput, hasTag, type Notebook, type NotebookCell, sourceText } from './ipynb';

/** Tag of the marker cells the runner adds (and removes again). */
export const MARKER_TAG = 'awb-cell-marker';

const MARKER_TEXT = 'awb:cell-done:';

/** A notebook cell that did not complete. */
export interface CellFailure {
  /** Index of the cell in the notebook (0-based; cell n in messages is index n − 1). */
  readonly index: number;
  /** The cell's source. */
  readonly source: string;
  /** What went wrong: the error text the kernel printed, or why the cell counts as failed. */
  readonly message: string;
}

/**
 * Adds after every code cell a marker cell that prints `awb:cell-done:<index>`. tslab reports
 * a failing cell only through the reply status (no `error` output), and aborts the cells
 * queued after it; so a marker that printed proves its cell completed, and the first silent
 * marker names the cell that failed.
 */
export function addCellMarkers(notebook: Notebook): Notebook {
  const cells: NotebookCell[] = [];
  notebook.cells.forEach((cell, index) => {
    cells.push(cell);
    if (cell.cell_type !== 'code') return;
    cells.push({
      cell_type: 'code',
      id: `awb-marker-${index}`,
      metadata: { tags: [MARKER_TAG] },
      execution_count: null,
      outputs: [],
      source: `console.log(${JSON.stringify(MARKER_TEXT + index)});`,
    });
  });
  return { ...notebook, cells };
}

function streamText(outputs: readonly CellOutput[], name: 'stdout' | 'stderr'): string {
  return outputs
    .filter((o) => o.output_type === 'stream' && o.name === name)
    .map((o) => sourceText(o.text))
    .join('');
}

/** An error the kernel printed but did not report as a failed cell (tslab's async error handlers). */
function asyncErrorIn(outputs: readonly CellOutput[]): string | null {
  const stderr = streamText(outputs, 'stderr');
  const m = /(?:^|\n)(UncaughtException|UnhandledPromiseRejection):[^\n]*(?:\n[^\n]*){0,8}/.exec(stderr);
  return m ? m[0].trim() : null;
}

function errorText(outputs: readonly CellOutput[]): string {
  const errors = outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename ?? 'Error'}: ${o.evalue ?? ''}`);
  const stderr = streamText(outputs, 'stderr').trim();
  const text = [...errors, stderr].filter((t) => t !== '').join('\n');
  return text === '' ? 'the cell failed without printing an error' : text;
}

/**
 * Reads an executed, marked notebook: removes the marker cells (moving any output that
 * arrived late back to the cell it belongs to) and finds the first cell that failed. The
 * failing cell gets an `error` output so the exported HTML shows where the run stopped;
 * cells that ran are numbered In [1], In [2], … (tslab reports no execution counts).
 */
export function readMarkedExecution(executed: Notebook): { notebook: Notebook; failure: CellFailure | null } {
  const cells: NotebookCell[] = [];
  let failure: CellFailure | null = null;
  let original = -1;
  let ran = 0;
  for (const cell of executed.cells) {
    if (!hasTag(cell, MARKER_TAG)) {
      original += 1;
      cells.push(cell);
      continue;
    }
    const owner = cells[cells.length - 1];
    const outputs = cell.outputs ?? [];
    const done = streamText(outputs, 'stdout').includes(MARKER_TEXT + original);
    const late = outputs.filter((o) => !(o.output_type === 'stream' && o.name === 'stdout' && sourceText(o.text).includes(MARKER_TEXT)));
    const ownerOutputs = [...(owner.outputs ?? []), ...late];
    const asyncError = asyncErrorIn(ownerOutputs);
    const failed = failure === null && (!done || asyncError !== null || ownerOutputs.some((o) => o.output_type === 'error'));
    if (failed) {
      const message = asyncError ?? errorText(ownerOutputs);
      failure = { index: original, source: sourceText(owner.source), message };
      ownerOutputs.push({
        output_type: 'error',
        ename: 'NotebookRunFailed',
        evalue: `cell ${original + 1} failed; the cells after it were not run`,
        traceback: [message],
      });
    }
    const executionCount = done || failed ? ++ran : null;
    cells[cells.length - 1] = { ...owner, outputs: ownerOutputs, execution_count: executionCount };
  }
  return { notebook: { ...executed, cells }, failure };
}
