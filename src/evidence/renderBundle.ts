import { chromiumAvailable } from '../charts/chromium';
import { withFigureRenderer } from '../charts/figureRenderer';
import type { CommandOutput } from '../cli/command';
import { renderOutputs, type BundleFiles } from './renderOutputs';

/**
 * Renders the files a command's bundle holds: `renderOutputs` (result.json, tables as CSV and
 * JSON, charts as one self-contained HTML page and each figure's JSON, other files) plus each
 * chart as an SVG image drawn by headless Chromium (`charts/<name>.svg`, byte-deterministic: see
 * FigureRenderer), for viewers without JavaScript, when Chromium is installed (without it the
 * charts are filed as HTML and JSON only, and the manifest records no Chromium). `fileBundle`
 * writes these files and `verify` recomputes and compares them, so both always go through this
 * one function.
 * @throws Error when a chart cannot be drawn (Chromium installed but failing to start, or plotly rejects the figure).
 * @example [...(await renderBundle('cash-value', output)).keys()] // ['result.json', 'tables/minimum_cash_value.csv', 'tables/minimum_cash_value.json']
 */
export async function renderBundle(commandName: string, output: CommandOutput): Promise<BundleFiles> {
  const files = new Map(renderOutputs(output, `awb ${commandName}`));
  const charts = Object.entries(output.charts ?? {});
  if (charts.length > 0 && chromiumAvailable()) {
    await withFigureRenderer(async (renderer) => {
      for (const [name, figure] of charts) files.set(`charts/${name}.svg`, await renderer.render(figure, 'svg'));
    });
  }
  return files;
}
