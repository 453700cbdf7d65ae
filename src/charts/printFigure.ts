import type { Figure } from './figure';

/** The tallest a chart may be drawn on an A4 page, in CSS pixels (the text block is about 990). */
const MAX_HEIGHT_PX = 900;

/** An axis with its labels and title kept inside the figure (plotly widens the margin for them). */
function withAutomargin(axis: unknown): unknown {
  return axis && typeof axis === 'object' ? { ...(axis as object), automargin: true } : axis;
}

/**
 * A figure laid out for a printed page: as wide as the text block (no fixed width), `height`
 * pixels tall unless the figure asks for more (a bar per branch), its title left to the page (the
 * document prints it above the chart), the legend in rows above the plot where it can collide with
 * neither axis title, and margins that grow to hold tick labels and axis titles.
 * @param height the chart's height on the page in CSS pixels
 * @example printFigure({ data: [], layout: { title: { text: 'A/E' }, width: 900 } }, 300).layout // { height: 300, legend: {…}, margin: {…}, … } without title or width
 */
export function printFigure(figure: Figure, height: number): Figure {
  const { width: _width, title: _title, height: own, legend, margin, ...layout } = figure.layout as Record<string, unknown>;
  const axes = Object.fromEntries([['xaxis', layout.xaxis ?? {}], ['yaxis', layout.yaxis ?? {}], ...Object.entries(layout).filter(([k]) => /^[xy]axis\d+$/.test(k))].map(([k, v]) => [k, withAutomargin(v)]));
  const tall = typeof own === 'number' && own > height ? Math.min(own, MAX_HEIGHT_PX) : height;
  return {
    ...figure,
    layout: {
      ...layout,
      ...axes,
      height: tall,
      legend: { ...((legend as object | undefined) ?? {}), orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom', font: { size: 10 } },
      margin: { ...((margin as object | undefined) ?? {}), t: 24, b: 40, l: 56, r: 16 },
    },
  };
}
