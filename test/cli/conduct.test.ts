import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normaliseStaffId } from '../../src/conduct/staffKey';
import { isPersonalHeader } from '../../src/evidence/confidentiality';
import { parseCsvText } from '../../src/data/readCsv';
import { awb } from './run';
import { shareChromiumInFile } from '../support/sharedChromium';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

shareChromiumInFile();

const ZH = resolve(__dirname, '..', 'fixtures', 'conduct-zh');
const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
const scratch = mkdtempSync(join(tmpdir(), 'awb-conduct-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file of a folder, relative paths. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

/**
 * Every personal value of a folder's sales-staff tables, as written and normalised: identifiers,
 * ID and certificate numbers, names (read here with a plain CSV parse, not the workbench's schema).
 */
function personalValues(dir: string): { tokens: Set<string>; names: Set<string> } {
  const tokens = new Set<string>();
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.startsWith('sales_staff_'))) {
    const { header, rows } = parseCsvText(file, readFileSync(join(dir, file), 'utf8'), ',');
    header.forEach((h, c) => {
      const kind = ['staff_id', '人员编号', 'id_number', '身份证号码', 'certificate_no', '执业证编号'].includes(h) ? 'id' : ['name', '姓名'].includes(h) ? 'name' : null;
      if (kind === null) return;
      for (const r of rows) {
        const v = (r[c] ?? '').trim();
        if (v === '') continue;
        if (kind === 'name') names.add(v);
        else {
          tokens.add(v);
          tokens.add(v.replace(/\s+/g, ''));
          const key = normaliseStaffId(v);
          if (key) tokens.add(key.key);
        }
      }
    });
  }
  return { tokens, names };
}

/** The places in a text where a personal value appears: an identifier as a whole token in any spelling, a name anywhere in Chinese text. */
function leaks(text: string, personal: { tokens: Set<string>; names: Set<string> }): string[] {
  const found: string[] = [];
  for (const token of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (personal.tokens.has(token) || personal.tokens.has(normaliseStaffId(token)?.key ?? '')) found.push(`identifier ${token.slice(0, 4)}…`);
  }
  const han = (text.match(/\p{Script=Han}+/gu) ?? []).join('\n');
  for (const name of personal.names) if (han.includes(name)) found.push(`name ${name[0]}…`);
  return found;
}

function expectNoPersonalData(dir: string, personal: ReturnType<typeof personalValues>): void {
  const files = filesOf(dir).filter((f) => !/\.(png|pdf)$/.test(f));
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) expect(leaks(readFileSync(join(dir, f), 'utf8'), personal), f).toEqual([]);
}

describe('awb registration on a folder with Chinese headers', () => {
  let json: Record<string, any>;
  beforeAll(async () => {
    const { code, stdout } = await awb('registration', '--data', ZH, '--as-of', '2025-12-31', '--json');
    expect(code).toBe(0);
    json = JSON.parse(stdout);
  });

  it('counts each source by branch and compares them as the fixture README works out', () => {
    const row = (branch: string | null) => json.groups.find((g: Record<string, unknown>) => g.level === (branch ? 'branch' : 'company') && g.branch === branch && g.channel === null);
    // The company: |22 − 20| ÷ 20 = 10% exactly; 广州分公司 |12 − 10| ÷ 10 = 20%; 1 of 12 without 学历.
    expect(row(null)).toMatchObject({ registry: 22, statistics: 20, matched_statistics: 20, registry_not_in_statistics: 2, statistics_not_in_registry: 0, difference_rate_statistics: 0.1, staff_with_missing_elements: 1, missing_rate: 1 / 22, missing_band: '≤ 5%' });
    expect(row('广州分公司')).toMatchObject({ registry: 12, statistics: 10, difference_rate_statistics: 0.2, record_mismatch_rate_statistics: 2 / 12, missing_rate: 1 / 12, missing_band: '5%–20%', most_missing: 'education 1' });
    expect(row('深圳分公司')).toMatchObject({ registry: 10, statistics: 10, difference_rate_statistics: 0, missing_rate: 0 });
    expect(json.sources.map((s: Record<string, unknown>) => [s.source, s.rows, s.active, s.inactive])).toEqual([
      ['registry', 23, 22, 1],
      ['statistics', 20, 20, 0],
    ]);
  });

  it('finds 广州分公司 on both rules and the company on neither (exactly 10% is not above 10%)', () => {
    expect(json.findings.map((f: { rule_id: string; values: { level: string; branch: string | null } }) => `${f.rule_id} ${f.values.level} ${f.values.branch}`)).toEqual([
      'S5-REG-MISMATCH branch 广州分公司',
      'S5-REG-MISSING branch 广州分公司',
    ]);
  });
});

describe('awb traceability on a folder with Chinese headers', () => {
  it('finds the unrecorded sale to a policyholder of exactly 60 and the late recording', async () => {
    const { code, stdout } = await awb('traceability', '--data', ZH, '--quarter', '2025Q4', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const company = out.groups.find((g: { level: string }) => g.level === 'company');
    expect(company).toMatchObject({ policies: 5, required: 3, recorded: 2, missing: 1, late: 1, first_review_pass_rate: 0.5, final_review_pass_rate: 1, duration_median_seconds: 1350 });
    expect(out.missing.map((m: { policy_id: string; required_by: string }) => `${m.policy_id} ${m.required_by}`)).toEqual(['P002 S4-REC-SENIOR']);
    expect(out.findings.map((f: { rule_id: string }) => f.rule_id)).toEqual(['S4-REC-SENIOR', 'S4-REC-LATE']);
  });
});

describe('evidence: filed, reproduced, and free of personal data', () => {
  it('the scan finds an identifier in any spelling and a name inside Chinese text (so a clean bundle means something)', () => {
    const personal = personalValues(ZH);
    expect(leaks('row 7: 990000198501010019', personal)).toEqual(['identifier 9900…']);
    const fullWidth = '99000019850101006x'.replace(/[0-9x]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(leaks(`ref ${fullWidth}`, personal)).toEqual(['identifier ９９００…']);
    expect(leaks('9900001985 0101006X', personal)).toEqual([]); // fragments are no identifier
    expect(leaks('广州分公司赵一鸣未登记', personal)).toEqual(['name 赵…']);
  });

  it('the confidentiality guard treats the sales staff’s identifier, name, ID and certificate columns as personal', () => {
    for (const header of ['staff_id', '人员编号', '工号', 'name', '姓名', 'id_number', '身份证号码', 'certificate_no', '执业证编号']) expect(isPersonalHeader(header), header).toBe(true);
    for (const header of ['branch', '所属机构', 'channel', 'education', 'policy_id', 'recording_id']) expect(isPersonalHeader(header), header).toBe(false);
  });

  for (const [name, args] of [
    ['registration', ['--as-of', '2025-12-31']],
    ['traceability', ['--quarter', '2025Q4']],
  ] as const) {
    it(`${name}: the bundle of the Chinese-header folder reproduces and holds no identifier or name`, async () => {
      const out = join(scratch, `zh-${name}`);
      const run = await awb(name, '--data', ZH, ...args, '--out', out);
      expect(run.code, run.stderr).toBe(0);
      expect(leaks(run.stdout, personalValues(ZH))).toEqual([]);
      expectNoPersonalData(out, personalValues(ZH));
      const verify = await awb('verify', out);
      expect(verify.code, verify.stdout).toBe(0);
    });
  }

  it('the sample company’s bundles hold none of its staff’s identifiers or names', async () => {
    const personal = personalValues(SAMPLE);
    expect(personal.names.size).toBeGreaterThan(400); // distinct names (20 surnames × 24 given names)
    for (const [name, args] of [
      ['registration', ['--as-of', '2025-12-31']],
      ['traceability', ['--quarter', '2025Q4']],
    ] as const) {
      const out = join(scratch, `sample-${name}`);
      const run = await awb(name, '--data', SAMPLE, ...args, '--out', out);
      expect(run.code, run.stderr).toBe(0);
      expectNoPersonalData(out, personal);
    }
  });

  it('a bad cell stops with exit 2, naming file, row and column, and never the person', async () => {
    const data = join(scratch, 'bad');
    cpSync(ZH, data, { recursive: true });
    const file = join(data, 'sales_staff_registry.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('2021-03-01,,,代理制', '2021-02-30,,,代理制'));
    const { code, stdout, stderr } = await awb('registration', '--data', data, '--as-of', '2025-12-31', '--out', join(scratch, 'never'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('sales_staff_registry.csv, row 6, column hire_date (header "入职日期"): expected a real calendar date as YYYY-MM-DD, found "2021-02-30"');
    expect(leaks(stderr, personalValues(ZH))).toEqual([]);
    expect(readdirSync(scratch)).not.toContain('never');
  });
});
