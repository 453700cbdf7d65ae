'use strict';
/**
 * What exactness costs: the average loadings of the same 2,000 products × 100 policy years as
 * `average-loading`, from the basis already parsed (both sides read one cached JSON file of decimal
 * texts), computed exactly by averageLoading (Horner's rule on BigInt, one rounding at the end)
 * against the textbook floating-point loop Σ vᵗ⁻¹·pₜ·Gₜ·lₜ ÷ Σ vᵗ⁻¹·pₜ·Gₜ with Math.pow. The averages
 * must agree to 1e-12.
 */
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { averageLoading } = require('../dist/expense/averageLoading');
const { prepare: prepareFolder } = require('./average-loading.bench');

/** The CSV folder of `average-loading` as one JSON file: { rate, years: [[G, l, p], …] } per product. */
async function basisJson() {
  const { dir } = await prepareFolder();
  const path = `${dir}.json`;
  if (existsSync(path)) return path;
  const rates = new Map(
    readFileSync(join(dir, 'products.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
      const cells = line.split(',');
      return [cells[0], cells[6]];
    }),
  );
  const products = {};
  for (const line of readFileSync(join(dir, 'loadings.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [code, , premium, loading, probability] = line.split(',');
    (products[code] ??= { rate: rates.get(code), years: [] }).years.push([premium, loading, probability]);
  }
  writeFileSync(`${path}.partial`, JSON.stringify(products));
  renameSync(`${path}.partial`, path);
  return path;
}

module.exports = {
  name: 'average-loading-compute',
  description: 'PV average loadings of 2000 × 100 parsed policy years: exact BigInt Horner vs a float loop',
  async prepare() {
    return { path: await basisJson() };
  },
  candidate: {
    label: 'averageLoading (exact, one rounding)',
    async run({ path }) {
      const products = JSON.parse(readFileSync(path, 'utf8'));
      const out = {};
      for (const [code, { rate, years }] of Object.entries(products)) {
        out[code] = averageLoading(years.map(([g, l, p], t) => ({ policy_year: t + 1, gross_premium: g, loading_rate: l, inforce_probability: p })), rate).average.toNumber();
      }
      return out;
    },
  },
  baseline: {
    label: 'floating-point loop with Math.pow',
    async run({ path }) {
      const products = JSON.parse(readFileSync(path, 'utf8'));
      const out = {};
      for (const [code, { rate, years }] of Object.entries(products)) {
        const v = 1 / (1 + Number(rate));
        let premiums = 0;
        let loadings = 0;
        years.forEach(([g, l, p], t) => {
          const x = Math.pow(v, t) * Number(p) * Number(g);
          premiums += x;
          loadings += x * Number(l);
        });
        out[code] = loadings / premiums;
      }
      return out;
    },
  },
  check(candidate, baseline) {
    const codes = Object.keys(baseline);
    const worst = codes.map((k) => [k, Math.abs(candidate[k] - baseline[k]) / baseline[k]]).sort((a, b) => b[1] - a[1])[0];
    return worst[1] <= 1e-12 ? null : `${worst[0]}: relative difference ${worst[1]}`;
  },
};
