import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../src/data/dataFolder';
import type { Period } from '../../src/data/period';
import { serviceSectionContent } from '../../src/report/serviceSection';
import { loadRulebook } from '../../src/rules/rulebook';
import { serviceStandardsRules } from '../../src/service/serviceLimits';
import { serviceStandards } from '../../src/service/serviceStandards';
import { loadWorkingCalendar } from '../../src/service/workingCalendar';
import { smallServiceFolder } from '../service/smallCompany';

async function study() {
  const data = smallServiceFolder([
    ['policy_service', '甲分公司', '2025-10-09', '2025-10-10'],
    ['policy_service', '甲分公司', '2025-10-09', '2025-10-13'],
    ['policy_service', '乙分公司', '2025-10-10', '2025-10-14'],
    ['surrender_decision', '乙分公司', '2025-11-03', '2025-11-04'],
  ]);
  const events = (await loadDataFolder(data, ['service_events'])).service_events;
  return serviceStandards(events, loadWorkingCalendar(), serviceStandardsRules(loadRulebook()), { period: '2025Q4' as Period });
}

describe('serviceSectionContent: the review section is a function of the S1 §6 study', () => {
  it('lists the types, the branches that missed a limit (lowest rate first) and the days the late events were received', async () => {
    const content = serviceSectionContent(await study(), 'en');
    expect(content.intro).toContain('judged at 2025-12-31');
    const [byType, byBranch, byDay] = content.tables;
    expect(byType.rows.find((r) => r.type === 'policy_service')).toMatchObject({ events: 3, on_time: 1, late: 2, time_limit: '2 working days' });
    // 乙: 0 of 1 on time (0%); 甲: 1 of 2 (50%).
    expect(byBranch.rows.map((r) => [r.branch, r.type, r.on_time_rate])).toEqual([
      ['乙分公司', 'policy_service', 0],
      ['甲分公司', 'policy_service', 0.5],
    ]);
    expect(byDay.rows).toEqual([
      { received_on: '2025-10-09', exceptions: 1 },
      { received_on: '2025-10-10', exceptions: 1 },
    ]);
  });

  it('is written in Chinese for a Chinese review, chart included', async () => {
    const content = serviceSectionContent(await study(), 'zh');
    expect(content.tables.map((t) => t.title)).toEqual(['各服务类型时效达成率', '未达时限的分支机构', '逾期事项按接收日期统计']);
    expect(content.tables[0].rows.find((r) => r.type === 'surrender_decision')!.time_limit).toBe('1个工作日 / 3个工作日');
    expect(JSON.stringify(content.figure.layout)).toContain('在线服务时效达成率');
  });
});
