'use strict';
/**
 * The baseline of the experience-study benchmarks: the quarterly study of issue 10's speed check
 * as one naive DuckDB query (policies joined to the quarters their time in force overlaps, days
 * summed, lapses and deaths counted in the quarter of exit), run as its own process:
 * `node bench/naiveStudy.js POLICIES_FILE FROM AS_OF` prints the cells as JSON lines
 * [product, channel, period, days, lapses, deaths].
 */
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const [file, from, asOf] = process.argv.slice(2);
  const source = file.endsWith('.parquet') ? `read_parquet('${file}')` : `read_csv('${file}', header = true)`;
  const months = (Number(asOf.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  const sql = `
    WITH q AS (
      SELECT (DATE '${from}' + to_months((3 * k)::INTEGER))::DATE AS q_start,
             ((DATE '${from}' + to_months((3 * k + 3)::INTEGER))::DATE - 1) AS q_end,
             year(DATE '${from}' + to_months((3 * k)::INTEGER)) AS y, quarter(DATE '${from}' + to_months((3 * k)::INTEGER)) AS qn
      FROM range(${Math.ceil(months / 3)}) t(k)),
    p AS (
      SELECT product_code, channel, exit_date, exit_reason, greatest(issue_date, DATE '${from}') AS s,
             CASE WHEN exit_date IS NULL OR exit_date > DATE '${asOf}' THEN DATE '${asOf}' ELSE exit_date END AS e
      FROM ${source})
    SELECT product_code, channel, y || 'Q' || qn AS period,
           sum(least(p.e, q.q_end) - greatest(p.s, q.q_start) + 1) AS days,
           count(*) FILTER (WHERE p.exit_reason = 'lapse' AND p.exit_date BETWEEN q.q_start AND q.q_end) AS lapses,
           count(*) FILTER (WHERE p.exit_reason = 'death' AND p.exit_date BETWEEN q.q_start AND q.q_end) AS deaths
    FROM p JOIN q ON p.s <= q.q_end AND p.e >= q.q_start
    GROUP BY ALL ORDER BY ALL`;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(sql)).getRowsJS();
  process.stdout.write(rows.map((r) => JSON.stringify(r.map((v) => (typeof v === 'bigint' ? Number(v) : v)))).join('\n') + '\n');
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
