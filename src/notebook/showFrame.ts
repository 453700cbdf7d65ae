import type { DataFrame } from 'danfojs/dist/danfojs-browser/src/index';
import { displayBundle } from './display';
import { frameHtml, type FrameHtmlOptions } from './frameHtml';
import { type FrameSource, toFrame } from './toFrame';

function isFrame(value: unknown): value is DataFrame {
  return typeof value === 'object' && value !== null && 'columns' in value && 'shape' in value && typeof (value as { head?: unknown }).head === 'function';
}

/**
 * Shows a table in a tslab notebook as tidy HTML (see frameHtml), with a plain-text
 * fallback. Takes a DataFrame, or anything toFrame takes.
 * @throws Error outside a tslab notebook kernel.
 * @example showFrame(data.products, { caption: 'Products 产品' })
 */
export function showFrame(source: DataFrame | FrameSource, options: FrameHtmlOptions = {}): void {
  const frame = isFrame(source) ? source : toFrame(source, { money: options.money });
  displayBundle({ 'text/html': frameHtml(frame, options), 'text/plain': `DataFrame ${frame.shape[0]} rows × ${frame.shape[1]} columns: ${frame.columns.join(', ')}` });
}
