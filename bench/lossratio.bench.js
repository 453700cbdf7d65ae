'use strict';
/**
 * Yearly earned loss ratios from a quarterly finance ledger (2,000 products × 40 quarters at the
 * default size): the workbench's exact path (integer fen, quarters summed into years, exact
 * decimal ratios, as `awb lossratio` computes them) against a binary-float baseline doing the same
 * aggregation with a Map. Both sides build the same deterministic ledger first. The check: the
 * same product-years, and ratios equal to 1e-12. The target says what exactness may cost end to
 * end: at most five times the float baseline's wall time.
 */
const { financePeriods } = require('../dist/lossratio/financePeriods');
const { earnedLossRatio } = require('../dist/lossratio/earnedLossRatio');

const YEARS = 10;

/** A deterministic pseudo-random integer in [0, n) from two keys. */
function hash(a, b, n) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % n;
}

/** The ledger: each quarter opens where the previous one closed; amounts in fen. */
function ledger(products) {
  const rows = [];
  for (let p = 0; p < products; p++) {
    let upr = 0;
    let ocr = 0;
    for (let y = 0; y < YEARS; y++) {
      for (let q = 1; q <= 4; q++) {
        const premium = 20_000_000 + hash(p, y * 4 + q, 80_000_000);
        const close = Math.round(premium * 0.4);
        const incurred = Math.round((premium + upr - close) * (0.2 + hash(p, 1000 + y * 4 + q, 500) / 1000));
        const ocrClose = Math.round(incurred * 0.3);
        rows.push({
          product_code: `P${String(p).padStart(5, '0')}`, period: `${2016 + y}Q${q}`, premium_income: premium, upr_opening: upr, upr_closing: close,
          claims_paid: incurred - ocrClose + ocr, ocr_opening: ocr, ocr_closing: ocrClose, policies_sold: Math.round(premium / 20000),
          ceded_premium: null, ceded_claims: null, expenses: null, investment_income: null, invested_assets: null, source_row: rows.length + 2, attributes: {},
        });
        upr = close;
        ocr = ocrClose;
      }
    }
  }
  return rows;
}

module.exports = {
  name: 'lossratio-years',
  description: 'yearly earned loss ratios from a quarterly ledger, exact (fen, Dec) vs binary floats',
  target: { maxRatio: 5, maxRssMb: 1024 },
  async prepare({ rows }) {
    // --rows is the policy count of the other benchmarks; the default 10,000,000 gives 2,000 products.
    return { products: Math.max(20, Math.min(2000, Math.round(rows / 5000))) };
  },
  candidate: {
    label: 'financePeriods + earnedLossRatio (exact)',
    async run({ products }) {
      return financePeriods(ledger(products)).years.map((r) => {
        const y = earnedLossRatio(r);
        return [`${y.product_code} ${y.period}`, y.loss_ratio === null ? null : y.loss_ratio.toNumber()];
      });
    },
  },
  baseline: {
    label: 'binary floats, grouped with a Map',
    async run({ products }) {
      const years = new Map();
      for (const r of ledger(products)) {
        const key = `${r.product_code} ${r.period.slice(0, 4)}`;
        let y = years.get(key);
        if (!y) years.set(key, (y = { premium: 0, claims: 0, upr0: 0, upr1: 0, ocr0: 0, ocr1: 0, first: 5, last: 0 }));
        const q = Number(r.period[5]);
        y.premium += r.premium_income / 100;
        y.claims += r.claims_paid / 100;
        if (q < y.first) Object.assign(y, { first: q, upr0: r.upr_opening / 100, ocr0: r.ocr_opening / 100 });
        if (q > y.last) Object.assign(y, { last: q, upr1: r.upr_closing / 100, ocr1: r.ocr_closing / 100 });
      }
      return [...years].map(([key, y]) => {
        const earned = y.premium + y.upr0 - y.upr1;
        return [key, earned > 0 ? (y.claims + y.ocr1 - y.ocr0) / earned : null];
      });
    },
  },
  check(candidate, baseline) {
    if (candidate.length !== baseline.length) return `${candidate.length} product-years against ${baseline.length}`;
    const base = new Map(baseline);
    for (const [key, ratio] of candidate) {
      const other = base.get(key);
      if (other === undefined) return `${key} is missing from the baseline`;
      if ((ratio === null) !== (other === null) || (ratio !== null && Math.abs(ratio - other) > 1e-12)) return `${key}: ${ratio} against ${other}`;
    }
    return null;
  },
};
