'use strict';
/**
 * Issue 10 item 5, a company ten times the size: the same study on 10 × --rows policies
 * (100,000,000 by default: a ≈1.3 GB Parquet file generated on first use, several minutes),
 * end to end as a process beside the naive query on the same file. The target is that it
 * completes on this 2-core machine with peak resident memory ≤ 6 GB; its time and ratio are
 * reported. Run it alone: `npm run bench -- backtest-100m --repeat 1`.
 */
const { fileBenchmark } = require('./backtestCommand');

module.exports = fileBenchmark({
  name: 'backtest-100m',
  description: 'awb backtest … --by channel --json on 10 × --rows policies (Parquet) vs the naive DuckDB query, both as processes',
  format: 'parquet',
  scale: 10,
  target: { maxRssMb: 6144 },
});
