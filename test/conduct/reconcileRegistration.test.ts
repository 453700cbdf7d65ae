import { describe, expect, it } from 'vitest';
import { missingBand } from '../../src/conduct/missingBand';
import { type RegistrationGroup, reconcileRegistration } from '../../src/conduct/reconcileRegistration';
import { registrationGroupRows } from '../../src/conduct/registrationTables';
import { parseDayText } from '../../src/data/dates';
import { InputError } from '../../src/data/InputError';
import { Dec } from '../../src/money/decimal';
import { fraction, fractionToNumber } from '../../src/money/fraction';
import { loadRulebook } from '../../src/rules/rulebook';
import { people, person, type StaffCells, staffTable, staffTables, testId } from './staffTables';

const book = loadRulebook();
const AS_OF = parseDayText('2025-12-31')!;

const group = (groups: readonly RegistrationGroup[], level: string, branch: string | null = null) => groups.find((g) => g.level === level && g.branch === branch && g.channel === null)!;
const diff = (g: RegistrationGroup) => g.comparisons.find((c) => c.source === 'statistics')!;
const ids = (f: { rule_id: string; values: Record<string, unknown> }) => `${f.rule_id} ${f.values.level}${f.values.branch ? ` ${f.values.branch}` : ''}`;

describe('S5-REG-MISMATCH: difference rate |registry − statistics| ÷ statistics, above 10%', () => {
  // A: 20 in both, 2 more in the registry: |22 − 20| ÷ 20 = 10% exactly — not 高于10%.
  // B: 19 in both, 2 more in the registry: |21 − 19| ÷ 19 = 10.526…% — above.
  // The company: |43 − 39| ÷ 39 = 10.256…% — above.
  const a = people(1, 22, 'A分公司');
  const b = people(101, 21, 'B分公司');
  const result = reconcileRegistration(staffTables([...a, ...b], [...a.slice(0, 20), ...b.slice(0, 19)]), AS_OF, book);

  it('exactly 10% is not above 10%; 2 ÷ 19 and 4 ÷ 39 are', () => {
    expect(diff(group(result.groups, 'branch', 'A分公司')).difference_rate).toEqual(fraction(1n, 10n));
    expect(diff(group(result.groups, 'branch', 'B分公司')).difference_rate).toEqual(fraction(2n, 19n));
    expect(diff(group(result.groups, 'company')).difference_rate).toEqual(fraction(4n, 39n));
    expect(result.findings.filter((f) => f.rule_id === 'S5-REG-MISMATCH').map(ids).sort()).toEqual(['S5-REG-MISMATCH branch B分公司', 'S5-REG-MISMATCH company']);
  });

  it('states the counts, the rate and the seed’s comparison in the finding, in both languages', () => {
    const f = result.findings.find((x) => x.values.branch === 'B分公司')!;
    expect(f.message).toContain('|21 − 19| ÷ 19 = 10.526316% > 10.00%');
    expect(f.message_zh).toContain('中介系统执业登记的销售人员21人，统信系统同口径数据19人，差异率为10.526316%，超过10.00%');
    expect(f.values).toMatchObject({ registry: 21, statistics: 19, registry_only: 2, statistics_only: 0 });
    expect(f.citation).toContain('差异率高于10%');
  });

  it('shows a record-level mismatch that equal counts hide', () => {
    // 10 in the registry, 10 in statistics, 8 in common: difference rate 0, record level (2 + 2) ÷ 12 = 1/3.
    const r = people(1, 10, 'C分公司');
    const s = [...r.slice(0, 8), ...people(50, 2, 'C分公司')];
    const c = diff(group(reconcileRegistration(staffTables(r, s), AS_OF, book).groups, 'company'));
    expect(c).toMatchObject({ matched: 8, registry_only: 2, source_only: 2 });
    expect(c.difference_rate).toEqual(fraction(0n, 1n));
    expect(c.record_mismatch_rate).toEqual(fraction(1n, 3n));
  });

  it('cannot compute the rate for a branch the statistics system does not have, and says so', () => {
    const r = reconcileRegistration(staffTables([...people(1, 5, 'A分公司'), ...people(20, 3, 'D分公司')], people(1, 5, 'A分公司')), AS_OF, book);
    expect(diff(group(r.groups, 'branch', 'D分公司')).difference_rate).toBeNull();
    expect(r.findings.map(ids)).toContain('DATA-REG-NO-BASE branch D分公司');
  });
});

describe('S5-REG-MISSING: staff missing a registration element, 不得超过5%', () => {
  // C: 1 of 20 without an education: 5% exactly — within 不得超过5%.
  // D: 1 of 19 without a contract type: 5.263…% — breaks it. The company: 2 of 39 = 5.128…%.
  const c = [...people(1, 19, 'C分公司'), person(20, 'C分公司', { education: '' })];
  const d = [...people(101, 18, 'D分公司'), person(119, 'D分公司', { contract_type: '' })];
  const result = reconcileRegistration(staffTables([...c, ...d], [...c, ...d]), AS_OF, book);

  it('exactly 5% is within the limit; 1 ÷ 19 and 2 ÷ 39 are not', () => {
    expect(group(result.groups, 'branch', 'C分公司').missing).toMatchObject({ staff: 20, with_missing: 1, rate: fraction(1n, 20n), band: { label: '≤ 5%', label_zh: '不超过5%' } });
    expect(group(result.groups, 'branch', 'D分公司').missing).toMatchObject({ staff: 19, with_missing: 1, rate: fraction(1n, 19n), band: { label: '5%–20%' } });
    expect(result.findings.map(ids).sort()).toEqual(['S5-REG-MISSING branch D分公司', 'S5-REG-MISSING company']);
  });

  it('names the elements missed most, with the notice’s words', () => {
    const f = result.findings.find((x) => x.values.level === 'company')!;
    expect(f.values).toMatchObject({ staff: 39, with_missing: 2, band: '5%–20%' });
    expect(f.message_zh).toContain('缺失执业登记信息要素的销售人员2人，占销售人员总数39人的5.128205%');
    expect(f.message_zh).toContain('不得超过5.00%');
    expect(group(result.groups, 'company').missing.elements.slice(0, 2)).toEqual([
      { element: 'education', missing: 1 },
      { element: 'contract_type', missing: 1 },
    ]);
  });

  it('finds required elements by a Chinese alias or a further column’s header, and counts a missing column against everyone', () => {
    const rule = book.rules.find((r) => r.id === 'S5-REG-MISSING')!;
    const edited = { ...book, rules: book.rules.map((r) => (r === rule ? { ...r, parameters: { ...r.parameters, required_elements: ['学历', '手机号码', 'contract_type'] } } : r)) };
    const columns = ['staff_id', 'branch', 'education', '手机号码'];
    const rows = [
      { staff_id: testId(1), branch: 'A', education: '本科', 手机号码: '1' },
      { staff_id: testId(2), branch: 'A', education: '', 手机号码: 'NA' },
    ];
    const registry = staffTable('sales_staff_registry', rows as StaffCells[], columns);
    const r = reconcileRegistration({ registry, statistics: registry }, AS_OF, edited);
    // contract_type is not a column of this registry: both staff miss it.
    expect(r.required_elements.map((e) => [e.element, e.column, e.header, e.present])).toEqual([
      ['学历', 'education', null, true],
      ['手机号码', null, '手机号码', true],
      ['contract_type', 'contract_type', null, false],
    ]);
    expect(group(r.groups, 'company').missing.elements).toEqual([
      { element: 'contract_type', missing: 2 },
      { element: '学历', missing: 1 },
      { element: '手机号码', missing: 1 },
    ]);
  });
});

describe('the notice’s bands of the missing share', () => {
  const bounds = ['0.50', '0.30', '0.20', '0.05'].map((b) => new Dec(b));
  it('puts each bound in the band below it, as 超过 reads', () => {
    expect(missingBand(fraction(51n, 100n), bounds).label_zh).toBe('超过50%');
    expect(missingBand(fraction(1n, 2n), bounds).label_zh).toBe('介于30%-50%');
    expect(missingBand(fraction(3n, 10n), bounds).label_zh).toBe('介于20%-30%');
    expect(missingBand(fraction(131n, 1000n), bounds).label).toBe('5%–20%'); // the industry's 13.1% (S5)
    expect(missingBand(fraction(1n, 20n), bounds).label).toBe('≤ 5%');
  });
});

describe('who counts at the as-of date, and how identifiers match', () => {
  it('counts staff hired by the date and not yet gone, each identifier once', () => {
    const registry = staffTable('sales_staff_registry', [
      person(1, 'A'),
      person(2, 'A', { hire_date: '2026-01-02' }), // not yet hired
      person(3, 'A', { status: 'left', leave_date: '2025-12-31' }), // left on the day: gone
      person(4, 'A', { status: 'left', leave_date: '2026-01-15' }), // leaves later: counts
      person(5, 'A', { status: 'left' }), // left, no date: gone
      person(6, 'A', { staff_id: ` ${testId(1).toLowerCase()} ` }), // person 1 again
      person(7, 'A', { staff_id: '' }), // no identifier: counted, matches nothing
    ]);
    const statistics = staffTable('sales_staff_statistics', [
      person(1, 'A', { staff_id: testId(1).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) }),
      person(4, 'A', { staff_id: testId(4).slice(0, 6) + testId(4).slice(8, 17) }), // 15-digit form: 990000 800101 004
    ]);
    const r = reconcileRegistration({ registry, statistics }, AS_OF, book);
    expect(r.sources[0]).toMatchObject({ rows: 7, inactive: 3, duplicates: 1, without_key: 1, converted_15_digit: 0 });
    expect(r.sources[1]).toMatchObject({ rows: 2, converted_15_digit: 1 });
    expect(group(r.groups, 'company').counts).toEqual({ registry: 3, statistics: 2 });
    expect(diff(group(r.groups, 'company'))).toMatchObject({ matched: 2, registry_only: 1, source_only: 0 });
    expect(r.unmatched).toEqual([expect.objectContaining({ source: 'registry', table: 'sales_staff_registry', row: 8, ref: expect.stringMatching(/^[0-9a-f]{16}$/) })]);
  });

  it('matches on id_number when a table has no staff_id column, and refuses a table with neither', () => {
    const registry = staffTable('sales_staff_registry', people(1, 3, 'A'));
    const statistics = staffTable('sales_staff_statistics', people(1, 3, 'A'), ['name', 'id_number', 'branch']);
    expect(reconcileRegistration({ registry, statistics }, AS_OF, book).sources[1].key_column).toBe('id_number');
    const nameless = staffTable('sales_staff_statistics', people(1, 3, 'A'), ['name', 'branch']);
    const error = (() => {
      try {
        reconcileRegistration({ registry, statistics: nameless }, AS_OF, book);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('sales_staff_statistics.csv, row 1, column staff_id: expected a staff_id column (人员编号, 工号…) or an id_number column (身份证号码…) to match the sources by');
  });

  it('refuses a rulebook comparing with a source the folder does not have', () => {
    const rule = book.rules.find((r) => r.id === 'S5-REG-MISMATCH')!;
    const edited = { ...book, rules: book.rules.map((r) => (r === rule ? { ...r, parameters: { ...r.parameters, base: 'hr' } } : r)) };
    expect(() => reconcileRegistration(staffTables(people(1, 3, 'A'), people(1, 3, 'A')), AS_OF, edited)).toThrow(
      'sales_staff_hr.csv, column S5-REG-MISMATCH.parameters.base: expected the sales_staff_hr table in the data folder (S5-REG-MISMATCH reads the HR system)',
    );
  });

  it('counts an ID number with a wrong check character as invalid', () => {
    const bad = testId(2).slice(0, 17) + (testId(2)[17] === '0' ? '1' : '0');
    const r = reconcileRegistration(staffTables([person(1, 'A'), person(2, 'A', { id_number: bad, staff_id: bad })], [person(1, 'A')]), AS_OF, book);
    expect(r.sources[0].invalid_id_numbers).toBe(1);
  });
});

describe('invariants', () => {
  const registry = [...people(1, 30, 'A分公司'), ...people(100, 25, 'B分公司', { channel: 'bancassurance' }), person(200, 'B分公司', { education: '' })];
  const statistics = [...people(1, 28, 'A分公司'), ...people(100, 25, 'B分公司', { channel: 'bancassurance' }), ...people(300, 4, 'B分公司')];

  it('branches add up to the company, for every source and comparison', () => {
    const r = reconcileRegistration(staffTables(registry, statistics), AS_OF, book);
    const branches = r.groups.filter((g) => g.level === 'branch');
    const company = group(r.groups, 'company');
    for (const s of ['registry', 'statistics'] as const) expect(branches.reduce((n, g) => n + g.counts[s]!, 0)).toBe(company.counts[s]);
    for (const k of ['matched', 'registry_only', 'source_only'] as const) expect(branches.reduce((n, g) => n + diff(g)[k], 0)).toBe(diff(company)[k]);
    expect(branches.reduce((n, g) => n + g.missing.with_missing, 0)).toBe(company.missing.with_missing);
  });

  it('does not depend on the order of the rows', () => {
    const forward = reconcileRegistration(staffTables(registry, statistics), AS_OF, book);
    const backward = reconcileRegistration(staffTables([...registry].reverse(), [...statistics].reverse()), AS_OF, book);
    expect(registrationGroupRows(backward)).toEqual(registrationGroupRows(forward));
    expect(backward.findings).toEqual(forward.findings);
    // Registry 30 + 26 = 56, statistics 28 + 29 = 57: |56 − 57| ÷ 57.
    expect(fractionToNumber(diff(group(forward.groups, 'company')).difference_rate!)).toBe(1 / 57);
  });
});
