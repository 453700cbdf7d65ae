import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evidenceCsv, neutraliseFormula, toCsv } from '../../src/evidence/csv';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import type { BundleProvenance } from '../../src/evidence/provenance';
import { SHEET_ROWS_MAX, sheetNames, tablesWorkbook } from '../../src/evidence/tablesWorkbook';
import { readManifest, verifyBundle } from '../../src/evidence/verify';
import { column, tableDeclaration } from '../../src/present/column';
import { typedTable } from '../../src/present/typedTable';
import { tempDir, writeFile } from '../data/helpers';
import { withStandIns } from './standIns';
import { shareChromiumInFile } from '../support/sharedChromium';

vi.setConfig({ testTimeout: 120_000 });

shareChromiumInFile();

const PROVENANCE: BundleProvenance = {
  command: { name: 'lossratio', parameters: { data: 'data/sample', year: 2025, rules: null } },
  inputs: [{ path: 'data/sample/finance.csv', sha256: 'a'.repeat(64), bytes: 10 }],
  rulebook: { id: 'awb-default', version: '2026.12.1', sha256: 'b'.repeat(64) },
  software: { package: 'actuarial-workbench', version: '0.1.0' },
  seeds: {},
};

const DECLARATION = tableDeclaration('Loss ratios', '赔付率', [
  column('product_code', 'code', 'Product', '产品代码'),
  column('year', 'year', 'Year', '年度'),
  column('premium_income', 'money', 'Premium income', '保费收入'),
  column('loss_ratio', 'rate', 'Loss ratio', '赔付率'),
  column('launch_date', 'date', 'Launch date', '上市日期'),
  column('fires', 'boolean', 'Fires', '触发'),
  column('note', 'text', 'Note', '备注'),
]);

const ROWS = [
  { product_code: 'ACC01', year: 2025, premium_income: 2801580.5, loss_ratio: 0.21652873034154674, launch_date: '2021-03-01', fires: true, note: '=HYPERLINK("http://evil.example/","x")' },
  { product_code: 'ACC02', year: 2024, premium_income: -12.3, loss_ratio: null, launch_date: null, fires: false, note: '互联网意外险' },
];

function readBook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'buffer', cellNF: true, cellDates: false });
}

afterEach(() => {
  delete process.env.TZ;
});

describe('CSV: a library writer, a byte-order mark, formula injection neutralised (OWASP)', () => {
  it('the data writer is csv-stringify with the previous rules: quoting, booleans, empty null, -0 as 0', () => {
    expect(toCsv([{ a: 1, b: 'x,y', c: ' lead', d: true, e: null, f: -0, g: 'q"z' }])).toBe('a,b,c,d,e,f,g\n1,"x,y"," lead",true,,0,"q""z"\n');
    expect(() => toCsv([{ a: Number.POSITIVE_INFINITY }])).toThrow(RangeError);
  });

  it('evidence CSVs start with the UTF-8 byte-order mark', () => {
    const text = evidenceCsv([{ product_name: '互联网意外险' }]);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1)).toBe('product_name\n互联网意外险\n');
  });

  it('text beginning with =, +, -, @, tab or carriage return gets a leading quote; numbers stay numbers', () => {
    const rows = [{ t: '=1+1' }, { t: '+1' }, { t: '-1' }, { t: '@SUM(A1)' }, { t: '\tx' }, { t: '\rx' }, { t: 'ACC01' }, { t: -5 }, { t: 'a=b' }];
    expect(evidenceCsv(rows).slice(1)).toBe('t\n\'=1+1\n\'+1\n\'-1\n\'@SUM(A1)\n\'\tx\n"\'\rx"\nACC01\n-5\na=b\n');
    expect(evidenceCsv([{ '=cmd': 1 }]).slice(1)).toBe('\'=cmd\n1\n');
    expect(neutraliseFormula('=HYPERLINK("http://evil.example/","x")')).toBe('\'=HYPERLINK("http://evil.example/","x")');
  });
});

describe('tables.xlsx: one sheet per table, typed cells, frozen header, provenance', () => {
  it('typed cells with number formats, headers in the run\'s language, text neutralised', async () => {
    const bytes = await tablesWorkbook([typedTable('loss_ratios', ROWS, DECLARATION)], 'zh', PROVENANCE);
    const book = readBook(bytes);
    expect(book.SheetNames).toEqual(['loss_ratios', '来源']);
    const s = book.Sheets.loss_ratios;
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a) => s[a].v)).toEqual(['产品代码', '年度', '保费收入', '赔付率', '上市日期', '触发', '备注']);
    expect(s.B2).toMatchObject({ t: 'n', v: 2025, z: '0', w: '2025' });
    expect(s.C2).toMatchObject({ t: 'n', v: 2801580.5, z: '#,##0.00', w: '2,801,580.50' });
    expect(s.C3).toMatchObject({ t: 'n', v: -12.3 });
    expect(s.D2).toMatchObject({ t: 'n', v: 0.21652873034154674, z: '0.00%', w: '21.65%' });
    expect(s.D3).toBeUndefined();
    // 2021-03-01 is Excel serial 44256 (serial 25569 is 1970-01-01; 18687 days later).
    expect(s.E2).toMatchObject({ t: 'n', v: 44256, z: 'yyyy-mm-dd' });
    expect(s.F2).toMatchObject({ t: 'b', v: true });
    expect(s.G2.v).toBe('\'=HYPERLINK("http://evil.example/","x")');
    expect(s.G2.f).toBeUndefined();
    expect(s.G3.v).toBe('互联网意外险');
  });

  it('English headers by default; the provenance sheet lists command, parameters, inputs, rulebook, software, sheets', async () => {
    const book = readBook(await tablesWorkbook([typedTable('loss_ratios', ROWS, DECLARATION)], 'en', PROVENANCE));
    expect(book.Sheets.loss_ratios.C1.v).toBe('Premium income');
    const facts = XLSX.utils.sheet_to_json<string[]>(book.Sheets.provenance, { header: 1 });
    expect(facts[0]).toEqual(['Section', 'Item', 'Value']);
    expect(facts).toContainEqual(['command', 'awb', 'lossratio']);
    expect(facts).toContainEqual(['parameter', 'year', '2025']);
    expect(facts).toContainEqual(['input (SHA-256)', 'data/sample/finance.csv', 'a'.repeat(64)]);
    expect(facts).toContainEqual(['rulebook (SHA-256)', 'awb-default 2026.12.1', 'b'.repeat(64)]);
    expect(facts).toContainEqual(['software', 'actuarial-workbench', '0.1.0']);
    expect(facts).toContainEqual(['sheet', 'loss_ratios', 'Loss ratios']);
  });

  it('the header row is frozen and bold in every sheet', async () => {
    const zip = await JSZip.loadAsync(await tablesWorkbook([typedTable('loss_ratios', ROWS, DECLARATION)], 'en', PROVENANCE));
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      const xml = await zip.file(sheet)!.async('string');
      expect(xml, sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    }
    expect(await zip.file('xl/styles.xml')!.async('string')).toContain('<b/>');
  });

  it('the same tables give the same bytes at another time and in another time zone', async () => {
    const tables = [typedTable('loss_ratios', ROWS, DECLARATION)];
    const first = await tablesWorkbook(tables, 'en', PROVENANCE);
    await new Promise((r) => setTimeout(r, 1100));
    process.env.TZ = 'Asia/Shanghai';
    const second = await tablesWorkbook(tables, 'en', PROVENANCE);
    process.env.TZ = 'America/Los_Angeles';
    const third = await tablesWorkbook(tables, 'en', PROVENANCE);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>');
  });

  it('a table longer than a sheet holds is left out and listed on the provenance sheet', async () => {
    const long = Array.from({ length: SHEET_ROWS_MAX + 1 }, (_, i) => ({ n: i }));
    const book = readBook(await tablesWorkbook([typedTable('short', [{ n: 1 }]), typedTable('long', long)], 'en', PROVENANCE));
    expect(book.SheetNames).toEqual(['short', 'provenance']);
    expect(XLSX.utils.sheet_to_json<string[]>(book.Sheets.provenance, { header: 1 })).toContainEqual(['sheet', 'long', 'not in this workbook: 1048576 rows are more than a sheet holds; see tables/long.csv']);
  });

  it('sheet names Excel accepts: forbidden characters replaced, 31 characters at most, unique, not the provenance sheet', () => {
    expect(sheetNames(['a/b', 'x'.repeat(40), 'X'.repeat(40), 'Provenance'], 'provenance')).toEqual(['a_b', 'x'.repeat(31), `${'X'.repeat(29)}~2`, 'Provenance~2']);
  });
});

describe('an evidence bundle files tables.xlsx and verify reproduces it', () => {
  it('HTML stays escaped: a group named like markup is text in the charts page', async () => {
    const root = tempDir();
    const table = writeFile(root, 'regions.csv', 'policy,region\nP1,<img src=x onerror=alert(1)>\nP2,=1+1\n');
    const dir = join(root, 'bundle');
    await fileEvidence(dir, 'tally', { table, by: 'region' }, { commands: withStandIns });
    const html = readFileSync(join(dir, 'charts', 'charts.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(readFileSync(join(dir, 'tables', 'counts.csv'), 'utf8')).toBe('\uFEFFregion,n\n<img src=x onerror=alert(1)>,1\n\'=1+1,1\n');
  });

  it('files the workbook beside the CSVs, lists it in the manifest and verify reproduces it byte for byte', async () => {
    const root = tempDir();
    const table = writeFile(root, 'regions.csv', 'policy,region\nP1,"=HYPERLINK(""http://evil.example/"",""x"")"\nP2,华北\nP3,华北\n');
    const dir = join(root, 'bundle');
    await fileEvidence(dir, 'tally', { table, by: 'region' }, { commands: withStandIns });
    const manifest = readManifest(dir);
    expect(manifest.outputs.map((o) => o.path)).toContain('tables.xlsx');
    const csv = readFileSync(join(dir, 'tables', 'counts.csv'), 'utf8');
    expect(csv).toBe('\uFEFFregion,n\n"\'=HYPERLINK(""http://evil.example/"",""x"")",1\n华北,2\n');
    const book = readBook(readFileSync(join(dir, 'tables.xlsx')));
    expect(book.SheetNames).toEqual(['counts', 'provenance']);
    expect(book.Sheets.counts.A2.v).toBe('\'=HYPERLINK("http://evil.example/","x")');
    expect(book.Sheets.counts.B3).toMatchObject({ t: 'n', v: 2 });
    const report = await verifyBundle(dir, { commands: withStandIns });
    expect(report.outputs.find((o) => o.path === 'tables.xlsx')?.status).toBe('reproduced');
    expect(report.reproduced).toBe(true);
  });
});
