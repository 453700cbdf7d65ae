import type { TableRow } from '../evidence/csv';
import { chartLayout } from './chartTheme';
import type { Figure } from './figure';
import { tidySeries } from './tidySeries';

/** What to draw from tidy rows, and how to label it. */
export interface SeriesChartOptions {
  /** Column on the horizontal axis (categories, e.g. a quarter). */
  readonly x: string;
  /** Column with the values (numbers; null leaves a gap). */
  readonly y: string;
  /** Column whose values make separate series (e.g. a product line). */
  readonly group?: string;
  readonly title?: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
}

/**
 * A bar chart of tidy rows: one bar series per group, grouped side by side or stacked.
 * Pure: the same rows give the same figure, whatever their order.
 * @throws RangeError for duplicate (x, group) rows or non-numeric values (see tidySeries).
 * @example barChart(rows, { x: 'quarter', y: 'premium', group: 'line', mode: 'stack', title: '保费收入' })
 */
export function barChart(rows: readonly TableRow[], options: SeriesChartOptions & { readonly mode?: 'group' | 'stack' }): Figure {
  const { x, series } = tidySeries(rows, options.x, options.y, options.group);
  return {
    data: series.map((s, i) => ({ type: 'bar', name: s.name, x, y: s.y, uid: `bar-${i}` })),
    layout: { ...chartLayout(options), barmode: options.mode ?? 'group', showlegend: options.group !== undefined },
  };
}
