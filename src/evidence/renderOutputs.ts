import { figuresHtml } from '../charts/html';
import type { CommandOutput } from '../cli/command';
import { toCsv } from './csv';

/** The files of a bundle, by relative path, in a fixed order. */
export type BundleFiles = ReadonlyMap<string, Uint8Array>;

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** JSON text of an output: two-space indent, final newline. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Renders a command's output to the files of an evidence bundle, deterministically:
 * `result.json`, `tables/<name>.csv` and `.json`, `charts/charts.html` (all charts, plotly
 * inlined once) and `charts/<name>.json` (each figure), then any other files. The manifest
 * is added by the writer. The same output gives the same bytes, which is what `verify` checks.
 */
export function renderOutputs(output: CommandOutput, title: string): BundleFiles {
  const files = new Map<string, Uint8Array>();
  files.set('result.json', utf8(jsonText(output.json)));
  for (const [name, rows] of Object.entries(output.tables ?? {})) {
    files.set(`tables/${name}.csv`, utf8(toCsv(rows)));
    files.set(`tables/${name}.json`, utf8(jsonText(rows)));
  }
  const charts = output.charts ?? {};
  if (Object.keys(charts).length > 0) {
    files.set('charts/charts.html', utf8(figuresHtml(charts, title)));
    for (const [name, figure] of Object.entries(charts)) files.set(`charts/${name}.json`, utf8(jsonText(figure)));
  }
  for (const [path, content] of Object.entries(output.files ?? {})) {
    files.set(path, typeof content === 'string' ? utf8(content) : content);
  }
  return files;
}
