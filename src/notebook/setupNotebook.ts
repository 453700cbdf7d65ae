import { showPlotlyLoader } from '../charts/showFigure';

/**
 * Prepares a notebook session: pins the time zone to UTC (as the CLI does, so a notebook
 * computes exactly what `awb` computes) and loads plotly.js into the page once, so charts
 * drawn later show even when only some cells are re-run. Call it in the first code cell.
 * @throws Error outside a tslab notebook kernel.
 * @example setupNotebook();
 */
export function setupNotebook(): void {
  process.env.TZ = 'UTC';
  showPlotlyLoader();
}
