import { readFileSync } from 'node:fs';
import { InputError } from '../data/InputError';

/** Cell source as nbformat stores it: one string, or lines that concatenate to it. */
export type CellSource = string | readonly string[];

/** One output of a code cell (nbformat 4): a stream, rich display data, or an error. */
export interface CellOutput {
  readonly output_type: 'stream' | 'display_data' | 'execute_result' | 'error' | 'update_display_data';
  readonly name?: 'stdout' | 'stderr';
  readonly text?: CellSource;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly ename?: string;
  readonly evalue?: string;
  readonly traceback?: readonly string[];
  readonly execution_count?: number | null;
}

/** A notebook cell (nbformat 4); unknown fields are kept as they are. */
export interface NotebookCell {
  readonly cell_type: 'code' | 'markdown' | 'raw';
  readonly id?: string;
  readonly source: CellSource;
  readonly metadata: { readonly tags?: readonly string[]; readonly [key: string]: unknown };
  readonly outputs?: readonly CellOutput[];
  readonly execution_count?: number | null;
  readonly [key: string]: unknown;
}

/** A Jupyter notebook document (nbformat 4). */
export interface Notebook {
  readonly cells: readonly NotebookCell[];
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly nbformat: number;
  readonly nbformat_minor: number;
}

/** The text of a cell's source or a stream's text. @example sourceText(['a\n', 'b']) // 'a\nb' */
export function sourceText(source: CellSource | undefined): string {
  if (source === undefined) return '';
  return typeof source === 'string' ? source : source.join('');
}

/** Whether a cell carries a tag (`parameters`, `injected-parameters`, …). */
export function hasTag(cell: NotebookCell, tag: string): boolean {
  return (cell.metadata.tags ?? []).includes(tag);
}

/**
 * Reads a notebook file.
 * @throws InputError when the file is not an nbformat 4 notebook.
 * @example readNotebook('notebooks/00-getting-started.ipynb').nbformat // 4
 */
export function readNotebook(path: string): Notebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError({ file: path }, 'a Jupyter notebook (JSON)', (error as Error).message);
  }
  const nb = parsed as Partial<Notebook>;
  if (!nb || typeof nb !== 'object' || !Array.isArray(nb.cells) || nb.nbformat !== 4) {
    throw new InputError({ file: path }, 'a Jupyter notebook in nbformat 4 (an object with "cells" and "nbformat": 4)');
  }
  return nb as Notebook;
}
