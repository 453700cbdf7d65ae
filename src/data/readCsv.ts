import { parse } from 'csv-parse/sync';
import { InputError } from './InputError';
import { type NumberedRow, type RawTable, rawTableFromRows } from './rawTable';

/**
 * Text encodings a CSV or TSV may be read with (`--encoding`). UTF-8 is the default; GB18030
 * covers GBK and GB2312 (`gbk` decodes with the GBK table); `utf-16` takes the byte order from the
 * byte-order mark (little-endian without one, as Excel's "Unicode text" writes it).
 */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'utf-16', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The encoding a byte-order mark announces, and the mark's length; null without one. */
function byteOrderMark(bytes: Uint8Array): { readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; readonly length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes file bytes as text, strictly: a byte sequence that is not valid in the encoding is an
 * error naming the line where it occurs (and suggesting `--encoding gb18030` when the bytes fit
 * GB18030, `--encoding utf-16` when they look like UTF-16). A byte-order mark (UTF-8, UTF-16LE,
 * UTF-16BE) decides the encoding and is removed; without one, `utf-16` means big-endian when the
 * first byte is zero (ASCII text in UTF-16BE), else little-endian.
 * @throws InputError for an empty file or bytes that are not valid in the encoding.
 * @example decodeText('f.csv', Buffer.from([0xb2, 0xfa, 0xc6, 0xb7]), 'gbk') // '产品'
 */
export function decodeText(file: string, bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): string {
  if (bytes.length === 0) throw new InputError({ file }, 'a table with a header row (the file is empty: 0 bytes)');
  const bom = byteOrderMark(bytes);
  const chosen = bom?.encoding ?? (encoding === 'utf-16' ? (bytes[0] === 0 ? 'utf-16be' : 'utf-16le') : encoding);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  try {
    return new TextDecoder(chosen, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const row = chosen.startsWith('utf-16') ? undefined : firstBadLine(body, chosen);
    let hint = '';
    if (chosen === 'utf-8' && decodes(body, 'gb18030')) hint = ' (the bytes look like GBK/GB18030: save the file as UTF-8 or pass --encoding gb18030)';
    else if (chosen === 'utf-8' && body.includes(0)) hint = ' (the bytes look like UTF-16: pass --encoding utf-16)';
    throw new InputError({ file, row }, `text encoded as ${chosen.toUpperCase()}${hint}`);
  }
}

/**
 * Line number (1-based) of the first line whose bytes do not decode. Lines are split at LF,
 * which is never part of a multi-byte character in UTF-8 or GB18030.
 */
function firstBadLine(bytes: Uint8Array, encoding: string): number | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (!decodes(bytes.subarray(start, i), encoding)) return line;
      line++;
      start = i + 1;
    }
  }
  return undefined;
}

/**
 * Parses delimited text into a raw table. Quoted fields may hold delimiters and newlines. Rows are
 * numbered as a spreadsheet program shows the file (a record spanning lines is one row; a blank
 * line is a row too), so a blank line does not shift the numbers in messages; blank rows are
 * dropped.
 * @param delimiter ',' for .csv, '\t' for .tsv
 * @param headerRow the row holding the header (1-based; default: the first row that is not blank)
 * @throws InputError for a row whose number of cells differs from the header, or malformed quoting.
 * @example parseCsvText('f.csv', 'a,b\n\n1,2\n').rowNumbers // [3]
 */
export function parseCsvText(file: string, text: string, delimiter = ',', headerRow?: number): RawTable {
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, skip_empty_lines: false, relax_column_count: true }) as string[][];
  } catch (error) {
    const e = error as { records?: number; message?: string };
    const row = e.records !== undefined ? e.records + 1 : undefined;
    throw new InputError({ file, row }, `well-formed ${delimiter === '\t' ? 'TSV' : 'CSV'} (${(e.message ?? 'parse error').split('\n')[0]})`);
  }
  if (records.length === 0) throw new InputError({ file }, 'a table with a header row (the file holds no rows)');
  const numbered: NumberedRow[] = records.map((cells, i) => ({ row: i + 1, cells }));
  const raw = rawTableFromRows(file, numbered, headerRow);
  raw.rows.forEach((cells, i) => {
    const problem = rowWidthError(file, raw.header, raw.headerRow ?? 1, cells, raw.rowNumbers![i], i === 0, delimiter);
    if (problem) throw problem;
  });
  return raw;
}

/**
 * The error for a data row whose number of cells differs from the header's, or null, naming the
 * row's spreadsheet number; a first data row longer than a one-cell header is taken for a title
 * above the header, and the message says so.
 */
export function rowWidthError(file: string, header: readonly string[], headerRow: number, cells: readonly string[], row: number, first: boolean, delimiter: string): InputError | null {
  if (cells.length === header.length) return null;
  const titleAbove = first && cells.length > header.length && header.filter((h) => h !== '').length === 1;
  const hint = titleAbove ? ` (row ${headerRow} looks like a title above the header: delete it or pass --header-row ${row})` : '';
  return new InputError({ file, row }, `as many cells as the header has columns${hint}`, cells.join(delimiter));
}
