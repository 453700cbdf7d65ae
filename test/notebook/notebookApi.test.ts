import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Notebook, sourceText } from '../../src/notebook/ipynb';
import { listNotebooks } from '../../src/notebook/runNotebooks';

const NOTEBOOKS = resolve(__dirname, '..', '..', 'notebooks');

/** What a notebook on the typed API never needs: casts, and running commands through their argument parsers. */
const FORBIDDEN = ['as any', 'as unknown', 'findCommand', 'commandParams', '.parse('];

/** Notebooks not yet on the typed API (none: every notebook programs against the library). */
const PENDING = new Set<string>();

describe('notebooks program against the typed API', () => {
  const files = listNotebooks(NOTEBOOKS).filter((f) => !PENDING.has(basename(f, '.ipynb')));

  it('checks the notebooks it should (the list is not empty)', () => {
    expect(files.map((f) => basename(f, '.ipynb'))).toEqual(expect.arrayContaining(['00-getting-started', '01-pricing-backtest', '02-loss-ratio-trends', '03-expense-and-capital', '05-quarterly-review', '07-sales-conduct', '08-annual-report']));
  });

  it.each(files)('%s has no casts and runs no command through its argument parser', (file) => {
    const nb = JSON.parse(readFileSync(file, 'utf8')) as Notebook;
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => sourceText(c.source)).join('\n');
    expect(FORBIDDEN.filter((word) => code.includes(word))).toEqual([]);
  });

  it('01 re-aggregates with the study, not with a function of its own', () => {
    const nb = JSON.parse(readFileSync(resolve(NOTEBOOKS, '01-pricing-backtest.ipynb'), 'utf8')) as Notebook;
    const code = nb.cells.map((c) => sourceText(c.source)).join('\n');
    expect(code).toContain('.summarise([');
    expect(code).not.toMatch(/function total\(/);
  });
});
