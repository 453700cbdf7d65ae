/**
 * A plotly figure specification: data traces, layout and config, as plain JSON. Chart
 * helpers are pure functions from results to figures; rendering is done elsewhere
 * (in a notebook, as a self-contained HTML page, or as SVG/PNG/PDF through Chromium).
 */
export interface Figure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Readonly<Record<string, unknown>>;
  readonly config?: Readonly<Record<string, unknown>>;
}

/**
 * The text of a figure's title (`layout.title` as a string or as `{ text }`), or null when it has none.
 * @example figureTitle({ data: [], layout: { title: { text: 'A/E' } } }) // 'A/E'
 */
export function figureTitle(figure: Figure): string | null {
  const title = (figure.layout as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && typeof (title as { text?: unknown }).text === 'string') return (title as { text: string }).text;
  return null;
}
