import { describe, expect, it } from 'vitest';
import type { CellOutput, Notebook, NotebookCell } from '../../src/notebook/ipynb';
import { readExecution } from '../../src/notebook/readExecution';
import { FAILED_KEY, SKIP_TAG, SKIPPED_KEY } from '../../src/notebook/runConfig';

const code = (source: string, outputs: CellOutput[] = [], metadata: NotebookCell['metadata'] = {}): NotebookCell => ({ cell_type: 'code', source, metadata, outputs, execution_count: null });
const markdown: NotebookCell = { cell_type: 'markdown', source: '# text', metadata: {} };
const notebook = (...cells: NotebookCell[]): Notebook => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });
const stdout = (text: string): CellOutput => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string): CellOutput => ({ output_type: 'stream', name: 'stderr', text });
/** What the run configuration's hooks leave on a cell skipped after a failure. */
const skipped = { tags: [SKIP_TAG], [SKIPPED_KEY]: true };

describe('readExecution(): the outcome of a headless tslab run', () => {
  it('a clean run has no failure and numbers the code cells that ran', () => {
    const { notebook: out, failure } = readExecution(notebook(code('const a = 1;'), markdown, code('console.log(a);', [stdout('1\n')]), code('  ')));
    expect(failure).toBeNull();
    expect(out.cells.map((c) => c.execution_count)).toEqual([1, undefined, 2, null]);
    expect(out.cells[2].outputs).toEqual([stdout('1\n')]);
  });

  it('the cell whose reply was an error is the failure, with the error tslab printed; the run marks are removed', () => {
    // As nbclient leaves it: tslab printed the type error on stderr, the error hook marked the cell, the start hook skipped the next one.
    const executed = notebook(
      code('const a = 1;'),
      markdown,
      code("const b: number = 'x';", [stderr("1:7 - Type 'string' is not assignable to type 'number'.\n")], { [FAILED_KEY]: true }),
      code('console.log(a);', [], skipped),
    );
    const { notebook: out, failure } = readExecution(executed);
    expect(failure).toEqual({ index: 2, source: "const b: number = 'x';", message: "1:7 - Type 'string' is not assignable to type 'number'." });
    const outputs = out.cells[2].outputs!;
    expect(outputs[outputs.length - 1]).toMatchObject({ output_type: 'error', ename: 'NotebookRunFailed', evalue: 'cell 3 failed; the cells after it were not run' });
    expect(out.cells.map((c) => c.execution_count)).toEqual([1, undefined, 2, null]);
    expect(out.cells.map((c) => c.metadata)).toEqual([{}, {}, {}, {}]);
  });

  it('a cell keeps its own tags when the run skipped it', () => {
    const executed = notebook(code('x', [], { [FAILED_KEY]: true }), code('y', [], { tags: ['slow', SKIP_TAG], [SKIPPED_KEY]: true }));
    expect(readExecution(executed).notebook.cells[1].metadata).toEqual({ tags: ['slow'] });
  });

  it('an uncaught async exception fails its cell although tslab reported success', () => {
    const late = stderr('UncaughtException: Error: late\n    at Timeout._onTimeout (evalmachine.<anonymous>:3:26)\n');
    const { failure } = readExecution(notebook(code('setTimeout(() => { throw new Error("late"); }, 1);', [late]), code('1')));
    expect(failure?.index).toBe(0);
    expect(failure?.message).toMatch(/^UncaughtException: Error: late\n {4}at Timeout/);
  });

  it('ordinary stderr (a library warning) is not a failure', () => {
    expect(readExecution(notebook(code('warn()', [stderr('Warning: something\n')]))).failure).toBeNull();
  });

  it('an error output also counts, and a failing cell that printed nothing still gets a message', () => {
    const errorOutput: CellOutput = { output_type: 'error', ename: 'TypeError', evalue: 'x is not a function', traceback: [] };
    expect(readExecution(notebook(code('x()', [errorOutput]))).failure?.message).toBe('TypeError: x is not a function');
    expect(readExecution(notebook(code('x', [], { [FAILED_KEY]: true }))).failure?.message).toBe('the cell failed without printing an error');
  });
});
