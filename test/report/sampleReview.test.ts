import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { awb } from '../cli/run';
import { shareChromiumInFile } from '../support/sharedChromium';

// One Chromium prints every PDF of this file.
shareChromiumInFile();

// The whole review of the sample company: every section command on 200,000 policies, then the
// PDF through Chromium, then verify recomputes all of it. Minutes on a loaded two-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'data', 'sample');

type Finding = { rule_id: string; product_code?: string; period?: string; values: Record<string, unknown> };
type ReviewJson = { sections: { id: string; status: string }[]; findings: Finding[] };

let work: string;
let bundle: string;
let filed: { code: number; stdout: string; stderr: string };
let review: ReviewJson;

function has(rule: string, product?: string, period?: string): boolean {
  return review.findings.some((f) => f.rule_id === rule && (product === undefined || f.product_code === product) && (period === undefined || f.period === period));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'awb-sample-review-'));
  // `npm start`'s arguments (package.json), with the bundle in a temporary folder.
  bundle = join(work, 'review-2025Q4');
  filed = await awb('review', '--data', SAMPLE, '--quarter', '2025Q4', '--out', bundle);
  review = JSON.parse(readFileSync(join(bundle, 'result.json'), 'utf8')) as ReviewJson;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the quarterly review of the sample company (npm start)', () => {
  it('files the report and evidence and says where they went', () => {
    expect(filed.stderr).toBe('');
    expect(filed.code).toBe(0);
    expect(filed.stdout).toContain(`Filed: ${join(bundle, 'report.html')}`);
    expect(filed.stdout).toContain(`Filed: ${join(bundle, 'report.pdf')}`);
    expect(filed.stdout).toContain(`Evidence bundle: ${bundle}`);
  });

  it('computes every section, the satisfaction index and sales conduct included', () => {
    expect(review.sections.map((s) => [s.id, s.status])).toEqual([
      ['backtest', 'complete'],
      ['lossratio', 'complete'],
      ['expense', 'complete'],
      ['eligibility', 'complete'],
      ['satisfaction', 'complete'],
      ['service', 'complete'],
      ['conduct', 'complete'],
    ]);
  });

  it('has the Service standards section with the planted lapses (S1 §6) and the branch that misses the surrender limit', () => {
    expect(has('ILI-SVC-POLICY-SERVICE', undefined, '2025Q4')).toBe(true);
    expect(review.findings.find((f) => f.rule_id === 'ILI-SVC-BRANCH')!.values).toMatchObject({ branch: '陕西分公司', event_type: 'surrender_decision', judged: 65, on_time: 47 });
    const html = readFileSync(join(bundle, 'report.html'), 'utf8');
    expect(html).toContain('id="sec-service"');
    expect(html).toContain('Late and overdue events by day received');
  });

  it('finds the planted sales-conduct findings: 陕西分公司 12% apart, 四川分公司 7% missing, the agency channel’s unrecorded sales to the over-60s', () => {
    const branches = (rule: string) => review.findings.filter((f) => f.rule_id === rule).map((f) => f.values.branch);
    expect(branches('S5-REG-MISMATCH')).toEqual(['陕西分公司']);
    expect(branches('S5-REG-MISSING')).toEqual(['四川分公司']);
    expect(review.findings.filter((f) => f.rule_id === 'S4-REC-SENIOR').map((f) => [f.period, f.values.channel])).toEqual([['2025Q4', 'agency']]);
  });

  // The findings planted in the sample company, as data/README.md documents them.
  it('finds the planted stop-sale, repricing, expense-cap, eligibility and lapse findings', () => {
    expect(has('ACC-LR-STOP', 'ACC01', '2025')).toBe(true);
    expect(has('ACC-LR-REPRICE', 'ACC02', '2025')).toBe(true);
    expect(has('ACC-LR-STOP', 'ACC02')).toBe(false);
    expect(has('ACC-LR-REPRICE', 'ACC04')).toBe(false);
    expect(has('ILI-EXP-AVG', 'CI01')).toBe(true);
    expect(has('ILI-ELIG', undefined, '2025Q4')).toBe(true);
    expect(review.findings.find((f) => f.rule_id === 'ILI-ELIG')!.values).toMatchObject({ failed_quarters: '2025Q2', failed_conditions: 'reserve_coverage' });
    expect(review.findings.some((f) => f.rule_id === 'BT-MEASURE' && f.product_code === 'TRM01' && f.values.indicator === 'lapse' && (f.values.ae as number) > 1)).toBe(true);
  });

  it('shows the lagging region (西北) lowest on quality and complaints', () => {
    const region = JSON.parse(readFileSync(join(bundle, 'results', 'icsi_region.json'), 'utf8')) as { groups: { group: string; index: Record<string, number> }[] };
    for (const construct of ['Quality', 'Complaints']) {
      const lowest = [...region.groups].sort((a, b) => a.index[construct]! - b.index[construct]!)[0]!;
      expect(lowest.group, construct).toBe('西北');
    }
  });

  it('awb verify reproduces the filed review byte for byte', async () => {
    const verified = await awb('verify', bundle, '--json');
    expect(verified.stderr).toBe('');
    const report = JSON.parse(verified.stdout) as { reproduced: boolean };
    expect(report.reproduced).toBe(true);
    expect(verified.code).toBe(0);
  });
});
