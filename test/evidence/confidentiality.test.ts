import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confidentialData, ConfidentialityError, findPersonalData, isPersonalHeader } from '../../src/evidence/confidentiality';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import { withStandIns } from './standIns';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

let work: string;
let survey: string;

/** A survey with every kind of personal column: identifier, name, phone, ID card, e-mail; and a shared attribute (gender). */
const SURVEY = [
  'respondent_id,姓名,phone,身份证号,email,gender,company,region,stage,weight,SATI1,SATI2',
  'R-000101,张伟,13800138001,110101199003074514,zw@example.com,male,恒泰人寿,华东,理赔,1.2,8,9',
  'R-000102,李娜,13800138002,110101199105126327,ln@example.com,female,恒泰人寿,西北,销售,0.8,6,7',
  'R-000103,王芳,13800138003,110101198807219921,wf@example.com,female,安平人寿,西北,承保,1.0,7,NA',
  'R-000104,刘洋,13800138004,11010119921130731X,ly@example.com,male,安平人寿,华北,理赔,1.0,9,8',
].join('\n') + '\n';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'awb-confidential-'));
  survey = join(work, 'survey.csv');
  writeFileSync(survey, SURVEY);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const utf8 = (t: string) => new Uint8Array(Buffer.from(t, 'utf8'));

describe('isPersonalHeader()', () => {
  it('recognises identifiers, names, phones, ID cards, e-mails and addresses in English and Chinese', () => {
    for (const h of ['respondent_id', 'Respondent ID', '受访者编号', 'name', '姓名', 'phone', 'Mobile Phone', '手机号码', '联系电话', 'id_card', '身份证号', 'email', '电子邮箱', 'address', '家庭住址', 'wechat']) {
      expect(isPersonalHeader(h), h).toBe(true);
    }
  });
  it('leaves grouping, item and business columns alone', () => {
    for (const h of ['policy_id', 'product_name', 'region', 'company', 'stage', 'weight', 'SATI1', 'gender', 'channel', 'premium']) {
      expect(isPersonalHeader(h), h).toBe(false);
    }
  });
});

describe('confidentialData()', () => {
  it("finds the survey's personal columns and their distinctive values, not its groups, items or shared attributes", async () => {
    const data = await confidentialData([survey]);
    expect(data.columns.map((c) => c.header)).toEqual(['respondent_id', '姓名', 'phone', '身份证号', 'email', 'gender']);
    expect(data.values.get('R-000102')).toMatchObject({ row: 3, column: { header: 'respondent_id' } });
    expect(data.values.get('王芳')).toMatchObject({ row: 4, column: { header: '姓名' } });
    expect(data.values.has('13800138004')).toBe(true);
    // "male" and "female" are shared by several respondents: they identify no one.
    expect(data.values.has('male')).toBe(false);
    expect(data.values.has('华东')).toBe(false);
  });
});

describe('confidentialData() on a workbook', () => {
  it('reads the header and the values from the same sheet, the one named after the table, wherever it stands', async () => {
    const rows = SURVEY.trim().split('\n').map((line) => line.split(','));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['note'], ['collected by the field team']]), 'notes');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'survey');
    const path = join(work, 'survey.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const data = await confidentialData([path]);
    expect(data.columns.map((c) => c.header)).toEqual(['respondent_id', '姓名', 'phone', '身份证号', 'email', 'gender']);
    expect(data.values.get('R-000102')).toMatchObject({ row: 3, column: { header: 'respondent_id' } });
    expect(data.values.get('王芳')).toMatchObject({ row: 4, column: { header: '姓名' } });
  });
});

describe('findPersonalData()', () => {
  it('finds a value in JSON, CSV, HTML and SVG, and a name inside Chinese text, naming column and row but never the value', async () => {
    const data = await confidentialData([survey]);
    const leaks = findPersonalData(
      new Map([
        ['result.json', utf8('{"worst":"R-000103","n":4}\n')],
        ['tables/x.csv', utf8('who,score\n13800138002,6\n')],
        ['report.html', utf8('<p>西北地区受访者王芳的评分最低</p>')],
        ['charts/a.svg', utf8('<svg><text>zw@example.com</text></svg>')],
        ['report.pdf', utf8('R-000101 in a rendering is not scanned: its HTML source is')],
      ]),
      data,
    );
    expect(leaks).toEqual([
      { file: 'result.json', what: `the value of ${survey} column respondent_id in row 4` },
      { file: 'tables/x.csv', what: `the value of ${survey} column phone in row 3` },
      { file: 'report.html', what: `the value of ${survey} column 姓名 in row 4` },
      { file: 'charts/a.svg', what: `the value of ${survey} column email in row 2` },
    ]);
    for (const leak of leaks) expect(leak.what).not.toMatch(/R-0001|138001|王芳|example\.com/);
  });

  it('finds a personal column appearing as a column of an output table', async () => {
    const data = await confidentialData([survey]);
    const leaks = findPersonalData(new Map([['tables/groups.json', utf8('[{"region":"西北","Phone":"(masked)"}]\n')]]), data);
    expect(leaks).toEqual([{ file: 'tables/groups.json', what: `a column "Phone", personal data from ${survey} column phone` }]);
  });

  it('finds a personal column of a CSV behind its byte-order mark and a neutralised header', async () => {
    const data = await confidentialData([survey]);
    const leaks = findPersonalData(new Map([['tables/groups.csv', utf8('\uFEFFregion,Phone\n西北,(masked)\n')], ['tables/other.csv', utf8("\uFEFF'-phone\n(masked)\n")]]), data);
    expect(leaks).toEqual([
      { file: 'tables/groups.csv', what: `a column "Phone", personal data from ${survey} column phone` },
      { file: 'tables/other.csv', what: `a column "-phone", personal data from ${survey} column phone` },
    ]);
  });

  it('does not flag figures that merely share digits with an identifier', async () => {
    const data = await confidentialData([survey]);
    expect(findPersonalData(new Map([['result.json', utf8('{"premium":0.13800138001,"respondents":4,"share":"R-0001"}\n')]]), data)).toEqual([]);
  });
});

describe('the bundle writer refuses personal data (S3 art. 34)', () => {
  it('files a clean bundle from a survey with personal columns', async () => {
    const dir = join(work, 'clean');
    await fileEvidence(dir, 'tally', { table: survey, by: 'region' }, { commands: withStandIns });
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  for (const column of ['respondent_id', '姓名', 'phone', '身份证号', 'email']) {
    it(`refuses to file a bundle that copies the ${column} column, and writes nothing`, async () => {
      const dir = join(work, `leak-${column}`);
      const before = readdirSync(work).sort();
      const attempt = fileEvidence(dir, 'tally', { table: survey, by: 'region', leak: column }, { commands: withStandIns });
      await expect(attempt).rejects.toBeInstanceOf(ConfidentialityError);
      await expect(attempt).rejects.toThrow(`tables/leaked.csv: the value of ${survey} column ${column} in row 2`);
      expect(existsSync(dir)).toBe(false);
      expect(readdirSync(work).sort()).toEqual(before);
    });
  }
});
