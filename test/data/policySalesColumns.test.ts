import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/data/dates';
import { loadTable } from '../../src/data/readTable';
import { study } from '../exposure/study';
import { tempDir, writeFile } from './helpers';

const HEADER = 'policy_id,product_code,issue_date,channel,region,投保日期,投保人年龄,渠道类型,机构,extra';

describe('policies with the sales columns of S4 (application date, policyholder age, channel type, branch)', () => {
  const dir = tempDir('awb-sales-columns-');
  const good = writeFile(dir, 'policies.csv', `${HEADER}\nP1,A,2025-01-10,agency,华东,2025-01-05,61,个险,江苏分公司,x\nP2,A,2025-02-10,bancassurance,华北,2025-02-01,35,银保,北京分公司,y\n`);

  it('groups experience by channel type and branch, read as the row path reads them', async () => {
    const table = await loadTable(good, 'policies');
    expect(table.rows.map((r) => [r.channel_type, r.branch])).toEqual([['agency', '江苏分公司'], ['bancassurance', '北京分公司']]);
    const cells = (await study(good, { basis: 'calendar-year', asOf: dayOf(2025, 12, 31), decrements: [], by: ['channel_type', 'branch'] })).cells;
    // P1 in force 2025-01-10 … 2025-12-31: 356 days of 365; P2 from 2025-02-10: 325 days.
    expect(cells.map((c) => [c.by.channel_type, c.by.branch, c.exposure])).toEqual([
      ['agency', '江苏分公司', 356 / 365],
      ['bancassurance', '北京分公司', 325 / 365],
    ]);
  });

  it('validates the numeric ones with the row path\'s message', async () => {
    const bad = writeFile(dir, 'bad.csv', `${HEADER}\nP1,A,2025-01-10,agency,华东,2025-01-05,6x1,个险,江苏分公司,x\n`);
    const message = 'row 2, column policyholder_age (header "投保人年龄"): expected a whole number, found "6x1"';
    await expect(loadTable(bad, 'policies')).rejects.toThrow(message);
    await expect(study(bad, { basis: 'calendar-year', asOf: dayOf(2025, 12, 31), decrements: [] })).rejects.toThrow(message);
  });
});
