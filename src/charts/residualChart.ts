import type { LinkResidual } from '../lossratio/residuals';
import type { Figure } from './figure';

const PANELS = [
  { key: 'age', title: 'Development age', axis: '' },
  { key: 'origin', title: 'Origin', axis: '2' },
  { key: 'calendar', title: 'Calendar period', axis: '3' },
  { key: 'fitted', title: 'Fitted value', axis: '4' },
] as const;

/**
 * The chain ladder's standardised residuals in four panels, as Barnett & Zehnwirth (2000, fig. 2.6)
 * and chainladder-python's documentation plot them: against development age, origin, calendar
 * period and fitted value, with the mean residual of each age, origin and calendar period as a
 * line. A pattern (a trend across calendar periods, a fan against fitted values) says the chain
 * ladder's assumptions fail. Link ratios left out of the factors are drawn hollow. Pure.
 * @example residualFigure(chainLadderResiduals(mackChainLadder(raa))).data.length // 7: 4 scatters, 3 mean lines
 */
export function residualFigure(residuals: readonly LinkResidual[], title?: string): Figure {
  const points = residuals.filter((r): r is LinkResidual & { residual: number } => r.residual !== null);
  const scatters = PANELS.map((p) => ({
    type: 'scatter',
    mode: 'markers',
    name: p.title,
    showlegend: false,
    x: points.map((r) => r[p.key]),
    y: points.map((r) => r.residual),
    text: points.map((r) => `origin ${r.origin}, age ${r.age}`),
    marker: { color: '#4c78a8', size: 7, symbol: points.map((r) => (r.used ? 'circle' : 'circle-open')) },
    xaxis: `x${p.axis}`,
    yaxis: `y${p.axis}`,
    hovertemplate: `%{text}<br>${p.title} %{x}<br>residual %{y:.3f}<extra></extra>`,
  }));
  const means = PANELS.slice(0, 3).map((p) => {
    const groups = [...new Set(points.map((r) => r[p.key]))].sort((a, b) => a - b);
    return {
      type: 'scatter',
      mode: 'lines',
      showlegend: false,
      x: groups,
      y: groups.map((g) => {
        const ys = points.filter((r) => r[p.key] === g).map((r) => r.residual);
        return ys.reduce((a, b) => a + b, 0) / ys.length;
      }),
      line: { color: '#e45756', width: 2 },
      xaxis: `x${p.axis}`,
      yaxis: `y${p.axis}`,
      hovertemplate: `mean %{y:.3f}<extra></extra>`,
    };
  });
  const axes: Record<string, unknown> = {};
  PANELS.forEach((p) => {
    axes[`xaxis${p.axis}`] = { title: { text: p.title }, zeroline: false, ...(p.key === 'fitted' ? {} : { dtick: 1 }) };
    axes[`yaxis${p.axis}`] = { title: { text: 'Standardised residual' }, zeroline: true };
  });
  return {
    data: [...scatters, ...means],
    layout: {
      title: { text: title ?? 'Standardised residuals of the chain ladder (Barnett & Zehnwirth): they should show no pattern' },
      grid: { rows: 2, columns: 2, pattern: 'independent' },
      ...axes,
    },
  };
}
