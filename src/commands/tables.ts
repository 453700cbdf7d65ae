import { TABLE_ZH, TYPE_ZH } from '../present/words';
import { typeText } from '../data/schemaMarkdown';
import { textTable } from '../present/textTable';
import { TABLES, type TableName } from '../data/schema';
import { InputError } from '../data/InputError';
import { defineCommand } from './command';

/** `awb tables`: the input tables a data folder may hold, their columns and accepted (Chinese) headers, as terminal tables (the README's reference is the same as Markdown, `schemaMarkdown`). */
export const tablesCommand = defineCommand({
  name: 'tables',
  summary: 'List the input tables, their columns, types and accepted Chinese headers',
  examples: ['awb tables', 'awb tables finance', 'awb tables policies --json'],
  files: false,
  configure: (c) => c.argument('[table]', `one table: ${Object.keys(TABLES).join(', ')}`),
  parse: (_o, args) => {
    const table = args[0];
    if (table !== undefined && !(table in TABLES)) {
      throw new InputError({ argument: 'table' }, `one of ${Object.keys(TABLES).join(', ')}`, table);
    }
    return { table: table ?? null };
  },
  run: async (p, { lang = 'en' }) => {
    const names = (p.table === null ? Object.keys(TABLES) : [p.table]) as TableName[];
    return {
      json: {
        tables: names.map((n) => ({
          name: n,
          description: TABLES[n].description,
          key: TABLES[n].key ?? [],
          columns: TABLES[n].columns.map((c) => ({
            name: c.name,
            type: c.type,
            required: Boolean(c.required),
            description: c.description,
            description_zh: c.descriptionZh,
            aliases: c.aliases ?? [],
            ...(c.values ? { values: Object.keys(c.values) } : {}),
          })),
        })),
      },
      text: names
        .map((n) => {
          const spec = TABLES[n];
          if (lang === 'zh') {
            const rows = spec.columns.map((c) => ({ 列名: c.name, 类型: c.type === 'enum' ? `${TYPE_ZH.enum} ${Object.keys(c.values ?? {}).join(', ')}` : TYPE_ZH[c.type], 必填: c.required ? '是' : '', 说明: c.descriptionZh, 可用表头: (c.aliases ?? []).join('、') }));
            return [`${n} — ${TABLE_ZH[n] ?? n}`, ...(spec.key ? [`主键：${spec.key.join(' + ')}（主键重复即为错误）。`] : []), '', textTable(rows), ''].join('\n');
          }
          const rows = spec.columns.map((c) => ({ column: c.name, type: typeText(c), required: c.required ? 'yes' : '', meaning: c.description, 中文: c.descriptionZh, 'accepted headers': (c.aliases ?? []).join(', ') }));
          return [`${n} — ${spec.description}`, ...(spec.key ? [`Key: ${spec.key.join(' + ')} (a repeated key is an error).`] : []), '', textTable(rows), ''].join('\n');
        })
        .join('\n'),
      inputs: [],
    };
  },
});
