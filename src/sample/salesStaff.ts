import { dayOf, type DayNumber, formatDay, parseDayText, ymdOf } from '../data/dates';
import { idCardCheckDigit } from '../conduct/idCardNumber';
import type { TableRow } from '../evidence/csv';
import { BRANCHES } from './company';
import { GHOST_BRANCHES, STAFF_AS_OF, STAFF_PLAN } from './plantedFindings';
import type { RandomSource } from './random';

/** The four sales-staff tables of the sample (S5), as rows. */
export interface SampleStaffTables {
  readonly registry: readonly TableRow[];
  readonly statistics: readonly TableRow[];
  readonly hr: readonly TableRow[];
  readonly disclosure: readonly TableRow[];
}

/** One made-up member of the sales staff. */
interface Person {
  readonly id: string;
  readonly name: string;
  readonly certificate: string;
  readonly branch: string;
  readonly channel: 'agency' | 'bancassurance';
  readonly hire: DayNumber;
  /** The day the person left, or null while active. */
  readonly leave: DayNumber | null;
  readonly education: string;
  readonly contract: string;
  /** In the registration system, in statistics, in HR. */
  readonly inRegistry: boolean;
  readonly inStatistics: boolean;
  readonly inHr: boolean;
}

// Three-character names: a surname and a two-character given name, so that no name reads as a word
// of the reports (a branch, a region, a quote of the rules).
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '郑'];
const GIVEN = ['秀英', '桂英', '志强', '建华', '海燕', '丽娟', '晓东', '春梅', '国庆', '红霞', '文杰', '雪梅', '俊杰', '婷婷', '子涵', '浩然', '思远', '雨桐', '欣怡', '梓萱', '玉兰', '振宇', '佳琪', '明轩'];
const EDUCATION: readonly (readonly [string, number])[] = [['大专', 0.4], ['本科', 0.3], ['高中', 0.25], ['硕士', 0.05]];
/** The elements a registered record may miss, and how often each is the one missing. */
const MISSABLE: readonly (readonly [string, number])[] = [['education', 0.45], ['contract_type', 0.25], ['certificate_no', 0.15], ['hire_date', 0.1], ['id_number', 0.05]];

/** Staff who left during 2024–2025, as a share of each branch's matched staff. */
const LEFT_SHARE = 0.08;
/** Share of the statistics system's identifiers written differently: full-width digits, spaces inside, a lower-case x, the old 15-digit form. */
const VARIANTS: readonly (readonly [string, number])[] = [['full_width', 0.03], ['spaced', 0.02], ['lower_x', 0.02], ['fifteen', 0.01], ['as_is', 0.92]];
/** Rows the statistics system holds twice (the same person reported again). */
const STATISTICS_REPEATS = 3;

const AS_OF = parseDayText(STAFF_AS_OF)!;

/** Code-point order, the same in every locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A made-up citizen ID number: region 99xxxx (no real region has it), a birth date, a sequence
 * number and its GB 11643-1999 check character.
 */
function idNumber(random: RandomSource, taken: Set<string>): string {
  for (;;) {
    const birth = ymdOf(random.int(dayOf(1965, 1, 1), dayOf(2002, 12, 31)));
    const first17 = `99${String(random.int(0, 9999)).padStart(4, '0')}${birth.year}${String(birth.month).padStart(2, '0')}${String(birth.day).padStart(2, '0')}${String(random.int(0, 999)).padStart(3, '0')}`;
    const id = first17 + idCardCheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The identifier as another system might write it (normalisation must bring it back). */
function variant(id: string, kind: string): string {
  switch (kind) {
    case 'full_width':
      return id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 'spaced':
      return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
    case 'lower_x':
      return id.toLowerCase();
    case 'fifteen':
      return id.startsWith('19', 6) ? id.slice(0, 6) + id.slice(8, 17) : id;
    default:
      return id;
  }
}

function people(random: RandomSource): Person[] {
  const taken = new Set<string>();
  const out: Person[] = [];
  let certificate = 0;
  const person = (branch: string, inRegistry: boolean, inStatistics: boolean, inHr: boolean, leave: DayNumber | null): Person => {
    const hire = random.int(dayOf(2012, 1, 1), leave === null ? AS_OF - 20 : leave - 90) as DayNumber;
    return {
      id: idNumber(random, taken),
      name: SURNAMES[random.int(0, SURNAMES.length - 1)] + GIVEN[random.int(0, GIVEN.length - 1)],
      certificate: `HT${String(++certificate).padStart(10, '0')}`,
      branch,
      channel: random.bernoulli(0.8) ? 'agency' : 'bancassurance',
      hire,
      leave,
      education: random.pick(EDUCATION),
      contract: random.bernoulli(0.9) ? '代理制' : '合同制',
      inRegistry,
      inStatistics,
      inHr,
    };
  };
  for (const plan of STAFF_PLAN) {
    const ghost = GHOST_BRANCHES.includes(plan.branch);
    for (let i = 0; i < plan.matched; i++) out.push(person(plan.branch, true, true, true, null));
    for (let i = 0; i < plan.registryOnly; i++) out.push(person(plan.branch, true, false, !ghost, null));
    for (let i = 0; i < plan.statisticsOnly; i++) out.push(person(plan.branch, false, true, true, null));
    const left = Math.round(plan.matched * LEFT_SHARE);
    for (let i = 0; i < left; i++) out.push(person(plan.branch, true, true, true, random.int(dayOf(2024, 1, 1), AS_OF) as DayNumber));
  }
  return out;
}

function baseRow(p: Person, branch = p.branch): Record<string, string | null> {
  return {
    staff_id: p.id,
    name: p.name,
    branch,
    channel: p.channel,
    status: p.leave === null ? 'active' : 'left',
    hire_date: formatDay(p.hire),
    leave_date: p.leave === null ? null : formatDay(p.leave),
  };
}

/**
 * The sample's sales staff (S5) as each source records them, as at 2025-12-31, from the plan in
 * {@link STAFF_PLAN}: the registration system (every element, some left empty as planned), the
 * statistics system (fewer columns; some identifiers written with full-width digits, spaces, a
 * lower-case x or in the old 15-digit form; a few people reported twice; two pairs of staff under
 * each other's branch), HR (everyone real: not the ghost staff of GHOST_BRANCHES) and the public
 * disclosure (registered staff hired before December 2025). Staff who left in 2024–2025 are in
 * every source but the disclosure, with their leave date. Every name and ID number is made up
 * (ID numbers start 99, a region code no one has).
 * @param random the 'sales_staff' stream
 */
export function salesStaffRows(random: RandomSource): SampleStaffTables {
  const everyone = people(random);
  const branchOrder = BRANCHES.map((b) => b.branch);

  const registry = everyone.filter((p) => p.inRegistry).map((p) => ({ p, row: { ...baseRow(p), id_number: p.id, certificate_no: p.certificate, education: p.education, contract_type: p.contract } as Record<string, string | null> }));
  for (const plan of STAFF_PLAN) {
    const active = registry.filter((r) => r.p.branch === plan.branch && r.p.leave === null);
    const chosen = new Set<number>();
    while (chosen.size < plan.withMissing) chosen.add(random.int(0, active.length - 1));
    for (const i of [...chosen].sort((a, b) => a - b)) {
      const first = random.pick(MISSABLE);
      active[i].row[first] = null;
      if (random.bernoulli(0.2)) active[i].row[random.pick(MISSABLE.filter(([e]) => e !== first))] = null;
    }
  }

  // Two pairs of matched staff that the statistics system files under each other's branch.
  const swapped = new Map<Person, string>();
  for (const [a, b] of [['上海分公司', '江苏分公司'], ['广东分公司', '福建分公司']] as const) {
    const pa = everyone.find((p) => p.branch === a && p.inRegistry && p.inStatistics && p.leave === null)!;
    const pb = everyone.find((p) => p.branch === b && p.inRegistry && p.inStatistics && p.leave === null)!;
    swapped.set(pa, b);
    swapped.set(pb, a);
  }
  const statistics: Record<string, string | null>[] = everyone.filter((p) => p.inStatistics).map((p) => ({ ...baseRow(p, swapped.get(p) ?? p.branch), staff_id: variant(p.id, random.pick(VARIANTS)) }));
  const active = statistics.filter((r) => r.status === 'active');
  for (let i = 0; i < STATISTICS_REPEATS; i++) statistics.push({ ...active[random.int(0, active.length - 1)] });

  const hr: Record<string, string | null>[] = everyone.filter((p) => p.inHr).map((p) => ({ ...baseRow(p), id_number: p.id, education: p.education, contract_type: p.contract }));
  const disclosure: Record<string, string | null>[] = everyone
    .filter((p) => p.inRegistry && p.leave === null && p.hire < dayOf(2025, 12, 1))
    .map((p) => ({ staff_id: p.id, name: p.name, certificate_no: p.certificate, branch: p.branch, channel: p.channel }));

  const byBranch = (rows: Record<string, string | null>[]) =>
    rows.sort((x, y) => branchOrder.indexOf(x.branch!) - branchOrder.indexOf(y.branch!) || compareText(x.hire_date ?? '', y.hire_date ?? '') || compareText(x.staff_id!, y.staff_id!));
  const columns = (rows: Record<string, string | null>[], order: readonly string[]) => rows.map((r) => Object.fromEntries(order.map((c) => [c, r[c] ?? null])));
  return {
    registry: columns(byBranch(registry.map((r) => r.row)), ['staff_id', 'name', 'id_number', 'certificate_no', 'branch', 'channel', 'status', 'hire_date', 'leave_date', 'education', 'contract_type']),
    statistics: columns(byBranch(statistics), ['staff_id', 'name', 'branch', 'channel', 'status', 'hire_date', 'leave_date']),
    hr: columns(byBranch(hr), ['staff_id', 'name', 'id_number', 'branch', 'channel', 'status', 'hire_date', 'leave_date', 'education', 'contract_type']),
    disclosure: columns(byBranch(disclosure), ['staff_id', 'name', 'certificate_no', 'branch', 'channel']),
  };
}
