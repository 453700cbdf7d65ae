import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULEBOOK_PATH } from '../../src/rules/rulebook';
import { DEFAULT_CALENDAR_PATH } from '../../src/service/workingCalendar';
import { awb } from '../cli/run';
import { smallServiceFolder, times } from './smallCompany';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

// Filing evidence draws the chart through Chromium: several seconds on a loaded two-core machine.
vi.setConfig({ testTimeout: 300_000 });

type Row = { type: string; region: string | null; events: number; on_time: number | null; late: number | null; open_overdue: number | null; on_time_rate: number | null; median_working_days: number | null; p95_working_days: number | null; connection_rate: number | null };

async function service(data: string, ...more: string[]) {
  const run = await awb('service', '--data', data, '--quarter', '2025Q4', '--json', ...more);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { rows: Row[]; exceptions: { event_id: string; status: string; deadline: string }[]; findings: { rule_id: string; values: Record<string, unknown> }[]; calendar: { sha256: string } };
}
const total = (json: { rows: Row[] }, type: string) => json.rows.find((r) => r.type === type && r.region === null)!;

function copyEdited(source: string, edit: (t: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'awb-edit-')), 'edited.yaml');
  writeFileSync(file, edit(readFileSync(source, 'utf8')));
  return file;
}

describe('awb service: the S1 §6 example around National Day 2025', () => {
  // A policy service (2 working days) received Tuesday 30 September 2025: 1–8 October are off, so
  // the working days counted are 9 (1) and 10 October (2); Saturday 11 October is worked (3).
  const data = smallServiceFolder([
    ['policy_service', '甲分公司', '2025-10-09 10:00', '2025-10-10 16:00'],
    ['policy_service', '甲分公司', '2025-10-09 10:00', '2025-10-13 09:00'],
    ['policy_service', '乙分公司', '2025-10-10 11:00', '2025-10-14 18:00'],
    ['policy_service', '乙分公司', '2025-12-22 09:00', null],
    ['policy_service', '乙分公司', '2025-12-30 09:00', null],
    ['policy_service', '乙分公司', '2025-12-29 09:00', '2026-01-05 09:00'],
    ['policy_service', '乙分公司', '2025-11-03 09:00', '2025-11-05 09:00', { channel: 'offline' }],
  ]);

  it('rows are {type, region, events, on_time, late, open_overdue, on_time_rate, median_working_days, p95_working_days}', async () => {
    const json = await service(data);
    const ps = total(json, 'policy_service');
    // 9 Oct → 10 Oct: 1 working day, on time. 9 Oct → Monday 13 Oct: 10 (1), Saturday 11 (2), 13 (3): late.
    // 10 Oct → 14 Oct: 11 (1), 13 (2), 14 (3): late. 22 Dec, still open at 31 Dec: due 24 Dec, overdue.
    // 30 Dec, open: due Sunday 4 Jan 2026 (worked; 1–3 January off), not judged. 29 Dec → 5 Jan 2026,
    // after the as-of date: open at 31 December, due 31 Dec (30 (1), 31 (2)), not yet overdue on that day.
    // The offline request is outside S1's online standards.
    expect(ps).toMatchObject({ events: 6, on_time: 1, late: 2, open_overdue: 1, median_working_days: 3, p95_working_days: 3 });
    expect(ps.on_time_rate).toBeCloseTo(1 / 4, 15);
    expect(json.rows.filter((r) => r.type === 'policy_service').map((r) => r.region)).toEqual([null, '华东', '华北']);
    expect(json.exceptions.map((x) => [x.event_id, x.status, x.deadline])).toEqual([
      ['E0002', 'late', '2025-10-11'],
      ['E0003', 'late', '2025-10-13'],
      ['E0004', 'open_overdue', '2025-12-24'],
    ]);
    expect(json.findings.find((f) => f.rule_id === 'ILI-SVC-POLICY-SERVICE')!.values).toMatchObject({ judged: 4, late: 2, open_overdue: 1 });
  });

  it('prints a table of the types and the findings on the terminal', async () => {
    const run = await awb('service', '--data', data, '--quarter', '2025Q4');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('policy_service');
    expect(run.stdout).toContain('1 offline events are outside');
    expect(run.stdout).toContain('ILI-SVC-POLICY-SERVICE');
  });

  it('with the receipt day counted (an edited rulebook), 10 October is already late for the request of 9 October', async () => {
    const rules = copyEdited(DEFAULT_RULEBOOK_PATH, (t) => t.replace('receipt_day_counted: false', 'receipt_day_counted: true'));
    const ps = total(await service(data, '--rules', rules), 'policy_service');
    // 9 October counts as day 1, so the 2-day limit ends on 10 October: still on time. 22 Dec open: overdue.
    expect(ps).toMatchObject({ on_time: 1, late: 2, open_overdue: 2 });
  });

  it('with an edited calendar in which Saturday 11 October is not worked, the requests done on 13 and 14 October are on time', async () => {
    // 9 Oct → 13 Oct: 10 (1), 13 (2); 10 Oct → 14 Oct: 13 (1), 14 (2).
    const calendar = copyEdited(DEFAULT_CALENDAR_PATH, (t) => t.replace('worked: [2025-09-28, 2025-10-11]', 'worked: [2025-09-28]'));
    const json = await service(data, '--calendar', calendar);
    expect(total(json, 'policy_service')).toMatchObject({ on_time: 3, late: 0 });
    expect(json.calendar.sha256).not.toBe((await service(data)).calendar.sha256);
  });
});

describe('awb service: connection rate and complex cases', () => {
  it('a connection rate of exactly 95% meets "不低于95%"; 90% does not', async () => {
    const consult = (connected: number, of: number) => [
      ...times(connected, ['consultation', '甲分公司', '2025-11-03 10:00', '2025-11-03 10:05', { connected: true }] as const),
      ...times(of - connected, ['consultation', '甲分公司', '2025-11-03 10:00', null, { connected: false }] as const),
    ];
    const exact = await service(smallServiceFolder(consult(19, 20)));
    expect(total(exact, 'consultation').connection_rate).toBe(0.95);
    expect(exact.findings.some((f) => f.rule_id === 'ILI-SVC-CONNECT')).toBe(false);
    const low = await service(smallServiceFolder(consult(18, 20)));
    expect(low.findings.find((f) => f.rule_id === 'ILI-SVC-CONNECT')!.values).toMatchObject({ connected: 18, events: 20 });
  });

  it('a complex claim decision has 30 calendar days; a complex surrender 3 working days', async () => {
    const json = await service(
      smallServiceFolder([
        ['claim_decision', '甲分公司', '2025-10-09', '2025-11-08', { complex: true }], // day 30: on time
        ['claim_decision', '甲分公司', '2025-10-09', '2025-11-09', { complex: true }], // day 31: late
        ['claim_decision', '甲分公司', '2025-10-09', '2025-10-16'], // 10, 11, 13, 14, 15 = 5th working day is 15 Oct: late
        ['surrender_decision', '甲分公司', '2025-10-10', '2025-10-14', { complex: true }], // 11, 13, 14: on time
      ]),
    );
    expect(total(json, 'claim_decision')).toMatchObject({ on_time: 1, late: 2 });
    expect(total(json, 'surrender_decision')).toMatchObject({ on_time: 1, late: 0 });
  });
});

describe('awb service: bad input', () => {
  it('a completion before the receipt: exit 2 naming the row and column', async () => {
    const run = await awb('service', '--data', smallServiceFolder([['policy_service', '甲分公司', '2025-10-09', '2025-10-08']]), '--quarter', '2025Q4');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/service_events\.csv, row 2, column completed_at: expected a completion on or after received_at \(2025-10-09\), found "2025-10-08"/);
  });

  it('a year the calendar does not cover is an error, not a guess', async () => {
    const data = smallServiceFolder([['policy_service', '甲分公司', '2027-01-04', '2027-01-05']]);
    const run = await awb('service', '--data', data, '--year', '2027');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/argument the period, .*cn-working-days\.yaml: expected dates in the years the working-day calendar covers \(2019–2026\); a year missing is not guessed.*found "2027-12-31"/);
    const asOf = await awb('service', '--data', data, '--year', '2026', '--as-of', '2027-01-10');
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toMatch(/argument --as-of.*found "2027-01-10"/);
  });

  it('an event done in a year the calendar does not have yet is judged at the as-of date, without guessing that year', async () => {
    // Received Wednesday 30 Dec 2026, done 4 Jan 2027: at 31 Dec 2026 it is open, within its limit.
    const json = JSON.parse((await awb('service', '--data', smallServiceFolder([['policy_service', '甲分公司', '2026-12-30', '2027-01-04']]), '--year', '2026', '--json')).stdout);
    expect(total(json, 'policy_service')).toMatchObject({ events: 1, open_within_limit: 1, open_overdue: 0, late: 0 });
  });

  it('an impossible date-time: exit 2', async () => {
    const run = await awb('service', '--data', smallServiceFolder([['policy_service', '甲分公司', '2025-10-09 25:00', null]]), '--quarter', '2025Q4');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/row 2, column received_at: expected a real date as YYYY-MM-DD or a date-time/);
  });

  it('both --quarter and --year: exit 2', async () => {
    const run = await awb('service', '--data', smallServiceFolder([]), '--quarter', '2025Q4', '--year', '2025');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected either --quarter YYYYQn or --year YYYY');
  });
});

describe('evidence: awb service and awb service-evaluation file bundles that awb verify reproduces', () => {
  it('files and verifies both', async () => {
    const data = smallServiceFolder([
      ['policy_service', '甲分公司', '2025-10-09 10:00', '2025-10-13 09:00'],
      ...times(3, ['e_policy_delivery', '乙分公司', '2025-10-09 10:00', '2025-10-09 10:05']),
    ]);
    const out = mkdtempSync(join(tmpdir(), 'awb-service-evidence-'));
    expect((await awb('service', '--data', data, '--quarter', '2025Q4', '--out', join(out, 'service'))).code).toBe(0);
    expect((await awb('service-evaluation', '--data', data, '--year', '2025', '--out', join(out, 'evaluation'))).code).toBe(0);
    for (const bundle of ['service', 'evaluation']) {
      const verified = await awb('verify', join(out, bundle));
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toContain('REPRODUCED');
    }
    const manifest = JSON.parse(readFileSync(join(out, 'evaluation', 'manifest.json'), 'utf8'));
    expect(manifest.command.name).toBe('service-evaluation');
    expect(readFileSync(join(out, 'evaluation', 'tables', 'indicators.csv'), 'utf8').split('\n')[0]).toContain('numerator,denominator,value,standard,zero_at,score');
  });
});
