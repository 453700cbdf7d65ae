import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/data/readTable';
import { bornhuetterFerguson } from '../../src/lossratio/bornhuetterFerguson';
import { capeCodRatios } from '../../src/lossratio/capeCod';
import { estimateReserve } from '../../src/lossratio/estimateReserve';
import { mackChainLadder } from '../../src/lossratio/mackChainLadder';
import { mackStyleVariances } from '../../src/lossratio/mackStyleError';
import { type Triangle, triangleFromRows } from '../../src/lossratio/triangle';
import { referencePath } from '../fixtures/reference';

let raa: Triangle;
let xyz: Triangle;
let xyzPremiums: number[];

beforeAll(async () => {
  raa = triangleFromRows((await loadTable(referencePath('raa.csv'), 'triangle')).rows);
  xyz = triangleFromRows((await loadTable(referencePath('xyz.csv'), 'triangle')).rows);
  const premiums = (await loadTable(referencePath('xyz_premiums.csv'), 'premiums')).rows;
  xyzPremiums = xyz.origins.map((o) => premiums.find((p) => p.origin === o)!.premium / 100);
});

const round6 = (xs: readonly number[]) => xs.map((x) => Number(x.toFixed(6)));

describe('Bornhuetter–Ferguson (chainladder-python documentation, "IBNR Models")', () => {
  it('gives the documented total IBNR on RAA with a 70% a priori loss ratio on 40,000 of premium per origin', () => {
    // Source: chainladder-python docs/user_guide/methods.ipynb: BornhuetterFerguson(apriori=0.7).fit(raa,
    // sample_weight=raa.latest_diagonal*0+40_000).ibnr_.sum() → 75203.23550854485
    const bf = bornhuetterFerguson(mackChainLadder(raa), raa.origins.map(() => ({ expected: 0.7 * 40000, premium: 40000, loss_ratio: 0.7 })));
    expect(bf.total.ibnr).toBeCloseTo(75203.23550854485, 6);
  });

  it('gives the documented ultimates on RAA with the mean chain-ladder ultimate as a priori', () => {
    // Source: the same notebook: apriori = mean chain-ladder ultimate, BornhuetterFerguson(apriori=1).ultimate_:
    // 18834.000000 16898.632172 24012.333266 28281.843524 28203.700714 19840.005163 18840.362337 22789.948877 19541.155136 20986.022826
    const mack = mackChainLadder(raa);
    const mean = mack.total.ultimate / 10;
    const bf = bornhuetterFerguson(mack, raa.origins.map(() => ({ expected: mean, premium: null, loss_ratio: null })));
    expect(round6(bf.origins.map((o) => o.ultimate))).toEqual([18834, 16898.632172, 24012.333266, 28281.843524, 28203.700714, 19840.005163, 18840.362337, 22789.948877, 19541.155136, 20986.022826]);
  });
});

describe('a triangle lacking early ages: chainladder-python\'s xyz sample (1998 and 1999 start at valuation 2000)', () => {
  it('reads the missing early cells as such and develops each origin from its latest value', () => {
    expect(xyz.missing.filter((c) => c.kind === 'early').map((c) => `${c.origin}:${c.age}`)).toEqual(['1998:1', '1998:2', '1999:1']);
    expect(xyz.missing.some((c) => c.kind === 'interior')).toBe(false);
  });

  it('gives the documented Bornhuetter–Ferguson IBNR with premium as a priori (Benktander(n_iters=1) docstring)', () => {
    // Source: chainladder-python methods/benktander.py docstring: Benktander().fit(xyz["Paid"], sample_weight=xyz["Premium"].latest_diagonal).ibnr_
    const bf = bornhuetterFerguson(mackChainLadder(xyz), xyzPremiums.map((p) => ({ expected: p, premium: p, loss_ratio: 1 })));
    expect(round6(bf.origins.map((o) => o.ibnr))).toEqual([0, 115.472127, 914.033812, 2432.394513, 6037.026677, 13928.934651, 33925.451475, 69724.761575, 73410.59392, 52977.560411, 45873.76949]);
  });

  it('gives the documented Benktander ultimates after two iterations', () => {
    // Source: the same docstring: Benktander(apriori=1, n_iters=2).fit(...).ultimate_
    const gb = estimateReserve(mackChainLadder(xyz), 'benktander', { premiums: xyzPremiums, aprioriLossRatios: xyzPremiums.map(() => 1) }).estimate;
    expect(gb.method).toBe('benktander');
    expect(round6(gb.origins.map((o) => o.ultimate))).toEqual([15822, 24908.397003, 37547.676656, 40511.198946, 49417.354765, 50042.095135, 82437.601111, 95417.171135, 88485.508416, 66882.788227, 50708.75537]);
  });

  it('converges to the chain ladder as the iterations grow (Mack 2000, Theorem; chainladder-python n_iters=1000)', () => {
    const mack = mackChainLadder(xyz);
    const many = bornhuetterFerguson(mack, xyzPremiums.map((p) => ({ expected: p, premium: p, loss_ratio: 1 })), { iterations: 1000 });
    many.origins.forEach((o, i) => expect(o.ibnr).toBeCloseTo(mack.origins[i].ibnr, 6));
  });

  it('gives the documented Cape Cod loss ratio and IBNR (CapeCod docstring)', () => {
    // Source: chainladder-python methods/capecod.py docstring: CapeCod().fit(xyz["Paid"], sample_weight=xyz["Premium"].latest_diagonal)
    // apriori_ 0.763919 for every origin; ibnr_ NaN 88.211299 698.247374 1858.151261 4611.796594 10640.571396 25916.281295
    // 53264.037933 56079.713590 40470.540502 35043.822927
    const { estimate, cape_cod } = estimateReserve(mackChainLadder(xyz), 'capecod', { premiums: xyzPremiums });
    expect(new Set(round6(cape_cod!.map((r) => r.loss_ratio)))).toEqual(new Set([0.763919]));
    expect(round6(estimate.origins.map((o) => o.ibnr))).toEqual([0, 88.211299, 698.247374, 1858.151261, 4611.796594, 10640.571396, 25916.281295, 53264.037933, 56079.71359, 40470.540502, 35043.822927]);
  });

  it('gives the documented Cape Cod loss ratios with decay, and with decay and trend', () => {
    // Source: the same docstring: CapeCod(decay=0.5).apriori_ and CapeCod(decay=0.5, trend=0.03).apriori_ (the trended ones).
    const mack = mackChainLadder(xyz);
    expect(round6(capeCodRatios(mack, xyzPremiums, { decay: 0.5 }).map((r) => r.loss_ratio))).toEqual([0.797751, 0.79999, 0.80489, 0.793706, 0.77742, 0.748556, 0.740594, 0.687204, 0.705757, 0.784466, 0.830368]);
    const trended = capeCodRatios(mack, xyzPremiums, { decay: 0.5, trend: 0.03 });
    expect(round6(trended.map((r) => r.trended))).toEqual([1.027105, 1.014959, 1.001927, 0.966406, 0.924906, 0.869767, 0.841331, 0.765515, 0.773005, 0.847345, 0.890327]);
    // Each origin's own a priori is the trended ratio brought back by (1.03)^(2008 − origin).
    expect(trended[0].loss_ratio).toBeCloseTo(trended[0].trended / 1.03 ** 10, 12);
  });

  it('refuses Cape Cod without a premium for every origin, naming the origin', () => {
    expect(() => estimateReserve(mackChainLadder(xyz), 'capecod', { premiums: [null, ...xyzPremiums.slice(1)] })).toThrow('origin 1998 has none');
  });
});

describe('Mack-style standard errors of the Bornhuetter–Ferguson family', () => {
  // A three-origin triangle worked by hand: 2020: 100, 150, 180; 2021: 110, 165; 2022: 120.
  // f₁ = (150 + 165)/(100 + 110) = 1.5 with both link ratios exactly 1.5, so σ₁ = 0; f₂ = 180/150 = 1.2 on one
  // link ratio, its σ₂ given as 10 (R est.sigma = 10). se(f₂) = 10/√150.
  const rows = [[2020, 1, 100], [2020, 2, 150], [2020, 3, 180], [2021, 1, 110], [2021, 2, 165], [2022, 1, 120]].map(([origin, development, value], i) => ({ origin, development, value, source_row: i + 2, attributes: {} }));
  const small = triangleFromRows(rows, 'age');
  const mack = mackChainLadder(small, { sigma: 10 });

  it('works out by hand for two a priori ultimates', () => {
    const bf = bornhuetterFerguson(mack, [{ expected: 190, premium: null, loss_ratio: null }, { expected: 200, premium: null, loss_ratio: null }, { expected: 250, premium: null, loss_ratio: null }]);
    // 2021: G = 1.2, p = 1/1.2, q = 1/6; ultimate = 165 + 200/6 = 198.3333.
    expect(bf.origins[1].ultimate).toBeCloseTo(165 + 200 / 6, 10);
    // Process: the step 2 → 3 from the BF path's level U/G₂ = 198.3333/1.2, times σ₂² = 100 (G₃ = 1).
    expect(bf.origins[1].process_se ** 2).toBeCloseTo((198.33333333333334 / 1.2) * 100, 8);
    // Parameter: U₀²·p²·(se₂/f₂)² = 200² · (1/1.2)² · (100/150)/1.44.
    expect(bf.origins[1].parameter_se ** 2).toBeCloseTo(200 ** 2 * (1 / 1.2) ** 2 * (100 / 150 / 1.44), 8);
    // 2022: G = 1.8, q = 0.8/1.8; ultimate = 120 + 250·0.8/1.8. σ₁ = 0, so only step 2 → 3 adds process variance:
    // level U/G₂ = ultimate/1.2, σ₂² = 100. Parameter: 250²·(1/1.8)²·(100/150)/1.44 (se₁ = 0).
    const u = 120 + (250 * 0.8) / 1.8;
    expect(bf.origins[2].process_se ** 2).toBeCloseTo((u / 1.2) * 100, 8);
    expect(bf.origins[2].parameter_se ** 2).toBeCloseTo(250 ** 2 * (1 / 1.8) ** 2 * (100 / 150 / 1.44), 8);
    // The total's parameter variance shares se₂ between the two: (200/1.2 + 250/1.8)² · (100/150)/1.44.
    expect(bf.total.parameter_se ** 2).toBeCloseTo((200 / 1.2 + 250 / 1.8) ** 2 * (100 / 150 / 1.44), 8);
  });

  it('is exactly Mack\'s error for the chain ladder, and for BF with the chain-ladder ultimate as a priori has Mack\'s process error', async () => {
    const raaMack = mackChainLadder(raa);
    // Chain ladder: U = C·G, ∂R/∂q = C·G².
    const v = mackStyleVariances(raaMack, raaMack.origins.map((o) => ({ ultimate: o.ultimate, dq: o.latest / o.development_to_date ** 2, prior_variance: 0 })));
    raaMack.origins.forEach((o, i) => {
      expect(Math.sqrt(v.process[i])).toBeCloseTo(o.process_se, 6);
      expect(Math.sqrt(v.parameter[i])).toBeCloseTo(o.parameter_se, 6);
    });
    expect(Math.sqrt(v.total_process + v.total_parameter)).toBeCloseTo(26880.74, 2);
    // BF with U₀ = the chain-ladder ultimate reproduces the ultimate and Mack's process error; the pattern's error
    // is scaled by p = 1/G (BF's reserve U₀·(1 − p) moves less with the pattern than C·(G − 1)).
    const bf = bornhuetterFerguson(raaMack, raaMack.origins.map((o) => ({ expected: o.ultimate, premium: null, loss_ratio: null })));
    bf.origins.forEach((o, i) => {
      expect(o.ultimate).toBeCloseTo(raaMack.origins[i].ultimate, 6);
      expect(o.process_se).toBeCloseTo(raaMack.origins[i].process_se, 6);
      expect(o.parameter_se).toBeCloseTo(raaMack.origins[i].parameter_se * raaMack.origins[i].development_to_date, 6);
    });
  });

  it('adds the a priori\'s own uncertainty when its coefficient of variation is given', () => {
    const known = bornhuetterFerguson(mack, [0, 200, 250].map((e) => ({ expected: e, premium: null, loss_ratio: null })));
    const uncertain = bornhuetterFerguson(mack, [0, 200, 250].map((e) => ({ expected: e, premium: null, loss_ratio: null })), { priorCv: 0.1 });
    // 2021: (q·cv·U₀)² = (1/6 · 0.1 · 200)² added to the parameter variance.
    expect(uncertain.origins[1].parameter_se ** 2 - known.origins[1].parameter_se ** 2).toBeCloseTo((200 / 6 / 10) ** 2, 8);
    expect(uncertain.se_basis).toContain('coefficient of variation 0.1');
  });
});
