'use strict';
/**
 * Average additional expense rates of a large book of pricing bases: 2,000 products × 100 policy
 * years (200,000 loadings rows) read from CSV and reduced to PV loadings ÷ PV gross premiums per
 * product. The workbench reads and validates the tables and accumulates both present values
 * exactly in decimal (Horner's rule); the baseline is DuckDB reading the same CSV files and
 * summing vᵗ⁻¹·pₜ·Gₜ·lₜ and vᵗ⁻¹·pₜ·Gₜ in binary floating point. The averages must agree to 1e-12.
 */
const { existsSync, mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadDataFolder } = require('../dist/data/dataFolder');
const { productLoadings } = require('../dist/expense/productLoadings');
const { withDuckDB, sqlString } = require('../dist/data/duckdb');

const PRODUCTS = 2000;
const YEARS = 100;
const CACHE = join(__dirname, '.cache');

/** A deterministic pseudo-random fraction of (i, k): the same folder on every machine. */
const unit = (i, k) => {
  let h = (Math.imul(i + 1, 2654435761) ^ Math.imul(k + 7, 40503)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
};

/** Writes products.csv and loadings.csv once into bench/.cache/average-loading/. */
function dataFolder() {
  const dir = join(CACHE, `average-loading-${PRODUCTS}x${YEARS}`);
  if (existsSync(dir)) return dir;
  const products = ['product_code,line,internet,business,term_months,premium_mode,pricing_interest_rate'];
  const loadings = ['product_code,policy_year,gross_premium,loading_rate,inforce_probability'];
  for (let i = 0; i < PRODUCTS; i++) {
    const code = `B${String(i).padStart(5, '0')}`;
    products.push(`${code},whole_life,true,individual,1200,regular,${(0.015 + Math.floor(unit(i, 0) * 30) / 1000).toFixed(3)}`);
    let p = 1;
    for (let t = 1; t <= YEARS; t++) {
      const premium = (1000 + Math.floor(unit(i, 1) * 900000) / 100).toFixed(2);
      const loading = t === 1 ? (0.3 + Math.floor(unit(i, 2) * 300) / 1000).toFixed(3) : t <= 5 ? (0.05 + Math.floor(unit(i, t + 2) * 150) / 1000).toFixed(3) : '0.05';
      loadings.push(`${code},${t},${premium},${loading},${p.toFixed(6)}`);
      p *= 1 - (0.01 + unit(i, t + 200) * 0.08);
    }
  }
  mkdirSync(CACHE, { recursive: true });
  const partial = `${dir}.partial`;
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'products.csv'), products.join('\n') + '\n');
  writeFileSync(join(partial, 'loadings.csv'), loadings.join('\n') + '\n');
  renameSync(partial, dir);
  return dir;
}

module.exports = {
  name: 'average-loading',
  description: `PV average loadings of ${PRODUCTS} products × ${YEARS} policy years from CSV: exact decimals vs DuckDB doubles`,
  async prepare() {
    return { dir: dataFolder() };
  },
  candidate: {
    label: 'loadDataFolder + productLoadings (validated, exact decimal PVs)',
    async run({ dir }) {
      const { products, loadings } = await loadDataFolder(dir, ['products', 'loadings']);
      return Object.fromEntries(productLoadings(products, loadings).map((l) => [l.product.product_code, l.loading_average.toNumber()]));
    },
  },
  baseline: {
    label: 'DuckDB read_csv + SUM of discounted doubles',
    async run({ dir }) {
      return withDuckDB(async (c) => {
        const r = await c.runAndReadAll(`
          SELECT l.product_code,
                 SUM(pow(1 + p.pricing_interest_rate, -(l.policy_year - 1)) * l.inforce_probability * l.gross_premium * l.loading_rate)
               / SUM(pow(1 + p.pricing_interest_rate, -(l.policy_year - 1)) * l.inforce_probability * l.gross_premium)
          FROM read_csv(${sqlString(join(dir, 'loadings.csv'))}, header = true, columns = {'product_code': 'VARCHAR', 'policy_year': 'INTEGER', 'gross_premium': 'DOUBLE', 'loading_rate': 'DOUBLE', 'inforce_probability': 'DOUBLE'}) l
          JOIN read_csv(${sqlString(join(dir, 'products.csv'))}, header = true, columns = {'product_code': 'VARCHAR', 'line': 'VARCHAR', 'internet': 'BOOLEAN', 'business': 'VARCHAR', 'term_months': 'INTEGER', 'premium_mode': 'VARCHAR', 'pricing_interest_rate': 'DOUBLE'}) p
            USING (product_code)
          GROUP BY l.product_code ORDER BY l.product_code`);
        return Object.fromEntries(r.getRows().map((row) => [row[0], Number(row[1])]));
      });
    },
  },
  check(candidate, baseline) {
    const codes = Object.keys(baseline);
    if (codes.length !== Object.keys(candidate).length) return `${Object.keys(candidate).length} products vs ${codes.length}`;
    const worst = codes.map((k) => [k, Math.abs(candidate[k] - baseline[k]) / baseline[k]]).sort((a, b) => b[1] - a[1])[0];
    return worst[1] <= 1e-12 ? null : `${worst[0]}: relative difference ${worst[1]}`;
  },
};
