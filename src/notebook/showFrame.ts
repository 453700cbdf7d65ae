import type { DataFrame } from 'danfojs/dist/danfojs-browser/src/index';
import { displayBundle } from './display';
import { frameHtml, type FrameHtmlOptions } from './frameHtml';
import type { RowBase, Table } from '../data/parseTable';
import { type FrameOptions, type FrameSource, toFrame } from './toFrame';

function isFrame(value: unknown): value is DataFrame {
  return typeof value === 'object' && value !== null && 'columns' in value && 'shape' in value && typeof (value as { head?: unknown }).head === 'function';
}

/**
 * Shows a table in a tslab notebook as tidy HTML (see frameHtml), with a plain-text
 * fallback. Takes a DataFrame, or anything toFrame takes (with toFrame's options:
 * `columns`, `money`, and `filter` for a typed table).
 * @throws Error outside a tslab notebook kernel.
 * @example showFrame(data.products, { caption: 'Products 产品' })
 * @example showFrame(data.finance, { filter: (r) => r.period === '2025Q4', maxRows: 15 })
 */
export function showFrame<R extends RowBase>(source: Table<R>, options?: FrameHtmlOptions & FrameOptions & { readonly filter?: (row: R) => boolean }): void;
export function showFrame(source: DataFrame | FrameSource, options?: FrameHtmlOptions & FrameOptions): void;
export function showFrame(source: DataFrame | FrameSource, options: FrameHtmlOptions & FrameOptions & { readonly filter?: (row: RowBase) => boolean } = {}): void {
  const frame = isFrame(source) ? source : toFrame(source as Table<RowBase>, options);
  displayBundle({ 'text/html': frameHtml(frame, options), 'text/plain': `DataFrame ${frame.shape[0]} rows × ${frame.shape[1]} columns: ${frame.columns.join(', ')}` });
}
