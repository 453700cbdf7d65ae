'use strict';
/**
 * The experience-study benchmarks of issue 10 item 5, as the user runs them: `awb backtest --basis
 * calendar-quarter --as-of 2023-12-31 --by channel --json` on a generated company (bench/company.js),
 * end to end as a process, beside a baseline process in the same run. Each `backtest-*.bench.js`
 * file is one of these with its input, engine and baseline.
 */
const { join } = require('node:path');
const { runProcess } = require('./process');
const { benchCompany } = require('./company');
const { backtestCells, naiveCells, sameStudy } = require('./studyCells');

const AWB = join(__dirname, '..', 'dist', 'cli', 'main.js');
const STUDY = ['--basis', 'calendar-quarter', '--as-of', '2023-12-31', '--by', 'channel', '--json'];
const LABEL = `awb backtest ${STUDY.join(' ')}`;

/** `awb backtest … --json` on the data folder `dir` (DuckDB over its files), or on a ClickHouse URL. */
async function awbBacktest({ dir, engine }) {
  const source = engine ? ['--engine', engine] : ['--data', dir];
  const r = await runProcess(process.execPath, [AWB, 'backtest', ...source, ...STUDY]);
  return { ...r, output: backtestCells(r.stdout) };
}

/** The naive DuckDB interval-join query of the same study (bench/naiveStudy.js), as a process. */
async function naiveQuery({ dir, format }) {
  const r = await runProcess(process.execPath, [join(__dirname, 'naiveStudy.js'), join(dir, `policies.${format}`), '2019-01-01', '2023-12-31']);
  return { ...r, output: naiveCells(r.stdout) };
}

const NAIVE_LABEL = 'node bench/naiveStudy.js (DuckDB: policies ⋈ quarters on the in-force interval, GROUP BY)';

/**
 * A benchmark of the command on a generated company's files against the naive query on the same
 * file, both as processes, with the same cells: `scale` × --rows policies written as `format`.
 */
function fileBenchmark({ name, description, format, scale = 1, target }) {
  return {
    name,
    description,
    target,
    async prepare({ rows }) {
      return { dir: await benchCompany(rows * scale, format), format };
    },
    candidate: { label: LABEL, run: awbBacktest },
    baseline: { label: NAIVE_LABEL, run: naiveQuery },
    check: sameStudy,
    measuresProcess: true,
  };
}

module.exports = { AWB, LABEL, NAIVE_LABEL, awbBacktest, naiveQuery, fileBenchmark };
