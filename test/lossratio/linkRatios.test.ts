import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/data/readTable';
import type { TriangleRow } from '../../src/data/rows';
import { calendarYearTest, factorCorrelationTest } from '../../src/lossratio/chainLadderTests';
import { developmentFactors } from '../../src/lossratio/developmentFactors';
import { mackChainLadder } from '../../src/lossratio/mackChainLadder';
import { chainLadderResiduals } from '../../src/lossratio/residuals';
import { loglinearTail } from '../../src/lossratio/tailFactor';
import { type Triangle, triangleFromRows } from '../../src/lossratio/triangle';
import { referencePath } from '../fixtures/reference';

let raa: Triangle;
let genins: Triangle;

beforeAll(async () => {
  raa = triangleFromRows((await loadTable(referencePath('raa.csv'), 'triangle')).rows);
  genins = triangleFromRows((await loadTable(referencePath('genins.csv'), 'triangle')).rows);
});

const cdf = (f: readonly number[]) => f.map((_, k) => f.slice(k).reduce((a, x) => a * x, 1));
const round = (xs: readonly number[], d: number) => xs.map((x) => Number(x.toFixed(d)));

describe('link-ratio choices (chainladder-python Development; R ChainLadder MackChainLadder weights and alpha)', () => {
  it('averages the link ratios straight with the simple average (R docs: MackChainLadder(GenIns, alpha = 0)$f = the column means)', () => {
    const f = developmentFactors(genins, { average: 'simple' }).factors;
    genins.ages.slice(0, -1).forEach((_, k) => {
      const ratios = genins.values.flatMap((row) => (k + 1 < row.length ? [row[k + 1]! / row[k]!] : []));
      expect(f[k]).toBeCloseTo(ratios.reduce((a, x) => a + x, 0) / ratios.length, 12);
    });
  });

  it('regresses through the origin with the regression average: f = Σ C·C\' ÷ Σ C² (α = 2)', () => {
    const f = developmentFactors(raa, { average: 'regression' }).factors[0];
    const pairs = raa.values.flatMap((row) => (row.length > 1 ? [[row[0]!, row[1]!]] : []));
    expect(f).toBeCloseTo(pairs.reduce((a, [x, y]) => a + x * y, 0) / pairs.reduce((a, [x]) => a + x * x, 0), 12);
  });

  it('excludes chosen cells and a valuation year as chainladder-python documents (drop=(\'1982\', 12), drop_valuation=\'1988\')', () => {
    // Source: chainladder-python docs/user_guide/development.ipynb, "Transforming": ldf_ 2.662527 1.544686 1.297522
    // 1.171947 1.113358 1.046817 1.029409 1.033088 1.009217.
    const f = developmentFactors(raa, { exclude: [{ origin: 1982, age: 1 }], excludeValuations: [1988] }).factors;
    expect(round(f, 6)).toEqual([2.662527, 1.544686, 1.297522, 1.171947, 1.113358, 1.046817, 1.029409, 1.033088, 1.009217]);
  });

  it('excludes the highest and lowest link ratios, keeping at least one (chainladder-python tests, drop_high=1, drop_low=1)', () => {
    // Source: chainladder-python development/tests/test_development.py::test_drophighlow: cdf_ 9.0982 2.8731 1.8320
    // 1.4713 1.2522 1.0963 1.0604 1.0263 1.0092 (the last two periods keep their link ratios: fewer than three).
    const d = developmentFactors(raa, { excludeHigh: 1, excludeLow: 1 });
    expect(round(cdf(d.factors), 4)).toEqual([9.0982, 2.8731, 1.832, 1.4713, 1.2522, 1.0963, 1.0604, 1.0263, 1.0092]);
    expect(d.selection.relaxed).toEqual([7, 8]);
  });

  it('uses the latest calendar periods only, then excludes high and low (n_periods=5, drop_high=1, drop_low=1)', () => {
    // Source: the same test: cdf_ 16.3338 3.2092 1.8124 1.4793 1.2522 1.0963 1.0604 1.0263 1.0092.
    const f = developmentFactors(raa, { periods: 5, excludeHigh: 1, excludeLow: 1 }).factors;
    expect(round(cdf(f), 4)).toEqual([16.3338, 3.2092, 1.8124, 1.4793, 1.2522, 1.0963, 1.0604, 1.0263, 1.0092]);
  });

  it('stops development at the age limit: factors 1 and no variance from it on', () => {
    const limited = mackChainLadder(raa, { linkRatios: { maxAge: 8 } });
    const full = developmentFactors(raa).factors;
    expect(limited.factors.slice(0, 7)).toEqual(full.slice(0, 7));
    expect(limited.factors.slice(7)).toEqual([1, 1]);
    expect(limited.factor_se.slice(7)).toEqual([0, 0]);
    // 1982 sits at age 9, beyond the limit: no reserve and no error.
    expect(limited.origins[1].ibnr).toBe(0);
    expect(limited.origins[1].mack_se).toBe(0);
  });

  it('names a chosen cell the triangle does not have', () => {
    expect(() => developmentFactors(raa, { exclude: [{ origin: 1990, age: 1 }] }, 'raa.csv')).toThrow('expected a link ratio of the triangle, named by origin and the age it starts from (e.g. 1981:1), found "1990:1"');
  });

  it('refuses to leave a development period with no link ratio', () => {
    expect(() => developmentFactors(raa, { exclude: [{ origin: 1981, age: 9 }] }, 'raa.csv')).toThrow('at least one link ratio from age 9 to 10');
  });
});

describe('triangles with missing interior cells (R ChainLadder NA cells)', () => {
  // 2020: 100, —, 180, 190; 2021: 110, 150, 170; 2022: 120, 160; 2023: 130. The missing 2020 age-2 cell removes
  // 2020's link ratios 1→2 and 2→3: f₁ = 150/110 ∪ 160/120 = (150 + 160)/(110 + 120), f₂ = 170/150, f₃ = 190/180.
  const rows: TriangleRow[] = [[2020, 1, 100], [2020, 3, 180], [2020, 4, 190], [2021, 1, 110], [2021, 2, 150], [2021, 3, 170], [2022, 1, 120], [2022, 2, 160], [2023, 1, 130]].map(([origin, development, value], i) => ({ origin, development, value, source_row: i + 2, attributes: {} }));
  const t = triangleFromRows(rows, 'age');

  it('leaves out the link ratios that need the missing cell and develops each origin from its latest value', () => {
    expect(t.missing).toEqual([{ origin: 2020, age: 2, kind: 'interior' }]);
    const m = mackChainLadder(t, { sigma: 1 });
    expect(m.factors[0]).toBeCloseTo(310 / 230, 12);
    expect(m.factors[1]).toBeCloseTo(170 / 150, 12);
    expect(m.factors[2]).toBeCloseTo(190 / 180, 12);
    expect(m.counts).toEqual([2, 1, 1]);
    expect(m.origins[0].ibnr).toBe(0);
    expect(m.origins[3].ultimate).toBeCloseTo(130 * (310 / 230) * (170 / 150) * (190 / 180), 10);
  });
});

describe('Mack\'s (1994) tests of the chain-ladder assumptions', () => {
  it('finds no calendar-year effect in RAA: Z = 14, E[Z] = 12.875 (R ChainLadder unit test of cyEffTest(RAA); Mack 1994)', () => {
    const test = calendarYearTest(raa);
    expect(test.z).toBe(14);
    expect(test.expected).toBeCloseTo(12.875, 12);
    expect(test.effect).toBe(false);
    expect(test.low).toBeLessThan(14);
    expect(test.high).toBeGreaterThan(14);
  });

  it('finds no correlation of subsequent factors in RAA: T = 0.06955782, Var = 1/28 (R ChainLadder unit test of dfCorTest(RAA))', () => {
    const test = factorCorrelationTest(raa);
    expect(test.t!).toBeCloseTo(0.06955782, 8);
    expect(test.variance!).toBeCloseTo(0.03571429, 8);
    expect(test.correlated).toBe(false);
  });

  it('flags a planted calendar-year effect: amounts jump 20% in the calendar years 1983, 1985, 1987 and 1989', () => {
    // Every cumulative amount valued in or after a shock year (and after its origin year) is 1.2 times higher per
    // shock passed: the link ratios ending in those years are all large, the next ones small, so Z falls to 6.
    const shocks = [1983, 1985, 1987, 1989];
    const bent = triangleFromRows(
      raa.values.flatMap((row, i) =>
        row.map((v, k) => {
          const year = raa.origins[i] + k;
          return { origin: raa.origins[i], development: year, value: v! * 1.2 ** shocks.filter((s) => s <= year && s > raa.origins[i]).length, source_row: 2, attributes: {} };
        }),
      ),
    );
    const test = calendarYearTest(bent);
    expect(test.z).toBe(6);
    expect(test.effect).toBe(true);
  });
});

describe('standardised residuals (chainladder-python Development().std_residuals_)', () => {
  it('gives the documented residuals of RAA\'s first development period', () => {
    // Source: chainladder-python docs/user_guide/development.ipynb, std_residuals_ column 12:
    // -0.572151 2.307508 -0.126737 -0.430543 1.139843 0.293597 0.596140 0.471658 -0.428176
    const r = chainLadderResiduals(mackChainLadder(raa)).filter((x) => x.age === 1);
    expect(round(r.map((x) => x.residual!), 6)).toEqual([-0.572151, 2.307508, -0.126737, -0.430543, 1.139843, 0.293597, 0.59614, 0.471658, -0.428176]);
    expect(r[0].calendar).toBe(1982);
  });

  it('has no residual where σ rests on one link ratio', () => {
    const r = chainLadderResiduals(mackChainLadder(raa)).filter((x) => x.age === 9);
    expect(r).toEqual([expect.objectContaining({ origin: 1981, residual: null })]);
  });
});

describe('the log-linear tail says when it is not fitted, and why (R ChainLadder tailfactor)', () => {
  it('tests the third- and second-to-last factors, as R does', () => {
    // f = 1.5, 1.00004, 1.00005, 1.2: the last factor alone would suggest development, but R tests f[n−2]·f[n−1].
    const tail = loglinearTail([1.5, 1.00004, 1.00005, 1.2]);
    expect(tail.factor).toBe(1);
    expect(tail.fitted).toBe(false);
    expect(tail.note).toBe('not fitted: the third- and second-to-last factors (1.000040 × 1.000050 = 1.000090) show no further development (R ChainLadder fits a tail only above 1.0001)');
  });

  it('says when a fitted tail is reset', () => {
    const tail = loglinearTail([3, 2.5, 2.2, 2]);
    expect(tail.factor).toBe(1);
    expect(tail.fitted).toBe(true);
    expect(tail.note).toMatch(/^reset to 1: the fitted tail \d+\.\d{4} exceeds 2/);
  });
});
