import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { withDuckDB, sqlString } from '../../src/data/duckdb';
import { InputError } from '../../src/data/InputError';
import { checkPolicyProducts, loadPolicyColumns } from '../../src/data/loadPolicyColumns';
import { parseTable } from '../../src/data/parseTable';
import type { PolicyColumns } from '../../src/data/policyColumns';
import type { ProductRow } from '../../src/data/rows';
import { tempDir, writeFile } from './helpers';

/** A book that exercises aliases, date and money spellings, missing words, enum aliases and attributes. */
const BOOK = [
  '保单号,产品代码,生效日期,终止日期,终止原因,保费,保额,投保年龄,性别,渠道,region,agent_team',
  'P001,TL01,2021-01-05,,,"1,234.50",100000,35,男,app,华东,A',
  'P002,TL01,2021/02/28,2023-03-01,退保,¥99,NA,40,F,agency,华北,',
  'P003,AN01,2020年2月29日,2024-02-29,death,0.5,200000.00,,female, app ,-,B',
  'P004,TL01,20220101,2022-12-31,lapse,12,50000,120,,online_partner,华东,A',
  ' P005 ,AN01,2023-07-01 00:00:00,,,-3.25,,0,M,app,西南,C',
].join('\n') + '\n';

async function bothPaths(csv: string, name = 'policies.csv'): Promise<[PolicyColumns, PolicyColumns]> {
  const dir = tempDir();
  const path = writeFile(dir, name, csv);
  return [await loadPolicyColumns(path, { reader: 'rows' }), await loadPolicyColumns(path, { reader: 'duckdb' })];
}

/** The error a loader throws (fails when it throws nothing or something else). */
async function errorOf(work: () => Promise<unknown>): Promise<InputError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('loadPolicyColumns(): the DuckDB path gives the row path columns', () => {
  it('reads the same columns from the same CSV', async () => {
    const [rows, duck] = await bothPaths(BOOK);
    expect(duck).toEqual(rows);
    expect(duck.policy_id).toEqual(['P001', 'P002', 'P003', 'P004', 'P005']);
    expect([...duck.premium]).toEqual([123450, 9900, 50, 1200, -325]);
    expect(duck.attributes.get('gender')!.levels).toEqual(['M', 'F']);
    expect(duck.attributes.get('agent_team')!.levels).toEqual(['A', 'B', 'C']);
  });

  it('reads the same columns from Parquet, text-typed and natively typed', async () => {
    const dir = tempDir();
    const csv = writeFile(dir, 'policies.csv', BOOK);
    const rows = await loadPolicyColumns(csv, { reader: 'rows' });
    const text = join(dir, 'text.parquet');
    const typed = join(dir, 'typed.parquet');
    await withDuckDB(async (c) => {
      await c.run(`COPY (SELECT * FROM read_csv(${sqlString(csv)}, all_varchar=true, header=true)) TO ${sqlString(text)} (FORMAT parquet)`);
      await c.run(
        `COPY (SELECT 'Q' || i::VARCHAR AS policy_id, 'TL01' AS product_code, DATE '2020-01-01' + i::INTEGER AS issue_date, CASE WHEN i % 3 = 0 THEN DATE '2024-06-30' END AS exit_date,
                CASE WHEN i % 3 = 0 THEN 'lapse' END AS exit_reason, (i * 1.25)::DECIMAL(12,2) AS premium, (i * 1000)::DOUBLE AS sum_assured,
                (20 + i % 50)::INTEGER AS age_at_issue, CASE WHEN i % 2 = 0 THEN 'M' ELSE '女' END AS gender, 'app' AS channel
         FROM range(1, 3001) t(i)) TO ${sqlString(typed)} (FORMAT parquet)`,
      );
    });
    const fromText = await loadPolicyColumns(text);
    expect({ ...fromText, file: csv }).toEqual(rows);
    const [typedRows, typedDuck] = [await loadPolicyColumns(typed, { reader: 'rows' }), await loadPolicyColumns(typed)];
    expect(typedDuck).toEqual(typedRows);
    expect(typedDuck.length).toBe(3000);
    expect(typedDuck.premium[3]).toBe(500); // 4 × 1.25 yuan = 5.00 yuan
  });

  it('reads only the columns asked for, the same way on both paths', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'policies.csv', BOOK);
    const options = { columns: ['channel', 'age_at_issue'], policyIds: false };
    const rows = await loadPolicyColumns(path, { ...options, reader: 'rows' });
    const duck = await loadPolicyColumns(path, { ...options, reader: 'duckdb' });
    expect(duck).toEqual(rows);
    expect([...duck.attributes.keys()]).toEqual(['channel']);
    expect(Number.isNaN(duck.premium[0])).toBe(true);
    expect(duck.age_at_issue[0]).toBe(35);
  });

  it('routes a CSV from the size threshold to DuckDB, and reads it the same way', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'policies.csv', BOOK);
    // A threshold below the file's size sends it through DuckDB (which reports progress reading it);
    // the default threshold (64 MiB) keeps this small file on the row path. Both read the same.
    const phases: string[] = [];
    const progress = { start: (label: string) => phases.push(label), tick: () => {}, stop: () => {} };
    const auto = await loadPolicyColumns(path, { largeCsvBytes: 1, progress });
    expect(phases).toEqual(['Reading policies']);
    expect(auto).toEqual(await loadPolicyColumns(path, { progress }));
    expect(phases).toEqual(['Reading policies']);
    await expect(loadPolicyColumns(join(dir, 'missing.parquet'))).rejects.toThrow(/expected an existing policies file/);
  });

  it('can leave the policy numbers out', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'policies.csv', BOOK);
    const columns = await loadPolicyColumns(path, { reader: 'duckdb', policyIds: false });
    expect(columns.policy_id).toBeUndefined();
    expect(columns.length).toBe(5);
  });
});

describe('loadPolicyColumns(): the DuckDB path raises the row path errors', () => {
  const header = 'policy_id,product_code,issue_date,exit_date,exit_reason,premium';
  const cases: Record<string, string> = {
    'an impossible date': `${header}\nP1,TL01,2021-01-05,,,1\nP2,TL01,2023-02-29,,,1\n`,
    'money with three decimals': `${header}\nP1,TL01,2021-01-05,,,1.234\n`,
    'non-numeric money': `${header}\nP1,TL01,2021-01-05,,,12x\n`,
    'an unknown exit reason': `${header}\nP1,TL01,2021-01-05,2022-01-01,moved,1\nP2,TL01,2021-01-05,,,1\n`,
    'a missing required column': 'policy_id,product_code,exit_date\nP1,TL01,\n',
    'a missing required value': `${header}\nP1,TL01,2021-01-05,,,1\nP2,,2021-01-05,,,1\n`,
    'a missing issue date': `${header}\nP1,TL01,NA,,,1\n`,
    'a missing policy number': `${header}\nP1,TL01,2021-01-05,,,1\n n/a ,TL01,2021-01-05,,,1\n`,
    'a duplicate policy_id': `${header}\nP1,TL01,2021-01-05,,,1\nP2,TL01,2021-01-05,,,1\n P1,TL01,2021-01-05,,,1\n`,
    'a header only': `${header}\n`,
    'an empty file': '',
    'a row with too many cells': `${header}\nP1,TL01,2021-01-05,,,1,9\n`,
    'two problems: the first in file order wins': `${header}\nP1,TL01,2021-01-05,,,1\nP2,TL01,2021-13-01,,,1x\nP3,TL01,2021-01-05,,,bad\n`,
  };
  for (const [name, csv] of Object.entries(cases)) {
    it(`${name}`, async () => {
      const dir = tempDir();
      const path = writeFile(dir, 'policies.csv', csv);
      const rows = await errorOf(() => loadPolicyColumns(path, { reader: 'rows' }));
      for (const policyIds of [true, false]) {
        const duck = await errorOf(() => loadPolicyColumns(path, { reader: 'duckdb', policyIds }));
        expect(duck.message).toBe(rows.message);
        expect(duck.location).toEqual(rows.location);
      }
    });
  }

  it('names a file that is not UTF-8 on its line', async () => {
    const dir = tempDir();
    const gbk = new Uint8Array([...Buffer.from(`${header}\nP1,TL01,2021-01-05,,,1\nP2,`), 0xb1, 0xa3, ...Buffer.from(',2021-01-05,,,1\n')]);
    const path = writeFile(dir, 'policies.csv', gbk);
    const error = await errorOf(() => loadPolicyColumns(path, { reader: 'duckdb' }));
    expect(error.location).toEqual({ file: path, row: 3 });
    expect(error.message).toMatch(/UTF-8/);
  });

  it('checks product codes against the products table', async () => {
    const [rows, duck] = await bothPaths(BOOK);
    const products = parseTable<ProductRow>('products', { file: 'products.csv', header: ['product_code', 'line', 'term_months'], rows: [['TL01', 'term_life', '240']] });
    const a = await errorOf(async () => checkPolicyProducts(rows, products));
    const b = await errorOf(async () => checkPolicyProducts(duck, products));
    expect(b.message).toBe(a.message);
    expect(a.message).toBe('policies.csv, row 4, column product_code (header "产品代码"): expected a product listed in products.csv, found "AN01"'.replace('policies.csv', a.location.file!));
  });
});
