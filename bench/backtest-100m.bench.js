'use strict';
/**
 * Issue 10 item 5, a company ten times the size: the same study on 10 × --rows policies
 * (100,000,000 by default: a ≈1.3 GB Parquet file generated on first use, several minutes),
 * end to end as a process beside the naive query on the same file. The target is that it
 * completes on this 2-core machine with peak resident memory ≤ 6 GB; its time and ratio are
 * reported. Run it alone: `npm run bench -- backtest-100m --repeat 1`.
 */
const { benchCompany } = require('./company');
const { sameStudy } = require('./studyCells');
const { LABEL, NAIVE_LABEL, awbBacktest, naiveQuery } = require('./backtestCommand');

module.exports = {
  name: 'backtest-100m',
  description: 'awb backtest … --by channel --json on 10 × --rows policies (Parquet) vs the naive DuckDB query, both as processes',
  target: { maxRssMb: 6144 },
  async prepare({ rows }) {
    return { dir: await benchCompany(rows * 10, 'parquet'), format: 'parquet' };
  },
  candidate: { label: LABEL, run: awbBacktest },
  baseline: { label: NAIVE_LABEL, run: naiveQuery },
  check: sameStudy,
  measuresProcess: true,
};
