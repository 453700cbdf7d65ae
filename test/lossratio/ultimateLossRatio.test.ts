import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import { parseCsvText } from '../../src/data/readCsv';
import type { PremiumRow, TriangleRow } from '../../src/data/rows';
import { mackChainLadder } from '../../src/lossratio/mackChainLadder';
import { triangleFromRows } from '../../src/lossratio/triangle';
import { ultimateLossRatios } from '../../src/lossratio/ultimateLossRatio';

// A three-origin paid triangle. Hand computation: f₁ = (150 + 165)/(100 + 110) = 1.5, f₂ = 180/150 = 1.2.
// Ultimates: 2020 180; 2021 165 × 1.2 = 198; 2022 120 × 1.5 × 1.2 = 216.
const triangle = triangleFromRows(
  parseTable<TriangleRow>('triangle', parseCsvText('t.csv', 'origin,development,value\n2020,1,100\n2020,2,150\n2020,3,180\n2021,1,110\n2021,2,165\n2022,1,120\n')).rows,
);
const premiums = (csv: string) => parseTable<PremiumRow>('premiums', parseCsvText('premiums.csv', csv)).rows;

describe('ultimateLossRatios()', () => {
  const mack = mackChainLadder(triangle, { sigma: 0 });

  it('divides each origin\'s ultimate by its earned premium', () => {
    expect(mack.origins.map((o) => o.ultimate)).toEqual([180, expect.closeTo(198, 10), expect.closeTo(216, 10)]);
    const r = ultimateLossRatios(mack, premiums('origin,premium\n2020,300.00\n2021,"330.00"\n2022,400.00\n'));
    expect(r.map((x) => x.ultimate_loss_ratio)).toEqual([0.6, expect.closeTo(0.6, 12), expect.closeTo(0.54, 12)]);
    expect(r[0].premium).toBe(30000);
  });

  it('leaves the ratio empty for an origin without premium', () => {
    const r = ultimateLossRatios(mack, premiums('origin,已赚保费\n2020,300.00\n'));
    expect(r[1]).toEqual({ origin: 2021, premium: null, ultimate_loss_ratio: null, ultimate_loss_ratio_se: null });
  });

  it('rejects a premium for an origin the triangle does not have', () => {
    expect(() => ultimateLossRatios(mack, premiums('origin,premium\n2019,300.00\n'), 'premiums.csv')).toThrow(InputError);
    expect(() => ultimateLossRatios(mack, premiums('origin,premium\n2019,300.00\n'), 'premiums.csv')).toThrow('premiums.csv, row 2, column origin: expected an origin year of the triangle (2020–2022), found "2019"');
  });
});
