import { chromiumAvailable } from '../charts/chromium';
import { withFigureRenderer } from '../charts/figureRenderer';
import type { CommandOutput } from '../commands/command';
import type { BundleProvenance } from './provenance';
import { outputTables, renderOutputs, type BundleFiles } from './renderOutputs';
import { tablesWorkbook } from './tablesWorkbook';

/**
 * Renders the files a command's bundle holds: `renderOutputs` (result.json, tables as CSV and
 * JSON, charts as one self-contained HTML page and each figure's JSON, other files), the tables
 * as one workbook (`tables.xlsx`: a sheet per table with headers in the run's language — Chinese
 * when the command was run with `--lang zh`, else English — and a provenance sheet, see
 * `tablesWorkbook`), plus each chart as an SVG image drawn by headless Chromium
 * (`charts/<name>.svg`, byte-deterministic: see FigureRenderer), for viewers without JavaScript,
 * when Chromium is installed (without it the charts are filed as HTML and JSON only, and the
 * manifest records no Chromium). `fileBundle` writes these files and `verify` recomputes and
 * compares them, so both always go through this one function.
 * @throws Error when a chart cannot be drawn (Chromium installed but failing to start, or plotly rejects the figure).
 * @example [...(await renderBundle(output, provenance)).keys()] // ['result.json', 'tables/minimum_cash_value.csv', 'tables/minimum_cash_value.json', 'tables.xlsx']
 */
export async function renderBundle(output: CommandOutput, provenance: BundleProvenance): Promise<BundleFiles> {
  const name = provenance.command.name;
  const files = new Map(renderOutputs(output, `awb ${name}`));
  const tables = outputTables(output);
  if (tables.length > 0) files.set('tables.xlsx', await tablesWorkbook(tables, provenance.command.parameters.lang === 'zh' ? 'zh' : 'en', provenance));
  const charts = Object.entries(output.charts ?? {});
  if (charts.length > 0 && chromiumAvailable()) {
    await withFigureRenderer(async (renderer) => {
      for (const [chart, figure] of charts) files.set(`charts/${chart}.svg`, await renderer.render(figure, 'svg'));
    });
  }
  return files;
}
