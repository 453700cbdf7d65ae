'use strict';
/**
 * Issue 10 item 5: `awb backtest --data DIR --basis calendar-quarter --as-of 2023-12-31 --by channel
 * --json` on 10,000,000 policies (Parquet; 20 products, 5 channels, lapse and death assumptions),
 * end to end as a process, against one naive DuckDB interval-join query of the same study, also a
 * process. Targets: at most 0.25 × the naive query (the issue asks 0.5; 0.25 is the team's aim),
 * peak resident memory ≤ 2 GB, and the same cells (days and counts).
 */
const { join } = require('node:path');
const { benchCompany } = require('./company');
const { runProcess } = require('./process');
const { backtestCells, naiveCells, sameStudy } = require('./studyCells');

const FORMAT = process.env.AWB_BENCH_FORMAT ?? 'parquet';

module.exports = {
  name: 'backtest-command',
  description: `awb backtest … --by channel --json on a ${FORMAT} policies file (as a process) vs one naive DuckDB interval-join query (as a process)`,
  target: { maxRatio: 0.25, maxRssMb: 2048 },
  async prepare({ rows }) {
    return { dir: await benchCompany(rows, FORMAT), format: FORMAT };
  },
  candidate: {
    label: 'awb backtest --basis calendar-quarter --as-of 2023-12-31 --by channel --json',
    async run({ dir }) {
      const r = await runProcess(process.execPath, [join(__dirname, '..', 'dist', 'cli', 'main.js'), 'backtest', '--data', dir, '--basis', 'calendar-quarter', '--as-of', '2023-12-31', '--by', 'channel', '--json']);
      return { ...r, output: backtestCells(r.stdout) };
    },
  },
  baseline: {
    label: 'node bench/naiveStudy.js (DuckDB: policies ⋈ quarters on the in-force interval, GROUP BY)',
    async run({ dir, format }) {
      const r = await runProcess(process.execPath, [join(__dirname, 'naiveStudy.js'), join(dir, `policies.${format}`), '2019-01-01', '2023-12-31']);
      return { ...r, output: naiveCells(r.stdout) };
    },
  },
  check: sameStudy,
  measuresProcess: true,
};
