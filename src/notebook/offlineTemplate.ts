import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * nbconvert's JupyterLab HTML template without its two external scripts (require.js and
 * MathJax, which load from a CDN or from system paths that may not exist): the exported
 * page then loads nothing from outside and opens offline. Notebooks write formulas in
 * Unicode (A/E = actual ÷ expected), not LaTeX, so MathJax is not needed.
 */
const OFFLINE_TEMPLATE = `{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
`;

/** Writes the offline HTML template into `dir` and returns its path (for `--template-file`). @example writeOfflineTemplate('notebooks/.executed/.template') // 'notebooks/.executed/.template/awb-offline.html.j2' */
export function writeOfflineTemplate(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'awb-offline.html.j2');
  writeFileSync(path, OFFLINE_TEMPLATE);
  return path;
}
