import { linearRegression } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { estimatePls, type PlsFit } from '../../src/satisfaction/estimatePls';
import { fSquared } from '../../src/satisfaction/fSquared';
import { goodnessOfFit } from '../../src/satisfaction/goodnessOfFit';
import { innerVif } from '../../src/satisfaction/innerVif';
import { ipma } from '../../src/satisfaction/ipma';
import { latentScores } from '../../src/satisfaction/latentScores';
import { weightedMoments } from '../../src/satisfaction/moments';
import { DEFAULT_PLS_OPTIONS, plsWeights } from '../../src/satisfaction/plsAlgorithm';
import { qualityWarnings } from '../../src/satisfaction/qualityWarnings';
import { reliability } from '../../src/satisfaction/reliability';
import { constructIndices, indexWeights, itemMeans } from '../../src/satisfaction/satisfactionIndex';
import { MOBI_ECSI, MOBI_SEMINR_SMALL, pathDesign, referenceMatrix } from './referenceData';

const design = pathDesign(MOBI_ECSI);
const data = referenceMatrix('mobi.csv', design);
const p = design.items.length;
const m = design.constructs.length;

function fit(values: Float64Array, weights: Float64Array, options = DEFAULT_PLS_OPTIONS): PlsFit {
  const f = estimatePls(design, weightedMoments(values, p, weights), options);
  if (!f.ok) throw new Error(f.reason);
  return f;
}

describe('estimates do not depend on how the data are laid out', () => {
  const full = fit(data.values, data.weights);

  it('reversing the order of respondents gives the same estimates', () => {
    const reversed = new Float64Array(data.values.length);
    for (let i = 0; i < data.n; i++) reversed.set(data.values.subarray(i * p, (i + 1) * p), (data.n - 1 - i) * p);
    const again = fit(reversed, data.weights);
    for (let k = 0; k < m * m; k++) expect(again.paths[k]).toBeCloseTo(full.paths[k], 12);
    for (let h = 0; h < p; h++) expect(again.weights[h]).toBeCloseTo(full.weights[h], 12);
  });

  it('a survey weight of 2 is the same as answering twice', () => {
    const doubled = new Float64Array(data.values.length * 2);
    doubled.set(data.values);
    doubled.set(data.values.subarray(0, 10 * p), data.values.length);
    const weights = Float64Array.from(data.weights);
    for (let i = 0; i < 10; i++) weights[i] = 2;
    const viaWeights = fit(data.values, weights);
    const viaRows = estimatePls(design, weightedMoments(doubled.subarray(0, (data.n + 10) * p), p, new Float64Array(data.n + 10).fill(1)), DEFAULT_PLS_OPTIONS);
    if (!viaRows.ok) throw new Error('fit failed');
    for (let k = 0; k < m * m; k++) expect(viaWeights.paths[k]).toBeCloseTo(viaRows.paths[k], 12);
  });

  it('scores have mean 0, variance 1 and the correlations the algorithm used', () => {
    const scores = latentScores(full, data.values);
    for (let j = 0; j < m; j++) {
      let mean = 0;
      for (let i = 0; i < data.n; i++) mean += scores[i * m + j] / data.n;
      let v = 0;
      for (let i = 0; i < data.n; i++) v += (scores[i * m + j] - mean) ** 2 / data.n;
      expect(mean).toBeCloseTo(0, 12);
      expect(v).toBeCloseTo(1, 10);
    }
    const j = design.constructs.indexOf('Satisfaction');
    const k = design.constructs.indexOf('Loyalty');
    let c = 0;
    for (let i = 0; i < data.n; i++) c += (scores[i * m + j] * scores[i * m + k]) / data.n;
    expect(c).toBeCloseTo(full.r[j * m + k], 10);
  });
});

describe('indices, IPMA and quality measures by hand', () => {
  const full = fit(data.values, data.weights);
  const scale = { min: 1, max: 10 };
  const weights = indexWeights(full);
  const means = itemMeans(data.values, p, data.weights);
  const index = constructIndices(full, weights, means, scale);

  it('the index of Value is its weight-averaged mean answer rescaled from 1–10 to 0–100', () => {
    // Value has PERV1, PERV2: ũ = u/(u1 + u2) with u = w/sd; index = (ũ1·x̄1 + ũ2·x̄2 − 1)/9 × 100.
    const h1 = design.items.indexOf('PERV1');
    const h2 = design.items.indexOf('PERV2');
    const u1 = full.weights[h1] / full.sd[h1];
    const u2 = full.weights[h2] / full.sd[h2];
    const byHand = (((u1 * means[h1] + u2 * means[h2]) / (u1 + u2) - 1) / 9) * 100;
    expect(index[design.constructs.indexOf('Value')]).toBeCloseTo(byHand, 12);
    expect(weights[h1]! + weights[h2]!).toBeCloseTo(1, 15);
  });

  it('group indices average to the whole-survey index, weighted by group size, when no answer is missing', () => {
    const codes = Int32Array.from({ length: data.n }, (_, i) => i % 3);
    const grouping = { column: 'region' as const, labels: ['a', 'b', 'c'], codes };
    const byGroup = itemMeans(data.values, p, data.weights, grouping);
    const sizes = [0, 1, 2].map((g) => codes.filter((c) => c === g).length);
    for (let j = 0; j < m; j++) {
      const pooled = [0, 1, 2].reduce((s, g) => s + sizes[g] * constructIndices(full, weights, byGroup.subarray(g * p, (g + 1) * p), scale)[j]!, 0) / data.n;
      expect(pooled).toBeCloseTo(index[j]!, 10);
    }
  });

  it('IPMA importance of Satisfaction on Loyalty is the slope of the 0–100 Loyalty score on the 0–100 Satisfaction score, net of the other predecessors', () => {
    // Rescaled scores per respondent, then OLS of Loyalty on Image, Satisfaction, Complaints: the
    // total effect of Satisfaction is its direct slope plus the route through Complaints.
    const rescaled = (j: number) =>
      Array.from({ length: data.n }, (_, i) => {
        let s = 0;
        for (let h = design.blockStart[j]; h < design.blockStart[j + 1]; h++) s += weights[h]! * data.values[i * p + h];
        return ((s - 1) / 9) * 100;
      });
    const sat = rescaled(design.constructs.indexOf('Satisfaction'));
    const comp = rescaled(design.constructs.indexOf('Complaints'));
    const slopeComp = linearRegression(sat.map((x, i) => [x, comp[i]])).m;
    const point = ipma(full, weights, index, scale, 'Loyalty').find((x) => x.construct === 'Satisfaction')!;
    const c = design.constructs;
    const direct = full.paths[c.indexOf('Satisfaction') * m + c.indexOf('Loyalty')];
    const viaComplaints = full.paths[c.indexOf('Complaints') * m + c.indexOf('Loyalty')];
    const sd = (x: number[]) => Math.sqrt(x.reduce((s, v) => s + (v - x.reduce((a, b) => a + b) / x.length) ** 2, 0) / x.length);
    const loy = rescaled(c.indexOf('Loyalty'));
    const byHand = direct * (sd(loy) / sd(sat)) + slopeComp * viaComplaints * (sd(loy) / sd(comp));
    expect(point.importance).toBeCloseTo(byHand, 10);
    expect(point.performance).toBe(index[c.indexOf('Satisfaction')]);
  });

  it('f² of a single-predecessor path is R²/(1 − R²); VIF of a single predecessor is 1; GoF by the formula', () => {
    const c = design.constructs;
    const r2 = full.rSquared[c.indexOf('Expectation')];
    expect(fSquared(full)[0].f2).toBeCloseTo(r2 / (1 - r2), 12);
    expect(innerVif(full).find((v) => v.to === 'Expectation')!.vif).toBeCloseTo(1, 12);
    // Two predecessors of Value: VIF = 1/(1 − r²) with r = cor(Expectation, Quality).
    const r = full.r[c.indexOf('Expectation') * m + c.indexOf('Quality')];
    expect(innerVif(full).find((v) => v.to === 'Value' && v.from === 'Quality')!.vif).toBeCloseTo(1 / (1 - r * r), 10);
    let communality = 0;
    let items = 0;
    design.items.forEach((item, h) => {
      if (item === 'CUSCO') return;
      communality += full.loadings[h] ** 2;
      items++;
    });
    const meanR2 = design.endogenous.reduce((s, j) => s + full.rSquared[j], 0) / design.endogenous.length;
    expect(goodnessOfFit(full)).toBeCloseTo(Math.sqrt((communality / items) * meanR2), 12);
  });

  it('warns in plain language where a construct fails the usual thresholds (seminr small model: Expectation alpha 0.45)', () => {
    const small = pathDesign(MOBI_SEMINR_SMALL);
    const f = estimatePls(small, referenceMatrix('mobi.csv', small).moments, DEFAULT_PLS_OPTIONS);
    if (!f.ok) throw new Error('fit failed');
    const warnings = qualityWarnings(small.constructs, reliability(f), [], [], []);
    expect(warnings.map((w) => `${w.subject} ${w.measure}`)).toEqual(['Image ave', 'Expectation alpha', 'Expectation ave']);
    expect(warnings[1].message).toContain('0.452 is below 0.70');
  });
});

describe('the algorithm', () => {
  it('mode B weights are the regression of the inner proxy on the block at convergence', () => {
    // Fixed-point property: for a mode B construct, w_j ∝ S_jj⁻¹ cov(X_j, Z_j), Z_j = Σ_k e_kj Y_k.
    const modeB = pathDesign({ ...MOBI_ECSI, constructs: MOBI_ECSI.constructs.map((c) => (c.name === 'Image' ? { ...c, mode: 'B' as const } : c)) });
    const core = plsWeights(modeB, data.moments.cov, { ...DEFAULT_PLS_OPTIONS, scheme: 'factorial', tolerance: 1e-12 });
    if (!core.ok) throw new Error(core.reason);
    const j = 0;
    const a = modeB.blockStart[j];
    const b = modeB.blockStart[j + 1];
    const target = new Float64Array(b - a);
    for (let h = a; h < b; h++) for (let k = 0; k < m; k++) if (modeB.successors[j].includes(k)) target[h - a] += core.sw[h * m + k] * core.r[k * m + j];
    // S_jj · w_j must be proportional to the target.
    const sw = Array.from({ length: b - a }, (_, h) => Array.from({ length: b - a }, (_, l) => core.s[(a + h) * p + a + l] * core.weights[a + l]).reduce((s, v) => s + v, 0));
    const ratio = sw.map((v, h) => v / target[h]);
    for (const r of ratio) expect(r).toBeCloseTo(ratio[0], 8);
  });

  it('reports non-convergence instead of a result when the iteration limit is reached', () => {
    const result = plsWeights(design, data.moments.cov, { ...DEFAULT_PLS_OPTIONS, maxIterations: 2 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('not-converged');
  });

  it('reports a constant item by name', () => {
    const values = Float64Array.from(data.values);
    const h = design.items.indexOf('CUEX2');
    for (let i = 0; i < data.n; i++) values[i * p + h] = 7;
    const result = estimatePls(design, weightedMoments(values, p, data.weights), DEFAULT_PLS_OPTIONS);
    expect(result.ok === false && [result.reason, result.subject]).toEqual(['constant-item', 'CUEX2']);
  });
});
