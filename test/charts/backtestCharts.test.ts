import { describe, expect, it } from 'vitest';
import type { MeasureCell } from '../../src/backtest/backtest';
import { aeOverPeriodsFigure, measureHeatmapFigure } from '../../src/charts/backtestCharts';

const cell = (product_code: string, period: string, ae: number, level: MeasureCell['level'] = null): MeasureCell => ({
  indicator: 'lapse',
  product_code,
  period,
  ae,
  ci_low: ae - 0.1,
  ci_high: ae + 0.1,
  level,
  persistent: level ? 1 : 0,
  direction: ae > 1 ? 1 : -1,
  significant: true,
});

describe('backtest charts', () => {
  // B starts two quarters after A: the axis must still run in time order.
  const measures = [cell('B', '2024Q3', 1.2, 'attention'), cell('B', '2024Q4', 1.3, 'adjust'), cell('A', '2024Q1', 0.9), cell('A', '2024Q2', 1.0), cell('A', '2024Q3', 1.05)];

  it('draws A/E over periods in time order, one line and one confidence band per product', () => {
    const figure = aeOverPeriodsFigure(measures, 'lapse');
    expect((figure.layout.xaxis as { categoryarray: string[] }).categoryarray).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    const lines = figure.data.filter((t) => t.mode === 'lines+markers');
    expect(lines.map((t) => t.name)).toEqual(['B', 'A']);
    const band = figure.data.find((t) => t.fill === 'toself' && t.legendgroup === 'B')!;
    // The band goes out along the upper bounds and back along the lower ones.
    expect(band.y).toEqual([1.3, 1.4000000000000001, 1.2, 1.0999999999999999]);
  });

  it('colours the heat map by measure: none 0, attention 1 … disclose 4', () => {
    const figure = measureHeatmapFigure(measures);
    const heat = figure.data[0] as { x: string[]; y: string[]; z: (number | null)[][] };
    expect(heat.x).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(heat.y).toEqual(['B lapse', 'A lapse']);
    expect(heat.z).toEqual([[null, null, 1, 2], [0, 0, 0, null]]);
  });
});
