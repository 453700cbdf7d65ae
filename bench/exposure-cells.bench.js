'use strict';
/**
 * Issue 3 item 9: 10,000,000 policies from Parquet, 20 quarters (2021Q1–2025Q4), central exposure
 * and lapse counts by product, channel and quarter, end to end (read + compute), against one
 * DuckDB SQL query computing the same cells by an interval join of policies and quarters.
 * Target: at most half the baseline's time, peak memory under 3 GB, and the same cells.
 */
const { policiesParquet } = require('./generatePolicies');
const { loadPolicyColumns } = require('../dist/data/loadPolicyColumns');
const { exposureStudy } = require('../dist/exposure/exposureStudy');
const { dayOf } = require('../dist/data/dates');
const { withDuckDB, sqlString } = require('../dist/data/duckdb');

const FROM = '2021-01-01';
const AS_OF = '2025-12-31';

module.exports = {
  name: 'exposure-cells',
  description: 'exposure cells by product × channel × quarter (20 quarters), Parquet → cells, vs one DuckDB interval-join query',
  target: { maxRatio: 0.5, maxRssMb: 3072 },
  async prepare({ rows }) {
    return { path: await policiesParquet(rows), rows };
  },
  candidate: {
    label: 'loadPolicyColumns + exposureStudy',
    async run({ path }) {
      // The study reads what it groups by: the engine's columns and channel (all validated as the row path would).
      const policies = await loadPolicyColumns(path, { policyIds: false, columns: ['channel'] });
      const study = exposureStudy(policies, {
        basis: 'calendar-quarter',
        asOf: dayOf(2025, 12, 31),
        from: dayOf(2021, 1, 1),
        decrements: ['lapse'],
        by: ['channel'],
      });
      return study.cells.map((c) => [c.product_code, c.by.channel, c.period, c.exposure, c.actual]);
    },
  },
  baseline: {
    label: 'DuckDB: policies ⋈ quarters on the in-force interval, GROUP BY',
    async run({ path }) {
      return withDuckDB(async (c) => {
        const sql = `
          WITH q AS (
            SELECT (DATE '${FROM}' + to_months((3 * k)::INTEGER))::DATE AS q_start,
                   ((DATE '${FROM}' + to_months((3 * k + 3)::INTEGER))::DATE - 1) AS q_end,
                   year(DATE '${FROM}' + to_months((3 * k)::INTEGER)) AS y, k
            FROM range(20) t(k)),
          p AS (
            SELECT product_code, channel, exit_date, exit_reason,
                   greatest(issue_date, DATE '${FROM}') AS s,
                   CASE WHEN exit_date IS NULL OR exit_date > DATE '${AS_OF}' THEN DATE '${AS_OF}' ELSE exit_date END AS e
            FROM read_parquet(${sqlString(path)}))
          SELECT product_code, channel, y::VARCHAR || 'Q' || (k % 4 + 1)::VARCHAR AS period,
                 sum(least(p.e, q.q_end) - greatest(p.s, q.q_start) + 1)::DOUBLE
                   / (CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 366 ELSE 365 END) AS exposure,
                 count(*) FILTER (WHERE p.exit_reason = 'lapse' AND p.exit_date BETWEEN q.q_start AND q.q_end) AS lapses
          FROM p JOIN q ON p.s <= q.q_end AND p.e >= q.q_start
          GROUP BY product_code, channel, y, k
          ORDER BY product_code, channel, period`;
        const rows = (await c.runAndReadAll(sql)).getRows();
        return rows.map((r) => [r[0], r[1], r[2], Number(r[3]), Number(r[4])]);
      });
    },
  },
  check(candidate, baseline) {
    const key = (r) => `${r[0]}|${r[1]}|${r[2]}`;
    const b = new Map(baseline.map((r) => [key(r), r]));
    if (candidate.length !== baseline.length) return `${candidate.length} cells vs ${baseline.length}`;
    for (const r of candidate) {
      const o = b.get(key(r));
      if (!o) return `cell ${key(r)} missing from the baseline`;
      if (Math.abs(r[3] - o[3]) > 1e-9 * Math.max(1, Math.abs(o[3])) || r[4] !== o[4]) return `cell ${key(r)}: exposure ${r[3]} vs ${o[3]}, lapses ${r[4]} vs ${o[4]}`;
    }
    return null;
  },
};
