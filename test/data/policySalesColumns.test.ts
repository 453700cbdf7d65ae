import { describe, expect, it } from 'vitest';
import { loadPolicyColumns } from '../../src/data/loadPolicyColumns';
import { tempDir, writeFile } from './helpers';

const HEADER = 'policy_id,product_code,issue_date,channel,region,投保日期,投保人年龄,渠道类型,机构,extra';

describe('policies with the sales columns of S4 (application date, policyholder age, channel type, branch)', () => {
  const dir = tempDir('awb-sales-columns-');
  const good = writeFile(dir, 'policies.csv', `${HEADER}\nP1,A,2025-01-10,agency,华东,2025-01-05,61,个险,江苏分公司,x\nP2,A,2025-02-10,bancassurance,华北,2025-02-01,35,银保,北京分公司,y\n`);

  it('reads them through both readers alike, keeping channel type and branch as grouping dimensions', async () => {
    const rows = await loadPolicyColumns(good, { reader: 'rows' });
    const duckdb = await loadPolicyColumns(good, { reader: 'duckdb' });
    for (const c of [rows, duckdb]) {
      expect([...c.attributes.keys()]).toEqual(['gender', 'channel', 'region', 'channel_type', 'branch', 'extra']);
      expect(c.attributes.get('channel_type')!.levels).toEqual(['agency', 'bancassurance']);
      expect(c.attributes.get('branch')!.levels).toEqual(['江苏分公司', '北京分公司']);
    }
    expect([...duckdb.issue_date]).toEqual([...rows.issue_date]);
  });

  it('validates the numeric ones in both readers with the same message', async () => {
    const bad = writeFile(dir, 'bad.csv', `${HEADER}\nP1,A,2025-01-10,agency,华东,2025-01-05,6x1,个险,江苏分公司,x\n`);
    const message = 'row 2, column policyholder_age (header "投保人年龄"): expected a whole number, found "6x1"';
    await expect(loadPolicyColumns(bad, { reader: 'rows' })).rejects.toThrow(message);
    await expect(loadPolicyColumns(bad, { reader: 'duckdb' })).rejects.toThrow(message);
  });
});
