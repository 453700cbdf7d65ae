import { describe, expect, it } from 'vitest';
import { addCellMarkers, MARKER_TAG, readMarkedExecution } from '../../src/notebook/cellMarkers';
import type { CellOutput, Notebook, NotebookCell } from '../../src/notebook/ipynb';

const code = (source: string): NotebookCell => ({ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null });
const notebook = (...cells: NotebookCell[]): Notebook => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });
const stdout = (text: string): CellOutput => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string): CellOutput => ({ output_type: 'stream', name: 'stderr', text });

/** Plays the kernel: gives each cell of the marked notebook the outputs tslab would produce. */
function executed(marked: Notebook, outputsByIndex: Record<number, CellOutput[]>): Notebook {
  return { ...marked, cells: marked.cells.map((cell, i) => (cell.cell_type === 'code' ? { ...cell, outputs: outputsByIndex[i] ?? [] } : cell)) };
}

const source = notebook(code('const a = 1;'), { cell_type: 'markdown', source: '# text', metadata: {} }, code("const b: number = 'x';"), code('console.log(a);'));

describe('cell markers: finding the cell that failed in a tslab run', () => {
  it('addCellMarkers() puts a marker after every code cell, printing its index', () => {
    const marked = addCellMarkers(source);
    expect(marked.cells.map((c) => (c.metadata.tags?.includes(MARKER_TAG) ? `marker:${c.source}` : c.cell_type))).toEqual([
      'code', 'marker:console.log("awb:cell-done:0");', 'markdown', 'code', 'marker:console.log("awb:cell-done:2");', 'code', 'marker:console.log("awb:cell-done:3");',
    ]);
  });

  it('a run where every marker printed has no failure, numbers the code cells and drops the markers', () => {
    const marked = addCellMarkers(source);
    const { notebook: out, failure } = readMarkedExecution(executed(marked, { 1: [stdout('awb:cell-done:0\n')], 4: [stdout('awb:cell-done:2\n')], 5: [stdout('1\n')], 6: [stdout('awb:cell-done:3\n')] }));
    expect(failure).toBeNull();
    expect(out.cells.map((c) => c.cell_type)).toEqual(['code', 'markdown', 'code', 'code']);
    expect(out.cells.map((c) => c.execution_count)).toEqual([1, undefined, 2, 3]);
    expect(out.cells[3].outputs).toEqual([stdout('1\n')]);
  });

  it('the first silent marker names the failing cell (tslab prints the type error on stderr and aborts the rest)', () => {
    const marked = addCellMarkers(source);
    const { notebook: out, failure } = readMarkedExecution(executed(marked, { 1: [stdout('awb:cell-done:0\n')], 3: [stderr("1:7 - Type 'string' is not assignable to type 'number'.\n")] }));
    expect(failure).toEqual({ index: 2, source: "const b: number = 'x';", message: "1:7 - Type 'string' is not assignable to type 'number'." });
    const marks = out.cells[2].outputs!;
    expect(marks[marks.length - 1]).toMatchObject({ output_type: 'error', ename: 'NotebookRunFailed', evalue: 'cell 3 failed; the cells after it were not run' });
    expect(out.cells[3].execution_count).toBeNull();
  });

  it('an uncaught async exception fails its cell even though tslab reported the cell as done', () => {
    const marked = addCellMarkers(notebook(code('setTimeout(() => { throw new Error("late"); }, 1);'), code('1')));
    const late = stderr('UncaughtException: Error: late\n    at Timeout._onTimeout (evalmachine.<anonymous>:3:26)\n');
    const { failure } = readMarkedExecution(executed(marked, { 1: [stdout('awb:cell-done:0\n'), late], 3: [stdout('awb:cell-done:1\n')] }));
    expect(failure?.index).toBe(0);
    expect(failure?.message).toMatch(/^UncaughtException: Error: late/);
  });

  it('output that arrives after a cell finished is moved back to that cell', () => {
    const marked = addCellMarkers(notebook(code('setTimeout(() => console.log("late"), 1);')));
    const { notebook: out, failure } = readMarkedExecution(executed(marked, { 1: [stdout('late\n'), stdout('awb:cell-done:0\n')] }));
    expect(failure).toBeNull();
    expect(out.cells[0].outputs).toEqual([stdout('late\n')]);
  });

  it('a failing cell that printed nothing still gets a message', () => {
    const marked = addCellMarkers(notebook(code('x')));
    expect(readMarkedExecution(executed(marked, {})).failure?.message).toBe('the cell failed without printing an error');
  });
});
