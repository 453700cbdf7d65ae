import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Lang } from '../present/column';
import { excelNumberFormat, NUMERIC_KINDS, type ColumnKind } from '../present/columnKind';
import { formatCell } from '../present/formatCell';
import type { TypedTable } from '../present/typedTable';
import { neutraliseFormula, type TableCell } from './csv';
import type { BundleProvenance } from './provenance';

/** Parameters that change how a run computes, never what it files (worker threads): left off the sheet so the workbook's bytes do not depend on them. */
const RUN_ONLY_PARAMETERS: ReadonlySet<string> = new Set(['threads']);

/**
 * The one date a workbook carries, in its properties and on every entry of its zip container:
 * fixed, so the same tables give the same bytes at any time and in any time zone (1980-01-01 is
 * the earliest date a zip entry can hold).
 */
export const WORKBOOK_DATE = new Date(Date.UTC(1980, 0, 1));

/** Longest sheet name Excel accepts. */
const SHEET_NAME_MAX = 31;

/** Rows a worksheet holds besides its header (Excel's limit is 1,048,576 rows). */
export const SHEET_ROWS_MAX = 1_048_575;

/** Widest a column is drawn, in characters. */
const WIDTH_MAX = 50;

/** Columns a string takes on screen: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/**
 * Sheet names Excel accepts for the tables, in order: characters it forbids (`[]:*?/\`) replaced,
 * at most 31 characters, unique without regard to case (a repeat gets `~2`, `~3`…), none equal to
 * `reserved` (the provenance sheet).
 * @example sheetNames(['cells', 'a/b'], 'provenance') // ['cells', 'a_b']
 */
export function sheetNames(names: readonly string[], reserved: string): string[] {
  const taken = new Set([reserved.toLowerCase()]);
  return names.map((name) => {
    const base = (name.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '_') || 'table').slice(0, SHEET_NAME_MAX);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, SHEET_NAME_MAX - String(n).length - 1)}~${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The value a workbook cell holds: numbers as numbers, ISO dates as dates, text neutralised against formula injection. */
function cellValue(value: TableCell | undefined, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  const day = kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return neutraliseFormula(value);
}

/** The number format of a cell: its kind's format for numbers and dates, none for text and booleans. */
function cellFormat(value: ExcelJS.CellValue, kind: ColumnKind, lang: Lang): string | undefined {
  if (value instanceof Date) return excelNumberFormat('date', lang);
  if (typeof value === 'number') return NUMERIC_KINDS.has(kind) ? excelNumberFormat(kind, lang) : undefined;
  return undefined;
}

/** Adds a sheet with a bold, frozen, filterable header row and columns as wide as their text. */
function addSheet(book: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly (readonly { value: ExcelJS.CellValue; format?: string; shown: string }[])[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const header = sheet.addRow(headers.map(neutraliseFormula));
  header.font = { bold: true };
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((c) => c.value));
    cells.forEach((c, j) => {
      if (c.format) row.getCell(j + 1).numFmt = c.format;
    });
  }
  headers.forEach((h, j) => {
    const widest = Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j].shown)));
    sheet.getColumn(j + 1).width = Math.min(WIDTH_MAX, Math.max(6, widest + 2));
  });
  if (headers.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/** Words of the provenance sheet. */
const PROVENANCE: Readonly<Record<Lang, {
  sheet: string;
  headers: readonly [string, string, string];
  command: string;
  parameter: string;
  input: string;
  rulebook: string;
  software: string;
  seed: string;
  table: string;
  note: string;
  manifest: string;
  tooLong: (rows: number, name: string) => string;
}>> = {
  en: {
    sheet: 'provenance',
    headers: ['Section', 'Item', 'Value'],
    command: 'command',
    parameter: 'parameter',
    input: 'input (SHA-256)',
    rulebook: 'rulebook (SHA-256)',
    software: 'software',
    seed: 'random seed',
    table: 'sheet',
    note: 'note',
    manifest: 'manifest.json in the evidence bundle also records the filing time, the machine, the git commit and every output file’s SHA-256; awb verify recomputes this workbook byte for byte.',
    tooLong: (rows, name) => `not in this workbook: ${rows} rows are more than a sheet holds; see tables/${name}.csv`,
  },
  zh: {
    sheet: '来源',
    headers: ['类别', '项目', '内容'],
    command: '命令',
    parameter: '参数',
    input: '输入文件（SHA-256）',
    rulebook: '规则库（SHA-256）',
    software: '软件',
    seed: '随机种子',
    table: '工作表',
    note: '说明',
    manifest: '证据包中的 manifest.json 另记录了生成时间、运行环境、git 提交及每个输出文件的 SHA-256；awb verify 可逐字节再现本工作簿。',
    tooLong: (rows, name) => `未收入本工作簿：${rows} 行超过工作表容量，见 tables/${name}.csv`,
  },
};

/** A parameter's value as text: lists joined with commas, no value empty. */
function parameterText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/**
 * The workbook of a bundle's tables (`tables.xlsx`, written with exceljs): one sheet per table
 * in the given order, each with a bold, frozen, filterable header row of the columns' labels in
 * `lang`, typed cells (numbers with their kind's number format, `excelNumberFormat`; ISO dates
 * as date cells; booleans; text neutralised against formula injection), then a provenance sheet
 * with the command, its parameters, each input's SHA-256, the rulebook, the software and the seeds
 * (`BundleProvenance`) and the list of sheets with their titles (a table longer than a sheet holds,
 * `SHEET_ROWS_MAX`, is listed there as left out: its CSV has it). Deterministic: the workbook's
 * dates and every zip entry's date are `WORKBOOK_DATE`, so the same tables give the same bytes.
 * @example const bytes = await tablesWorkbook([typedTable('loss_ratios', rows, declaration)], 'zh', provenance);
 */
export async function tablesWorkbook(tables: readonly TypedTable[], lang: Lang, provenance: BundleProvenance): Promise<Uint8Array> {
  const words = PROVENANCE[lang];
  const book = new ExcelJS.Workbook();
  book.creator = provenance.software.package;
  book.lastModifiedBy = provenance.software.package;
  book.created = WORKBOOK_DATE;
  book.modified = WORKBOOK_DATE;
  book.title = `awb ${provenance.command.name}`;
  const fitting = tables.filter((t) => t.rows.length <= SHEET_ROWS_MAX);
  const names = sheetNames(fitting.map((t) => t.name), words.sheet);
  fitting.forEach((table, t) => {
    const rows = table.rows.map((row) =>
      table.columns.map((c) => {
        const value = cellValue(row[c.key], c.kind);
        return { value, format: cellFormat(value, c.kind, lang), shown: formatCell(row[c.key] ?? null, c.kind, lang) };
      }),
    );
    addSheet(book, names[t], table.columns.map((c) => c.label[lang]), rows);
  });
  const text = (value: string) => ({ value: neutraliseFormula(value), shown: value });
  const facts: [string, string, string][] = [
    [words.command, 'awb', provenance.command.name],
    ...Object.entries(provenance.command.parameters)
      .filter(([key]) => !RUN_ONLY_PARAMETERS.has(key))
      .map(([key, value]): [string, string, string] => [words.parameter, key, parameterText(value)]),
    ...provenance.inputs.map((i): [string, string, string] => [words.input, i.path, i.sha256]),
    ...(provenance.rulebook ? [[words.rulebook, `${provenance.rulebook.id} ${provenance.rulebook.version}`, provenance.rulebook.sha256] as [string, string, string]] : []),
    [words.software, provenance.software.package, provenance.software.version],
    ...Object.entries(provenance.seeds).map(([key, seed]): [string, string, string] => [words.seed, key, String(seed)]),
    ...fitting.map((table, t): [string, string, string] => [words.table, names[t], table.title[lang]]),
    ...tables.filter((t) => !fitting.includes(t)).map((table): [string, string, string] => [words.table, table.name, words.tooLong(table.rows.length, table.name)]),
    [words.note, 'manifest.json', words.manifest],
  ];
  addSheet(book, words.sheet, words.headers, facts.map((f) => f.map(text)));
  return deterministicZip(new Uint8Array(await book.xlsx.writeBuffer()));
}

/**
 * The same zip container with every entry dated `WORKBOOK_DATE` (exceljs stamps entries with the
 * time of writing), recompressed with DEFLATE. JSZip writes entry dates in UTC, so the bytes do
 * not depend on the time zone.
 */
async function deterministicZip(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.forEach((_, entry) => {
    entry.date = WORKBOOK_DATE;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
