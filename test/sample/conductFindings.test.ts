/**
 * The sales-conduct findings planted in the sample company (data/README.md), recomputed from the
 * committed CSV files with a plain CSV parse and the seeds' definitions written out here, then
 * compared with what `awb registration` and `awb traceability` report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/data/readCsv';
import { awb } from '../cli/run';
import { SAMPLE_DIR } from './sampleData';

type Row = Record<string, string>;

function csv(name: string): Row[] {
  const { header, rows } = parseCsvText(name, readFileSync(join(SAMPLE_DIR, `${name}.csv`), 'utf8'), ',');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Active on 2025-12-31: hired by then, and no leave date on or before it (ISO dates compare as text). */
const active = (r: Row) => r.hire_date <= '2025-12-31' && (r.leave_date === '' ? r.status !== 'left' : r.leave_date > '2025-12-31');

describe('S5: the registration and statistics systems as at 2025-12-31', () => {
  let registry: Row[];
  let statistics: Row[];
  let reported: Record<string, any>;
  beforeAll(async () => {
    registry = csv('sales_staff_registry').filter(active);
    statistics = csv('sales_staff_statistics').filter(active);
    const { code, stdout } = await awb('registration', '--data', SAMPLE_DIR, '--as-of', '2025-12-31', '--json');
    expect(code).toBe(0);
    reported = JSON.parse(stdout);
  });
  // Distinct rows per branch: the statistics system reports three people twice (identical rows).
  const count = (rows: Row[], branch: string) => new Set(rows.filter((r) => r.branch === branch).map((r) => r.staff_id)).size;
  const group = (branch: string | null) => reported.groups.find((g: Row) => g.level === (branch ? 'branch' : 'company') && g.branch === branch && g.channel === null);

  it('陕西分公司: |224 − 200| ÷ 200 = 12%, above 10%; 辽宁分公司: |165 − 150| ÷ 150 = 10% exactly, not above', () => {
    expect([count(registry, '陕西分公司'), count(statistics, '陕西分公司')]).toEqual([224, 200]);
    expect([count(registry, '辽宁分公司'), count(statistics, '辽宁分公司')]).toEqual([165, 150]);
    expect(group('陕西分公司')).toMatchObject({ registry: 224, statistics: 200, difference_rate_statistics: 0.12 });
    expect(group('辽宁分公司')).toMatchObject({ registry: 165, statistics: 150, difference_rate_statistics: 0.1 });
    const mismatches = reported.findings.filter((f: Row) => f.rule_id === 'S5-REG-MISMATCH').map((f: { values: Row }) => f.values.branch);
    expect(mismatches).toEqual(['陕西分公司']);
  });

  it('四川分公司: 21 of 300 registered staff miss a required element (7%); 湖北分公司 10 of 200 (5% exactly, within 不得超过5%)', () => {
    const required = ['name', 'id_number', 'certificate_no', 'branch', 'channel', 'education', 'contract_type', 'hire_date'];
    const missing = (branch: string) => registry.filter((r) => r.branch === branch && required.some((c) => r[c] === '')).length;
    expect([missing('四川分公司'), count(registry, '四川分公司')]).toEqual([21, 300]);
    expect([missing('湖北分公司'), count(registry, '湖北分公司')]).toEqual([10, 200]);
    expect(group('四川分公司')).toMatchObject({ staff_with_missing_elements: 21, missing_rate: 0.07, missing_band: '5%–20%' });
    expect(group('湖北分公司')).toMatchObject({ staff_with_missing_elements: 10, missing_rate: 0.05, missing_band: '≤ 5%' });
    expect(reported.findings.filter((f: Row) => f.rule_id === 'S5-REG-MISSING').map((f: { values: Row }) => f.values.branch)).toEqual(['四川分公司']);
  });

  it('the company: 2,629 registered against 2,584 reported (1.74%), 62 missing an element (2.36%): no company finding', () => {
    expect([registry.length, new Set(statistics.map((r) => r.staff_id)).size]).toEqual([2629, 2584]);
    expect(group(null)).toMatchObject({ registry: 2629, statistics: 2584, staff_with_missing_elements: 62 });
    expect(group(null).difference_rate_statistics).toBeCloseTo(45 / 2584, 15);
    expect(reported.findings.filter((f: { values: Row }) => f.values.level === 'company')).toEqual([]);
  });

  it('every statistics identifier written with full-width digits, spaces, a lower-case x or 15 digits is matched', () => {
    // The plan (src/sample/plantedFindings.ts STAFF_PLAN): matched 258 + 237 + 219 + 198 + 208 + 277 + 149 + 198 + 178 + 297
    // + 200 + 150 = 2,569; only registered 2 + 3 + 1 + 2 + 2 + 3 + 1 + 2 + 2 + 3 + 24 + 15 = 60; only reported
    // 1 + 2 + 2 + 0 + 3 + 1 + 1 + 1 + 2 + 2 + 0 + 0 = 15. An identifier left unmatched would move staff from the first to the others.
    expect(group(null)).toMatchObject({ matched_statistics: 2569, registry_not_in_statistics: 60, statistics_not_in_registry: 15 });
  });
});

describe('S4: the agency channel’s sales to policyholders of 60 and over in 2025', () => {
  let needs: { policy: Row; quarter: string; recorded: boolean }[];
  beforeAll(() => {
    const products = new Map(csv('products').map((p) => [p.product_code, p]));
    const policies = new Map(csv('policies').map((p) => [p.policy_id, p]));
    const recorded = new Set(csv('recordings').map((r) => r.policy_id));
    // S4 as the seed words it: individual long-term business (term over 12 months) of an agent to a
    // policyholder of 60 or more (含) needs a recording; internet sales do not.
    needs = csv('applications')
      .filter((a) => a.application_date >= '2025-01-01' && a.channel_type === 'agency' && Number(a.policyholder_age) >= 60)
      .map((a) => ({ a, policy: policies.get(a.policy_id)!, product: products.get(policies.get(a.policy_id)!.product_code)! }))
      .filter((x) => x.product.business === 'individual' && Number(x.product.term_months) > 12 && x.product.internet === 'false')
      .map((x) => ({ policy: x.policy, quarter: `2025Q${Math.ceil(Number(x.a.application_date.slice(5, 7)) / 3)}`, recorded: recorded.has(x.policy.policy_id) }));
  });

  it('about a quarter have no recording, in every quarter of 2025', () => {
    for (const q of ['2025Q1', '2025Q2', '2025Q3', '2025Q4']) {
      const inQuarter = needs.filter((n) => n.quarter === q);
      const share = inQuarter.filter((n) => !n.recorded).length / inQuarter.length;
      expect(inQuarter.length, q).toBeGreaterThanOrEqual(50);
      expect(share, q).toBeGreaterThan(0.15);
      expect(share, q).toBeLessThan(0.4);
    }
  });

  it('awb traceability reports the same unrecorded sales for 2025Q4, under S4-REC-SENIOR, and no other channel missing any', async () => {
    const q4 = needs.filter((n) => n.quarter === '2025Q4');
    const { code, stdout } = await awb('traceability', '--data', SAMPLE_DIR, '--quarter', '2025Q4', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.missing.map((m: Row) => m.policy_id).sort()).toEqual(q4.filter((n) => !n.recorded).map((n) => n.policy.policy_id).sort());
    const finding = out.findings.find((f: Row) => f.rule_id === 'S4-REC-SENIOR');
    expect(finding.values).toMatchObject({ channel: 'agency', missing: q4.filter((n) => !n.recorded).length });
    expect(out.findings.filter((f: Row) => ['S4-REC-CONCURRENT', 'S4-REC-REGION'].includes(f.rule_id))).toEqual([]);
    expect(out.groups.find((g: Row) => g.level === 'channel' && g.value === 'bancassurance')).toMatchObject({ missing: 0 });
  });
});
