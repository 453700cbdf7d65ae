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

// Charts
export type { Figure } from './charts/figure';
export { figuresHtml } from './charts/html';
export { type PathDiagramInput, pathDiagram } from './charts/pathDiagram';
export { type IndexBarsInput, indexBars } from './charts/indexBars';
export { ipmaMap } from './charts/ipmaMap';

// Evidence bundles
export * from './evidence';

// Progress reporting
export { type Progress, SILENT_PROGRESS } from './progress';

// Command line (for running commands from notebooks and tests)
export { runCli, EXIT } from './cli/runCli';
export { COMMANDS, findCommand } from './cli/commands';
export type { CommandSpec, CommandOutput, CommandParams, RunContext, JsonValue } from './cli/command';
