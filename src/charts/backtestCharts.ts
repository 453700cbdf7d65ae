import { compareCounts } from '../backtest/actualVsExpected';
import type { BacktestCell, MeasureCell } from '../backtest/backtest';
import type { StudyBasis } from '../exposure/studyBasis';
import { MEASURE_LEVELS, MEASURE_ZH } from '../backtest/measures';
import type { Figure } from './figure';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** A translucent version of a palette colour, for confidence bands. */
function band(colour: string): string {
  const n = Number.parseInt(colour.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},0.15)`;
}

/**
 * A/E over the periods of one indicator, one line per product, with the confidence band of each
 * product's A/E shaded and the line A/E = 1 marked.
 * @example aeOverPeriodsFigure(result.measures, 'lapse')
 */
export function aeOverPeriodsFigure(measures: readonly MeasureCell[], indicator: string): Figure {
  const rows = measures.filter((m) => m.indicator === indicator);
  const products = [...new Set(rows.map((m) => m.product_code))];
  // Periods in time order for the whole axis (a category axis would otherwise follow the first trace).
  const periods = [...new Set(rows.map((m) => m.period))].sort();
  const data: Record<string, unknown>[] = [];
  products.forEach((product, k) => {
    const series = rows.filter((m) => m.product_code === product);
    const colour = PALETTE[k % PALETTE.length];
    const withCi = series.filter((m) => m.ci_low !== null && m.ci_high !== null);
    if (withCi.length > 0) {
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: [...withCi.map((m) => m.period), ...withCi.map((m) => m.period).reverse()],
        y: [...withCi.map((m) => m.ci_high), ...withCi.map((m) => m.ci_low).reverse()],
        fill: 'toself',
        fillcolor: band(colour),
        line: { width: 0 },
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: product,
        name: `${product} CI`,
      });
    }
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      x: series.map((m) => m.period),
      y: series.map((m) => m.ae),
      name: product,
      legendgroup: product,
      line: { color: colour },
    });
  });
  return {
    data,
    layout: {
      title: { text: `A/E of ${indicator} by period (shaded: confidence interval)` },
      xaxis: { title: { text: 'Period' }, type: 'category', categoryorder: 'array', categoryarray: periods },
      yaxis: { title: { text: 'Actual ÷ expected' }, rangemode: 'tozero' },
      shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 1, y1: 1, line: { dash: 'dot', color: '#444' } }],
    },
  };
}

/**
 * A/E over the periods of one product's indicator, one line per value of a grouping column
 * (summing the other groupings), with each line's exact confidence band: the drill-down view.
 * @param confidence the level of the bands (BT-MEASURE's, 0.95 by default)
 * @example aeByGroupFigure(result.cells, 'calendar-quarter', 'TRM01', 'lapse', 'channel')
 */
export function aeByGroupFigure(cells: readonly BacktestCell[], basis: StudyBasis, product: string, indicator: string, column: string, confidence = 0.95): Figure {
  const sums = new Map<string, Map<string, { exposure: number; actual: number; expected: number }>>();
  for (const c of cells) {
    if (c.product_code !== product || c.indicator !== indicator || c.period === undefined) continue;
    const group = String(c.by[column] ?? 'unknown');
    const periods = sums.get(group) ?? new Map();
    sums.set(group, periods);
    const t = periods.get(c.period) ?? { exposure: 0, actual: 0, expected: 0 };
    t.exposure += c.exposure;
    t.actual += c.actual ?? 0;
    t.expected += c.expected ?? 0;
    periods.set(c.period, t);
  }
  const points: MeasureCell[] = [];
  for (const group of [...sums.keys()].sort()) {
    for (const [period, t] of [...sums.get(group)!].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const cmp = compareCounts(basis, t.exposure, t.actual, t.expected, { confidence });
      points.push({ indicator: indicator as MeasureCell['indicator'], product_code: group, period, ae: cmp.ae, ci_low: cmp.ci_low, ci_high: cmp.ci_high, level: null, persistent: 0, direction: 0, significant: false });
    }
  }
  const figure = aeOverPeriodsFigure(points, indicator);
  return { ...figure, layout: { ...figure.layout, title: { text: `${product} ${indicator}: A/E by ${column} (shaded: confidence interval)` } } };
}

/**
 * Actual against expected rates of one product and indicator along a dimension (policy year, an
 * age band or any grouping column), summing the other groupings.
 * @param dimension 'policy_year' or a grouping column of the cells
 * @example actualVsExpectedFigure(result.cells, 'TL01', 'lapse', 'policy_year')
 */
export function actualVsExpectedFigure(cells: readonly BacktestCell[], product: string, indicator: string, dimension: string): Figure {
  const totals = new Map<string, { exposure: number; actual: number; expected: number }>();
  for (const c of cells) {
    if (c.product_code !== product || c.indicator !== indicator) continue;
    const value = dimension === 'policy_year' ? c.policy_year ?? c.by.policy_year : c.by[dimension];
    const key = String(value ?? 'unknown');
    const t = totals.get(key) ?? { exposure: 0, actual: 0, expected: 0 };
    t.exposure += c.exposure;
    t.actual += c.actual ?? 0;
    t.expected += c.expected ?? 0;
    totals.set(key, t);
  }
  const keys = [...totals.keys()].sort((a, b) => (Number.isNaN(Number.parseInt(a, 10)) || Number.isNaN(Number.parseInt(b, 10)) ? (a < b ? -1 : 1) : Number.parseInt(a, 10) - Number.parseInt(b, 10)));
  const rate = (f: (t: { exposure: number; actual: number; expected: number }) => number) => keys.map((k) => (totals.get(k)!.exposure > 0 ? f(totals.get(k)!) / totals.get(k)!.exposure : null));
  return {
    data: [
      { type: 'bar', name: 'Actual rate', x: keys, y: rate((t) => t.actual), marker: { color: PALETTE[0] } },
      { type: 'scatter', mode: 'lines+markers', name: 'Expected rate', x: keys, y: rate((t) => t.expected), line: { color: PALETTE[3] } },
    ],
    layout: {
      title: { text: `${product} ${indicator}: actual vs expected by ${dimension}` },
      xaxis: { title: { text: dimension }, type: 'category' },
      yaxis: { title: { text: 'Rate per policy-year' }, tickformat: '.1%' },
    },
  };
}

/**
 * Heat map of products × periods coloured by the measure reached (none, attention 予以关注,
 * adjust 调整改进, report 主动报告, disclose 信息披露), one row per product and indicator.
 * @example measureHeatmapFigure(result.measures)
 */
export function measureHeatmapFigure(measures: readonly MeasureCell[]): Figure {
  const periods = [...new Set(measures.map((m) => m.period))].sort();
  const rows = [...new Set(measures.map((m) => `${m.product_code} ${m.indicator}`))];
  const z = rows.map((row) => periods.map((p) => {
    const m = measures.find((x) => `${x.product_code} ${x.indicator}` === row && x.period === p);
    return m ? (m.level === null ? 0 : MEASURE_LEVELS.indexOf(m.level) + 1) : null;
  }));
  const text = rows.map((row) => periods.map((p) => {
    const m = measures.find((x) => `${x.product_code} ${x.indicator}` === row && x.period === p);
    return m ? `${m.level ? `${m.level} ${MEASURE_ZH[m.level]}` : 'none'}<br>A/E ${m.ae === null ? 'n/a' : m.ae.toFixed(3)}` : '';
  }));
  const colours = ['#f0f0f0', '#fee08b', '#fdae61', '#f46d43', '#a50026'];
  return {
    data: [
      {
        type: 'heatmap',
        x: periods,
        y: rows,
        z,
        text,
        hoverinfo: 'x+y+text',
        zmin: 0,
        zmax: 4,
        colorscale: colours.flatMap((c, i) => [[i / 5, c], [(i + 1) / 5, c]]),
        colorbar: { tickvals: [0, 1, 2, 3, 4], ticktext: ['none', ...MEASURE_LEVELS.map((l) => `${l} ${MEASURE_ZH[l]}`)] },
      },
    ],
    layout: {
      title: { text: 'Backtest measures by product and period' },
      xaxis: { title: { text: 'Period' }, type: 'category' },
      yaxis: { automargin: true, autorange: 'reversed' },
      height: Math.max(320, 40 + rows.length * 24),
    },
  };
}
