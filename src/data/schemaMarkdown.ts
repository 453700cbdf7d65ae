import { type ColumnSpec, TABLES, type TableName } from './schema';

const TYPE_TEXT: Readonly<Record<ColumnSpec['type'], string>> = {
  string: 'text',
  date: 'date YYYY-MM-DD',
  datetime: 'date and time YYYY-MM-DD HH:MM:SS',
  datetime_date: 'date YYYY-MM-DD or date-time YYYY-MM-DD HH:MM',
  period: 'period YYYY or YYYYQn',
  quarter: 'quarter YYYYQn',
  money: 'money, yuan',
  rate: 'rate (0.35 or 35%)',
  boolean: 'true/false (是/否)',
  integer: 'whole number',
  number: 'number',
  enum: 'one of',
};

/**
 * A column's type in words, as the reference shows it.
 * @example typeText(TABLES.finance.columns[0]) // 'text'
 */
export function typeText(column: ColumnSpec): string {
  if (column.type !== 'enum') return TYPE_TEXT[column.type];
  return `one of ${Object.keys(column.values ?? {}).join(', ')}`;
}

/**
 * The input tables as Markdown: for each table its columns with type, whether required,
 * English and Chinese descriptions and every accepted Chinese alias. The README's data-folder
 * section is this text (a test keeps them equal), and `awb tables` prints it.
 */
export function schemaMarkdown(tables: readonly TableName[] = Object.keys(TABLES) as TableName[]): string {
  const out: string[] = [];
  for (const name of tables) {
    const spec = TABLES[name];
    out.push(`#### \`${name}\` — ${spec.description}`);
    if (spec.key) out.push(`Key: ${spec.key.map((k) => `\`${k}\``).join(' + ')} (a repeated key is an error).`);
    out.push('');
    out.push('| column | type | required | meaning | 中文 | accepted headers |');
    out.push('|---|---|---|---|---|---|');
    for (const c of spec.columns) {
      const aliases = (c.aliases ?? []).join(', ');
      out.push(`| \`${c.name}\` | ${typeText(c)} | ${c.required ? 'yes' : ''} | ${c.description} | ${c.descriptionZh} | ${aliases} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
