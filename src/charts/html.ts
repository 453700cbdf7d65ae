import { readFileSync } from 'node:fs';
import type { Figure } from './figure';

let plotlySource: string | undefined;

/** The plotly.js bundle shipped in node_modules, inlined so pages open offline. */
export function plotlyScript(): string {
  plotlySource ??= readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8');
  return plotlySource;
}

/** Escapes text for HTML element content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON for a <script> element: `</script>` and line separators cannot break out of it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A self-contained HTML page showing figures, with plotly.js inlined (no CDN, opens offline).
 * Element ids come from the figure names, so the same figures give the same bytes.
 * @example figuresHtml({ trend: figure }, 'Loss ratios')
 */
export function figuresHtml(figures: Readonly<Record<string, Figure>>, title: string): string {
  const names = Object.keys(figures);
  const blocks = names
    .map((name, i) => `<section><h2>${escapeHtml(name)}</h2><div id="chart-${i}" class="chart"></div></section>`)
    .join('\n');
  const calls = names
    .map((name, i) => {
      const f = figures[name];
      return `Plotly.newPlot('chart-${i}', ${scriptJson(f.data)}, ${scriptJson(f.layout)}, ${scriptJson({ responsive: true, displaylogo: false, ...(f.config ?? {}) })});`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans",Arial,sans-serif;margin:24px;color:#222}.chart{width:100%;max-width:1100px;height:480px}</style>
<script>${plotlyScript()}</script></head>
<body><h1>${escapeHtml(title)}</h1>
${blocks}
<script>${calls}</script>
</body></html>
`;
}
