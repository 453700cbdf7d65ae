'use strict';
/**
 * Reading a policies Parquet into PolicyColumns (typed arrays, dictionary-coded text, validated
 * like the row path) against DuckDB's own full scan of the same file (every column decoded and
 * aggregated inside DuckDB, nothing handed to JavaScript). Both sides report the row count and
 * column sums, which must agree.
 */
const { policiesParquet } = require('./generatePolicies');
const { loadPolicyColumns } = require('../dist/data/loadPolicyColumns');
const { withDuckDB, sqlString } = require('../dist/data/duckdb');

module.exports = {
  name: 'policy-columns',
  description: 'read a policies Parquet into PolicyColumns vs DuckDB full scan of the same file',
  async prepare({ rows }) {
    return { path: await policiesParquet(rows), rows };
  },
  candidate: {
    label: 'loadPolicyColumns (DuckDB reader, validated, typed arrays)',
    async run({ path }) {
      const p = await loadPolicyColumns(path, { policyIds: false });
      let issue = 0;
      let exits = 0;
      let premium = 0;
      for (let i = 0; i < p.length; i++) {
        issue += p.issue_date[i];
        if (p.exit_reason[i] >= 0) exits++;
        premium += p.premium[i];
      }
      return { rows: p.length, issue_day_sum: issue, exits, premium_cents: premium, products: p.product_code.levels.length };
    },
  },
  baseline: {
    label: 'DuckDB full scan (every column aggregated)',
    async run({ path }) {
      return withDuckDB(async (c) => {
        const r = await c.runAndReadAll(`SELECT count(*), sum(issue_date - DATE '1970-01-01'), count(exit_reason), sum(premium * 100)::DOUBLE, count(DISTINCT product_code),
                 max(policy_id), max(exit_date), max(sum_assured), max(age_at_issue), max(gender), max(channel), max(region) FROM read_parquet(${sqlString(path)})`);
        const v = r.getRows()[0];
        return { rows: Number(v[0]), issue_day_sum: Number(v[1]), exits: Number(v[2]), premium_cents: Number(v[3]), products: Number(v[4]) };
      });
    },
  },
  check(candidate, baseline) {
    const keys = Object.keys(baseline).filter((k) => candidate[k] !== baseline[k]);
    return keys.length === 0 ? null : keys.map((k) => `${k}: ${candidate[k]} vs ${baseline[k]}`).join('; ');
  },
};
