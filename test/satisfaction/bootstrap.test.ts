import { describe, expect, it } from 'vitest';
import { jackknifeAcceleration, quantileSorted, summariseReplicates } from '../../src/satisfaction/bootstrapIntervals';
import { bootstrapPls } from '../../src/satisfaction/bootstrapPls';
import { compareGroups } from '../../src/satisfaction/groupComparison';
import { estimatePls, type PlsFit } from '../../src/satisfaction/estimatePls';
import { weightedMoments } from '../../src/satisfaction/moments';
import { DEFAULT_PLS_OPTIONS } from '../../src/satisfaction/plsAlgorithm';
import type { ReplicateProblem } from '../../src/satisfaction/replicates';
import { MOBI_SEMINR_SMALL, pathDesign, referenceMatrix } from './referenceData';

function mobiProblem(): { problem: ReplicateProblem; fit: PlsFit } {
  const design = pathDesign(MOBI_SEMINR_SMALL);
  const data = referenceMatrix('mobi.csv', design);
  const options = { ...DEFAULT_PLS_OPTIONS, scheme: 'path' as const };
  const fit = estimatePls(design, data.moments, options);
  if (!fit.ok) throw new Error('mobi does not fit');
  return { fit, problem: { design, options, n: data.n, values: data.values, answers: data.values, weights: data.weights, scale: { min: 1, max: 10 }, grouping: null, start: null } };
}

describe('bootstrapPls()', () => {
  it('gives the same bytes for the same seed with one or two worker threads', async () => {
    const { problem, fit } = mobiProblem();
    const one = await bootstrapPls(problem, fit, { resamples: 120, seed: 11, threads: 1 });
    const two = await bootstrapPls(problem, fit, { resamples: 120, seed: 11, threads: 2 });
    expect(JSON.stringify(two.summaries)).toBe(JSON.stringify(one.summaries));
    const other = await bootstrapPls(problem, fit, { resamples: 120, seed: 12, threads: 1 });
    expect(JSON.stringify(other.summaries)).not.toBe(JSON.stringify(one.summaries));
  });

  it("standard errors agree with seminr's 500-resample bootstrap within Monte Carlo error", async () => {
    // seminr tests/fixtures/V_3_6_0/boot_report_paths.csv (bootstrap_model(nboot = 500, seed = 123)):
    // Bootstrap SD 0.0569 (Image→Satisfaction), 0.0620 (Expectation→Satisfaction), 0.0717 (Value→Satisfaction).
    // Different random draws: a standard error from B resamples has relative error about 1/√(2B) (3% at B = 500),
    // so agreement within 15% is the check.
    const { problem, fit } = mobiProblem();
    const result = await bootstrapPls(problem, fit, { resamples: 1000, seed: 2024, threads: 2 });
    const se = (i: number) => result.summaries[result.layout.paths + i]!.std_error;
    expect(se(0) / 0.0569259275804892).toBeGreaterThan(0.85);
    expect(se(0) / 0.0569259275804892).toBeLessThan(1.15);
    expect(se(1) / 0.0619900261088522).toBeGreaterThan(0.85);
    expect(se(1) / 0.0619900261088522).toBeLessThan(1.15);
    expect(se(2) / 0.0717381375043804).toBeGreaterThan(0.85);
    expect(se(2) / 0.0717381375043804).toBeLessThan(1.15);
    expect(result.failed.total).toBe(0);
    expect(result.jackknife).toBe('leave-one-out');
  });

  it('counts resamples that cannot be estimated instead of dropping them silently', async () => {
    // One item answered 5 by all but two respondents: a resample that draws neither of them has a
    // constant item, which PLS cannot standardise. P(neither drawn) = (1 − 2/n)^n ≈ e⁻² ≈ 13.5% for n = 250.
    const { problem, fit } = mobiProblem();
    const p = problem.design.items.length;
    const values = Float64Array.from(problem.values);
    const h = problem.design.items.indexOf('PERV1');
    for (let i = 0; i < problem.n; i++) values[i * p + h] = i < 2 ? 9 : 5;
    const nearConstant = { ...problem, values, answers: values };
    const refit = estimatePls(problem.design, weightedMoments(values, p, problem.weights), problem.options);
    if (!refit.ok) throw new Error('full sample must still fit');
    const result = await bootstrapPls(nearConstant, refit, { resamples: 400, seed: 5, threads: 1 });
    expect(result.failed.constant_item).toBeGreaterThan(20);
    expect(result.failed.constant_item).toBeLessThan(100);
    expect(result.failed.total).toBe(result.failed.constant_item + result.failed.singular + result.failed.not_converged);
    void fit;
  });
});

describe('bootstrap intervals', () => {
  it('quantileSorted() interpolates between order statistics like R quantile(type = 7)', () => {
    // R: quantile(c(1, 2, 4, 8), c(0.1, 0.5)) gives 1.3 and 3.
    expect(quantileSorted(Float64Array.of(1, 2, 4, 8), 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted(Float64Array.of(1, 2, 4, 8), 0.5)).toBeCloseTo(3, 12);
  });

  it('the BCa interval equals the percentile interval when there is no bias and no acceleration', () => {
    // 1…999 with estimate 500: #{θ* < θ̂}/B = 499/999, z₀ = Φ⁻¹(0.4995) ≈ −0.00125; the BCa points move by
    // about 0.0005 in probability, i.e. half an order statistic.
    const replicates = Float64Array.from({ length: 999 }, (_, i) => i + 1);
    const s = summariseReplicates(500, replicates, 0);
    expect(s.ci_low).toBeCloseTo(25.95, 9);
    expect(s.ci_high).toBeCloseTo(974.05, 9);
    expect(Math.abs(s.bca_low! - s.ci_low)).toBeLessThan(1);
    expect(Math.abs(s.bca_high! - s.ci_high)).toBeLessThan(1);
    expect(s.std_error).toBeCloseTo(Math.sqrt((999 * 1000) / 12), 9);
  });

  it('a positive acceleration moves the BCa interval up', () => {
    const replicates = Float64Array.from({ length: 999 }, (_, i) => i + 1);
    const s = summariseReplicates(500, replicates, 0.1);
    expect(s.bca_low!).toBeGreaterThan(s.ci_low);
    expect(s.bca_high!).toBeGreaterThan(s.ci_high);
  });

  it('jackknifeAcceleration() follows Efron & Tibshirani eq. 14.15 (hand computation)', () => {
    // θ₍ᵢ₎ = 0, 0, 3: mean 1, d = 1, 1, −2; Σd³ = −6, Σd² = 6; a = −6/(6·6^1.5) = −0.0680414.
    expect(jackknifeAcceleration(Float64Array.of(0, 0, 3))).toBeCloseTo(-1 / Math.pow(6, 1.5), 12);
  });
});

describe('compareGroups()', () => {
  it('is deterministic for a seed whatever the threads, and finds no difference between two random halves', async () => {
    const { problem } = mobiProblem();
    // Two arbitrary halves of one sample (odd and even rows): the permutation p-values must not be small
    // for most statistics; under the null they are uniform, so at most a few fall below 0.05.
    const grouping = { column: 'region' as const, labels: ['even', 'odd'], codes: Int32Array.from({ length: problem.n }, (_, i) => i % 2) };
    const one = await compareGroups(problem, grouping, 'even', 'odd', { permutations: 60, seed: 4, threads: 1 });
    const two = await compareGroups(problem, grouping, 'even', 'odd', { permutations: 60, seed: 4, threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const small = [...one.paths, ...one.index].filter((x) => x.p_value! < 0.05).length;
    expect(small).toBeLessThanOrEqual(2);
    expect(one.n_a + one.n_b).toBe(problem.n);
    expect(one.paths[0].difference).toBeCloseTo(one.paths[0].a! - one.paths[0].b!, 15);
  });
});
