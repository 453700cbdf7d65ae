import { describe, expect, it } from 'vitest';
import { estimatePls, type PlsFit } from '../../src/satisfaction/estimatePls';
import { htmt } from '../../src/satisfaction/htmt';
import type { InnerScheme } from '../../src/satisfaction/innerWeighting';
import { DEFAULT_PLS_OPTIONS } from '../../src/satisfaction/plsAlgorithm';
import { reliability } from '../../src/satisfaction/reliability';
import { MOBI_ECSI, MOBI_SEMINR_SMALL, pathDesign, referenceMatrix, SATISFACTION } from './referenceData';

function fitOf(model: typeof MOBI_ECSI, file: string, scheme: InnerScheme, scaled = true): PlsFit {
  const design = pathDesign(model);
  const fit = estimatePls(design, referenceMatrix(file, design).moments, { ...DEFAULT_PLS_OPTIONS, scheme, scaled });
  if (!fit.ok) throw new Error(`estimate failed: ${fit.reason}`);
  return fit;
}

const coef = (fit: PlsFit, from: string, to: string) => {
  const c = fit.design.constructs;
  return fit.paths[c.indexOf(from) * c.length + c.indexOf(to)];
};
const total = (fit: PlsFit, from: string, to: string) => {
  const c = fit.design.constructs;
  return fit.effects.total[c.indexOf(from) * c.length + c.indexOf(to)];
};
const weight = (fit: PlsFit, item: string) => fit.weights[fit.design.items.indexOf(item)];

/*
 * SmartPLS 2.0.M3 on mobi (250 respondents, all 24 items, ECSI model), items standardised,
 * initial weights 1, stop criterion 1e-7: the result files shipped with the R package semPLS,
 * tests/SmartPLS/results/ecsi/{centroid,factorial,pathWeighting}/pathCoefficients.txt and
 * outerWeights.txt (semPLS's regtest_SmartPLS.R checks semPLS against them).
 */
const SMARTPLS_PATHS: Record<InnerScheme, [string, string, number][]> = {
  centroid: [
    ['Image', 'Expectation', 0.50470564], ['Image', 'Satisfaction', 0.17883348], ['Image', 'Loyalty', 0.19535971],
    ['Expectation', 'Quality', 0.55724786], ['Expectation', 'Value', 0.05078755], ['Expectation', 'Satisfaction', 0.06442534],
    ['Quality', 'Value', 0.55721686], ['Quality', 'Satisfaction', 0.51254524], ['Value', 'Satisfaction', 0.19181566],
    ['Satisfaction', 'Complaints', 0.52609731], ['Satisfaction', 'Loyalty', 0.48347472], ['Complaints', 'Loyalty', 0.07123241],
  ],
  factorial: [
    ['Image', 'Expectation', 0.50494314], ['Image', 'Satisfaction', 0.17859267], ['Image', 'Loyalty', 0.19581962],
    ['Expectation', 'Quality', 0.55675903], ['Expectation', 'Value', 0.0501781], ['Expectation', 'Satisfaction', 0.06494365],
    ['Quality', 'Value', 0.55776245], ['Quality', 'Satisfaction', 0.5129747], ['Value', 'Satisfaction', 0.19144526],
    ['Satisfaction', 'Complaints', 0.52585655], ['Satisfaction', 'Loyalty', 0.48305917], ['Complaints', 'Loyalty', 0.07031057],
  ],
  path: [
    ['Image', 'Expectation', 0.50491393], ['Image', 'Satisfaction', 0.1787395], ['Image', 'Loyalty', 0.19575534],
    ['Expectation', 'Quality', 0.55674896], ['Expectation', 'Value', 0.04998839], ['Expectation', 'Satisfaction', 0.06252287],
    ['Quality', 'Value', 0.55830438], ['Quality', 'Satisfaction', 0.51202394], ['Value', 'Satisfaction', 0.1947651],
    ['Satisfaction', 'Complaints', 0.52806625], ['Satisfaction', 'Loyalty', 0.48547762], ['Complaints', 'Loyalty', 0.06692607],
  ],
};

describe('the ECSI model on mobi reproduces SmartPLS 2.0 (files shipped with R semPLS)', () => {
  for (const scheme of ['centroid', 'factorial', 'path'] as const) {
    it(`path coefficients agree to 1e-7 under the ${scheme} scheme`, () => {
      const fit = fitOf(MOBI_ECSI, 'mobi.csv', scheme);
      for (const [from, to, value] of SMARTPLS_PATHS[scheme]) expect(coef(fit, from, to)).toBeCloseTo(value, 7);
    });
  }

  it('outer weights agree to 1e-7 under the centroid and path schemes', () => {
    // centroid/outerWeights.txt and pathWeighting/outerWeights.txt (weights for standardised items, score variance 1)
    const centroid = fitOf(MOBI_ECSI, 'mobi.csv', 'centroid');
    const expected: [string, number][] = [
      ['IMAG1', 0.29813185], ['IMAG2', 0.26233656], ['IMAG3', 0.21987218], ['IMAG4', 0.32782296], ['IMAG5', 0.32492101],
      ['CUEX1', 0.52282271], ['CUEX2', 0.46806824], ['CUEX3', 0.44989729], ['PERQ1', 0.21364542], ['PERQ2', 0.14346701],
      ['PERQ7', 0.2143627], ['PERV1', 0.48582034], ['PERV2', 0.5977653], ['CUSA3', 0.44105872], ['CUSCO', 1], ['CUSL2', 0.13133992], ['CUSL3', 0.65948149],
    ];
    for (const [item, value] of expected) expect(weight(centroid, item)).toBeCloseTo(value, 7);
    const path = fitOf(MOBI_ECSI, 'mobi.csv', 'path');
    for (const [item, value] of [['IMAG1', 0.30131215], ['CUEX2', 0.47367966], ['PERQ3', 0.20001771], ['PERV2', 0.60405602], ['CUSA1', 0.36486486], ['CUSL2', 0.11426953]] as const) {
      expect(weight(path, item)).toBeCloseTo(value, 7);
    }
  });

  it('total effects agree with SmartPLS under the path scheme (pathWeighting/totalEffects.txt)', () => {
    const fit = fitOf(MOBI_ECSI, 'mobi.csv', 'path');
    expect(total(fit, 'Image', 'Loyalty')).toBeCloseTo(0.39873238, 7);
    expect(total(fit, 'Image', 'Satisfaction')).toBeCloseTo(0.38972664, 7);
    expect(total(fit, 'Expectation', 'Complaints')).toBeCloseTo(0.22066175, 7);
    expect(total(fit, 'Quality', 'Satisfaction')).toBeCloseTo(0.62076216, 7);
    expect(total(fit, 'Value', 'Loyalty')).toBeCloseTo(0.10143737, 7);
    expect(total(fit, 'Satisfaction', 'Loyalty')).toBeCloseTo(0.52081902, 7);
  });

  it('loadings and cross-loadings agree with SmartPLS under the centroid scheme (centroid/crossLoadings.txt)', () => {
    const fit = fitOf(MOBI_ECSI, 'mobi.csv', 'centroid');
    const m = fit.design.constructs.length;
    const cross = (item: string, construct: string) => fit.crossLoadings[fit.design.items.indexOf(item) * m + fit.design.constructs.indexOf(construct)];
    expect(cross('CUEX1', 'Expectation')).toBeCloseTo(0.77149227, 7);
    expect(cross('CUSL2', 'Loyalty')).toBeCloseTo(0.21914243, 7);
    expect(cross('PERQ7', 'Satisfaction')).toBeCloseTo(0.69836762, 7);
    expect(cross('IMAG5', 'Value')).toBeCloseTo(0.27057983, 7);
    expect(cross('CUSCO', 'Quality')).toBeCloseTo(0.53153275, 7);
    expect(fit.loadings[fit.design.items.indexOf('PERV2')]).toBeCloseTo(0.93791155, 7);
  });

  it('R² of Satisfaction equals the sum of its path coefficients times the score correlations', () => {
    // Hand identity of OLS on standardised scores: R²_j = Σ_k β_kj r_kj.
    const fit = fitOf(MOBI_ECSI, 'mobi.csv', 'path');
    const c = fit.design.constructs;
    const j = c.indexOf('Satisfaction');
    const r2 = ['Image', 'Expectation', 'Quality', 'Value'].reduce((s, k) => s + coef(fit, k, 'Satisfaction') * fit.r[c.indexOf(k) * c.length + j], 0);
    expect(fit.rSquared[j]).toBeCloseTo(r2, 12);
  });
});

describe("seminr's four-construct mobi model (path weighting) reproduces seminr's test fixtures", () => {
  // sem-in-r/seminr tests/fixtures/V_3_6_0/inner_weights_coefficients.csv, V_3_5_X/inner_weights_weights.csv,
  // V_3_6_0/reliability.csv, V_3_5_X/htmt.csv and V_3_5_X/cross_loadings.csv (seminr's stop criterion: Σ|Δw| < 1e-7).
  const fit = fitOf(MOBI_SEMINR_SMALL, 'mobi.csv', 'path');

  it('path coefficients and outer weights agree to 1e-6', () => {
    expect(coef(fit, 'Image', 'Satisfaction')).toBeCloseTo(0.447003896753383, 6);
    expect(coef(fit, 'Expectation', 'Satisfaction')).toBeCloseTo(0.171830104491586, 6);
    expect(coef(fit, 'Value', 'Satisfaction')).toBeCloseTo(0.316425319256027, 6);
    for (const [item, value] of [['IMAG1', 0.331565496837403], ['IMAG3', 0.19957423850573], ['CUEX1', 0.505837721216892], ['PERV2', 0.606425335428161], ['CUSA3', 0.439128431593844]] as const) {
      expect(weight(fit, item)).toBeCloseTo(value, 6);
    }
  });

  it("reliability (alpha, rho_C, AVE, rho_A) agrees with seminr's summary", () => {
    const rel = reliability(fit);
    const expected = [
      [0.722834595427083, 0.818325774056256, 0.477979834838268, 0.745291554480322],
      [0.451902555978063, 0.733177801505283, 0.480507046633952, 0.461657986928213],
      [0.823631979352573, 0.917897281748515, 0.84831067540365, 0.857527048393235],
      [0.779195021918597, 0.871457927643628, 0.693363990925202, 0.784023593590752],
    ];
    rel.forEach((r, j) => {
      expect(r.alpha).toBeCloseTo(expected[j][0], 6);
      expect(r.rho_c).toBeCloseTo(expected[j][1], 6);
      expect(r.ave).toBeCloseTo(expected[j][2], 6);
      expect(r.rho_a).toBeCloseTo(expected[j][3], 6);
    });
  });

  it('HTMT agrees with seminr', () => {
    const value = (a: string, b: string) => htmt(fit).find((x) => x.a === a && x.b === b)!.value;
    expect(value('Image', 'Expectation')).toBeCloseTo(0.88803042750925, 6);
    expect(value('Image', 'Value')).toBeCloseTo(0.651659392487802, 6);
    expect(value('Image', 'Satisfaction')).toBeCloseTo(0.910100923782741, 6);
    expect(value('Expectation', 'Value')).toBeCloseTo(0.588628982316289, 6);
    expect(value('Value', 'Satisfaction')).toBeCloseTo(0.740808927759395, 6);
  });

  it('cross-loadings agree with seminr', () => {
    const m = fit.design.constructs.length;
    const cross = (item: string, construct: string) => fit.crossLoadings[fit.design.items.indexOf(item) * m + fit.design.constructs.indexOf(construct)];
    expect(cross('IMAG1', 'Image')).toBeCloseTo(0.763199100938388, 6);
    expect(cross('CUEX3', 'Satisfaction')).toBeCloseTo(0.320920154565308, 6);
    expect(cross('CUSA2', 'Value')).toBeCloseTo(0.491875320611288, 6);
  });
});

describe("plspm's satisfaction example (scaled = FALSE, centroid) reproduces plspm's printed estimates", () => {
  // plspm(satisfaction, sat_path, sat_blocks, modes = rep("A", 6), scaled = FALSE), bootstrap "Original"
  // column of satpls$boot$paths and $total.efs as printed in the roxygen examples of a public R helper
  // package for plspm (functions sobel_test_extend and add_t_sig; found by exact-string search). plspm's
  // own stopping rule (Σ(|w_old| − |w_new|)² < 1e-6 on unnormalised weights) differs from ours, so agreement is to 1e-5.
  const fit = fitOf(SATISFACTION, 'satisfaction.csv', 'centroid', false);

  it('all ten path coefficients agree to 1e-5', () => {
    const expected: [string, string, number][] = [
      ['IMAG', 'EXPE', 0.578959128], ['IMAG', 'SAT', 0.2007242], ['IMAG', 'LOY', 0.275149576], ['EXPE', 'QUAL', 0.848344408],
      ['EXPE', 'VAL', 0.10547765], ['EXPE', 'SAT', -0.002753995], ['QUAL', 'VAL', 0.676655529], ['QUAL', 'SAT', 0.122144566],
      ['VAL', 'SAT', 0.58933065], ['SAT', 'LOY', 0.495479322],
    ];
    for (const [from, to, value] of expected) expect(coef(fit, from, to)).toBeCloseTo(value, 5);
  });

  it('total effects agree to 1e-5', () => {
    expect(total(fit, 'IMAG', 'QUAL')).toBeCloseTo(0.491156739303251, 5);
    expect(total(fit, 'IMAG', 'VAL')).toBeCloseTo(0.393411171344413, 5);
    expect(total(fit, 'IMAG', 'SAT')).toBeCloseTo(0.490971137879492, 5);
  });

  it('standardising the items (scaled = TRUE) changes the estimates: the convention matters', () => {
    // With centred-only items mode A weights are covariances, not correlations, so items with a larger
    // spread weigh more; the difference is the convention, not an error.
    const scaled = fitOf(SATISFACTION, 'satisfaction.csv', 'centroid', true);
    expect(Math.abs(coef(scaled, 'IMAG', 'EXPE') - coef(fit, 'IMAG', 'EXPE'))).toBeGreaterThan(0.01);
  });
});
