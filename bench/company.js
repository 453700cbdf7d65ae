'use strict';
/**
 * A large synthetic company for the experience-study benchmarks, generated with DuckDB
 * deterministically (every value is a hash of the row number) and cached under bench/.cache:
 * 20 long-term products (lapse and death assumptions per product), and `rows` policies issued
 * 2019–2023 through 5 channels, about 15% of them exited (lapse, death, surrender), written as
 * policies.parquet (or policies.csv). The quarterly study of issue 10's speed check runs on it:
 * `awb backtest --data DIR --basis calendar-quarter --as-of 2023-12-31 --by channel --json`.
 */
const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { DuckDBInstance } = require('@duckdb/node-api');

const CACHE = join(__dirname, '.cache');
const PRODUCTS = 20;
const CHANNELS = ['app', 'online_partner', 'bancassurance', 'agency', 'broker'];

function productsCsv() {
  const lines = ['product_code,product_name,line,internet,business,term_months,premium_mode,launch_date'];
  for (let p = 1; p <= PRODUCTS; p++) lines.push(`B${String(p).padStart(2, '0')},Bench product ${p},term_life,true,individual,240,regular,2019-01-01`);
  return lines.join('\n') + '\n';
}

function assumptionsCsv() {
  const lines = ['indicator,product_code,rate'];
  for (let p = 1; p <= PRODUCTS; p++) {
    const code = `B${String(p).padStart(2, '0')}`;
    lines.push(`lapse,${code},${(0.02 + p * 0.001).toFixed(4)}`, `death,${code},${(0.001 + p * 0.00005).toFixed(5)}`);
  }
  return lines.join('\n') + '\n';
}

/** SQL of the policies: 2019-01-01 + 0…1825 days of issue, 15% exits within 0…1824 days. */
function policiesSql(rows) {
  return `
    WITH base AS (
      SELECT i,
             hash(i, 1) % ${PRODUCTS} AS p,
             DATE '2019-01-01' + (hash(i, 2) % 1826)::INTEGER AS issue,
             hash(i, 3) % 100 AS e,
             (hash(i, 4) % 1825)::INTEGER AS life
      FROM range(${rows}) t(i))
    SELECT 'P' || lpad(i::VARCHAR, 10, '0') AS policy_id,
           'B' || lpad((p + 1)::VARCHAR, 2, '0') AS product_code,
           issue AS issue_date,
           CASE WHEN e < 15 AND issue + life <= DATE '2023-12-31' THEN issue + life END AS exit_date,
           CASE WHEN e < 15 AND issue + life <= DATE '2023-12-31' THEN ['lapse', 'lapse', 'death', 'surrender', 'lapse'][(e % 5)::BIGINT + 1] END AS exit_reason,
           ((hash(i, 5) % 500000) / 100.0 + 100)::DECIMAL(12,2) AS premium,
           (18 + hash(i, 7) % 50)::INTEGER AS age_at_issue,
           CASE WHEN hash(i, 8) % 2 = 0 THEN 'M' ELSE 'F' END AS gender,
           [${CHANNELS.map((c) => `'${c}'`).join(', ')}][(hash(i, 9) % ${CHANNELS.length})::BIGINT + 1] AS channel
    FROM base`;
}

/**
 * The data folder of `rows` policies with policies in `format` ('parquet' or 'csv'), generating it
 * on first use. @returns its path.
 */
async function benchCompany(rows, format = 'parquet') {
  const dir = join(CACHE, `company-${rows}-${format}`);
  if (existsSync(join(dir, 'DONE'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'products.csv'), productsCsv());
  writeFileSync(join(dir, 'assumptions.csv'), assumptionsCsv());
  const target = join(dir, `policies.${format}`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const options = format === 'parquet' ? 'FORMAT parquet, ROW_GROUP_SIZE 122880' : 'FORMAT csv, HEADER true';
  await connection.run(`COPY (${policiesSql(rows)}) TO '${target}.partial' (${options})`);
  connection.closeSync();
  instance.closeSync();
  renameSync(`${target}.partial`, target);
  writeFileSync(join(dir, 'DONE'), '');
  return dir;
}

module.exports = { benchCompany, CACHE };
