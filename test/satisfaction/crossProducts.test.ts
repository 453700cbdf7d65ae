import { describe, expect, it } from 'vitest';
import { CrossProducts } from '../../src/satisfaction/crossProducts';
import { weightedMoments } from '../../src/satisfaction/moments';
import { MOBI_ECSI, pathDesign, referenceMatrix } from './referenceData';

describe('CrossProducts', () => {
  it('gives the moments weightedMoments() gives, to 1e-12, for bootstrap frequencies and survey weights', () => {
    const design = pathDesign(MOBI_ECSI);
    const data = referenceMatrix('mobi.csv', design);
    const p = design.items.length;
    const frequency = Float64Array.from({ length: data.n }, (_, i) => (i * 7) % 3);
    const weights = Float64Array.from({ length: data.n }, (_, i) => 0.5 + (i % 4) * 0.25);
    const fast = new CrossProducts(data.values, p).moments(weights, frequency);
    const direct = weightedMoments(data.values, p, weights, frequency);
    expect(fast.rows).toBe(direct.rows);
    expect(fast.totalWeight).toBeCloseTo(direct.totalWeight, 12);
    for (let k = 0; k < p * p; k++) expect(fast.cov[k]).toBeCloseTo(direct.cov[k], 12);
    for (let h = 0; h < p; h++) expect(fast.mean[h]).toBeCloseTo(direct.mean[h], 12);
  });

  it('refuses a table larger than its memory limit', () => {
    expect(CrossProducts.fits(100_000, 24)).toBe(false);
    expect(() => new CrossProducts(new Float64Array(100_000 * 24), 24)).toThrow(RangeError);
  });
});
