import { figuresHtml } from '../charts/html';
import type { CommandOutput } from '../commands/command';
import { typedTable, type TypedTable } from '../present/typedTable';
import { evidenceCsv } from './csv';

/** The files of a bundle, by relative path, in a fixed order. */
export type BundleFiles = ReadonlyMap<string, Uint8Array>;

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** JSON text of an output: two-space indent, final newline. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * A command's tables with typed columns: each table's declared columns (`tableDeclarations`),
 * the others typed from their values, in the order the command files them.
 */
export function outputTables(output: CommandOutput): TypedTable[] {
  return Object.entries(output.tables ?? {}).map(([name, rows]) => typedTable(name, rows, output.tableDeclarations?.[name]));
}

/**
 * Renders a command's output to the files of an evidence bundle, deterministically:
 * `result.json`, `tables/<name>.csv` (with a UTF-8 byte-order mark, text neutralised against
 * formula injection: `evidenceCsv`) and `.json`, `charts/charts.html` (all charts, plotly inlined
 * once) and `charts/<name>.json` (each figure), then any other files. The workbook and the chart
 * images are added by `renderBundle`, the manifest by the writer. The same output gives the same
 * bytes, which is what `verify` checks.
 */
export function renderOutputs(output: CommandOutput, title: string): BundleFiles {
  const files = new Map<string, Uint8Array>();
  files.set('result.json', utf8(jsonText(output.json)));
  for (const table of outputTables(output)) {
    files.set(`tables/${table.name}.csv`, utf8(evidenceCsv(table.rows, table.columns.map((c) => c.key))));
    files.set(`tables/${table.name}.json`, utf8(jsonText(table.rows)));
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
