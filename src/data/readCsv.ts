import { parse } from 'csv-parse/sync';
import { InputError } from './InputError';
import type { RawTable } from './rawTable';

/** Text encodings a CSV may be read with. UTF-8 is the default; GB18030 covers GBK and GB2312. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

/**
 * Decodes file bytes as text, strictly: a byte sequence that is not valid in the encoding
 * is an error naming the row where it occurs (and suggesting GB18030 when the bytes fit it).
 * A UTF-8 or UTF-16LE byte-order mark is honoured and removed.
 * @throws InputError for an empty file or bytes that are not valid in the encoding.
 */
export function decodeText(file: string, bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): string {
  if (bytes.length === 0) throw new InputError({ file }, 'a table with a header row (the file is empty: 0 bytes)');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const row = bad < 0 ? undefined : countLines(bytes, bad);
    let looksGb = false;
    if (encoding === 'utf-8') {
      try {
        new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        looksGb = true;
      } catch {
        looksGb = false;
      }
    }
    const hint = looksGb ? ' (the bytes look like GBK/GB18030: save the file as UTF-8 or pass --encoding gb18030)' : '';
    throw new InputError({ file, row }, `text encoded as ${encoding.toUpperCase()}${hint}`);
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Parses delimited text into a raw table. Quoted fields may hold delimiters and newlines.
 * @param delimiter ',' for .csv, '\t' for .tsv
 * @throws InputError for a row whose number of cells differs from the header, or malformed quoting.
 */
export function parseCsvText(file: string, text: string, delimiter = ','): RawTable {
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const e = error as { code?: string; records?: number; message?: string; record?: unknown[] };
    const row = e.records !== undefined ? e.records + 1 : undefined;
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
      throw new InputError({ file, row }, 'as many cells as the header has columns', Array.isArray(e.record) ? e.record.join(delimiter) : undefined);
    }
    throw new InputError({ file, row }, `well-formed ${delimiter === '\t' ? 'TSV' : 'CSV'} (${e.message ?? 'parse error'})`);
  }
  if (records.length === 0) throw new InputError({ file }, 'a table with a header row (the file holds no rows)');
  const [header, ...rows] = records;
  return { file, header: header.map((h) => h.trim()), rows };
}
