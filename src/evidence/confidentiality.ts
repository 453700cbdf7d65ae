import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { plotlyScript } from '../charts/html';
import { sqlIdentifier, sqlString, withDuckDB } from '../data/duckdb';
import { type ReadOptions, readRawTable } from '../data/readTable';
import { isPersonalHeader, RESPONDENT_ID_HEADERS } from '../data/personalHeaders';
import { normaliseKey, TABLES } from '../data/schema';
import type { BundleFiles } from './renderOutputs';

/** A table with a respondent identifier is a survey. */
const RESPONDENT_ID = new Set(RESPONDENT_ID_HEADERS.map(normaliseKey));

/** Columns of the survey table that are groups or weights, never personal. */
const SURVEY_GROUP_COLUMNS = new Set(['company', 'region', 'stage', 'weight'].flatMap((name) => {
  const spec = TABLES.survey.columns.find((c) => c.name === name);
  return [name, ...(spec?.aliases ?? [])].map(normaliseKey);
}));

/** File kinds read as tables. */
const TABLE_FILES = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.parquet']);

export { isPersonalHeader };

/** A personal column of an input file. */
export interface PersonalColumn {
  readonly file: string;
  readonly header: string;
}

/** What must never reach a bundle: the personal columns of the inputs and their distinctive values. */
export interface ConfidentialData {
  readonly columns: readonly PersonalColumn[];
  /** Each distinctive value, with the column and spreadsheet row it came from (for the message, never the value). */
  readonly values: ReadonlyMap<string, { readonly column: PersonalColumn; readonly row: number }>;
}

/**
 * Whether a value is distinctive enough to look for in outputs: at least two CJK characters
 * (a name), or at least four characters and not a plain number of fewer than six digits, which
 * would be indistinguishable from an ordinary figure (respondent number 12 and a count of 12).
 */
function isDistinctive(value: string): boolean {
  if (/\p{Script=Han}.*\p{Script=Han}/u.test(value)) return true;
  if (value.length < 4) return false;
  return !/^[+-]?\d{1,5}(\.\d*)?$/.test(value);
}

/** The header of a CSV, TSV or Parquet table, without reading its rows. */
function headerOf(path: string): Promise<string[]> | string[] {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') {
    return withDuckDB(async (c) => (await c.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)}) LIMIT 0`)).columnNames());
  }
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(65536);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const text = buffer.subarray(0, read).toString('utf8');
  const records = parse(text.split(/\r?\n/, 1)[0] ?? '', { delimiter: ext === '.tsv' ? '\t' : ',', bom: true, relax_quotes: true }) as string[][];
  return (records[0] ?? []).map((h) => h.trim());
}

/**
 * Finds the personal data in a command's input files: every column whose header names personal
 * data (`isPersonalHeader`) in any table, and, in a survey (a table with a respondent-id column,
 * or a file named survey.*), also every text column that is not a group (company, region, stage)
 * or the weight, since only items, groups and weights may be reported (S3 art. 34).
 * Files that are not tables (JSON models, YAML rulebooks) are skipped.
 * @param read how the command read its tables (`--encoding`, `--header-row`)
 * @example (await confidentialData(['data/sample/survey.csv'])).columns // [{ file: …, header: 'respondent_id' }, { file: …, header: 'phone' }]
 */
export async function confidentialData(inputs: readonly string[], read: ReadOptions = {}): Promise<ConfidentialData> {
  // Files read with another encoding or header row are read whole, as the command read them.
  const plain = read.encoding === undefined && read.headerRow === undefined;
  const columns: PersonalColumn[] = [];
  const values = new Map<string, { column: PersonalColumn; row: number }>();
  for (const file of inputs) {
    const ext = extname(file).toLowerCase();
    if (!TABLE_FILES.has(ext)) continue;
    // A workbook is read once, header and rows from the same sheet (the one named after the file).
    let raw: { header: readonly string[]; rows: readonly (readonly string[])[] } | undefined = ext === '.xlsx' || ext === '.xlsm' || (!plain && ext !== '.parquet') ? await readRawTable(file, basename(file, ext), read) : undefined;
    const header = raw ? [...raw.header] : await headerOf(file);
    const isSurvey = basename(file, ext).toLowerCase().includes('survey') || header.some((h) => RESPONDENT_ID.has(normaliseKey(h)));
    const named = header.filter((h) => isPersonalHeader(h));
    let inferred: string[] = [];
    if (isSurvey) {
      const table = raw ?? (await readRawTable(file, 'survey', read));
      raw = table;
      inferred = header.filter((h, i) => !named.includes(h) && !SURVEY_GROUP_COLUMNS.has(normaliseKey(h)) && table.rows.some((r) => isTextCell(r[i] ?? '')));
    }
    if (named.length + inferred.length === 0) continue;
    if (ext === '.parquet' && !raw) {
      const list = named.map((h) => sqlIdentifier(h)).join(', ');
      raw = await withDuckDB(async (c) => {
        const reader = await c.runAndReadAll(`SELECT ${list} FROM read_parquet(${sqlString(file)})`);
        return { header: named, rows: reader.getRows().map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))) };
      });
    }
    raw ??= await readRawTable(file, basename(file, ext), read);
    const rowNumbers = 'rowNumbers' in raw ? (raw.rowNumbers as readonly number[] | undefined) : undefined;
    for (const h of [...named, ...inferred]) {
      const column = { file, header: h };
      columns.push(column);
      const index = raw.header.indexOf(h);
      const cells = raw.rows.map((r) => (r[index] ?? '').trim());
      // A text value shared by several respondents (a gender, an age band) identifies no one;
      // in columns named as personal every value counts.
      const counts = new Map<string, number>();
      if (!named.includes(h)) for (const v of cells) counts.set(v, (counts.get(v) ?? 0) + 1);
      cells.forEach((value, i) => {
        if (!isDistinctive(value) || values.has(value)) return;
        if (named.includes(h) || counts.get(value) === 1) values.set(value, { column, row: rowNumbers?.[i] ?? i + 2 });
      });
    }
  }
  return { columns, values };
}

/** A cell holding text rather than a number or nothing. */
function isTextCell(cell: string): boolean {
  const t = cell.trim();
  return t !== '' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && t.toUpperCase() !== 'NA';
}

/** One place where personal data would have been filed. */
export interface Leak {
  /** The bundle file. */
  readonly file: string;
  /** What was found, naming the column and row but never the value. */
  readonly what: string;
}

/**
 * Bundle files filed as rendered binaries (PDF, PNG; the workbook tables.xlsx, compressed): their
 * text sources (HTML, SVG; tables/*.csv and *.json, which hold every cell and column of the
 * workbook's sheets) are scanned instead.
 */
const BINARY = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.xlsx']);

/** Word-like runs of text: letters, digits and the characters identifiers and e-mail addresses use. */
const TOKEN = /[\p{L}\p{N}_@+\-.]+/gu;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0].replace(/^\.+|\.+$/g, '');
    out.add(token);
    if (!NUMBER.test(token) && !token.includes('@')) for (const part of token.split('.')) out.add(part);
  }
  return out;
}

/** The columns of an output table: a CSV's header (its byte-order mark and formula neutralisation undone) or a JSON table's keys. */
function tableColumns(path: string, text: string): string[] {
  if (path.endsWith('.csv')) {
    const header = (parse(text.split('\n', 1)[0] ?? '', { relax_quotes: true, bom: true }) as string[][])[0] ?? [];
    return header.map((h) => h.replace(/^'(?=[=+\-@\t\r])/, ''));
  }
  const rows = JSON.parse(text) as unknown;
  if (!Array.isArray(rows)) return [];
  return [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r as object) : [])))];
}

/**
 * Looks for personal data in the files of a bundle: any distinctive value of a personal input
 * column anywhere in a text file (as a whole token, or inside Chinese text for a name), and any
 * personal column appearing as a column of an output table. The inlined plotly.js library is
 * not data and is skipped; PDF and PNG files are renderings of the HTML and SVG scanned here.
 * @returns the leaks found, empty when the bundle is clean.
 */
export function findPersonalData(files: BundleFiles, data: ConfidentialData): Leak[] {
  if (data.columns.length === 0) return [];
  const leaks: Leak[] = [];
  const personalKeys = new Map(data.columns.map((c) => [normaliseKey(c.header), c]));
  const hanValues = new Set([...data.values.keys()].filter((v) => /\p{Script=Han}/u.test(v)));
  const library = plotlyScript();
  for (const [path, bytes] of files) {
    if (BINARY.has(extname(path).toLowerCase())) continue;
    const text = Buffer.from(bytes).toString('utf8').split(library).join('');
    if (path.startsWith('tables/')) {
      for (const column of tableColumns(path, text)) {
        const personal = personalKeys.get(normaliseKey(column));
        if (personal) leaks.push({ file: path, what: `a column "${column}", personal data from ${personal.file} column ${personal.header}` });
      }
    }
    const found = tokens(text);
    const han = hanValues.size > 0 ? (text.match(/\p{Script=Han}+/gu) ?? []).join('\n') : '';
    for (const [value, source] of data.values) {
      if (found.has(value) || (han !== '' && hanValues.has(value) && han.includes(value))) {
        leaks.push({ file: path, what: `the value of ${source.column.file} column ${source.column.header} in row ${source.row}` });
      }
    }
  }
  return leaks;
}

/** Refusal to file a bundle that would contain personal data (S3 art. 34). */
export class ConfidentialityError extends Error {
  constructor(readonly leaks: readonly Leak[]) {
    const shown = leaks.slice(0, 10).map((l) => `  ${l.file}: ${l.what}`);
    const more = leaks.length > 10 ? [`  … and ${leaks.length - 10} more`] : [];
    super(['refusing to file the evidence bundle: it would contain personal data (S3 art. 34)', ...shown, ...more].join('\n'));
    this.name = 'ConfidentialityError';
  }
}

/**
 * Refuses to file outputs that contain personal data of the inputs.
 * @throws ConfidentialityError listing every file and the column and row of what leaked (never the value).
 */
export async function assertNoPersonalData(files: BundleFiles, inputs: readonly string[], read: ReadOptions = {}): Promise<void> {
  const leaks = findPersonalData(files, await confidentialData(inputs, read));
  if (leaks.length > 0) throw new ConfidentialityError(leaks);
}
