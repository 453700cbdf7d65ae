import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CellParseFailure, cellParser, isMissingCell } from '../../src/data/parseCell';
import { TABLES } from '../../src/data/schema';
import { openDuckDB } from '../../src/engine/duckdbEngine';
import { dateTextSql, integerTextSql, isMissingSql, moneyTextSql, stringTextSql, type CellSql } from '../../src/engine/cellSql';
import type { SqlEngine } from '../../src/engine/sqlEngine';

/**
 * The study engine reads cells in SQL; the row path's cell parsers (src/data/parseCell.ts) are the
 * definition of what a cell means. Every text of a corpus — hand-picked spellings the README
 * documents, near misses, and random strings over the characters these formats use — must get
 * the same value from both, or be bad in both.
 */
let engine: SqlEngine;
beforeAll(async () => {
  engine = await openDuckDB({ threads: 1 });
});
afterAll(async () => engine.close());

/** A deterministic stream of random strings over `alphabet` (xorshift32). */
function randomTexts(alphabet: string, count: number, seed: number, maxLength = 12): string[] {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  const chars = [...alphabet];
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % maxLength) }, () => chars[next() % chars.length]).join(''));
}

/** The SQL reading of each text, as [value as text, bad]. */
async function readAll(texts: readonly string[], reading: (x: string) => CellSql): Promise<[string | null, boolean][]> {
  await engine.run('CREATE OR REPLACE TEMP TABLE cells (i INTEGER, x VARCHAR)');
  const block = 500;
  for (let s = 0; s < texts.length; s += block) {
    const values = texts.slice(s, s + block).map((t, j) => `(${s + j}, '${t.replace(/'/g, "''")}')`);
    await engine.run(`INSERT INTO cells VALUES ${values.join(', ')}`);
  }
  const r = reading('x');
  const layered = r.layers.reduce((inner, layer) => `(SELECT *, ${Object.entries(layer).map(([alias, e]) => `${e} AS ${alias}`).join(', ')} FROM ${inner})`, 'cells');
  const rows = await engine.rows(`SELECT i, CAST(${r.value} AS VARCHAR) AS v, ${r.bad} AS bad FROM ${layered} ORDER BY i`);
  return rows.map((row) => [row.v === null ? null : String(row.v), row.bad === true]);
}

function expectSame(texts: readonly string[], sql: [string | null, boolean][], parse: (text: string) => unknown, show: (v: unknown) => string) {
  const mismatches: string[] = [];
  texts.forEach((text, i) => {
    const v = parse(text);
    const jsBad = v instanceof CellParseFailure;
    const jsValue = jsBad || v === null ? null : show(v);
    const [sqlValue, sqlBad] = sql[i];
    if (jsBad !== sqlBad || jsValue !== sqlValue) mismatches.push(`${JSON.stringify(text)}: row path ${jsBad ? 'bad' : jsValue}, SQL ${sqlBad ? 'bad' : sqlValue}`);
  });
  expect(mismatches.slice(0, 20)).toEqual([]);
}

const spec = (table: keyof typeof TABLES, column: string) => TABLES[table].columns.find((c) => c.name === column)!;
const WHITESPACE = [' ', '\t', '\u00a0', '\u3000', '\ufeff', '\n'];

describe('the SQL reading of cells is the row path reading', () => {
  it('reads dates as parseDayText does (ISO, YYYY/M/D, YYYYMMDD, 年月日; real dates only)', async () => {
    const texts = [
      '2021-01-05', '2021-1-5', '2021/1/5', '2021/01/05', '20210105', '2021年1月5日', '2021年01月05日', '2024-02-29', '2023-02-29', '2023-02-30',
      '2021-13-01', '2021-00-10', '2021-01-00', ' 2021-01-05 ', '\u30002021-01-05', '2021-01-05T00:00', '2021-01-05 00:00:00', '2021-01-05T00:00:00.000Z',
      '2021-01-05T10:00', '2021-01-05 12:34:56', '21-01-05', '+021-01-05', ' 021-01-05', '2021-01-5 ', '2021.01.05', '05/01/2021', '', 'NA', ' n/a ', '-', 'null',
      '0999-01-01', '9999-12-31', '2021-1-05', '202101055', '2021年1月5', 'abc', '1900-02-29', '2000-02-29', '2021-02-28T00:00Z', '2021-02-28 00:00:00.5',
      ...WHITESPACE.map((w) => `${w}2021-03-04${w}`),
      ...randomTexts('0123456789-/年月日 T:Z', 3000, 7, 14),
      // Ten characters with dashes where ISO has them: what the fast reading's pattern lets through to DuckDB's cast.
      ...randomTexts('0123456789 +-./:T\t', 4000, 29, 8).map((r) => `${r.padEnd(8, '0').slice(0, 4)}-${r.padEnd(8, '1').slice(4, 6)}-${r.padEnd(8, '5').slice(6, 8)}`),
      ...randomTexts('0123456789 ', 2000, 31, 8).map((r) => `${r.padEnd(8, '0').slice(0, 4)}-${r.padEnd(8, '1').slice(4, 6)}-${r.padEnd(8, '5').slice(6, 8)}`),
    ];
    const parse = cellParser(spec('policies', 'issue_date'));
    expectSame(texts, await readAll(texts, (x) => dateTextSql(x, 'd')), parse, (v) => String(v));
  });

  it('reads money as parseMoneyText does (thousands separators, ¥/￥, 元, full-width digits, at most two decimals)', async () => {
    const texts = [
      '180', '180.00', '180.5', '180.', '.5', '-.5', '+.5', '-0.00', '+180', '007', '1,234.56', '1,234', '12,34', '1,2345', '￥180.00', '¥ 180', '180元', '180 元',
      '１８０．５０', '－５', '180.005', '1e2', '1E2', '1_000', '0x10', ' 180 ', '\u3000180', '180\u00a0', '', 'NA', '-', '.', '-.', '+', '1.2.3', '--5', '5-', 'inf',
      'nan', '9007199254740991', '90071992547409.91', '90071992547409.92', '99999999999999.99', '123456789012345678', '0.1', '0.10', '0.105', '00.5',
      ...WHITESPACE.map((w) => `${w}12.5${w}`),
      ...randomTexts('0123456789.,-+ ¥￥元e_', 4000, 11, 12),
    ];
    const parse = cellParser(spec('policies', 'premium'));
    expectSame(texts, await readAll(texts, (x) => moneyTextSql(x, 'm', spec('policies', 'premium'))), parse, (v) => String(v));
    const positive = cellParser(spec('loadings', 'gross_premium'));
    expectSame(texts, await readAll(texts, (x) => moneyTextSql(x, 'm', spec('loadings', 'gross_premium'))), positive, (v) => String(v));
  });

  it('reads whole numbers as parseNumberText does (sign, trailing .0, full-width digits, range)', async () => {
    const texts = [
      '0', '40', '+40', '-1', '040', '40.0', '40.', '40.5', '1e2', '0x10', '0b1', '１２', ' 40 ', '120', '121', '', 'NA', '-', '+', '4_0', '40.00', '99999999999',
      ...WHITESPACE.map((w) => `${w}40${w}`),
      ...randomTexts('0123456789.+-e x_', 3000, 5, 6),
    ];
    const parse = cellParser(spec('policies', 'age_at_issue'));
    const sql = (await readAll(texts, (x) => integerTextSql(x, 'n', spec('policies', 'age_at_issue')))).map(([v, bad]): [string | null, boolean] => [v === null ? null : String(Number(v)), bad]);
    expectSame(texts, sql, parse, (v) => String(v));
  });

  it('keeps text as the row path does (trimmed, missing words are no value)', async () => {
    const texts = ['P0001', ' P0001', 'P0001 ', '\tP1\t', '\u3000P1', 'P1\u00a0', 'NA', 'na', ' NA ', 'N/A', 'null', 'NaN', '-', '—', '', '   ', 'ab', '保单1', ' 保单1 ', 'x y', ...randomTexts(' \tPNAa-—/l\u3000', 2000, 3, 8)];
    const values = await readAll(texts, (x) => ({ layers: [], value: stringTextSql(x), bad: 'FALSE' }));
    const missing = await readAll(texts, (x) => ({ layers: [], value: `CASE WHEN ${isMissingSql(x)} THEN 'missing' END`, bad: 'FALSE' }));
    const parse = cellParser(spec('policies', 'policy_id'));
    expectSame(texts, values, parse, (v) => String(v));
    texts.forEach((text, i) => expect(missing[i][0] === 'missing', JSON.stringify(text)).toBe(isMissingCell(text)));
  });
});

describe('the fast reading of canonical spellings is the full reading where it takes a cell', () => {
  /** The canonical reading of each text: its value, or null where it leaves the cell to the full reading. */
  async function readCanonical(texts: readonly string[], reading: (x: string) => CellSql): Promise<(string | null)[]> {
    const r = reading('x');
    const full = await readAll(texts, reading);
    const layered = r.canonical.layers.reduce((inner, layer) => `(SELECT *, ${Object.entries(layer).map(([alias, e]) => `${e} AS ${alias}`).join(', ')} FROM ${inner})`, 'cells');
    const rows = await engine.rows(`SELECT i, CAST(${r.canonical.value} AS VARCHAR) AS v FROM ${layered} ORDER BY i`);
    return rows.map((row, i) => {
      const v = row.v === null ? null : String(row.v);
      // Wherever the fast reading takes a cell, the full reading agrees and finds nothing wrong.
      if (v !== null) expect([texts[i], full[i]]).toEqual([texts[i], [v, false]]);
      return v;
    });
  }

  it('dates: takes ISO dates, leaves every other spelling to the full reading', async () => {
    const texts = ['2021-01-05', '2024-02-29', '1000-01-01', '2021-1-5', '2021/1/5', ' 2021-01-05', '2023-02-29', '21-01-05', '+021-01-05', '2021-01-05T00:00', ...randomTexts('0123456789-/ +', 3000, 13, 11)];
    const values = await readCanonical(texts, (x) => dateTextSql(x, 'd'));
    expect(values.slice(0, 3)).toEqual(['18632', '19782', String(Math.round((Date.UTC(1000, 0, 1) - Date.UTC(1970, 0, 1)) / 86_400_000))]);
    expect(await readCanonical(['0999-01-01', ' 021-01-05', '-021-01-05', '2021-01-5 ', ...randomTexts('0123456789 +-./:T', 3000, 37, 8).map((r) => `${r.padEnd(8, '0').slice(0, 4)}-${r.padEnd(8, '1').slice(4, 6)}-${r.padEnd(8, '5').slice(6, 8)}`)], (x) => dateTextSql(x, 'd')).then((v) => v.slice(0, 4))).toEqual([null, null, null, '18632']);
    expect(values.slice(3, 10)).toEqual([null, null, null, null, null, null, null]);
  });

  it('money: takes plain decimals and whole numbers within range, leaves the rest', async () => {
    const texts = ['180.00', '-5.25', '180', '0.10', '180.5', '180.005', '1,234.56', '￥180.00', ' 180', '1e2', '-0.00', ...randomTexts('0123456789.,-+ ¥', 3000, 17, 10)];
    const values = await readCanonical(texts, (x) => moneyTextSql(x, 'm', spec('policies', 'premium')));
    expect(values.slice(0, 4)).toEqual(['18000', '-525', '18000', '10']);
    expect(values.slice(4, 10)).toEqual([null, null, null, null, null, null]);
    const positive = await readCanonical(['-5.25', '5.25'], (x) => moneyTextSql(x, 'm', spec('loadings', 'gross_premium')));
    expect(positive).toEqual([null, '525']);
  });

  it('whole numbers: takes plain integers within range, leaves the rest', async () => {
    const texts = ['40', '0', '121', '040', '40.0', '+40', ' 40', '1e2', ...randomTexts('0123456789.+- ', 2000, 19, 5)];
    const values = await readCanonical(texts, (x) => integerTextSql(x, 'n', spec('policies', 'age_at_issue')));
    expect(values.slice(0, 8).map((v) => (v === null ? null : Number(v)))).toEqual([40, 0, null, null, null, null, null, null]);
  });
});
