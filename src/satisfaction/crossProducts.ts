import type { Moments } from './moments';

/** Largest table of precomputed products kept in memory (doubles): 4,194,304 = 32 MB. */
export const CROSS_PRODUCT_LIMIT = 1 << 22;

/**
 * Each respondent's item cross-products xᵢₕ·xᵢₖ (h ≤ k), computed once, so that the moments of a
 * bootstrap resample or jackknife replicate are weighted sums of stored rows:
 * mean_h = Σ cᵢ xᵢₕ / C, cov_hk = Σ cᵢ xᵢₕxᵢₖ / C − mean_h·mean_k (C = Σ cᵢ).
 * One multiply-add per stored product instead of centring every row again, four rows at a time:
 * the inner loop of the bootstrap, about three times faster than `weightedMoments` (bench/icsi-bootstrap). Uncentred sums lose a
 * few digits when means are large against spreads; on answer scales (means below 100, spreads
 * above 0.1) the error stays below 1e-11, far under the algorithm's tolerance.
 * @example new CrossProducts(values, 24).moments(weights, counts).cov // equals weightedMoments(values, 24, weights, counts).cov to 1e-12
 */
export class CrossProducts {
  private readonly products: Float64Array;
  private readonly triangle: number;

  /**
   * @param values row-major n×p answers
   * @throws RangeError when n·p(p+1)/2 exceeds CROSS_PRODUCT_LIMIT (use `weightedMoments` instead)
   */
  constructor(
    private readonly values: Float64Array,
    private readonly p: number,
  ) {
    this.triangle = (p * (p + 1)) / 2;
    const n = values.length / p;
    if (n * this.triangle > CROSS_PRODUCT_LIMIT) throw new RangeError(`CrossProducts: ${n} rows × ${this.triangle} products exceed ${CROSS_PRODUCT_LIMIT}`);
    this.products = new Float64Array(n * this.triangle);
    for (let i = 0; i < n; i++) {
      let t = i * this.triangle;
      for (let h = 0; h < p; h++) {
        const xh = values[i * p + h];
        for (let k = h; k < p; k++) this.products[t++] = xh * values[i * p + k];
      }
    }
  }

  /** Whether a survey of n rows and p items fits the limit. */
  static fits(n: number, p: number): boolean {
    return (n * p * (p + 1)) / 2 <= CROSS_PRODUCT_LIMIT;
  }

  /**
   * Moments with case weights cᵢ = weightᵢ × frequencyᵢ, as `weightedMoments` returns them.
   * @example new CrossProducts(values, p).moments(weights, counts).cov
   */
  moments(weights: Float64Array, frequency: ArrayLike<number>): Moments {
    const { p, triangle, products, values } = this;
    const n = weights.length;
    const sums = new Float64Array(triangle);
    const mean = new Float64Array(p);
    const used = new Int32Array(n);
    const cases = new Float64Array(n);
    let total = 0;
    let rows = 0;
    for (let i = 0; i < n; i++) {
      const c = weights[i] * frequency[i];
      if (c === 0) continue;
      total += c;
      used[rows] = i;
      cases[rows++] = c;
      const v = i * p;
      for (let h = 0; h < p; h++) mean[h] += c * values[v + h];
    }
    // Four rows per pass over the sums: a quarter of the loads and stores of `sums` (2.5× faster).
    let k = 0;
    for (; k + 3 < rows; k += 4) {
      const b0 = used[k] * triangle;
      const b1 = used[k + 1] * triangle;
      const b2 = used[k + 2] * triangle;
      const b3 = used[k + 3] * triangle;
      const c0 = cases[k];
      const c1 = cases[k + 1];
      const c2 = cases[k + 2];
      const c3 = cases[k + 3];
      for (let t = 0; t < triangle; t++) sums[t] += c0 * products[b0 + t] + c1 * products[b1 + t] + c2 * products[b2 + t] + c3 * products[b3 + t];
    }
    for (; k < rows; k++) {
      const base = used[k] * triangle;
      const c = cases[k];
      for (let t = 0; t < triangle; t++) sums[t] += c * products[base + t];
    }
    for (let h = 0; h < p; h++) mean[h] /= total;
    const cov = new Float64Array(p * p);
    let t = 0;
    for (let h = 0; h < p; h++) {
      for (let k = h; k < p; k++) {
        const v = sums[t++] / total - mean[h] * mean[k];
        cov[h * p + k] = v;
        cov[k * p + h] = v;
      }
    }
    return { p, totalWeight: total, rows, mean, cov };
  }
}
