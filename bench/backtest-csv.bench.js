'use strict';
/**
 * Issue 10 item 5, CSV: the same study as backtest-command on the same company written as a CSV
 * policies file (10,000,000 rows, ≈0.8 GB), against the naive query reading that CSV. Targets as
 * for Parquet: ≤ 0.25 × the naive query, peak ≤ 2 GB, the same cells.
 */
const { fileBenchmark } = require('./backtestCommand');

module.exports = fileBenchmark({
  name: 'backtest-csv',
  description: 'awb backtest … --by channel --json on a CSV policies file (as a process) vs the naive DuckDB query on the same CSV (as a process)',
  format: 'csv',
  target: { maxRatio: 0.25, maxRssMb: 2048 },
});
