import type { Command } from 'commander';
import { TEXT_ENCODINGS, type TextEncoding } from '../data/readCsv';
import type { ReadOptions } from '../data/readTable';
import { choiceArg, integerArg } from './args';

/** How a command reads its tables, as recorded in its parameters (null: the default). */
export type ReadParams = { readonly encoding: TextEncoding | null; readonly header_row: number | null };

/**
 * Declares the options of every command that reads tables: `--encoding` (CSV and TSV text:
 * gb18030, gbk, utf-8, utf-16…) and `--header-row N` (the header's row in CSV, TSV and XLSX when
 * a title sits above it).
 * @example tableReadingOptions(new Command('lossratio')).options.map((o) => o.long) // ['--encoding', '--header-row']
 */
export function tableReadingOptions(command: Command): Command {
  return command
    .option('--encoding <name>', `text encoding of CSV and TSV files: ${TEXT_ENCODINGS.join(', ')} (default utf-8; a byte-order mark decides)`)
    .option('--header-row <n>', 'the row holding the header in CSV, TSV and XLSX files, when a title sits above it (default: the first row that is not blank)');
}

/**
 * The reading options given on the command line, validated, as recorded parameters.
 * @throws InputError for an encoding not listed or a header row that is not a whole number from 1.
 */
export function readParams(options: Record<string, unknown>): ReadParams {
  return {
    encoding: options.encoding === undefined ? null : choiceArg(options, 'encoding', TEXT_ENCODINGS),
    header_row: options.headerRow === undefined ? null : integerArg(options, 'header-row', { min: 1, max: 1_048_576 }),
  };
}

/** Recorded reading parameters as the readers' options (parameters recorded before they existed read as the defaults). */
export function readOptionsOf(p: Partial<ReadParams>): ReadOptions {
  return { ...(p.encoding ? { encoding: p.encoding } : {}), ...(p.header_row ? { headerRow: p.header_row } : {}) };
}

/** The reading options as command-line arguments, to pass on to the commands a review runs. */
export function readArgv(p: Partial<ReadParams>): string[] {
  return [...(p.encoding ? ['--encoding', p.encoding] : []), ...(p.header_row ? ['--header-row', String(p.header_row)] : [])];
}
