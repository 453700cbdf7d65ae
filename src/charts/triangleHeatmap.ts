import { quantile } from 'simple-statistics';
import type { Triangle } from '../lossratio/triangle';
import type { Figure } from './figure';

/** What a triangle heat map shows: the cumulative amounts, or the individual age-to-age factors C(k+1)/C(k). */
export type TriangleView = 'cumulative' | 'link_ratios';

/**
 * A development triangle as a heat map: origins down (oldest on top), development ages across,
 * each cell coloured and labelled by its cumulative amount or by its age-to-age factor. Cells
 * beyond an origin's latest age, and cells the triangle lacks, are empty. Factors are coloured on a scale capped at their 90th
 * percentile, so that one wild early factor does not wash out the rest. Pure: the same triangle
 * gives the same figure.
 *
 * @example triangleHeatmapFigure(raa, 'link_ratios').data[0].z // 10 rows of up to 9 factors
 */
export function triangleHeatmapFigure(triangle: Triangle, view: TriangleView = 'cumulative', title?: string): Figure {
  const columns = view === 'cumulative' ? triangle.ages : triangle.ages.slice(0, -1);
  const z = triangle.values.map((row) =>
    columns.map((_, k) => {
      if (view === 'cumulative') return k < row.length ? row[k] : null;
      const from = row[k];
      const to = row[k + 1];
      return k + 1 < row.length && from !== null && to !== null ? to / from : null;
    }),
  );
  const labels = view === 'cumulative' ? columns.map(String) : columns.map((a, k) => `${a}→${triangle.ages[k + 1]}`);
  const present = z.flat().filter((v): v is number => v !== null);
  const scale = view === 'link_ratios' && present.length > 0 ? { zmin: Math.min(...present), zmax: quantile(present, 0.9) } : {};
  return {
    data: [
      {
        type: 'heatmap',
        x: labels,
        y: triangle.origins.map(String),
        z,
        colorscale: 'YlOrRd',
        reversescale: true,
        ...scale,
        texttemplate: view === 'cumulative' ? '%{z:,.0f}' : '%{z:.3f}',
        hovertemplate: view === 'cumulative' ? 'origin %{y}, age %{x}: %{z:,.2f}<extra></extra>' : 'origin %{y}, %{x}: %{z:.4f}<extra></extra>',
        colorbar: { title: { text: view === 'cumulative' ? 'Cumulative' : 'Factor' } },
      },
    ],
    layout: {
      title: { text: title ?? (view === 'cumulative' ? 'Cumulative claims by origin and development age' : 'Age-to-age factors by origin') },
      xaxis: { title: { text: triangle.development === 'valuation' ? 'Development age (years from origin, 1 = origin year)' : 'Development age' }, type: 'category' },
      yaxis: { title: { text: 'Origin' }, type: 'category', autorange: 'reversed' },
    },
  };
}
