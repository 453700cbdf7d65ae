import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { loadTable } from '../../src/data/readTable';
import { triangleFromRows } from '../../src/lossratio/triangle';
import { openData } from '../../src/studies/openData';
import { reserve } from '../../src/studies/reserve';
import { REFERENCE_DATA } from '../fixtures/reference';

const RAA = path.join(REFERENCE_DATA, 'raa.csv');

describe('reserve(): the reserves of a triangle as a typed study', () => {
  it('reproduces R ChainLadder\'s MackChainLadder(RAA) total from the triangle table, recording the file read', async () => {
    const table = await loadTable(RAA, 'triangle');
    const r = reserve(table);
    // Source: R ChainLadder reference, summary.MackChainLadder example (MackChainLadder(RAA), default est.sigma): Totals IBNR 52,135.23, Mack.S.E 26,880.74.
    expect(r.method.estimate.total.ibnr.toFixed(2)).toBe('52135.23');
    expect(r.method.estimate.total.se.toFixed(2)).toBe('26880.74');
    expect(r.inputs).toEqual([table.file]);
    expect(Object.isFrozen(r)).toBe(true);
    // The same triangle built by hand gives the same reserve, and records no file.
    const byHand = reserve(triangleFromRows(table.rows));
    expect(byHand.method.estimate.total).toEqual(r.method.estimate.total);
    expect(byHand.inputs).toEqual([]);
  });

  it('reserves the sample company\'s triangle from its opened data folder, and refuses Bornhuetter–Ferguson without an a priori', async () => {
    const data = await openData(path.join(__dirname, '..', '..', 'data', 'sample'));
    const r = reserve(await data.table('triangle'));
    const origins = r.method.estimate.origins;
    // Invariant: the total is the sum of the origins.
    expect(r.method.estimate.total.ibnr).toBeCloseTo(origins.reduce((s, o) => s + o.ibnr, 0), 6);
    expect(() => reserve(r.triangle, { method: 'bf' })).toThrow(InputError);
  });
});
