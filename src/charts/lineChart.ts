import type { TableRow } from '../evidence/csv';
import type { SeriesChartOptions } from './barChart';
import { chartLayout } from './chartTheme';
import type { Figure } from './figure';
import { tidySeries } from './tidySeries';

/**
 * A line chart of tidy rows: one line (with markers) per group across the x categories; a
 * null value leaves a gap. Pure: the same rows give the same figure, whatever their order.
 * @throws RangeError for duplicate (x, group) rows or non-numeric values (see tidySeries).
 * @example lineChart(rows, { x: 'year', y: 'policies', group: 'channel', title: '新单件数 Policies sold' })
 */
export function lineChart(rows: readonly TableRow[], options: SeriesChartOptions): Figure {
  const { x, series } = tidySeries(rows, options.x, options.y, options.group);
  return {
    data: series.map((s, i) => ({ type: 'scatter', mode: 'lines+markers', name: s.name, x, y: s.y, uid: `line-${i}`, connectgaps: false })),
    layout: { ...chartLayout(options), showlegend: options.group !== undefined },
  };
}
