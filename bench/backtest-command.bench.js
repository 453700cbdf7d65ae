'use strict';
/**
 * Issue 10 item 5: `awb backtest --data DIR --basis calendar-quarter --as-of 2023-12-31 --by channel
 * --json` on 10,000,000 policies (Parquet; 20 products, 5 channels, lapse and death assumptions),
 * end to end as a process, against one naive DuckDB interval-join query of the same study, also a
 * process. Targets: at most 0.25 × the naive query (the issue asks 0.5; 0.25 is the team's aim),
 * peak resident memory ≤ 2 GB, and the same cells (days and counts).
 */
const { fileBenchmark } = require('./backtestCommand');

module.exports = fileBenchmark({
  name: 'backtest-command',
  description: 'awb backtest … --by channel --json on a Parquet policies file (as a process) vs one naive DuckDB interval-join query (as a process)',
  format: 'parquet',
  target: { maxRatio: 0.25, maxRssMb: 2048 },
});
