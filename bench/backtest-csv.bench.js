'use strict';
/**
 * Issue 10 item 5, CSV: the same study as backtest-command on the same company written as a CSV
 * policies file (10,000,000 rows, ≈0.8 GB), against the naive query reading that CSV. Targets as
 * for Parquet: ≤ 0.25 × the naive query, peak ≤ 2 GB, the same cells.
 */
const { benchCompany } = require('./company');
const { sameStudy } = require('./studyCells');
const { LABEL, NAIVE_LABEL, awbBacktest, naiveQuery } = require('./backtestCommand');

module.exports = {
  name: 'backtest-csv',
  description: 'awb backtest … --by channel --json on a CSV policies file (as a process) vs the naive DuckDB query on the same CSV (as a process)',
  target: { maxRatio: 0.25, maxRssMb: 2048 },
  async prepare({ rows }) {
    return { dir: await benchCompany(rows, 'csv'), format: 'csv' };
  },
  candidate: { label: LABEL, run: awbBacktest },
  baseline: { label: NAIVE_LABEL, run: naiveQuery },
  check: sameStudy,
  measuresProcess: true,
};
