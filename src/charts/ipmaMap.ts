import { CHART_FONT } from './chartTheme';
import type { Figure } from './figure';

/**
 * The importance-performance map of a target construct: each predecessor's importance
 * (unstandardised total effect on the target) against its performance (0–100 index), with
 * dashed lines at the mean importance and performance. Constructs in the lower right (important,
 * performing below average) are where improvement pays most.
 * @example ipmaMap('Satisfaction', [{ construct: 'Quality', importance: 0.55, performance: 70.1 }])
 */
export function ipmaMap(target: string, points: readonly { readonly construct: string; readonly importance: number; readonly performance: number | null }[]): Figure {
  const shown = points.filter((p) => p.performance !== null);
  const meanX = shown.reduce((s, p) => s + p.importance, 0) / Math.max(1, shown.length);
  const meanY = shown.reduce((s, p) => s + p.performance!, 0) / Math.max(1, shown.length);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers+text',
        x: shown.map((p) => p.importance),
        y: shown.map((p) => p.performance),
        text: shown.map((p) => p.construct),
        textposition: 'top center',
        marker: { size: 12, color: '#1f4e79' },
        showlegend: false,
      },
    ],
    layout: {
      font: { family: CHART_FONT, size: 13, color: '#222' },
      title: { text: `Importance-performance map: ${target}` },
      xaxis: { title: { text: `Importance (total effect on ${target}, index points per point)` }, zeroline: false },
      yaxis: { title: { text: 'Performance (index 0–100)' } },
      shapes: [
        { type: 'line', xref: 'x', yref: 'paper', x0: meanX, x1: meanX, y0: 0, y1: 1, line: { dash: 'dash', color: '#9e9e9e' } },
        { type: 'line', xref: 'paper', yref: 'y', x0: 0, x1: 1, y0: meanY, y1: meanY, line: { dash: 'dash', color: '#9e9e9e' } },
      ],
      margin: { t: 60 },
    },
  };
}
