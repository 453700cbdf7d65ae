import { periodYear } from '../data/period';
import type { EarnedLossRatio, LossRatioBasis } from '../lossratio/earnedLossRatio';
import { lossRatioNumber, onBasis } from '../lossratio/earnedLossRatio';
import type { LossRatioTrend } from '../lossratio/lossRatioTrend';
import type { Figure } from './figure';

/** A fixed palette, so the same products get the same colours in every rendering. */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e4);

/** The top of the y axis: 5% above the highest value drawn (ratios, trends, bands, thresholds), in percent. */
function yUpper(data: readonly Record<string, unknown>[], thresholds: readonly { value: number }[]): number {
  let top = Math.max(...thresholds.map((t) => t.value * 100), 0);
  for (const trace of data) for (const y of trace.y as (number | null)[]) if (y !== null && y > top) top = y;
  return Math.ceil(top * 1.05);
}

/** Options of the loss-ratio chart. */
export interface LossRatioChartOptions {
  /** Horizontal reference lines, as fractions, with their labels (default: S2's 30% and 50%). */
  readonly thresholds?: readonly { readonly value: number; readonly label: string }[];
  /** Products to draw (default: every product in `years`). */
  readonly products?: readonly string[];
  /** Products whose confidence band is drawn (default: all drawn products); bands of many noisy products hide each other. */
  readonly bands?: readonly string[];
  readonly basis?: LossRatioBasis;
  readonly title?: string;
}

/**
 * Yearly loss ratios by product over time, in percent, with each product's OLS trend, its 95%
 * confidence band and the projected next year, and horizontal lines at the rule thresholds
 * (S2: 30% stop-sale, 50% repricing). A product's line, trend and band share a legend entry.
 * The y axis starts at 0. Pure: the same inputs give the same figure.
 *
 * @param years yearly loss ratios (any products and order)
 * @param trends trends of those products (lossRatioTrend)
 * @example lossRatioFigure(analysis.years, analysis.trends).layout.shapes.length // 2 (the 30% and 50% lines)
 */
export function lossRatioFigure(years: readonly EarnedLossRatio[], trends: readonly LossRatioTrend[], options: LossRatioChartOptions = {}): Figure {
  const basis = options.basis ?? 'gross';
  const thresholds = options.thresholds ?? [
    { value: 0.3, label: 'ACC-LR-STOP 30%' },
    { value: 0.5, label: 'ACC-LR-REPRICE 50%' },
  ];
  const products = options.products ?? [...new Set(years.map((r) => r.product_code))].sort();
  const data: Record<string, unknown>[] = [];
  products.forEach((code, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const rows = years.filter((r) => r.product_code === code).sort((a, b) => periodYear(a.period) - periodYear(b.period));
    const trend = trends.find((t) => t.product_code === code && t.basis === basis);
    if (trend && trend.t_quantile !== null && (options.bands === undefined || options.bands.includes(code))) {
      const band = [...trend.fitted, trend.projection];
      data.push({ type: 'scatter', mode: 'lines', x: band.map((v) => v.year), y: band.map((v) => pct(v.ci_high)), line: { width: 0 }, hoverinfo: 'skip', showlegend: false, legendgroup: code, name: `${code} band` });
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: band.map((v) => v.year),
        y: band.map((v) => pct(v.ci_low)),
        line: { width: 0 },
        fill: 'tonexty',
        fillcolor: rgba(colour, 0.15),
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: code,
        name: `${code} ${Math.round(trend.confidence * 100)}% band`,
      });
    }
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: code,
      legendgroup: code,
      x: rows.map((r) => periodYear(r.period)),
      y: rows.map((r) => {
        const figures = onBasis(r, basis);
        return pct(lossRatioNumber(figures.incurred, figures.earned));
      }),
      line: { color: colour, width: 2 },
      hovertemplate: `${code} %{x}: %{y:.2f}%<extra></extra>`,
    });
    if (trend) {
      const line = [...trend.fitted, trend.projection];
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: `${code} trend`,
        legendgroup: code,
        showlegend: false,
        x: line.map((v) => v.year),
        y: line.map((v) => pct(v.fitted)),
        line: { color: colour, width: 1, dash: 'dash' },
        marker: { size: line.map((_, k) => (k === line.length - 1 ? 9 : 0)), symbol: 'diamond-open', color: colour },
        hovertemplate: `${code} trend %{x}: %{y:.2f}%<extra></extra>`,
      });
    }
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? `Earned loss ratio by product (${basis}), trend and ${Math.round((trends[0]?.confidence ?? 0.95) * 100)}% band` },
      xaxis: { title: { text: 'Year' }, dtick: 1 },
      // A loss ratio is not negative: the axis starts at 0 even where a wide band reaches below it.
      yaxis: { title: { text: 'Loss ratio (%)' }, range: [0, yUpper(data, thresholds)] },
      shapes: thresholds.map((t) => ({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: t.value * 100, y1: t.value * 100, line: { color: '#444', width: 1, dash: 'dot' } })),
      annotations: thresholds.map((t) => ({ xref: 'paper', x: 1, xanchor: 'right', y: t.value * 100, yanchor: 'bottom', text: t.label, showarrow: false, font: { size: 11, color: '#444' } })),
      legend: { orientation: 'h', y: -0.2 },
      hovermode: 'closest',
    },
  };
}
