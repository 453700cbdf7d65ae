'use strict';
/**
 * Loss-ratio benchmark: a synthetic quarterly ledger (products × quarters, deterministic) through
 * the exact path (integer fen, exact fractions, Dec) against a binary-float baseline doing the same
 * aggregation (quarters to years, earned, incurred, ratio) in the same run. Reports the median of
 * several repetitions of each and their ratio. Also times the whole analysis (rules, rolling
 * ratios, trends) and a Mack chain ladder of a 60 × 60 triangle.
 *
 *   npm run build && node bench/lossratio.js [products] [years]
 */
const { performance } = require('node:perf_hooks');
const { financePeriods } = require('../dist/lossratio/financePeriods');
const { earnedLossRatio } = require('../dist/lossratio/earnedLossRatio');
const { lossRatioAnalysis } = require('../dist/lossratio/lossRatioAnalysis');
const { mackChainLadder } = require('../dist/lossratio/mackChainLadder');
const { loadRulebook } = require('../dist/rules/rulebook');

const PRODUCTS = Number(process.argv[2] ?? 2000);
const YEARS = Number(process.argv[3] ?? 10);
const REPEAT = 7;

/** A deterministic pseudo-random integer in [0, n) from two keys (no global state). */
const hash = (a, b, n) => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % n;
};

function ledger() {
  const products = [];
  const rows = [];
  let sourceRow = 2;
  for (let p = 0; p < PRODUCTS; p++) {
    const code = `P${String(p).padStart(5, '0')}`;
    products.push({ product_code: code, line: p % 3 === 0 ? 'medical' : 'accident', term_months: p % 7 === 0 ? 24 : 12, internet: true, business: 'individual', premium_mode: 'single', source_row: p + 2, attributes: {} });
    let upr = 0;
    let ocr = 0;
    for (let y = 0; y < YEARS; y++) {
      for (let q = 1; q <= 4; q++) {
        const premium = 20_000_000 + hash(p, y * 4 + q, 80_000_000);
        const close = Math.round(premium * 0.4);
        const incurred = Math.round((premium + upr - close) * (0.2 + hash(p, 1000 + y * 4 + q, 500) / 1000));
        const ocrClose = Math.round(incurred * 0.3);
        rows.push({
          product_code: code, period: `${2016 + y}Q${q}`, premium_income: premium, upr_opening: upr, upr_closing: close,
          claims_paid: incurred - ocrClose + ocr, ocr_opening: ocr, ocr_closing: ocrClose, policies_sold: Math.round(premium / 20000),
          ceded_premium: null, ceded_claims: null, expenses: null, investment_income: null, invested_assets: null, source_row: sourceRow++, attributes: {},
        });
        upr = close;
        ocr = ocrClose;
      }
    }
  }
  return { products, rows };
}

/** The baseline: the same yearly ratios in binary floating point, grouped with a Map. */
function floatYears(rows) {
  const years = new Map();
  for (const r of rows) {
    const key = `${r.product_code}\u0000${r.period.slice(0, 4)}`;
    let y = years.get(key);
    if (!y) years.set(key, (y = { premium: 0, claims: 0, upr0: 0, upr1: 0, ocr0: 0, ocr1: 0, first: 5, last: 0 }));
    const q = Number(r.period[5]);
    y.premium += r.premium_income / 100;
    y.claims += r.claims_paid / 100;
    if (q < y.first) { y.first = q; y.upr0 = r.upr_opening / 100; y.ocr0 = r.ocr_opening / 100; }
    if (q > y.last) { y.last = q; y.upr1 = r.upr_closing / 100; y.ocr1 = r.ocr_closing / 100; }
  }
  const out = [];
  for (const [key, y] of years) {
    const earned = y.premium + y.upr0 - y.upr1;
    out.push([key, earned > 0 ? (y.claims + y.ocr1 - y.ocr0) / earned : null]);
  }
  return out;
}

function median(fn) {
  const times = [];
  let result;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(REPEAT / 2)], result };
}

const { products, rows } = ledger();
const rulebook = loadRulebook();
const exact = median(() => financePeriods(rows).years.map(earnedLossRatio));
const baseline = median(() => floatYears(rows));
const analysis = median(() => lossRatioAnalysis(products, rows, rulebook));

const n = 60;
const triangle = { origins: [], ages: [], values: [], development: 'age' };
for (let i = 0; i < n; i++) {
  triangle.origins.push(2000 + i);
  triangle.ages.push(i + 1);
  const row = [1000 + hash(i, 0, 1000)];
  for (let k = 1; k < n - i; k++) row.push(row[k - 1] * (1 + 2 / (k + 1) * (0.5 + hash(i, k, 1000) / 1000)));
  triangle.values.push(row);
}
const mack = median(() => mackChainLadder(triangle, { sigma: 'mack', tail: 'loglinear' }));

console.log(`ledger: ${PRODUCTS} products × ${YEARS * 4} quarters = ${rows.length} finance rows; median of ${REPEAT} runs`);
console.log(`  yearly loss ratios, exact (fen, fractions, Dec): ${exact.ms.toFixed(1)} ms (${exact.result.length} product-years)`);
console.log(`  yearly loss ratios, float baseline:               ${baseline.ms.toFixed(1)} ms (${baseline.result.length} product-years)`);
console.log(`  ratio exact / baseline: ${(exact.ms / baseline.ms).toFixed(2)}`);
console.log(`  whole analysis (years, quarters, rolling, trends, rules for ${products.length} products): ${analysis.ms.toFixed(1)} ms, ${analysis.result.findings.length} findings`);
console.log(`Mack chain ladder, ${n} × ${n} triangle with a log-linear tail: ${mack.ms.toFixed(2)} ms`);
