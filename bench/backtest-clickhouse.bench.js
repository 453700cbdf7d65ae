'use strict';
/**
 * Issue 10 item 5, the warehouse: the same study run on the two-shard ClickHouse cluster of
 * `npm run cluster -- start` (`awb backtest --engine clickhouse://…`), the company loaded there
 * once with `awb load` (cached by its database name), beside the same command on the Parquet files
 * with DuckDB embedded. Both are processes; the ratio says what the cluster costs or saves on one
 * machine (both shards share its two cores here), and both must give the same cells.
 */
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { benchCompany } = require('./company');
const { sameStudy } = require('./studyCells');
const { AWB, LABEL, awbBacktest } = require('./backtestCommand');

const HOSTS = '127.0.0.1:18123,127.0.0.1:18124';

/** Whether database `db` of the cluster already holds a loaded company (its catalogue lists the policies). */
function loaded(db) {
  try {
    const out = execFileSync('curl', ['-sf', 'http://127.0.0.1:18123/', '--data-binary', `SELECT count() FROM ${db}.awb_tables WHERE table = 'policies'`], { encoding: 'utf8' });
    return out.trim() === '1';
  } catch {
    return false;
  }
}

module.exports = {
  name: 'backtest-clickhouse',
  description: 'awb backtest … --by channel --json on the two-shard ClickHouse cluster (--engine) vs on the Parquet files (DuckDB), both as processes',
  async prepare({ rows }) {
    execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'cluster.js'), 'start'], { stdio: 'inherit' });
    const dir = await benchCompany(rows, 'parquet');
    const db = `awb_bench_${rows}`;
    const engine = `clickhouse://${HOSTS}/${db}?cluster=awb`;
    if (!loaded(db)) {
      console.log(`  loading ${rows} policies into ${engine} (once; awb load)`);
      execFileSync(process.execPath, [AWB, 'load', '--engine', engine, '--data', dir], { stdio: 'inherit' });
    }
    return { dir, engine, format: 'parquet' };
  },
  candidate: { label: `${LABEL.replace('awb backtest', 'awb backtest --engine clickhouse://…')}`, run: ({ engine }) => awbBacktest({ engine }) },
  baseline: { label: `${LABEL.replace('awb backtest', 'awb backtest --data DIR')} (DuckDB)`, run: ({ dir }) => awbBacktest({ dir }) },
  check: sameStudy,
  measuresProcess: true,
};
