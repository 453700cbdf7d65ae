import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordingTraceability } from '../../src/conduct/recordingTraceability';
import { reconcileRegistration } from '../../src/conduct/reconcileRegistration';
import { loadStaffTables } from '../../src/conduct/staffSources';
import { loadTraceabilityData } from '../../src/conduct/traceabilityData';
import { parseDayText } from '../../src/data/dates';
import type { Quarter } from '../../src/data/period';
import { fileEvidence } from '../../src/evidence/fileEvidence';
import { SILENT_PROGRESS } from '../../src/progress';
import { composeReview } from '../../src/report/composeReview';
import { wording } from '../../src/report/labels';
import { reviewHtml } from '../../src/report/reviewHtml';
import { registrationRun, traceabilityRun } from '../../src/report/reviewPlan';
import { openData } from '../../src/studies/openData';
import { review } from '../../src/studies/review';
import { salesConductContent, type SalesConductResults } from '../../src/report/salesConductSection';
import { loadRulebook } from '../../src/rules/rulebook';
import { standInLookup, standInSections } from './standIns';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const REVIEW = resolve(__dirname, '..', 'fixtures', 'review');
const ZH = resolve(__dirname, '..', 'fixtures', 'conduct-zh');
const work = mkdtempSync(join(tmpdir(), 'awb-conduct-review-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The review fixture with the sales-conduct tables: the Chinese-header staff tables of
 * conduct-zh (广州分公司 20% apart and 1 of 12 missing 学历), and three sales of the fixture's term
 * life product T01 in 2025Q4: 银保 (recorded), 个险 to a policyholder of exactly 60 (not recorded),
 * 个险 to one of 59 (needs none).
 */
const DATA = join(work, 'data');
beforeAll(() => {
  cpSync(REVIEW, DATA, { recursive: true });
  for (const f of ['sales_staff_registry.csv', 'sales_staff_statistics.csv']) cpSync(join(ZH, f), join(DATA, f));
  writeFileSync(
    join(DATA, 'policies.csv'),
    '保单号,产品代码,生效日期,销售渠道,地区,投保日期,投保人年龄\nS1,T01,2025-11-10,银保,华东,2025-11-05,45\nS2,T01,2025-11-10,个险,华东,2025-11-05,60\nS3,T01,2025-11-10,个险,华东,2025-11-05,59\n',
  );
  writeFileSync(join(DATA, 'recordings.csv'), '双录编号,保单号,录制时间,时长（秒）,初审结果,终审结果\nR1,S1,2025-11-05 10:00,1200,通过,通过\n');
});

/** The personal values of the staff tables: every identifier and name written in them. */
function personal(): string[] {
  return ['sales_staff_registry.csv', 'sales_staff_statistics.csv'].flatMap((f) =>
    readFileSync(join(ZH, f), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((line) => line.split(',').slice(0, f.includes('registry') ? 4 : 2)),
  );
}

async function results(dir: string): Promise<SalesConductResults> {
  const book = loadRulebook();
  const data = await loadTraceabilityData(dir);
  return {
    registration: reconcileRegistration((await loadStaffTables(dir)).tables, parseDayText('2025-12-31')!, book),
    traceability: recordingTraceability(data.sales, data.recordings, '2025Q4' as Quarter, book),
  };
}

describe('the review studies sales conduct only when the data folder has its tables', () => {
  it('none for the review fixture; registration and traceability for the folder with them, recorded with their command lines', async () => {
    const without = await review(await openData(REVIEW), { quarter: '2025Q4' as Quarter, sections: ['conduct'] });
    expect([without.registration, without.traceability]).toEqual([null, null]);
    const study = await review(await openData(DATA), { quarter: '2025Q4' as Quarter, sections: ['conduct'] });
    expect(study.registration!.result).toEqual((await results(DATA)).registration);
    expect(study.traceability!.result).toEqual((await results(DATA)).traceability);
    const p = { data: DATA, quarter: '2025Q4' as Quarter, lang: 'en' as const, rules: null, survey_model: null };
    expect([registrationRun(p), traceabilityRun(p)].map((r) => [r.id, r.argv])).toEqual([
      ['registration', ['--data', DATA, '--as-of', '2025-12-31']],
      ['traceability', ['--data', DATA, '--quarter', '2025Q4']],
    ]);
  });
});

describe('salesConductContent(): the section from the library results', () => {
  it('states the registration and the recordings with the figures of the results, in English and Chinese', async () => {
    const r = await results(DATA);
    const en = salesConductContent(r, wording('en'));
    expect(en.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['Sales staff registration (S5)', 'Sales recordings (S4, 双录)']);
    // The company: 22 registered, 20 reported: |22 − 20| ÷ 20 = 10.00%; 1 of 22 missing = 4.55%.
    expect(en[1]).toEqual({ kind: 'paragraph', text: 'As at 2025-12-31: registration system 22, statistics system 20. The difference rate between the registration system and the statistics system is 10.00%; 4.55% of the registered sales staff miss a required registration element (band ≤ 5%).' });
    const branches = en.find((b) => b.kind === 'table')!;
    expect(branches.kind === 'table' && branches.rows.map((x) => [x.group, x.registry, x.statistics, x.difference_rate])).toEqual([
      ['company', 22, 20, 0.1],
      ['广州分公司', 12, 10, 0.2],
      ['深圳分公司', 10, 10, 0],
    ]);
    // Three sales of T01 in 2025Q4: S1 and S2 need a recording, S1 has one.
    expect(en.find((b) => b.kind === 'paragraph' && b.text.startsWith('Of the'))).toMatchObject({ text: expect.stringContaining('Of the 3 policies applied for in 2025Q4, 2 need an audio-video recording of the sale under the rulebook\'s rules: 1 have one, 1 do not') });
    const zh = salesConductContent(r, wording('zh'));
    expect(zh[1]).toMatchObject({ text: expect.stringContaining('中介系统执业登记与统信系统同口径数据的差异率为10.00%') });
    expect(zh.find((b) => b.kind === 'table' && b.caption === '全公司及各分支机构')).toMatchObject({ rows: expect.arrayContaining([expect.objectContaining({ group: '广州分公司', missing_band: '介于5%-20%', most_missing: '学历 1' })]) });
  });

  it('says which part the data folder lacks', async () => {
    const r = await results(DATA);
    expect(salesConductContent({ ...r, traceability: null }, wording('en')).at(-1)).toEqual({ kind: 'paragraph', text: wording('en').conduct.noTraceability });
    expect(salesConductContent({ ...r, registration: null }, wording('zh'))[0]).toEqual({ kind: 'paragraph', text: wording('zh').conduct.noRegistration });
  });
});

describe('awb review with the sales conduct tables', () => {
  it('composes the section from the two commands’ studies, with their findings, and renders it without personal data', async () => {
    const composed = await composeReview({ data: DATA, quarter: '2025Q4' as Quarter, lang: 'zh', rules: null, survey_model: null }, SILENT_PROGRESS, standInSections());
    const conduct = composed.sections.find((s) => s.id === 'conduct')!;
    expect(conduct.status).toBe('complete');
    expect(conduct.runs.map((r) => r.id)).toEqual(['registration', 'traceability']);
    expect(conduct.runs[0].parameters).toEqual({ data: DATA, as_of: '2025-12-31', rules: null, encoding: null, header_row: null });
    expect(conduct.findings.map((f) => f.rule_id)).toEqual(['S4-REC-SENIOR', 'S5-REG-MISMATCH', 'S5-REG-MISSING']);
    expect(composed.findings.filter((f) => f.rule_id.startsWith('S'))).toHaveLength(3);
    const html = reviewHtml(composed, new Map(), 'test');
    expect(html).toContain('<h2>7. 销售行为管理<small>S5 销售人员执业登记；S4 销售行为可回溯（双录）</small></h2>');
    expect(html).toContain('<h3>销售人员执业登记（S5）</h3>');
    expect(html).toContain('<td class="num">20.00%</td>'); // 广州分公司's difference rate, as a percentage
    for (const value of personal()) expect(html.includes(value), value).toBe(false);
  });

  it('files the runs’ tables and charts in the review’s bundle, and the English report', async () => {
    const { bundle } = await fileEvidence(join(work, 'review-en'), 'review', { data: DATA, quarter: '2025Q4', lang: 'en' }, { commands: standInLookup() });
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    const outputs = manifest.outputs.map((o: { path: string }) => o.path);
    for (const f of ['results/registration.json', 'results/traceability.json', 'tables/registration_groups.csv', 'tables/traceability_missing.csv', 'charts/registration_registration_rates.json']) expect(outputs, f).toContain(f);
    const html = readFileSync(join(bundle, 'report.html'), 'utf8');
    expect(html).toContain('<h2>7. Sales conduct<small>S5 sales-staff registration; S4 sales recordings (双录)</small></h2>');
    for (const f of outputs.filter((p: string) => !/\.(pdf|png)$/.test(p))) {
      const text = readFileSync(join(bundle, f), 'utf8');
      for (const value of personal()) expect(text.includes(value), `${f}: ${value.slice(0, 2)}…`).toBe(false);
    }
  });
});
