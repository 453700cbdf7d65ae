import { describe, expect, it } from 'vitest';
import { failureFromStderr } from '../../src/notebook/executeNotebook';
import type { Notebook, NotebookCell } from '../../src/notebook/ipynb';

const code = (source: string): NotebookCell => ({ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null });
const longCell = Array.from({ length: 12 }, (_, i) => `const line${i} = ${i};`).join('\n');
const nb: Notebook = { cells: [code("console.log('start');"), code('// slow\nawait new Promise((r) => setTimeout(r, 20000));'), code(longCell)], metadata: {}, nbformat: 4, nbformat_minor: 5 };

/** The tail of nbconvert's stderr when a cell times out (captured from a run with --timeout 3). */
const timeout = (preview: string) => `[NbConvertApp] Converting notebook into notebook
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/nbclient/client.py", line 852, in _async_handle_timeout
    raise CellTimeoutError.error_from_timeout_and_cell(
nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 3 seconds.
The message was: Cell execution timed out.
Here is a preview of the cell contents:
-------------------
${preview}
-------------------
`;

describe('failureFromStderr(): why nbconvert stopped a run', () => {
  it('a timed-out cell is found by the source nbconvert quotes, and the message drops the Python traceback', () => {
    const f = failureFromStderr(timeout('// slow\nawait new Promise((r) => setTimeout(r, 20000));'), nb);
    expect(f.index).toBe(1);
    expect(f.message.split('\n')[0]).toBe('CellTimeoutError: A cell timed out while it was being executed, after 3 seconds.');
    expect(f.message).not.toContain('Traceback');
  });

  it('a long cell previewed as its first and last five lines is still found', () => {
    const lines = longCell.split('\n');
    const pyList = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
    expect(failureFromStderr(timeout(`${pyList(lines.slice(0, 5))}\n...\n${pyList(lines.slice(-5))}`), nb).index).toBe(2);
  });

  it('a kernel that died names no cell but keeps the exception', () => {
    const f = failureFromStderr('Traceback (most recent call last):\n  File "x.py", line 1\nnbclient.exceptions.DeadKernelError: Kernel died\n', nb);
    expect(f).toEqual({ index: -1, source: '', message: 'DeadKernelError: Kernel died' });
  });
});
