import { createHash } from 'node:crypto';
import { DEFAULT_SIZE } from './chartTheme';
import { type Figure, figureTitle } from './figure';
import { escapeHtml, plotlyScript, scriptJson } from './html';

/**
 * The HTML that loads plotly.js into a notebook page, inlined from node_modules (offline, no
 * CDN): shown once per kernel session before the first chart, like plotly's
 * `init_notebook_mode(connected=False)`.
 * @example plotlyLoaderHtml().length // about 4.8 million characters (plotly.js 4.1.2)
 */
export function plotlyLoaderHtml(): string {
  return `<script type="text/javascript">window.PlotlyConfig = { MathJaxConfig: 'local' };</script>\n<script type="text/javascript">${plotlyScript()}</script>`;
}

/**
 * A chart as notebook HTML: a div holding the static image (shown where JavaScript does not
 * run: GitHub, untrusted notebooks), replaced by the interactive plotly chart where it does.
 * The script waits up to 10 s for plotly.js, which the loader output provides.
 * @param id unique within the page (showFigure derives it from the figure and a counter)
 * @param png the static image, or null for none
 * @example figureOutputHtml(figure, 'f1', png) // '<div class="awb-figure" id="awb-figure-f1" …'
 */
export function figureOutputHtml(figure: Figure, id: string, png: Uint8Array | null, size: { width?: number; height?: number } = {}): string {
  const layout = figure.layout as { width?: unknown; height?: unknown };
  const width = size.width ?? (typeof layout.width === 'number' ? layout.width : DEFAULT_SIZE.width);
  const height = size.height ?? (typeof layout.height === 'number' ? layout.height : DEFAULT_SIZE.height);
  const elementId = `awb-figure-${id}`;
  const image = png ? `<img alt="${escapeHtml(figureTitle(figure) ?? 'chart')}" src="data:image/png;base64,${Buffer.from(png).toString('base64')}" style="width:100%;max-width:${width}px;height:auto">` : '';
  const plotLayout = { ...figure.layout, width: undefined, height, autosize: true };
  const config = { responsive: true, displaylogo: false, ...(figure.config ?? {}) };
  return `<div class="awb-figure" id="${elementId}" style="width:100%;max-width:${width}px;min-height:${height}px">${image}</div>
<script type="text/javascript">(function () {
  var tries = 0;
  function draw() {
    var el = document.getElementById(${scriptJson(elementId)});
    if (el && window.Plotly) { el.innerHTML = ''; window.Plotly.newPlot(el, ${scriptJson(figure.data)}, ${scriptJson(plotLayout)}, ${scriptJson(config)}); }
    else if (tries++ < 50) { setTimeout(draw, 200); }
  }
  draw();
})();</script>`;
}

/** A page-unique, reproducible id for the n-th chart of a session: a hash of the figure and n. @example figureId(figure, 1) // 'ce8e07156814-1' */
export function figureId(figure: Figure, n: number): string {
  return `${createHash('sha256').update(JSON.stringify(figure)).digest('hex').slice(0, 12)}-${n}`;
}
