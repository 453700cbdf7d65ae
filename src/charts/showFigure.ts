import { displayBundle } from '../notebook/display';
import { exportFigure } from './exportFigure';
import type { Figure } from './figure';
import type { FigureRenderer } from './figureRenderer';
import { figureId, figureOutputHtml, plotlyLoaderHtml } from './notebookFigure';

let plotlyShown = false;
let shownCharts = 0;

/**
 * Loads plotly.js into the notebook page (once per kernel session; later calls do nothing).
 * showFigure calls it before the first chart; setupNotebook calls it at the top.
 * @throws Error outside a tslab notebook kernel.
 * @example showPlotlyLoader(); // once; later calls show nothing
 */
export function showPlotlyLoader(): void {
  if (plotlyShown) return;
  displayBundle({ 'text/html': plotlyLoaderHtml(), 'text/plain': '' });
  plotlyShown = true;
}

/**
 * Shows a figure in a tslab notebook: the interactive plotly chart (plotly.js shipped from
 * node_modules, so it works offline and in the nbconvert HTML), with a static PNG rendered
 * by headless Chromium inside it and beside it in the same output, for viewers that run no
 * JavaScript.
 * @param options width/height in CSS pixels (default the figure's, else 900×480);
 *   `staticImage: false` skips the PNG (and Chromium); `renderer` reuses one you manage.
 * @throws Error outside a tslab kernel, or when Chromium cannot start for the static image.
 * @example await showFigure(barChart(rows, { x: 'quarter', y: 'premium', group: 'line' }))
 */
export async function showFigure(
  figure: Figure,
  options: { readonly width?: number; readonly height?: number; readonly staticImage?: boolean; readonly renderer?: FigureRenderer } = {},
): Promise<void> {
  const png = options.staticImage === false ? null : await exportFigure(figure, 'png', options);
  showPlotlyLoader();
  shownCharts += 1;
  const html = figureOutputHtml(figure, figureId(figure, shownCharts), png, options);
  displayBundle(png ? { 'text/html': html, 'image/png': Buffer.from(png).toString('base64') } : { 'text/html': html });
}
