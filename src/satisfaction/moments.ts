/**
 * First and second moments of the items: weighted means and the weighted covariance matrix,
 * all the PLS algorithm needs (every step of the algorithm is linear in the data).
 */
export interface Moments {
  readonly p: number;
  /** Σ weight × frequency over the rows. */
  readonly totalWeight: number;
  /** Rows that count (positive weight × frequency). */
  readonly rows: number;
  readonly mean: Float64Array;
  /** p×p covariance, row-major, with divisor Σ weight (the population form; PLS results do not depend on the divisor). */
  readonly cov: Float64Array;
}

/**
 * Weighted means and covariances of the columns of a row-major n×p matrix, in two passes
 * (means first, then centred cross-products) for accuracy:
 * mean_h = Σᵢ cᵢ xᵢₕ / Σᵢ cᵢ and cov_hk = Σᵢ cᵢ (xᵢₕ − mean_h)(xᵢₖ − mean_k) / Σᵢ cᵢ,
 * where cᵢ = weightᵢ × frequencyᵢ (survey weight times the number of times a bootstrap
 * resample drew the row; frequency 1 when not given).
 *
 * Hot path of estimation and bootstrap: plain loops over Float64Array, upper triangle only.
 * @param values row-major n×p, no missing values
 * @param weights survey weights, length n (all 1 for an unweighted survey)
 * @example weightedMoments(new Float64Array([1, 2, 3, 6]), 2, new Float64Array([1, 1])).cov // [1, 2, 2, 4]
 */
export function weightedMoments(values: Float64Array, p: number, weights: Float64Array, frequency?: ArrayLike<number>): Moments {
  const n = weights.length;
  let c = weights;
  if (frequency !== undefined) {
    c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = weights[i] * frequency[i];
  }
  const mean = new Float64Array(p);
  let total = 0;
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const ci = c[i];
    if (ci === 0) continue;
    total += ci;
    rows++;
    const base = i * p;
    for (let h = 0; h < p; h++) mean[h] += ci * values[base + h];
  }
  for (let h = 0; h < p; h++) mean[h] /= total;
  const cov = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const ci = c[i];
    if (ci === 0) continue;
    const base = i * p;
    for (let h = 0; h < p; h++) d[h] = values[base + h] - mean[h];
    for (let h = 0; h < p; h++) {
      const ch = ci * d[h];
      const row = h * p;
      for (let k = h; k < p; k++) cov[row + k] += ch * d[k];
    }
  }
  for (let h = 0; h < p; h++) {
    for (let k = h; k < p; k++) {
      const v = cov[h * p + k] / total;
      cov[h * p + k] = v;
      cov[k * p + h] = v;
    }
  }
  return { p, totalWeight: total, rows, mean, cov };
}

/**
 * The correlation matrix of a covariance matrix: r_hk = cov_hk / √(cov_hh · cov_kk).
 * @returns null when a column has zero variance (a constant item has no correlation).
 * @example correlationFromCovariance(new Float64Array([4, 2, 2, 1]), 2) // [1, 1, 1, 1]
 */
export function correlationFromCovariance(cov: Float64Array, p: number): Float64Array | null {
  const sd = new Float64Array(p);
  for (let h = 0; h < p; h++) {
    const v = cov[h * p + h];
    if (!(v > 0)) return null;
    sd[h] = Math.sqrt(v);
  }
  const r = new Float64Array(p * p);
  for (let h = 0; h < p; h++) {
    for (let k = 0; k < p; k++) r[h * p + k] = h === k ? 1 : cov[h * p + k] / (sd[h] * sd[k]);
  }
  return r;
}
