'use strict';
/**
 * The baseline of the satisfaction benchmarks: PLS path modelling written the straightforward
 * way, as in a plain numpy or R implementation (plspm's get_weights): standardise the data
 * matrix, then every iteration computes the n×m score matrix Y = X·W, standardises it, forms the
 * inner proxies Z = Y·E and the new weights Xⱼᵀ·Zⱼ/n, all with ml-matrix Matrix operations on the
 * full data; path coefficients by least squares on the scores. Same convergence rule as the
 * workbench (max |Δw| < 1e-7), so both find the same fixed point.
 */
const { Matrix, solve } = require('ml-matrix');

function standardiseColumns(x) {
  const n = x.rows;
  const out = x.clone();
  for (let j = 0; j < x.columns; j++) {
    const col = x.getColumn(j);
    const mean = col.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    for (let i = 0; i < n; i++) out.set(i, j, (col[i] - mean) / sd);
  }
  return out;
}

/** Path coefficients [from·m + to] of the design's paths, by the naive algorithm (path scheme). */
function naivePls(design, values, n) {
  const p = design.items.length;
  const m = design.constructs.length;
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(values.subarray(i * p, (i + 1) * p)));
  const x = standardiseColumns(new Matrix(rows));
  let w = Matrix.zeros(p, m);
  for (let h = 0; h < p; h++) w.set(h, design.blockOf[h], 1);
  const normalise = (weights) => {
    const y = x.mmul(weights);
    for (let j = 0; j < m; j++) {
      const col = y.getColumn(j);
      const sd = Math.sqrt(col.reduce((a, b) => a + b * b, 0) / n - (col.reduce((a, b) => a + b, 0) / n) ** 2);
      for (let h = 0; h < p; h++) weights.set(h, j, weights.get(h, j) / sd);
    }
    return weights;
  };
  w = normalise(w);
  const regress = (y, pred, target) => {
    const a = y.subMatrixColumn(pred);
    return solve(a.transpose().mmul(a), a.transpose().mmul(y.subMatrixColumn([target]))).getColumn(0);
  };
  for (let iteration = 0; iteration < 300; iteration++) {
    const y = standardiseColumns(x.mmul(w));
    const r = y.transpose().mmul(y).div(n);
    const e = Matrix.zeros(m, m);
    for (let j = 0; j < m; j++) {
      for (const k of design.successors[j]) e.set(k, j, r.get(k, j));
      if (design.predecessors[j].length > 0) regress(y, design.predecessors[j], j).forEach((b, i) => e.set(design.predecessors[j][i], j, b));
    }
    const z = y.mmul(e);
    const next = x.transpose().mmul(z).div(n);
    for (let h = 0; h < p; h++) for (let j = 0; j < m; j++) if (design.blockOf[h] !== j) next.set(h, j, 0);
    normalise(next);
    const change = Math.max(...Matrix.sub(next, w).abs().to1DArray());
    w = next;
    if (change < 1e-7) break;
  }
  const y = standardiseColumns(x.mmul(w));
  const paths = new Float64Array(m * m);
  for (const j of design.endogenous) regress(y, design.predecessors[j], j).forEach((b, i) => (paths[design.predecessors[j][i] * m + j] = b));
  return design.paths.map(([from, to]) => paths[from * m + to]);
}

module.exports = { naivePls };
