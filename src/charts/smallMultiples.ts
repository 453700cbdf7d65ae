import type { Figure } from './figure';

/** The series a trace belongs to: its legend group, else its name without a band, CI or trend suffix; null for a trace of every series (a threshold). */
function seriesOf(trace: Readonly<Record<string, unknown>>): string | null {
  if (typeof trace.legendgroup === 'string' && trace.legendgroup !== '') return trace.legendgroup;
  if (typeof trace.name !== 'string' || trace.name === '') return null;
  return trace.name.replace(/ (95% band|band|CI|trend)$/, '');
}

/**
 * Splits a figure with more than `maxSeries` series into small multiples of at most `maxSeries`
 * series each, as even in size as possible and in the figure's order. A series is a legend group
 * (a product's line with its band and trend), or a trace's name; traces of no series (threshold
 * lines) appear in every part, and so does the layout (titles, axes, threshold shapes). A figure
 * with few enough series is returned as it is, alone.
 * @param maxSeries series per part (6: more lines than that cannot be told apart in print)
 * @example smallMultiples(figureOf15Products, 6).length // 3, of 5 products each
 */
export function smallMultiples(figure: Figure, maxSeries = 6): Figure[] {
  const series: string[] = [];
  for (const trace of figure.data) {
    const s = seriesOf(trace);
    if (s !== null && !series.includes(s)) series.push(s);
  }
  if (series.length <= maxSeries) return [figure];
  const parts = Math.ceil(series.length / maxSeries);
  const size = Math.ceil(series.length / parts);
  const groups = Array.from({ length: parts }, (_, i) => new Set(series.slice(i * size, (i + 1) * size)));
  return groups.map((group) => ({ ...figure, data: figure.data.filter((t) => { const s = seriesOf(t); return s === null || group.has(s); }) }));
}
