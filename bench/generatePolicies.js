'use strict';
/**
 * Generates a synthetic policies table for benchmarks with DuckDB, deterministically (every value
 * is a hash of the row number), and caches it under bench/.cache/ so later runs reuse it.
 * Columns follow the policies schema: policy_id, product_code (15 products), issue_date
 * (2015-01-01 … 2025-12-31), exit_date and exit_reason for about 40% of policies (lapse,
 * surrender, death, maturity), premium (DECIMAL), sum_assured, age_at_issue, gender, channel
 * (4 channels), region (7 regions).
 */
const { existsSync, mkdirSync, renameSync } = require('node:fs');
const { join } = require('node:path');
const { withDuckDB, sqlString } = require('../dist/data/duckdb');

const CACHE = join(__dirname, '.cache');

/** Path of the cached Parquet file of `rows` policies, generating it first when absent. */
async function policiesParquet(rows) {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `policies-${rows}.parquet`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  await withDuckDB(async (c) => {
    await c.run(`COPY (
      WITH base AS (
        SELECT i,
               hash(i, 1) % 15 AS p,
               DATE '2015-01-01' + (hash(i, 2) % 4018)::INTEGER AS issue,
               hash(i, 3) % 100 AS e,
               (hash(i, 4) % 3650)::INTEGER AS life
        FROM range(${rows}) t(i))
      SELECT 'P' || lpad(i::VARCHAR, 9, '0') AS policy_id,
             'PR' || lpad((p + 1)::VARCHAR, 2, '0') AS product_code,
             issue AS issue_date,
             CASE WHEN e < 40 AND issue + life <= DATE '2025-12-31' THEN issue + life END AS exit_date,
             CASE WHEN e < 40 AND issue + life <= DATE '2025-12-31' THEN ['lapse', 'surrender', 'death', 'maturity'][(e % 4)::BIGINT + 1] END AS exit_reason,
             ((hash(i, 5) % 500000) / 100.0 + 100)::DECIMAL(12,2) AS premium,
             ((hash(i, 6) % 1000) * 1000 + 10000)::DECIMAL(14,2) AS sum_assured,
             (18 + hash(i, 7) % 50)::INTEGER AS age_at_issue,
             CASE WHEN hash(i, 8) % 2 = 0 THEN 'M' ELSE 'F' END AS gender,
             ['app', 'online_partner', 'bancassurance', 'agency'][(hash(i, 9) % 4)::BIGINT + 1] AS channel,
             ['华东', '华北', '华南', '华中', '西南', '西北', '东北'][(hash(i, 10) % 7)::BIGINT + 1] AS region
      FROM base
    ) TO ${sqlString(partial)} (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
  });
  renameSync(partial, path);
  return path;
}

module.exports = { policiesParquet, CACHE };
