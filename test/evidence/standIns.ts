import { readRawTable } from '../../src/data/readTable';
import { defineCommand, type CommandSpec } from '../../src/commands/command';
import { optionalText, requiredText } from '../../src/commands/args';
import { findCommand } from '../../src/commandRegistry';

/**
 * A stand-in command for evidence tests: reads one CSV (`--table FILE`), counts its rows by a
 * column (`--by COL`) and files the counts as a table and a bar chart. `--leak COL` copies a
 * column of the input into the output table, as a careless command might.
 */
export const tallyCommand = defineCommand({
  name: 'tally',
  summary: 'Count rows of a table by a column (test stand-in)',
  examples: ['tally --table t.csv --by region'],
  configure: (c) => c.requiredOption('--table <file>', 'a CSV file').requiredOption('--by <column>', 'group column').option('--leak <column>', 'copy this column into the output'),
  parse: (o) => ({ table: requiredText(o, 'table'), by: requiredText(o, 'by'), leak: optionalText(o, 'leak') }),
  run: async (p) => {
    const raw = await readRawTable(p.table, 'table');
    const at = raw.header.indexOf(p.by);
    const counts = new Map<string, number>();
    for (const row of raw.rows) counts.set(row[at], (counts.get(row[at]) ?? 0) + 1);
    const groups = [...counts.keys()].sort();
    const rows = groups.map((g) => ({ [p.by]: g, n: counts.get(g)! }));
    const leakAt = p.leak === null ? -1 : raw.header.indexOf(p.leak);
    return {
      json: { groups: rows },
      text: rows.map((r) => `${r[p.by]}: ${r.n}`).join('\n'),
      inputs: [p.table],
      tables: {
        counts: rows,
        ...(leakAt >= 0 ? { leaked: raw.rows.map((r) => ({ value: r[leakAt] })) } : {}),
      },
      charts: { counts: { data: [{ type: 'bar', x: groups, y: groups.map((g) => counts.get(g)!) }], layout: { title: { text: `Rows by ${p.by}` } } } },
    };
  },
});

/** The awb commands plus the stand-ins. */
export function withStandIns(name: string): CommandSpec | undefined {
  return name === tallyCommand.name ? (tallyCommand as unknown as CommandSpec) : findCommand(name);
}
