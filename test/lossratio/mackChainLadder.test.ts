import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/data/readTable';
import type { TriangleRow } from '../../src/data/rows';
import { developmentFactors } from '../../src/lossratio/developmentFactors';
import { mackChainLadder } from '../../src/lossratio/mackChainLadder';
import { type Triangle, triangleFromRows } from '../../src/lossratio/triangle';
import { REFERENCE_DATA } from '../fixtures/reference';

const REFERENCE = REFERENCE_DATA;
let raaRows: readonly TriangleRow[];
let raa: Triangle;
let genins: Triangle;

beforeAll(async () => {
  raaRows = (await loadTable(path.join(REFERENCE, 'raa.csv'), 'triangle')).rows;
  raa = triangleFromRows(raaRows);
  genins = triangleFromRows((await loadTable(path.join(REFERENCE, 'genins.csv'), 'triangle')).rows);
});

const rounded = (values: readonly number[]) => values.map((v) => Math.round(v));

/** A triangle from rows of incremental amounts (origin i, ages 1…). */
function cumulativeTriangle(firstOrigin: number, increments: number[][]): Triangle {
  const rows: TriangleRow[] = [];
  increments.forEach((row, i) => {
    let c = 0;
    row.forEach((v, k) => {
      c += v;
      rows.push({ origin: firstOrigin + i, development: k + 1, value: c, source_row: rows.length + 2, attributes: {} });
    });
  });
  return triangleFromRows(rows);
}

describe('RAA (Mack 1994; R ChainLadder `RAA`)', () => {
  it('reads the development column as valuation years', () => {
    expect(raa.development).toBe('valuation');
    expect(raa.origins).toEqual([1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990]);
    expect(raa.ages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('has the cumulative development factors of chainladder-python (docs/modules/tails.rst, RAA `cdf_`)', () => {
    // 12-Ult … 108-Ult: 8.920234 2.974047 1.831848 1.441392 1.230198 1.104917 1.060448 1.026309 1.009217
    const f = developmentFactors(raa).factors;
    const cdf = f.map((_, k) => f.slice(k).reduce((a, x) => a * x, 1));
    expect(cdf.map((x) => x.toFixed(6))).toEqual(['8.920234', '2.974047', '1.831848', '1.441392', '1.230198', '1.104917', '1.060448', '1.026309', '1.009217']);
  });

  it('reproduces R ChainLadder\'s documented MackChainLadder(RAA) to the cent', () => {
    // Source: R ChainLadder reference, summary.MackChainLadder example (MackChainLadder(RAA), default est.sigma):
    // IBNR 0 154 617 1,636 2,747 3,649 5,435 10,907 10,650 16,339; Mack.S.E 0 143 592 713 1,452 1,995 2,204
    // 5,354 6,332 24,566; Totals: Latest 160,987.00, Ultimate 213,122.23, IBNR 52,135.23, Mack.S.E 26,880.74.
    const m = mackChainLadder(raa);
    expect(rounded(m.origins.map((o) => o.ibnr))).toEqual([0, 154, 617, 1636, 2747, 3649, 5435, 10907, 10650, 16339]);
    expect(rounded(m.origins.map((o) => o.mack_se))).toEqual([0, 143, 592, 713, 1452, 1995, 2204, 5354, 6332, 24566]);
    expect(m.total.latest.toFixed(2)).toBe('160987.00');
    expect(m.total.ultimate.toFixed(2)).toBe('213122.23');
    expect(m.total.ibnr.toFixed(2)).toBe('52135.23');
    expect(m.total.mack_se.toFixed(2)).toBe('26880.74');
    // R's default is the log-linear σ extrapolation; it keeps it because the slope is significant.
    expect(m.sigma_fill.method).toBe('loglinear');
    expect(m.sigma_fill.loglinear!.p_value!).toBeLessThan(0.05);
  });

  it('differs under Mack\'s σ rule only through σ of the last period', () => {
    const rule = mackChainLadder(raa, { sigma: 'mack' });
    const loglinear = mackChainLadder(raa, { sigma: 'loglinear' });
    const s = developmentFactors(raa).sigma as number[];
    expect(rule.sigma[8]).toBeCloseTo(Math.sqrt(Math.min(s[7] ** 4 / s[6] ** 2, s[6] ** 2, s[7] ** 2)), 12);
    expect(rule.total.mack_se).not.toBeCloseTo(loglinear.total.mack_se, 0);
    // Giving the log-linear σ₉ as a number turns Mack's-rule results into the log-linear ones.
    const given = mackChainLadder(raa, { sigma: loglinear.sigma[8] });
    expect(given.total.mack_se).toBeCloseTo(loglinear.total.mack_se, 8);
    expect(given.origins.map((o) => o.mack_se)).toEqual(loglinear.origins.map((o) => expect.closeTo(o.mack_se, 8)));
  });

  it('fits the log-linear tail of chainladder-python\'s TailCurve on RAA (docs/modules/tails.rst: 1.0094357515812302)', () => {
    const m = mackChainLadder(raa, { tail: 'loglinear' });
    expect(m.tail!.factor).toBeCloseTo(1.0094357515812302, 14);
    const without = mackChainLadder(raa);
    m.origins.forEach((o, i) => expect(o.ultimate).toBeCloseTo(without.origins[i].ultimate * m.tail!.factor, 8));
  });

  it('gives the same result whatever the order of the rows, and with development written as ages', async () => {
    const shuffled = [...raaRows].reverse();
    expect(mackChainLadder(triangleFromRows(shuffled)).total).toEqual(mackChainLadder(raa).total);
    const asAges = raaRows.map((r) => ({ ...r, development: r.development - r.origin + 1 }));
    const aged = triangleFromRows(asAges);
    expect(aged.development).toBe('age');
    expect(mackChainLadder(aged).origins).toEqual(mackChainLadder(raa).origins);
  });

  it('adds up: IBNR by origin to the total, process variances to the total process variance', () => {
    const m = mackChainLadder(raa);
    expect(m.origins.reduce((a, o) => a + o.ibnr, 0)).toBeCloseTo(m.total.ibnr, 6);
    expect(m.origins.reduce((a, o) => a + o.process_se ** 2, 0)).toBeCloseTo(m.total.process_se ** 2, 2);
    // The shared factors correlate the origins, so the total error exceeds the root sum of squares.
    expect(m.total.mack_se).toBeGreaterThan(Math.sqrt(m.origins.reduce((a, o) => a + o.mack_se ** 2, 0)));
  });
});

describe('GenIns (Taylor & Ashe 1983; the numerical example of Mack 1993)', () => {
  it('reproduces Mack (1993)\'s reserves and standard errors with Mack\'s σ rule', () => {
    // Source: Mack (1993), ASTIN Bulletin 23(2), numerical example; reproduced in England & Verrall (2002),
    // British Actuarial Journal 8(3), table of the Taylor & Ashe data: reserves 94,634 469,511 709,638 984,889
    // 1,419,459 2,177,641 3,920,301 4,278,972 4,625,811 (total 18,680,856); standard errors 75,535 121,699
    // 133,549 261,406 411,010 558,317 875,328 971,258 1,363,155 (total 2,447,095).
    const m = mackChainLadder(genins, { sigma: 'mack' });
    expect(rounded(m.origins.map((o) => o.ibnr))).toEqual([0, 94634, 469511, 709638, 984889, 1419459, 2177641, 3920301, 4278972, 4625811]);
    expect(rounded(m.origins.map((o) => o.mack_se))).toEqual([0, 75535, 121699, 133549, 261406, 411010, 558317, 875328, 971258, 1363155]);
    expect(Math.round(m.total.ibnr)).toBe(18680856);
    expect(Math.round(m.total.mack_se)).toBe(2447095);
  });

  it('has Mack (1993)\'s development factors (England & Verrall 2002: 3.4906 1.7473 1.4574 1.1739 1.1038 1.0863 1.0539 1.0766 1.0177)', () => {
    expect(developmentFactors(genins).factors.map((f) => f.toFixed(4))).toEqual(['3.4906', '1.7473', '1.4574', '1.1739', '1.1038', '1.0863', '1.0539', '1.0766', '1.0177']);
  });

  it('differs from Mack (1993) under R\'s default only through the extrapolated σ₉', () => {
    const auto = mackChainLadder(genins);
    expect(auto.sigma_fill.method).toBe('loglinear');
    expect(Math.round(auto.total.mack_se)).not.toBe(2447095);
    const rule = mackChainLadder(genins, { sigma: 'mack' });
    expect(mackChainLadder(genins, { sigma: rule.sigma[8] }).total.mack_se).toBeCloseTo(rule.total.mack_se, 6);
  });
});

describe('UKMotor (Christofides 1997, Claims Reserving Manual D5.17)', () => {
  it('reproduces R ChainLadder\'s documented MackChainLadder(UKMotor, est.sigma = "Mack")', () => {
    // Incremental payments as published by Christofides (1997) and in the R ChainLadder data set UKMotor.
    // Source of the results: R ChainLadder reference, UKMotor example: Mack.S.E 0.00 3.62 22.90 141.98 426.70
    // 692.39 900.58; Totals: Ultimate 104,327.77, IBNR 28,655.77, Mack.S.E 1,417.27.
    const uk = cumulativeTriangle(2007, [
      [3511, 3215, 2266, 1712, 1059, 587, 340],
      [4001, 3702, 2278, 1180, 956, 629],
      [4355, 3932, 1946, 1522, 1238],
      [4295, 3455, 2023, 1320],
      [4150, 3747, 2320],
      [5102, 4548],
      [6283],
    ]);
    const m = mackChainLadder(uk, { sigma: 'mack' });
    expect(m.origins.map((o) => o.mack_se.toFixed(2))).toEqual(['0.00', '3.62', '22.90', '141.98', '426.70', '692.39', '900.58']);
    expect(m.total.ultimate.toFixed(2)).toBe('104327.77');
    expect(m.total.ibnr.toFixed(2)).toBe('28655.77');
    expect(m.total.mack_se.toFixed(2)).toBe('1417.27');
  });
});

describe('tail factors (Mack 1999 §4; R ChainLadder tail.SE)', () => {
  it('scales every error by the tail when the tail itself is certain', () => {
    // With tail.se = tail.sigma = 0 the last step only multiplies by the tail: C·0 + se²·f².
    const base = mackChainLadder(raa);
    const tailed = mackChainLadder(raa, { tail: 1.05, tailSe: 0, tailSigma: 0 });
    tailed.origins.forEach((o, i) => {
      expect(o.ultimate).toBeCloseTo(base.origins[i].ultimate * 1.05, 8);
      expect(o.mack_se).toBeCloseTo(base.origins[i].mack_se * 1.05, 8);
    });
    expect(tailed.total.mack_se).toBeCloseTo(base.total.mack_se * 1.05, 6);
  });

  it('adds the tail\'s process and parameter variance to the total as Mack (1999) does', () => {
    // total² = (1.05·T)² + Σ Cᵢ·σ² + (Σ Cᵢ)²·se², Cᵢ the ultimates before the tail.
    const base = mackChainLadder(raa);
    const tailed = mackChainLadder(raa, { tail: 1.05, tailSe: 0.02, tailSigma: 5 });
    const sumC = base.origins.reduce((a, o) => a + o.ultimate, 0);
    const expected = Math.sqrt((1.05 * base.total.mack_se) ** 2 + sumC * 5 ** 2 + sumC ** 2 * 0.02 ** 2);
    expect(tailed.total.mack_se).toBeCloseTo(expected, 6);
  });

  it('extrapolates the tail\'s standard error and σ log-linearly to where the tail sits on the factor curve', () => {
    const tailed = mackChainLadder(raa, { tail: 1.05 });
    const base = mackChainLadder(raa);
    // Hand OLS of y on x = 1…9 (closed form), evaluated at the tail's position.
    const ols = (ys: number[]) => {
      const xs = ys.map((_, i) => i + 1);
      const mx = xs.reduce((a, x) => a + x, 0) / xs.length;
      const my = ys.reduce((a, y) => a + y, 0) / ys.length;
      const b = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      return { a: my - b * mx, b };
    };
    const f = ols(base.factors.map((x) => Math.log(x - 1)));
    const position = (Math.log(0.05) - f.a) / f.b;
    const se = ols(base.factor_se.map(Math.log));
    const sigma = ols(base.sigma.map(Math.log));
    expect(tailed.tail!.se).toBeCloseTo(Math.exp(se.a + se.b * position), 12);
    expect(tailed.tail!.sigma).toBeCloseTo(Math.exp(sigma.a + sigma.b * position), 10);
  });

  it('rejects a tail factor below 1', () => {
    expect(() => mackChainLadder(raa, { tail: 0.99 })).toThrow(RangeError);
  });
});
