import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { sqlString, withDuckDB } from '../../src/data/duckdb';
import { InputError } from '../../src/data/InputError';
import { decodeText, TEXT_ENCODINGS } from '../../src/data/readCsv';
import { loadTable } from '../../src/data/readTable';
import { excelNumberText } from '../../src/data/readXlsx';
import { developmentFactors } from '../../src/lossratio/developmentFactors';
import { triangleFromRows } from '../../src/lossratio/triangle';
import { tempDir, writeFile } from './helpers';

/** Runs `work` and returns the InputError it throws (fails the test if it throws nothing or something else). */
async function inputError(work: () => unknown): Promise<InputError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

/** Writes an XLSX workbook of one sheet from rows of cells (SheetJS, as a user's file would be). */
function writeXlsx(dir: string, name: string, sheetName: string, rows: unknown[][], edit?: (sheet: XLSX.WorkSheet) => void): string {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  edit?.(sheet);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}

describe('--encoding: a table is read in each encoding it may come in', () => {
  const text = 'product_code,product_name,line,term_months\nACC01,互联网意外险,accident,12\n';
  // GBK/GB18030 bytes of 互联网意外险 (checked with iconv: 互 = BBA5, 联 = C1AA, 网 = CDF8, 意 = D2E2, 外 = CDE2, 险 = CFD5).
  const gbkName = [0xbb, 0xa5, 0xc1, 0xaa, 0xcd, 0xf8, 0xd2, 0xe2, 0xcd, 0xe2, 0xcf, 0xd5];
  const gbk = Buffer.concat([Buffer.from('product_code,product_name,line,term_months\nACC01,'), Buffer.from(gbkName), Buffer.from(',accident,12\n')]);
  /** UTF-16 big-endian: Node's little-endian encoder with each pair of bytes swapped. */
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it('lists the encodings the README names', () => {
    expect(TEXT_ENCODINGS).toEqual(['utf-8', 'gb18030', 'gbk', 'utf-16', 'utf-16le', 'utf-16be']);
  });

  it('gbk: two-byte GBK characters', async () => {
    const path = writeFile(tempDir(), 'products.csv', gbk);
    expect((await loadTable(path, 'products', { encoding: 'gbk' })).rows[0].product_name).toBe('互联网意外险');
  });

  it('gb18030: also the four-byte characters GBK lacks (U+20000 is 95 32 82 36 in GB 18030-2005)', async () => {
    const bytes = Buffer.concat([Buffer.from('product_code,product_name,line,term_months\nACC01,'), Buffer.from(gbkName), Buffer.from([0x95, 0x32, 0x82, 0x36]), Buffer.from(',accident,12\n')]);
    const path = writeFile(tempDir(), 'products.csv', bytes);
    expect((await loadTable(path, 'products', { encoding: 'gb18030' })).rows[0].product_name).toBe('互联网意外险\u{20000}');
  });

  it('utf-8, with and without a byte-order mark (as Excel saves "CSV UTF-8")', async () => {
    const dir = tempDir();
    const plain = await loadTable(writeFile(dir, 'products.csv', text), 'products', { encoding: 'utf-8' });
    const bom = await loadTable(writeFile(dir, 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), 'products');
    expect(plain.rows[0].product_name).toBe('互联网意外险');
    expect(bom.rows[0].product_code).toBe('ACC01');
    expect(bom.headers.product_code).toBe('product_code');
  });

  it('utf-16: the byte-order mark decides little- or big-endian; without one, the first byte', async () => {
    const dir = tempDir();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]);
    for (const [name, bytes] of [['le.csv', le], ['be.csv', be], ['le-nobom.csv', Buffer.from(text, 'utf16le')], ['be-nobom.csv', utf16be(text)]] as const) {
      const table = await loadTable(writeFile(dir, name, bytes), 'products', { encoding: 'utf-16' });
      expect(table.rows[0].product_name, name).toBe('互联网意外险');
    }
    // A byte-order mark is honoured whatever --encoding says.
    expect((await loadTable(join(dir, 'be.csv'), 'products')).rows[0].product_name).toBe('互联网意外险');
  });

  it('utf-16le and utf-16be name the byte order explicitly', async () => {
    const dir = tempDir();
    expect((await loadTable(writeFile(dir, 'a.csv', Buffer.from(text, 'utf16le')), 'products', { encoding: 'utf-16le' })).rows[0].product_name).toBe('互联网意外险');
    expect((await loadTable(writeFile(dir, 'b.csv', utf16be(text)), 'products', { encoding: 'utf-16be' })).rows[0].product_name).toBe('互联网意外险');
  });

  it('UTF-16 bytes read as UTF-8 are refused with a hint to pass --encoding utf-16', () => {
    const bytes = Buffer.from('product_code\n\u00e9\n', 'utf16le');
    expect(() => decodeText('p.csv', bytes)).toThrow('expected text encoded as UTF-8 (the bytes look like UTF-16: pass --encoding utf-16)');
  });

  it('bytes that are not GB18030 name their line', () => {
    // 0xFF is never a lead byte in GB18030.
    const bytes = Buffer.concat([Buffer.from('a\nb\n'), Buffer.from([0xff, 0x41]), Buffer.from('\n')]);
    const e = (() => {
      try {
        decodeText('p.csv', bytes, 'gb18030');
      } catch (error) {
        return error as InputError;
      }
      throw new Error('expected an error');
    })();
    expect(e.location).toEqual({ file: 'p.csv', row: 3 });
    expect(e.message).toBe('p.csv, row 3: expected text encoded as GB18030');
  });
});

describe('row numbers: a blank line or row does not shift them', () => {
  it('a blank line in a CSV: the bad cell is named by the row a spreadsheet shows', async () => {
    // Rows: 1 header, 2 ACC01, 3 blank, 4 blank (only separators), 5 TL01 with a bad term.
    const path = writeFile(tempDir(), 'products.csv', 'product_code,line,term_months\nACC01,accident,12\n\n,,\nTL01,term_life,abc\n');
    const e = await inputError(() => loadTable(path, 'products'));
    expect(e.location).toMatchObject({ row: 5, column: 'term_months' });
  });

  it('a quoted cell spanning two lines is one row', async () => {
    const path = writeFile(tempDir(), 'products.csv', 'product_code,product_name,line,term_months\nACC01,"two\nlines",accident,12\nTL01,x,term_life,abc\n');
    expect((await inputError(() => loadTable(path, 'products'))).location).toMatchObject({ row: 3, column: 'term_months' });
  });

  it('a blank row in a sheet: rows keep their sheet numbers', async () => {
    const path = writeXlsx(tempDir(), 'products.xlsx', 'products', [['product_code', 'line', 'term_months'], ['ACC01', 'accident', 12], [], [], ['TL01', 'term_life', 'abc']]);
    const e = await inputError(() => loadTable(path, 'products'));
    expect(e.location).toMatchObject({ row: 5, column: 'term_months' });
  });

  it('source_row of every parsed row is its spreadsheet row', async () => {
    const path = writeFile(tempDir(), 'products.csv', 'product_code,line,term_months\n\nACC01,accident,12\n\n\nTL01,term_life,240\n');
    expect((await loadTable(path, 'products')).rows.map((r) => r.source_row)).toEqual([3, 6]);
  });

  it('a duplicate key after a blank line names both rows as the sheet numbers them', async () => {
    const path = writeFile(tempDir(), 'products.csv', 'product_code,line,term_months\nA,accident,12\n\nA,accident,12\n');
    expect((await inputError(() => loadTable(path, 'products'))).message).toContain('row 4, column product_code: expected a unique key, but product_code=A already appears in row 2');
  });

  it('a triangle with a zero or negative value names its row, after a blank line too', async () => {
    const dir = tempDir();
    for (const [value, row] of [['0', 4], ['-5', 4]] as const) {
      const path = writeFile(dir, `triangle${value}.csv`, `origin,development,value\n2020,1,100\n\n2021,1,${value}\n2020,2,150\n2021,2,160\n2022,1,120\n`);
      const table = await loadTable(path, 'triangle');
      const e = await inputError(() => developmentFactors(triangleFromRows(table.rows, 'age', path), {}, path));
      expect(e.location, value).toMatchObject({ file: path, row, column: 'value' });
      expect(e.message).toContain(`expected a positive cumulative amount for origin 2021 at age 1 (a link ratio divides by it), found "${value}"`);
    }
  });
});

describe('a header below row 1', () => {
  const header = ['product_code', 'period', 'premium_income', 'upr_opening', 'upr_closing', 'claims_paid', 'ocr_opening', 'ocr_closing'];
  const data = ['ACC01', '2025', 1000, 0, 0, 100, 0, 0];

  it('a title row above the header in a sheet: the message names the header row and --header-row', async () => {
    const path = writeXlsx(tempDir(), 'finance.xlsx', 'finance', [['Finance ledger 2025'], [], header, data]);
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.message).toBe(`${path}, row 1: expected the finance table's header in row 1 (row 1 reads "Finance ledger 2025", a title?), but it looks like row 3: delete the rows above the header or pass --header-row 3`);
  });

  it('--header-row reads the header from that row and keeps the data rows\' numbers', async () => {
    const dir = tempDir();
    const path = writeXlsx(dir, 'finance.xlsx', 'finance', [['Finance ledger 2025'], [], header, data, ['ACC02', '2025', 'x', 0, 0, 0, 0, 0]]);
    const e = await inputError(() => loadTable(path, 'finance', { headerRow: 3 }));
    expect(e.location).toMatchObject({ row: 5, column: 'premium_income' });
    const csv = writeFile(dir, 'finance.csv', `Finance ledger 2025,,,,,,,\n${header.join(',')}\n${data.join(',')}\n`);
    const table = await loadTable(csv, 'finance', { headerRow: 2 });
    expect(table.rows.map((r) => [r.product_code, r.premium_income, r.source_row])).toEqual([['ACC01', 100000, 3]]);
  });

  it('a one-cell title line in a CSV: the message says so', async () => {
    const path = writeFile(tempDir(), 'finance.csv', `Finance ledger 2025\n${header.join(',')}\n${data.join(',')}\n`);
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.location).toMatchObject({ row: 2 });
    expect(e.message).toContain('expected as many cells as the header has columns (row 1 looks like a title above the header: delete it or pass --header-row 2)');
  });

  it('a --header-row on a blank row or past the end is refused, naming it', async () => {
    const path = writeXlsx(tempDir(), 'finance.xlsx', 'finance', [['Finance ledger 2025'], [], header, data]);
    expect((await inputError(() => loadTable(path, 'finance', { headerRow: 2 }))).message).toBe(`${path}, row 2: expected the header in row 2 (--header-row), but that row is blank`);
    expect((await inputError(() => loadTable(path, 'finance', { headerRow: 9 }))).message).toContain('but that row is past the end of the table');
  });
});

describe('numbers from Excel are read as Excel shows them (15 significant digits)', () => {
  it('excelNumberText rounds a double to 15 significant digits in plain notation', () => {
    expect(excelNumberText(999999.9999999999)).toBe('1000000');
    expect(excelNumberText(0.1 + 0.2)).toBe('0.3');
    expect(excelNumberText(1234.5)).toBe('1234.5');
    expect(excelNumberText(-12.34)).toBe('-12.34');
    expect(excelNumberText(1e-7)).toBe('0.0000001');
    expect(excelNumberText(123456789012345680000)).toBe('123456789012346000000');
  });

  it('a formula cell holding 999999.9999999999 (shown by Excel as 1,000,000.00) is 1,000,000.00 yuan', async () => {
    const path = writeXlsx(
      tempDir(),
      'finance.xlsx',
      'finance',
      [
        ['product_code', 'period', 'premium_income', 'upr_opening', 'upr_closing', 'claims_paid', 'ocr_opening', 'ocr_closing'],
        ['ACC01', '2025', 0, 0, 0, 0.1, 0, 0],
      ],
      (sheet) => {
        sheet.C2 = { t: 'n', f: '3*333333.3333333333', v: 999999.9999999999, z: '#,##0.00' };
        sheet.F2 = { t: 'n', f: '0.1+0.2', v: 0.1 + 0.2 };
      },
    );
    const row = (await loadTable(path, 'finance')).rows[0];
    expect(row.premium_income).toBe(100000000);
    expect(row.claims_paid).toBe(30);
  });

  it('money with a real third decimal is still refused', async () => {
    const path = writeXlsx(tempDir(), 'finance.xlsx', 'finance', [
      ['product_code', 'period', 'premium_income', 'upr_opening', 'upr_closing', 'claims_paid', 'ocr_opening', 'ocr_closing'],
      ['ACC01', '2025', 1000.005, 0, 0, 0, 0, 0],
    ]);
    expect((await inputError(() => loadTable(path, 'finance'))).message).toContain('row 2, column premium_income: expected money in yuan with at most two decimals, found "1000.005"');
  });

  it('a formula saved without its result is refused, naming the cell', async () => {
    const path = writeXlsx(tempDir(), 'products.xlsx', 'products', [['product_code', 'line', 'term_months'], ['A', 'accident', 12]], (sheet) => {
      sheet.C2 = { t: 'n', f: 'A1*2' };
    });
    const e = await inputError(() => loadTable(path, 'products'));
    expect(e.location).toMatchObject({ row: 2, column: 'C' });
    expect(e.message).toContain('expected a formula with its computed value');
  });
});

describe('a crafted workbook cannot reach an object prototype', () => {
  it('a sheet named __proto__ is refused', async () => {
    const path = writeXlsx(tempDir(), 'products.xlsx', '__proto__', [['product_code', 'line', 'term_months'], ['A', 'accident', 12]]);
    const e = await inputError(() => loadTable(path, 'products'));
    expect(e.message).toContain('expected a workbook without a sheet named __proto__ (a reserved name: rename the sheet)');
    expect(({} as Record<string, unknown>).product_code).toBeUndefined();
  });

  it('a header named __proto__ or constructor is refused, in XLSX and CSV', async () => {
    const dir = tempDir();
    for (const name of ['__proto__', 'constructor']) {
      const xlsx = writeXlsx(dir, `${name}.xlsx`, 'products', [['product_code', 'line', 'term_months', name], ['A', 'accident', 12, '{"polluted":1}']]);
      const e = await inputError(() => loadTable(xlsx, 'products'));
      expect(e.location).toMatchObject({ row: 1, column: '#4' });
      expect(e.message).toContain('expected a column header other than __proto__, constructor or prototype');
      const csv = writeFile(dir, `${name}.csv`, `product_code,line,term_months,${name}\nA,accident,12,x\n`);
      expect((await inputError(() => loadTable(csv, 'products'))).location).toMatchObject({ row: 1, column: '#4' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cell addresses are looked up as the sheet\'s own cells, never inherited ones', async () => {
    // A sheet whose only sheet name is looked up safely and whose cells A1… are its own.
    const path = writeXlsx(tempDir(), 'products.xlsx', 'products', [['product_code', 'line', 'term_months'], ['hasOwnProperty', 'accident', 12]]);
    expect((await loadTable(path, 'products')).rows[0].product_code).toBe('hasOwnProperty');
  });
});

describe('Parquet DECIMAL(18,3) money', () => {
  it('money whose third decimal is zero is accepted; a real third decimal is refused', async () => {
    const dir = tempDir();
    const path = join(dir, 'finance.parquet');
    await withDuckDB(async (c) => {
      await c.run(
        `COPY (SELECT 'ACC01' AS product_code, '2025' AS period, CAST(1234.500 AS DECIMAL(18,3)) AS premium_income, CAST(0 AS DECIMAL(18,3)) AS upr_opening, CAST(0 AS DECIMAL(18,3)) AS upr_closing, CAST(10.250 AS DECIMAL(18,3)) AS claims_paid, CAST(0 AS DECIMAL(18,3)) AS ocr_opening, CAST(0 AS DECIMAL(18,3)) AS ocr_closing) TO ${sqlString(path)} (FORMAT parquet)`,
      );
    });
    const row = (await loadTable(path, 'finance')).rows[0];
    expect([row.premium_income, row.claims_paid]).toEqual([123450, 1025]);
    const bad = join(dir, 'bad.parquet');
    await withDuckDB(async (c) => {
      await c.run(`COPY (SELECT 'ACC01' AS product_code, '2025' AS period, CAST(1234.505 AS DECIMAL(18,3)) AS premium_income, 0 AS upr_opening, 0 AS upr_closing, 0 AS claims_paid, 0 AS ocr_opening, 0 AS ocr_closing) TO ${sqlString(bad)} (FORMAT parquet)`);
    });
    expect((await inputError(() => loadTable(bad, 'finance'))).message).toContain('column premium_income: expected money in yuan with at most two decimals, found "1234.505"');
  });
});
