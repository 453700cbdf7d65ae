import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import type { NotebookRun } from '../../src/notebook/executeNotebook';
import { hasTag, type Notebook, sourceText } from '../../src/notebook/ipynb';
import { runNotebooks } from '../../src/notebook/runNotebooks';
import { jupyterMissing, skipWithout } from '../support/environment';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = resolve(ROOT, 'test', 'fixtures', 'notebooks');
const out = mkdtempSync(join(tmpdir(), 'awb-runner-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const stdoutOf = (nb: Notebook) =>
  nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'stream' && o.name === 'stdout').map((o) => sourceText(o.text)).join('');

describe('runNotebooks(): arguments', () => {
  it('an unknown notebook name is an InputError listing the notebooks there', async () => {
    await expect(runNotebooks({ dir: FIXTURES, only: ['nope'], outDir: out })).rejects.toThrow(InputError);
    await expect(runNotebooks({ dir: FIXTURES, only: ['nope'], outDir: out })).rejects.toThrow(`argument --notebook: expected one of the notebooks in ${FIXTURES}: failing, params, found "nope"`);
  });
});

describe.skipIf(skipWithout(jupyterMissing(), 'notebook runner (Jupyter)'))('runNotebooks(): executing on the tslab kernel', () => {
  it('runs a notebook with an overridden parameter and writes the executed notebook and its HTML', async () => {
    const runs = await runNotebooks({ dir: FIXTURES, only: ['params.ipynb'], parameters: { quarter: '2025Q3' }, outDir: out });
    expect(runs.map((r) => [r.name, r.ok, r.failure])).toEqual([['params', true, null]]);
    const executed = JSON.parse(readFileSync(runs[0].executed!, 'utf8')) as Notebook;
    // quarter comes from the injected cell; runs keeps its default; formatYuan('1234.565') rounds half-up to 1234.57.
    expect(stdoutOf(executed)).toBe('quarter=2025Q3 runs=2 yuan=1234.57\n');
    expect(executed.cells.map((c) => (hasTag(c, 'injected-parameters') ? 'injected' : c.cell_type))).toEqual(['markdown', 'code', 'injected', 'code']);
    expect(executed.cells.filter((c) => c.cell_type === 'code').map((c) => c.execution_count)).toEqual([1, 2, 3]);
    const html = readFileSync(runs[0].html!, 'utf8');
    expect(html).toContain('quarter=2025Q3 runs=2 yuan=1234.57');
    expect(html).toContain('<title>params</title>');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('through the command line, a failing cell exits 1 naming the notebook and the cell, and still writes both files', async () => {
    const cli = join(ROOT, 'dist', 'cli', 'notebooks.js');
    const run = promisify(execFile)(process.execPath, [cli, '--dir', FIXTURES, '--out', out, '--notebook', 'failing', '--json'], { maxBuffer: 64 << 20 });
    const error = (await run.then(() => null, (e: unknown) => e)) as { code: number; stdout: string; stderr: string } | null;
    expect(error?.code).toBe(1);
    const [result] = JSON.parse(error!.stdout) as NotebookRun[];
    expect(result.ok).toBe(false);
    // Cell 3 (index 2) assigns formatYuan's string to a number: tslab reports TS2322 at line 2, column 7.
    expect(result.failure?.index).toBe(2);
    expect(result.failure?.message).toContain("2:7 - Type 'string' is not assignable to type 'number'.");
    expect(error!.stderr).toContain('✗ failing failed at cell 3');
    const executed = JSON.parse(readFileSync(result.executed!, 'utf8')) as Notebook;
    expect(stdoutOf(executed)).toBe('first cell ran\n');
    expect(executed.cells[2].outputs?.some((o) => o.output_type === 'error' && o.ename === 'NotebookRunFailed')).toBe(true);
    // The cell after the failure was never sent to the kernel: no outputs, no timing, no number.
    expect(executed.cells[3]).toMatchObject({ outputs: [], execution_count: null, metadata: {} });
    expect(existsSync(result.html!)).toBe(true);
  });
});
