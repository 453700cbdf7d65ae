import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lossRatioFigure } from '../../src/charts/lossRatioChart';
import { ultimatesFigure } from '../../src/charts/reserveChart';
import { triangleHeatmapFigure } from '../../src/charts/triangleHeatmap';
import { loadTable } from '../../src/data/readTable';
import { earnedLossRatio } from '../../src/lossratio/earnedLossRatio';
import { financePeriods } from '../../src/lossratio/financePeriods';
import { lossRatioTrend } from '../../src/lossratio/lossRatioTrend';
import { mackChainLadder } from '../../src/lossratio/mackChainLadder';
import { type Triangle, triangleFromRows } from '../../src/lossratio/triangle';
import { referencePath } from '../fixtures/reference';
import { FINANCE_HEADER, financeRows, plainYear } from '../lossratio/tables';

const years = financePeriods(
  financeRows([FINANCE_HEADER, ...['400000.00', '420000.00', '410000.00'].map((c, i) => plainYear('P01', 2023 + i, '1000000.00', c)), plainYear('P02', 2025, '1000000.00', '250000.00')].join('\n')),
).years.map(earnedLossRatio);
const trends = [lossRatioTrend(years.filter((y) => y.product_code === 'P01'))!];

describe('lossRatioFigure()', () => {
  const figure = lossRatioFigure(years, trends);

  it('draws S2\'s 30% and 50% lines', () => {
    expect((figure.layout.shapes as { y0: number }[]).map((s) => s.y0)).toEqual([30, 50]);
  });

  it('draws each product\'s ratios in percent, and a trend with its band where there is one', () => {
    const names = figure.data.map((t) => t.name);
    expect(names).toEqual(['P01 band', 'P01 95% band', 'P01', 'P01 trend', 'P02']);
    expect(figure.data[2].y).toEqual([40, 42, 41]);
    expect(figure.data[3].x).toEqual([2023, 2024, 2025, 2026]);
  });

  it('is the same figure every time (pure)', () => {
    expect(JSON.stringify(lossRatioFigure(years, trends))).toBe(JSON.stringify(figure));
  });
});

describe('triangle and reserve charts', () => {
  let raa: Triangle;
  beforeAll(async () => {
    raa = triangleFromRows((await loadTable(referencePath('raa.csv'), 'triangle')).rows);
  });

  it('shows the triangle with empty cells beyond each origin\'s latest age', () => {
    const z = triangleHeatmapFigure(raa).data[0].z as (number | null)[][];
    expect(z[0]).toHaveLength(10);
    expect(z[9][0]).toBe(2063);
    expect(z[9][1]).toBeNull();
  });

  it('shows individual age-to-age factors (RAA 1981, 1→2: 8,269 ÷ 5,012)', () => {
    const z = triangleHeatmapFigure(raa, 'link_ratios').data[0].z as (number | null)[][];
    expect(z[0][0]).toBeCloseTo(8269 / 5012, 12);
    expect(z[8][0]).toBeCloseTo(5395 / 3133, 12);
    expect(z[9][0]).toBeNull();
  });

  it('puts ± one Mack standard error on each ultimate', () => {
    const mack = mackChainLadder(raa);
    const error = (ultimatesFigure(mack).data[1].error_y as { array: number[] }).array;
    expect(error).toEqual(mack.origins.map((o) => o.mack_se));
  });
});
