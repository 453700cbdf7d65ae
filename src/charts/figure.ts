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
