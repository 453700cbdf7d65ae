/**
 * The actuarial workbench's public API, grouped by capability. Notebooks and scripts import
 * from here (`require('actuarial-workbench')` after `npm run build`); the CLI calls the same functions.
 */

// Data: reading and validating input tables
export * from './data';

// Money and ratios: exact decimal arithmetic
export * from './money';

// Rulebook and findings
export * from './rules';

// Expense caps and cash values
export { minimumCashValue } from './expense/minimumCashValue';

// The sample company (恒泰人寿 Hengtai Life): generator and planted findings
export * from './sample';

// Customer satisfaction (ICSI, S3): PLS path modelling, reliability, bootstrap, indices, IPMA
export * from './satisfaction';

// Charts: pure figure specs, display in notebooks, export through headless Chromium
export type { Figure } from './charts/figure';
export { figuresHtml } from './charts/html';
export { barChart, type SeriesChartOptions } from './charts/barChart';
export { lineChart } from './charts/lineChart';
export { chartLayout, CHART_FONT } from './charts/chartTheme';
export { tidySeries, type TidySeries } from './charts/tidySeries';
export { FigureRenderer, withFigureRenderer, type ImageFormat, type ImageOptions } from './charts/figureRenderer';
export { exportFigure, withSharedRenderer } from './charts/exportFigure';
export { canonicalSvg } from './charts/canonicalSvg';
export { showFigure } from './charts/showFigure';
export { type PathDiagramInput, pathDiagram } from './charts/pathDiagram';
export { type IndexBarsInput, indexBars } from './charts/indexBars';
export { ipmaMap } from './charts/ipmaMap';
export { figureOutputHtml, plotlyLoaderHtml } from './charts/notebookFigure';

// Notebooks: display frames, run notebooks headless
export { setupNotebook } from './notebook/setupNotebook';
export { toFrame, frameCell, type FrameSource, type FrameOptions, type FrameCell } from './notebook/toFrame';
export { showFrame } from './notebook/showFrame';
export { frameHtml, cellText, type FrameHtmlOptions } from './notebook/frameHtml';
export { displayBundle, type MimeBundle } from './notebook/display';
export { runNotebooks, listNotebooks, type RunNotebooksOptions } from './notebook/runNotebooks';
export type { NotebookRun } from './notebook/executeNotebook';

// Evidence bundles
export * from './evidence';

// Progress reporting
export { type Progress, SILENT_PROGRESS } from './progress';

// Command line (for running commands from notebooks and tests)
export { runCli, EXIT } from './cli/runCli';
export { COMMANDS, findCommand } from './cli/commands';
export type { CommandSpec, CommandOutput, CommandParams, RunContext, JsonValue } from './cli/command';
