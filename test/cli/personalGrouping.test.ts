import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isPersonalHeader } from '../../src/data/personalHeaders';
import { tempDir } from '../data/helpers';
import { awb } from './run';

vi.setConfig({ testTimeout: 120_000 });

/** Names written into the added columns: none may appear in any output or message. */
const NAMES = ['王秀英', '李建国', '张伟', '刘芳', '陈静', '杨洋', '赵磊', '黄敏', '周杰', '吴娜', '徐强'];

/**
 * The tiny company (11 policies, a lapse assumption) with columns a careless export carries: the policyholder's name
 * under several headers, an agent's code unique per policy under a header no list knows, and a
 * segment of two values.
 */
function companyWithPersonalColumns(): string {
  const dir = tempDir('awb-personal-by-');
  cpSync(join(__dirname, '..', 'fixtures', 'tiny-company'), dir, { recursive: true });
  writeFileSync(join(dir, 'assumptions.csv'), 'indicator,product_code,policy_year,rate\nlapse,TL01,,0.10\n');
  const lines = readFileSync(join(dir, 'policies.csv'), 'utf8').trim().split('\n');
  const extra = ['投保人', '被保险人', '客户名称', 'holder_name', 'applicant_name', 'insured', 'ref_code', 'segment'];
  const rows = lines.slice(1).map((line, i) => [line, ...extra.slice(0, 6).map(() => NAMES[i]), `AG${1000 + i}`, i % 2 === 0 ? 'retail' : 'group'].join(','));
  writeFileSync(join(dir, 'policies.csv'), [[lines[0], ...extra].join(','), ...rows].join('\n') + '\n');
  return dir;
}

describe('backtest --by refuses personal-data columns, naming the column and never a value', () => {
  const data = companyWithPersonalColumns();

  for (const column of ['投保人', '被保险人', '客户名称', 'holder_name', 'applicant_name', 'insured']) {
    it(`refuses --by ${column} by its header, with exit 2 and no bundle`, async () => {
      const out = join(data, `bundle-${column}`);
      const r = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', column, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`column ${column}: expected a grouping column that holds no personal data`);
      for (const name of NAMES) expect(r.stdout + r.stderr, name).not.toContain(name);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('refuses a column of an unknown header whose values are unique per policy (11 of 11), by the value test', async () => {
    const r = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', 'ref_code', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column ref_code: expected a grouping dimension shared by policies; 11 of its 11 policies hold a value no other policy holds');
    expect(r.stderr).not.toContain('AG10');
  });

  it('still groups by a column shared by policies (segment: 2 values) and by region (5 of 11 policies alone in theirs)', async () => {
    for (const by of ['segment', 'region']) {
      const r = await awb('backtest', '--data', data, '--basis', 'calendar-quarter', '--as-of', '2025-12-31', '--by', by, '--json');
      expect(r.stderr, by).toBe('');
      expect(r.code, by).toBe(0);
      for (const name of NAMES) expect(r.stdout, name).not.toContain(name);
    }
  });

  it('refuses an assumption keyed on a personal column, naming its row and column, never the value', async () => {
    const keyed = companyWithPersonalColumns();
    writeFileSync(join(keyed, 'assumptions.csv'), `indicator,product_code,投保人,rate\nlapse,TL01,,0.10\nlapse,TL01,${NAMES[7]},0.20\n`);
    const r = await awb('backtest', '--data', keyed, '--basis', 'calendar-quarter', '--as-of', '2025-12-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('assumptions.csv, row 3, column 投保人: expected assumption keys that hold no personal data');
    for (const name of NAMES) expect(r.stdout + r.stderr, name).not.toContain(name);
  });

  it('isPersonalHeader() knows the headers of policyholders, insured persons and customers, and not the policyholder age', () => {
    for (const h of ['投保人', '被保险人', '被保人', '受益人', '客户名称', '投保人姓名', 'holder_name', 'Applicant Name', 'insured', 'name', 'id_number', '身份证', 'phone', '手机', '银行账号']) expect(isPersonalHeader(h), h).toBe(true);
    for (const h of ['投保人年龄', 'policyholder_age', 'sum_insured', 'product_name', 'segment', 'region']) expect(isPersonalHeader(h), h).toBe(false);
  });
});
