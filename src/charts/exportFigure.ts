import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Figure } from './figure';
import { type FigureRenderer, type ImageFormat, type ImageOptions, sharedFigureRenderer } from './figureRenderer';

const FORMATS: readonly ImageFormat[] = ['png', 'svg', 'pdf'];

/** How long the shared renderer keeps Chromium after its last export. */
const SHARED_IDLE_MS = 5000;

/**
 * Runs `work` with the renderer shared by exportFigure and showFigure calls that pass none:
 * launched on first use and closed 5 s after the last export ends, so consecutive charts
 * reuse one Chromium while a script still ends soon after its last export.
 * @example const svg = await withSharedRenderer((r) => r.render(figure, 'svg'));
 */
export async function withSharedRenderer<T>(work: (renderer: FigureRenderer) => Promise<T>): Promise<T> {
  return sharedFigureRenderer(work, SHARED_IDLE_MS);
}

/**
 * Exports a figure as PNG, SVG or PDF through headless Chromium. With a format, returns the
 * bytes; with a file path (ending .png, .svg or .pdf), also writes the file atomically.
 * The same figure and size give the same bytes.
 * @param options width/height in CSS pixels (default the figure's, else 900×480), scale for
 *   PNG pixel density; `renderer` to reuse one you manage (see withFigureRenderer).
 * @throws RangeError for an unknown format or extension or a non-positive size.
 * @example await exportFigure(figure, 'output/premium.svg') // writes the SVG, returns its bytes
 * @example const png = await exportFigure(figure, 'png', { width: 800, height: 400, scale: 2 })
 */
export async function exportFigure(figure: Figure, target: ImageFormat | string, options: ImageOptions & { readonly renderer?: FigureRenderer } = {}): Promise<Uint8Array> {
  const isFormat = (FORMATS as readonly string[]).includes(target);
  const format = (isFormat ? target : extname(target).slice(1).toLowerCase()) as ImageFormat;
  if (!FORMATS.includes(format)) throw new RangeError(`exportFigure: expected png, svg or pdf (or a path ending in one), got ${JSON.stringify(target)}`);
  let bytes: Uint8Array;
  if (options.renderer) {
    bytes = await options.renderer.render(figure, format, options);
  } else {
    bytes = await withSharedRenderer((renderer) => renderer.render(figure, format, options));
  }
  if (!isFormat) {
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  }
  return bytes;
}
