import * as XLSX from 'xlsx';
import { formatDay } from './dates';
import { InputError } from './InputError';
import type { RawTable } from './rawTable';

/** Day number of Excel serial 0 in the 1900 date system (serial 25569 is 1970-01-01). */
const EXCEL_EPOCH_OFFSET = 25569;

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n': {
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      if (format && XLSX.SSF.is_date(format)) {
        const serial = (cell.v as number) + (date1904 ? 1462 : 0);
        return formatDay(Math.floor(serial) - EXCEL_EPOCH_OFFSET);
      }
      return String(cell.v);
    }
    case 'b':
      return cell.v ? 'true' : 'false';
    case 'd':
      return (cell.v as Date).toISOString().slice(0, 10);
    case 'e':
      return '#ERROR';
    default:
      return String(cell.v).trim();
  }
}

/**
 * Reads the sheet named after the table (or else the first sheet) of an XLSX workbook.
 * Date cells become ISO text from their serial number, so no time zone is involved.
 * @throws InputError when the workbook cannot be read or the sheet is empty.
 */
export function parseXlsx(file: string, bytes: Uint8Array, table: string): RawTable {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', cellDates: false, cellNF: true });
  } catch (error) {
    throw new InputError({ file }, `an XLSX workbook (${(error as Error).message})`);
  }
  const sheetName = workbook.SheetNames.find((n) => n.trim().toLowerCase() === table) ?? workbook.SheetNames[0];
  const sheet = sheetName === undefined ? undefined : workbook.Sheets[sheetName];
  if (!sheet || !sheet['!ref']) throw new InputError({ file }, 'a worksheet with a header row (the workbook is empty)');
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const grid: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(cellText(sheet[XLSX.utils.encode_cell({ r, c })], date1904));
    if (row.some((cell) => cell !== '')) grid.push(row);
  }
  if (grid.length === 0) throw new InputError({ file }, 'a worksheet with a header row (the sheet is empty)');
  const [header, ...rows] = grid;
  while (header.length > 0 && header[header.length - 1] === '' && rows.every((r) => r[header.length - 1] === '')) {
    header.pop();
    for (const r of rows) r.pop();
  }
  return { file, header, rows };
}
