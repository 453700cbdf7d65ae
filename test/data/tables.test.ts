import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/dataFolder';
import { dayOf } from '../../src/data/dates';
import { withDuckDB, sqlString } from '../../src/data/duckdb';
import { InputError } from '../../src/data/InputError';
import { parseTable } from '../../src/data/parseTable';
import { loadTable } from '../../src/data/readTable';
import type { FinanceRow } from '../../src/data/rows';
import { normaliseKey, TABLES } from '../../src/data/schema';
import { tempDir, writeFile } from './helpers';

const PRODUCTS = 'product_code,line,term_months,internet\nACC01,accident,12,true\nTL01,term_life,240,true\n';

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

describe('headers: canonical names and aliases', () => {
  it("accepts the seed's own Chinese words for the finance table (DOMAIN.md, Input tables)", () => {
    // The words S2 uses in its loss-ratio formula, and the two header words DOMAIN.md lists.
    const seedWords: Record<string, string> = {
      产品代码: 'product_code',
      年度: 'period',
      期间: 'period',
      年度保费收入: 'premium_income',
      保费收入: 'premium_income',
      年初未到期责任准备金: 'upr_opening',
      年末未到期责任准备金: 'upr_closing',
      年度赔款金额: 'claims_paid',
      赔款支出: 'claims_paid',
      年初未决赔款准备金: 'ocr_opening',
      年末未决赔款准备金: 'ocr_closing',
    };
    for (const [word, canonical] of Object.entries(seedWords)) {
      const column = TABLES.finance.columns.find((c) => c.name === canonical)!;
      expect(column.aliases, `${word} → ${canonical}`).toContain(word);
    }
  });

  it('maps every declared alias of every table to its canonical column', () => {
    for (const spec of Object.values(TABLES)) {
      for (const column of spec.columns) {
        for (const alias of [column.name, ...(column.aliases ?? [])]) {
          const header = spec.columns.filter((c) => c.required && c.name !== column.name).map((c) => c.name);
          const table = parseTable(spec.name, { file: `${spec.name}.csv`, header: [...header, alias], rows: [] }, { allowEmpty: true });
          expect(table.headers[column.name], `${spec.name}: "${alias}"`).toBe(alias);
        }
      }
    }
  });

  it('no alias is claimed by two columns of the same table', () => {
    for (const spec of Object.values(TABLES)) {
      const owner = new Map<string, string>();
      for (const column of spec.columns) {
        for (const alias of [column.name, ...(column.aliases ?? [])]) {
          const key = normaliseKey(alias);
          expect(owner.get(key) ?? column.name, `${spec.name}: "${alias}"`).toBe(column.name);
          owner.set(key, column.name);
        }
      }
    }
  });

  it('headers match without regard to case, spaces or underscores', () => {
    const table = parseTable('products', { file: 'p.csv', header: ['Product Code', 'LINE', 'term-months'], rows: [['A', 'accident', '12']] });
    expect(table.rows[0].product_code).toBe('A');
    expect(table.rows[0].term_months).toBe(12);
  });

  it('keeps unknown columns as attributes, as text, in file order', () => {
    const table = parseTable('policies', {
      file: 'policies.csv',
      header: ['policy_id', 'product_code', 'issue_date', 'occupation_class', '职业'],
      rows: [['P1', 'ACC01', '2024-01-01', '2', '教师']],
    });
    expect(table.attributeColumns).toEqual(['occupation_class', '职业']);
    expect(table.rows[0].attributes).toEqual({ occupation_class: '2', 职业: '教师' });
  });
});

describe('the finance table with Chinese headers gives the same rows as with English ones', () => {
  it('parses to identical typed values', async () => {
    const dir = tempDir();
    const english =
      'product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing\n' +
      'ACC01,2024,2500000.00,300000,350000.50,400000,50000,62000.25\nACC01,2025Q1,600000,350000.50,360000,90000,62000.25,61000\n';
    const chinese =
      '产品代码,年度,年度保费收入,年初未到期责任准备金,年末未到期责任准备金,年度赔款金额,年初未决赔款准备金,年末未决赔款准备金\n' +
      'ACC01,2024年,"2,500,000.00",300000,350000.50,400000,50000,62000.25\nACC01,2025年第一季度,600000,350000.50,360000,90000,62000.25,61000\n';
    const a = await loadTable(writeFile(dir, 'finance-en.csv', english), 'finance');
    const b = await loadTable(writeFile(dir, 'finance-zh.csv', chinese), 'finance');
    const strip = (rows: readonly FinanceRow[]) => rows.map(({ attributes, source_row, ...rest }) => rest);
    expect(strip(b.rows)).toEqual(strip(a.rows));
    expect(a.rows[0].premium_income).toBe(250000000);
    expect(a.rows[1].period).toBe('2025Q1');
    expect(b.headers.premium_income).toBe('年度保费收入');
  });
});

describe('every class of bad input names file, row, column and the expectation', () => {
  const financeHeader = 'product_code,period,premium_income,upr_opening,upr_closing,claims_paid,ocr_opening,ocr_closing\n';

  it('a missing required column', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'finance.csv', 'product_code,period,premium_income\nACC01,2024,1\n');
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.location).toMatchObject({ file: path, row: 1, column: 'upr_opening' });
    expect(e.message).toContain('expected a required column upr_opening (accepted headers: upr_opening, 年初未到期责任准备金');
  });

  it('an impossible date', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'policies.csv', 'policy_id,product_code,生效日期\nP1,ACC01,2024-01-05\nP2,ACC01,2023-02-29\n');
    const e = await inputError(() => loadTable(path, 'policies'));
    expect(e.location).toMatchObject({ file: path, row: 3, column: 'issue_date', header: '生效日期' });
    expect(e.message).toBe(`${path}, row 3, column issue_date (header "生效日期"): expected a real calendar date as YYYY-MM-DD, found "2023-02-29"`);
  });

  it('non-numeric money', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'finance.csv', financeHeader + 'ACC01,2024,12x,0,0,0,0,0\n');
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.location).toMatchObject({ row: 2, column: 'premium_income' });
    expect(e.message).toContain('expected money in yuan (for example 1234.56), found "12x"');
  });

  it('a missing required value', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'finance.csv', financeHeader + 'ACC01,2024,,0,0,0,0,0\n');
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.location).toMatchObject({ row: 2, column: 'premium_income' });
    expect(e.message).toContain('expected a value (premium_income is required), found an empty cell');
  });

  it('a duplicate key names both rows', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'finance.csv', financeHeader + 'ACC01,2024,1,0,0,0,0,0\nTL01,2024,1,0,0,0,0,0\nACC01,2024年,2,0,0,0,0,0\n');
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.location).toMatchObject({ row: 4, column: 'product_code+period' });
    expect(e.message).toContain('product_code=ACC01, period=2024 already appears in row 2');
  });

  it('an unknown product', async () => {
    const dir = tempDir();
    writeFile(dir, 'products.csv', PRODUCTS);
    writeFile(dir, 'finance.csv', financeHeader + 'ACC01,2024,1,0,0,0,0,0\nXYZ99,2024,1,0,0,0,0,0\n');
    const e = await inputError(() => loadDataFolder(dir, ['products', 'finance']));
    expect(e.location).toMatchObject({ file: join(dir, 'finance.csv'), row: 3, column: 'product_code' });
    expect(e.message).toContain(`expected a product listed in ${join(dir, 'products.csv')}, found "XYZ99"`);
  });

  it('an empty file, a header-only file and a missing table', async () => {
    const dir = tempDir();
    const empty = writeFile(dir, 'products.csv', '');
    expect((await inputError(() => loadTable(empty, 'products'))).message).toBe(`${empty}: expected a table with a header row (the file is empty: 0 bytes)`);
    const headerOnly = writeFile(dir, 'finance.csv', financeHeader);
    expect((await inputError(() => loadTable(headerOnly, 'finance'))).location).toMatchObject({ file: headerOnly, row: 2 });
    const missing = await inputError(() => loadDataFolder(tempDir(), ['solvency']));
    expect(missing.message).toContain('expected the solvency table in the data folder');
  });

  it('claims may have a header and no rows (a year without claims)', async () => {
    const dir = tempDir();
    writeFile(dir, 'claims.csv', 'claim_id,policy_id,incident_date,paid_amount\n');
    const folder = await loadDataFolder(dir, ['claims']);
    expect(folder.claims.rows).toHaveLength(0);
  });

  it('wrong encoding: GBK bytes are refused with the row and a hint', async () => {
    const dir = tempDir();
    // Encode as GBK: the bytes of 互联网意外险 in GB18030/GBK (checked with iconv: 互 = BBA5, 联 = C1AA, 网 = CDF8, 意 = D2E2, 外 = CDE2, 险 = CFD5).
    const gbk = Buffer.concat([
      Buffer.from('product_code,product_name,line,term_months\nACC01,'),
      Buffer.from([0xbb, 0xa5, 0xc1, 0xaa, 0xcd, 0xf8, 0xd2, 0xe2, 0xcd, 0xe2, 0xcf, 0xd5]),
      Buffer.from(',accident,12\n'),
    ]);
    const path = writeFile(dir, 'products.csv', gbk);
    const e = await inputError(() => loadTable(path, 'products'));
    expect(e.location).toMatchObject({ file: path, row: 2 });
    expect(e.message).toContain('expected text encoded as UTF-8 (the bytes look like GBK/GB18030: save the file as UTF-8 or pass --encoding gb18030)');
    const decoded = await loadTable(path, 'products', { encoding: 'gb18030' });
    expect(decoded.rows[0].product_name).toBe('互联网意外险');
  });

  it('a row with the wrong number of cells', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'products.csv', 'product_code,line,term_months\nA,accident,12\nB,accident\n');
    const e = await inputError(() => loadTable(path, 'products'));
    expect(e.location).toMatchObject({ file: path, row: 3 });
    expect(e.message).toContain('expected as many cells as the header has columns');
  });

  it('an unknown enum value and an out-of-range number', async () => {
    const dir = tempDir();
    const bad = writeFile(dir, 'products.csv', 'product_code,line,term_months\nA,motor,12\n');
    expect((await inputError(() => loadTable(bad, 'products'))).location).toMatchObject({ row: 2, column: 'line' });
    const age = writeFile(dir, 'policies.csv', 'policy_id,product_code,issue_date,age_at_issue\nP1,A,2024-01-01,130\n');
    expect((await inputError(() => loadTable(age, 'policies'))).message).toContain('expected a whole number between 0 and 120, found "130"');
  });

  it('two headers that mean the same column', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'finance.csv', 'product_code,period,保费收入,年度保费收入\nA,2024,1,2\n');
    const e = await inputError(() => loadTable(path, 'finance'));
    expect(e.message).toContain('headers "保费收入" and "年度保费收入" both mean it');
  });

  it('an unsupported file kind', async () => {
    const path = writeFile(tempDir(), 'finance.json', '[]');
    expect((await inputError(() => loadTable(path, 'finance'))).message).toContain('expected a .csv, .tsv, .xlsx or .parquet file for the finance table');
  });
});

describe('CSV, TSV, XLSX and Parquet give the same typed rows', () => {
  const header = ['product_code', 'line', 'term_months', 'internet', 'launch_date', 'loading_average', 'pricing_interest_rate'];
  const csv = 'product_code,line,term_months,internet,launch_date,loading_average,pricing_interest_rate\nACC01,意外险,12,是,2021-03-01,35%,\nTL01,term_life,240,false,2020-02-29,0.2450,0.025\n';

  it('reads the same products from each format', async () => {
    const dir = tempDir();
    const fromCsv = await loadTable(writeFile(dir, 'products.csv', csv), 'products');
    const fromTsv = await loadTable(writeFile(dir, 'products.tsv', csv.replace(/,/g, '\t')), 'products');

    // XLSX with real date cells (serial numbers with a date format), as Excel writes them.
    const sheet = XLSX.utils.aoa_to_sheet([
      header,
      ['ACC01', '意外险', 12, '是', new Date(Date.UTC(2021, 2, 1)), '35%', null],
      ['TL01', 'term_life', 240, false, new Date(Date.UTC(2020, 1, 29)), 0.245, 0.025],
    ], { cellDates: true });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'products');
    const xlsxPath = join(dir, 'products.xlsx');
    writeFileSync(xlsxPath, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const fromXlsx = await loadTable(xlsxPath, 'products');

    const parquetPath = join(dir, 'products.parquet');
    await withDuckDB(async (c) => {
      await c.run(`COPY (SELECT * FROM read_csv(${sqlString(join(dir, 'products.csv'))}, all_varchar = true)) TO ${sqlString(parquetPath)} (FORMAT parquet)`);
    });
    const fromParquet = await loadTable(parquetPath, 'products');

    const strip = (t: typeof fromCsv) => t.rows.map(({ source_row, attributes, ...rest }) => JSON.parse(JSON.stringify(rest)));
    expect(strip(fromTsv)).toEqual(strip(fromCsv));
    expect(strip(fromXlsx)).toEqual(strip(fromCsv));
    expect(strip(fromParquet)).toEqual(strip(fromCsv));
    expect(fromXlsx.rows[1].launch_date).toBe(dayOf(2020, 2, 29));
    expect(fromCsv.rows[0].internet).toBe(true);
    expect(fromCsv.rows[0].loading_average!.toString()).toBe('0.35');
    expect(fromCsv.rows[0].pricing_interest_rate).toBeNull();
  });
});
