import type * as XLSX from '@e965/xlsx';
import { Dec } from '../money/decimal';
import { formatDay } from './dates';
import { InputError } from './InputError';
import { type NumberedRow, type RawTable, rawTableFromRows } from './rawTable';

/** Day number of Excel serial 0 in the 1900 date system (serial 25569 is 1970-01-01). */
const EXCEL_EPOCH_OFFSET = 25569;

/** Significant digits Excel keeps and shows of a number (IEEE doubles beyond them are noise). */
export const EXCEL_DIGITS = 15;

/** Sheet names that would reach an object's prototype when used as a key; refused. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The text of a number as Excel shows it: rounded to 15 significant digits, in plain decimal
 * notation. A formula that yields 999999.9999999999 is 1000000, as Excel displays it, so the money
 * check sees 1,000,000.00 and not a sixteenth digit.
 * @example excelNumberText(999999.9999999999) // '1000000'
 * @example excelNumberText(0.1 + 0.2) // '0.3'
 */
export function excelNumberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return new Dec(value.toPrecision(EXCEL_DIGITS)).toFixed();
}

let sheetjs: typeof XLSX | undefined;

/** SheetJS, loaded on first use: a command that reads no workbook does not pay its ~0.1 s start-up. */
function xlsx(): typeof XLSX {
  sheetjs ??= require('@e965/xlsx') as typeof XLSX;
  return sheetjs;
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean, where: { file: string; row: number; column: string }): string {
  if (!cell) return '';
  if (cell.v === undefined || cell.v === null) {
    if (cell.f) {
      throw new InputError(
        { file: where.file, row: where.row, column: where.column },
        'a formula with its computed value (the workbook was saved without the results: open it in Excel and save it again)',
        `=${cell.f}`,
      );
    }
    return '';
  }
  switch (cell.t) {
    case 'n': {
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      if (format && xlsx().SSF.is_date(format)) {
        const serial = (cell.v as number) + (date1904 ? 1462 : 0);
        return formatDay(Math.floor(serial) - EXCEL_EPOCH_OFFSET);
      }
      return excelNumberText(cell.v as number);
    }
    case 'b':
      return cell.v ? 'true' : 'false';
    case 'd':
      return (cell.v as Date).toISOString().slice(0, 10);
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return String(cell.v).trim();
  }
}

/**
 * Reads the sheet named after the table (or else the first sheet) of an XLSX workbook with
 * SheetJS 0.20.3 (`@e965/xlsx`; 0.18.5 had CVE-2023-30533). Numbers are read as Excel shows
 * them (15 significant digits, `excelNumberText`); formula cells give their computed value; date
 * cells become ISO text from their serial number, so no time zone is involved. Rows keep their
 * numbers in the sheet: an empty row does not shift them, and the header may be below row 1
 * (`headerRow`, else the first row that is not empty).
 * @throws InputError when the workbook cannot be read, the sheet is empty, a sheet has a reserved
 * name (`__proto__`), or a formula cell has no computed value.
 */
export function parseXlsx(file: string, bytes: Uint8Array, table: string, headerRow?: number): RawTable {
  let workbook: XLSX.WorkBook;
  try {
    workbook = xlsx().read(bytes, { type: 'buffer', cellDates: false, cellNF: true, cellHTML: false });
  } catch (error) {
    throw new InputError({ file }, `an XLSX workbook (${(error as Error).message})`);
  }
  const reserved = workbook.SheetNames.find((n) => RESERVED_NAMES.has(n.trim()));
  if (reserved !== undefined) throw new InputError({ file }, `a workbook without a sheet named ${reserved} (a reserved name: rename the sheet)`);
  const sheetName = workbook.SheetNames.find((n) => n.trim().toLowerCase() === table) ?? workbook.SheetNames[0];
  const sheet = sheetName !== undefined && Object.prototype.hasOwnProperty.call(workbook.Sheets, sheetName) ? workbook.Sheets[sheetName] : undefined;
  if (!sheet || !sheet['!ref']) throw new InputError({ file }, 'a worksheet with a header row (the workbook is empty)');
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const range = xlsx().utils.decode_range(sheet['!ref']);
  const rows: NumberedRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const address = xlsx().utils.encode_cell({ r, c });
      const cell = Object.prototype.hasOwnProperty.call(sheet, address) ? (sheet[address] as XLSX.CellObject) : undefined;
      cells.push(cellText(cell, date1904, { file, row: r + 1, column: xlsx().utils.encode_col(c) }));
    }
    rows.push({ row: r + 1, cells });
  }
  if (rows.every((r) => r.cells.every((cell) => cell === ''))) throw new InputError({ file }, 'a worksheet with a header row (the sheet is empty)');
  const raw = rawTableFromRows(file, rows, headerRow);
  const header = [...raw.header];
  const data = raw.rows.map((r) => [...r]);
  while (header.length > 0 && header[header.length - 1] === '' && data.every((r) => r[header.length - 1] === '')) {
    header.pop();
    for (const r of data) r.pop();
  }
  return { ...raw, header, rows: data };
}
