import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import { parseCsvText } from '../../src/data/readCsv';
import type { TriangleRow } from '../../src/data/rows';
import { latestValues, triangleFromRows } from '../../src/lossratio/triangle';

const rows = (csv: string) => parseTable<TriangleRow>('triangle', parseCsvText('triangle.csv', csv)).rows;

describe('triangleFromRows()', () => {
  it('reads valuation years into ages counted from the origin year', () => {
    const t = triangleFromRows(rows('origin,development,value\n2020,2020,100\n2020,2021,150\n2021,2021,110\n'));
    expect(t.development).toBe('valuation');
    expect(t.ages).toEqual([1, 2]);
    expect(t.values).toEqual([[100, 150], [110]]);
    expect(latestValues(t)).toEqual([150, 110]);
  });

  it('reads ages as given (months here) when a development precedes its origin', () => {
    const t = triangleFromRows(rows('事故年度,进展年度,累计赔款\n2020,12,100\n2020,24,150\n2021,12,110\n'));
    expect(t.development).toBe('age');
    expect(t.ages).toEqual([12, 24]);
  });

  it('keeps a gap in an origin\'s development as a missing interior cell', () => {
    const csv = 'origin,development,value\n2020,1,100\n2020,3,170\n2021,1,110\n2020,2,150\n2021,3,190\n';
    const t = triangleFromRows(rows(csv), 'age', 'triangle.csv');
    expect(t.values).toEqual([[100, 150, 170], [110, null, 190]]);
    expect(t.missing).toEqual([{ origin: 2021, age: 2, kind: 'interior' }]);
    expect(latestValues(t)).toEqual([170, 190]);
  });

  it('rejects a valuation year before the origin when valuation years are asked for', () => {
    expect(() => triangleFromRows(rows('origin,development,value\n2020,2019,100\n2020,2020,150\n'), 'valuation', 'triangle.csv')).toThrow(
      'triangle.csv, row 2, column development: expected a valuation year not before the origin year 2020, found "2019"',
    );
  });

  it('rejects a triangle too small for a chain ladder', () => {
    expect(() => triangleFromRows(rows('origin,development,value\n2020,1,100\n2020,2,150\n'))).toThrow(/at least two origins and two development ages/);
  });
});

describe('developmentFactors()', () => {
  it('rejects a zero amount that a factor divides by, naming the row, origin and age', async () => {
    const { developmentFactors } = await import('../../src/lossratio/developmentFactors');
    const t = triangleFromRows(rows('origin,development,value\n2020,1,0\n2020,2,150\n2021,1,110\n'));
    expect(() => developmentFactors(t, {}, 'triangle.csv')).toThrow('triangle.csv, row 2, column value: expected a positive cumulative amount for origin 2020 at age 1 (a link ratio divides by it), found "0"');
  });
});

describe('completeSigmas()', () => {
  it('fills nothing, and says so, when every σ could be estimated', async () => {
    const { completeSigmas } = await import('../../src/lossratio/sigmaExtrapolation');
    expect(completeSigmas([3, 2, 1], 'mack')).toEqual({ sigma: [3, 2, 1], filled: [], method: 'none', loglinear: null });
  });

  it('applies Mack\'s rule σ²ₙ₋₁ = min(σ⁴ₙ₋₂/σ²ₙ₋₃, σ²ₙ₋₃, σ²ₙ₋₂)', async () => {
    const { completeSigmas } = await import('../../src/lossratio/sigmaExtrapolation');
    // min(2⁴/4², 4², 2²) = min(1, 16, 4) = 1 → σ = 1
    expect(completeSigmas([4, 2, null], 'mack').sigma[2]).toBe(1);
    // min(3⁴/2², 2², 3²) = min(20.25, 4, 9) = 4 → σ = 2
    expect(completeSigmas([2, 3, null], 'mack').sigma[2]).toBe(2);
  });

  it('refuses Mack\'s rule without two σ before the missing one', async () => {
    const { completeSigmas } = await import('../../src/lossratio/sigmaExtrapolation');
    expect(() => completeSigmas([2, null], 'mack')).toThrow(RangeError);
  });

  it('falls back from log-linear to Mack\'s rule under auto when the slope is not significant', async () => {
    const { completeSigmas } = await import('../../src/lossratio/sigmaExtrapolation');
    // log σ = 1, 2, 1, 2 on k = 1…4: slope 0.2, t = 0.2 ÷ √(0.4/5) = 0.707 on 2 degrees of freedom, p ≈ 0.55.
    const r = completeSigmas([Math.E, Math.E ** 2, Math.E, Math.E ** 2, null], 'auto');
    expect(r.method).toBe('mack');
    expect(r.loglinear!.p_value!).toBeGreaterThan(0.05);
  });
});
