/**
 * The look shared by the workbench's charts: a font stack that has Chinese glyphs (Noto Sans
 * CJK, installed from Debian's fonts-noto-cjk, so 分险种 labels render in notebooks, HTML and
 * exported images alike), a white background, and the legend on the right in trace order
 * (room for many groups without covering the title).
 */
export const CHART_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", "Source Han Sans SC", "Microsoft YaHei", Arial, sans-serif';

/** Width and height in CSS pixels used when a figure does not set its own. */
export const DEFAULT_SIZE = { width: 900, height: 480 } as const;

/**
 * The base layout of a chart with a title and axis titles.
 * @example chartLayout({ title: '保费收入 Premium income', xTitle: 'Quarter', yTitle: '万元' }).font.family // CHART_FONT
 */
export function chartLayout(options: { readonly title?: string; readonly xTitle?: string; readonly yTitle?: string }) {
  return {
    title: { text: options.title ?? '', x: 0.02, xanchor: 'left' },
    font: { family: CHART_FONT, size: 13, color: '#222' },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 70, r: 24, t: 64, b: 60 },
    legend: { traceorder: 'normal' },
    xaxis: { title: { text: options.xTitle ?? '' }, type: 'category', showgrid: false, linecolor: '#888' },
    yaxis: { title: { text: options.yTitle ?? '' }, gridcolor: '#e5e5e5', zerolinecolor: '#888', separatethousands: true },
    hovermode: 'closest',
  };
}
