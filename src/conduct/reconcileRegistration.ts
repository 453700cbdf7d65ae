import { VALUE_ZH } from '../present/words';
import type { DayNumber } from '../data/dates';
import { InputError } from '../data/InputError';
import { TABLES } from '../data/schema';
import { compareFraction, type Fraction, fraction, fractionToDec } from '../money/fraction';
import { groupThousands } from '../money/groupThousands';
import { COMPARISON_SYMBOL } from '../money/ratio';
import { COMPARISON_ZH } from '../rules/comparisonWords';
import { type Finding, makeFinding, sortFindings } from '../rules/finding';
import { percentText } from '../rules/percentText';
import { getRule, type Rulebook } from '../rules/rulebook';
import { activeStaff, type SourceStaff, type StaffRecord } from './activeStaff';
import { type MissingBand, missingBand } from './missingBand';
import { missingElementsOf, type RequiredElement, requiredElements } from './missingElements';
import { type MismatchRule, type MissingRule, REGISTRATION_LEVELS, type RegistrationLevel, registrationRules } from './registrationRules';
import { rowReference } from './rowReference';
import { SOURCE_EN, SOURCE_TABLE, SOURCE_ZH, STAFF_SOURCES, type StaffSource, type StaffTables } from './staffSources';

/** A source compared with the registration system. */
export type ComparedSource = Exclude<StaffSource, 'registry'>;

/** The registration system against one other source, within one group. */
export interface SourceComparison {
  readonly source: ComparedSource;
  /** Staff in both (same normalised identifier). */
  readonly matched: number;
  readonly registry_only: number;
  readonly source_only: number;
  /** |registry − source| ÷ source, of the staff counts: S5's 差异率; null when the source has no staff in the group. */
  readonly difference_rate: Fraction | null;
  /** (registry only + source only) ÷ staff in either: the records that do not match one to one; null when neither has staff. */
  readonly record_mismatch_rate: Fraction | null;
  /** Matched staff whose branch differs between the two sources. */
  readonly branch_differs: number;
  /** Matched staff whose channel differs between the two sources. */
  readonly channel_differs: number;
}

/** Staff whose registration misses required elements, within one group. */
export interface MissingSummary {
  /** The source checked (the registration system by default). */
  readonly source: StaffSource;
  readonly staff: number;
  /** Staff missing at least one required element. */
  readonly with_missing: number;
  /** with_missing ÷ staff; null when the group has no staff in the source. */
  readonly rate: Fraction | null;
  readonly band: MissingBand | null;
  /** Each required element and how many staff miss it, most missed first. */
  readonly elements: readonly { readonly element: string; readonly missing: number }[];
}

/** One group of the reconciliation: the company, a branch, a channel, or a branch and channel. */
export interface RegistrationGroup {
  readonly level: RegistrationLevel;
  /** The branch (null at the company and channel levels, or for staff recorded without a branch). */
  readonly branch: string | null;
  readonly channel: string | null;
  /** Staff active at the as-of date in each source present. */
  readonly counts: Readonly<Partial<Record<StaffSource, number>>>;
  readonly comparisons: readonly SourceComparison[];
  readonly missing: MissingSummary;
}

/** A record found in one source of a pair and not in the other: where it is, never who it is. */
export interface UnmatchedRecord {
  /** The source the registration system is compared with. */
  readonly compared_with: ComparedSource;
  /** Where the record is. */
  readonly source: StaffSource;
  readonly table: string;
  readonly row: number;
  /** {@link rowReference} of the record. */
  readonly ref: string;
  readonly branch: string | null;
  readonly channel: string | null;
}

/** Everything the registration reconciliation found (S5). */
export interface RegistrationReconciliation {
  readonly as_of: DayNumber;
  readonly sources: readonly Omit<SourceStaff, 'staff'>[];
  readonly required_elements: readonly RequiredElement[];
  /** Groups in level order (company, branch, channel, branch and channel), then by branch and channel. */
  readonly groups: readonly RegistrationGroup[];
  /** Company-level records without a counterpart, per pair, in source and row order. */
  readonly unmatched: readonly UnmatchedRecord[];
  readonly findings: readonly Finding[];
  readonly rules: { readonly mismatch: MismatchRule; readonly missing: MissingRule };
}

const cmp = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

function groupKeyOf(level: RegistrationLevel, r: StaffRecord): [string | null, string | null] {
  switch (level) {
    case 'company':
      return [null, null];
    case 'branch':
      return [r.branch, null];
    case 'channel':
      return [null, r.channel];
    case 'branch_channel':
      return [r.branch, r.channel];
  }
}

/** Exact ratio of two counts; null when the denominator is zero. */
function countRatio(numerator: number, denominator: number): Fraction | null {
  return denominator === 0 ? null : fraction(BigInt(numerator), BigInt(denominator));
}

function compareSources(registry: readonly StaffRecord[], other: readonly StaffRecord[], source: ComparedSource): SourceComparison {
  const byKey = new Map<string, StaffRecord>();
  for (const r of other) if (r.key !== null) byKey.set(r.key, r);
  let matched = 0;
  let branchDiffers = 0;
  let channelDiffers = 0;
  for (const r of registry) {
    const o = r.key === null ? undefined : byKey.get(r.key);
    if (!o) continue;
    matched++;
    if ((r.branch ?? '') !== (o.branch ?? '')) branchDiffers++;
    if ((r.channel ?? '') !== (o.channel ?? '')) channelDiffers++;
  }
  const registryOnly = registry.length - matched;
  const sourceOnly = other.length - matched;
  return {
    source,
    matched,
    registry_only: registryOnly,
    source_only: sourceOnly,
    difference_rate: countRatio(Math.abs(registry.length - other.length), other.length),
    record_mismatch_rate: countRatio(registryOnly + sourceOnly, matched + registryOnly + sourceOnly),
    branch_differs: branchDiffers,
    channel_differs: channelDiffers,
  };
}

function summariseMissing(records: readonly StaffRecord[], elements: readonly RequiredElement[], rule: MissingRule): MissingSummary {
  const perElement = new Map(elements.map((e) => [e.element, 0]));
  let withMissing = 0;
  for (const r of records) {
    const missing = missingElementsOf(r.record, elements);
    if (missing.length > 0) withMissing++;
    for (const e of missing) perElement.set(e, perElement.get(e)! + 1);
  }
  const rate = countRatio(withMissing, records.length);
  const order = elements.map((e) => e.element);
  return {
    source: rule.source,
    staff: records.length,
    with_missing: withMissing,
    rate,
    band: rate === null ? null : missingBand(rate, rule.bands),
    elements: [...perElement].map(([element, missing]) => ({ element, missing })).sort((a, b) => b.missing - a.missing || order.indexOf(a.element) - order.indexOf(b.element)),
  };
}

/** The group named for a message, in English and Chinese. */
function groupName(g: Pick<RegistrationGroup, 'level' | 'branch' | 'channel'>): { en: string; zh: string } {
  const branch = { en: g.branch ?? '(no branch)', zh: g.branch ?? '（未填机构）' };
  const channel = { en: g.channel ?? '(no channel)', zh: g.channel === null || g.channel === undefined ? '（未填渠道）' : (VALUE_ZH[g.channel] ?? g.channel) };
  switch (g.level) {
    case 'company':
      return { en: 'The company', zh: '全公司' };
    case 'branch':
      return branch;
    case 'channel':
      return { en: `Channel ${channel.en}`, zh: `${channel.zh}渠道` };
    case 'branch_channel':
      return { en: `${branch.en} · ${channel.en}`, zh: `${branch.zh}${channel.zh}渠道` };
  }
}

const count = (n: number) => groupThousands(String(n));

/** The notice's words for the limit a share must meet (不得超过5%). */
const REQUIREMENT_WORDS_ZH = { le: '不得超过', lt: '应低于', ge: '不得低于', gt: '应高于' } as const;

/** An element's Chinese name: the schema's for a declared column, else as the rulebook writes it. */
function elementZh(element: string): string {
  const spec = TABLES.sales_staff_registry.columns.find((c) => c.name === element);
  return spec ? spec.descriptionZh.replace(/（[^）]*）$/, '') : element;
}

function mismatchFinding(g: RegistrationGroup, c: SourceComparison, rule: MismatchRule): Finding {
  const name = groupName(g);
  const registry = g.counts.registry!;
  const base = g.counts[c.source]!;
  const rate = fractionToDec(c.difference_rate!);
  const threshold = rule.threshold;
  const record = c.record_mismatch_rate === null ? null : fractionToDec(c.record_mismatch_rate);
  return makeFinding(rule.rule, {
    message:
      `${name.en}: ${count(registry)} sales staff in the registration system against ${count(base)} in the ${SOURCE_EN[c.source]} as at the same date; ` +
      `difference rate |${count(registry)} − ${count(base)}| ÷ ${count(base)} = ${percentText(rate, threshold)} ${COMPARISON_SYMBOL[rule.comparison]} ${percentText(threshold)}` +
      ` (record by record: ${count(c.registry_only)} only in the registration system, ${count(c.source_only)} only in the ${SOURCE_EN[c.source]}${record === null ? '' : `, ${percentText(record)} of the staff in either`})`,
    message_zh:
      `${name.zh}：${SOURCE_ZH.registry}的销售人员${count(registry)}人，${SOURCE_ZH[c.source]}同口径数据${count(base)}人，差异率为${percentText(rate, threshold)}，${COMPARISON_ZH[rule.comparison]}${percentText(threshold)}` +
      `（逐人核对：仅在${SOURCE_ZH.registry}${count(c.registry_only)}人，仅在${SOURCE_ZH[c.source]}${count(c.source_only)}人）`,
    values: {
      level: g.level,
      branch: g.branch,
      channel: g.channel,
      registry,
      [c.source]: base,
      difference_rate: rate.toNumber(),
      threshold: threshold.toNumber(),
      registry_only: c.registry_only,
      [`${c.source}_only`]: c.source_only,
      record_mismatch_rate: record === null ? null : record.toNumber(),
    },
  });
}

function noBaseFinding(g: RegistrationGroup, c: SourceComparison, rulebook: Rulebook): Finding {
  const name = groupName(g);
  const registry = g.counts.registry!;
  return makeFinding(getRule(rulebook, 'DATA-REG-NO-BASE'), {
    message: `${name.en}: ${count(registry)} sales staff in the registration system and none in the ${SOURCE_EN[c.source]}: the difference rate (÷ ${SOURCE_EN[c.source]}) is not computable`,
    message_zh: `${name.zh}：${SOURCE_ZH.registry}有销售人员${count(registry)}人，${SOURCE_ZH[c.source]}无同口径数据，差异率无法计算`,
    values: { level: g.level, branch: g.branch, channel: g.channel, registry, [c.source]: 0 },
  });
}

function missingFinding(g: RegistrationGroup, rule: MissingRule): Finding {
  const name = groupName(g);
  const m = g.missing;
  const rate = fractionToDec(m.rate!);
  const top = m.elements.filter((e) => e.missing > 0).slice(0, 3);
  return makeFinding(rule.rule, {
    message:
      `${name.en}: ${count(m.with_missing)} of ${count(m.staff)} sales staff (${percentText(rate, rule.limit)}) in the ${SOURCE_EN[m.source]} miss at least one required registration element; ` +
      `the share must be ${COMPARISON_SYMBOL[rule.comparison]} ${percentText(rule.limit)}; band ${m.band!.label}; most missing: ${top.map((e) => `${e.element} ${count(e.missing)}`).join(', ')}`,
    message_zh:
      `${name.zh}：缺失执业登记信息要素的销售人员${count(m.with_missing)}人，占销售人员总数${count(m.staff)}人的${percentText(rate, rule.limit)}，不符合“${REQUIREMENT_WORDS_ZH[rule.comparison]}${percentText(rule.limit)}”的要求；` +
      `所在区间：${m.band!.label_zh}；缺失最多的要素：${top.map((e) => `${elementZh(e.element)}${count(e.missing)}人`).join('、')}`,
    values: {
      level: g.level,
      branch: g.branch,
      channel: g.channel,
      staff: m.staff,
      with_missing: m.with_missing,
      missing_rate: rate.toNumber(),
      limit: rule.limit.toNumber(),
      band: m.band!.label,
      most_missing: top.map((e) => e.element).join(','),
    },
  });
}

/**
 * Reconciles the sales staff of the registration system (中介系统执业登记) with the statistics system
 * (统信系统), the HR system and the public disclosure (S5), as at one date, for the company, each
 * branch, each channel and each branch and channel:
 * - counts of staff active at the as-of date in each source ({@link activeStaff}; identifiers
 *   normalised by {@link normaliseStaffId}, each counted once);
 * - for the registration system against each other source: matched, only in one or the other,
 *   S5's difference rate |registry − source| ÷ source (of the counts, as the notice defines it) and
 *   the record-level mismatch rate (only in one ÷ staff in either), which shows differences that
 *   equal counts hide;
 * - the share of staff whose registration misses a required element, its band, and the elements
 *   missed most.
 * Findings: S5-REG-MISMATCH where the difference rate with the rule's base source is above the
 * threshold (exactly 10% is not "高于10%"), S5-REG-MISSING where the share of staff with missing
 * elements breaks the limit (exactly 5% is within "不得超过5%"), DATA-REG-NO-BASE where the base
 * source has no staff; at the levels the rules name (the company and each branch by default).
 * Ratios are exact fractions of counts. No identifier or name leaves this function: records are
 * named by table, row and {@link rowReference}.
 *
 * @param asOf the date the staff are counted at (inclusive)
 * @throws InputError for a missing rule or bad parameter in the rulebook, a source the rules read that
 * is not given (an HR base without sales_staff_hr), or a table without an identifier column.
 * @example reconcileRegistration({ registry, statistics }, parseDayText('2025-12-31')!, loadRulebook()).groups[0]
 * // the company: counts per source, the comparisons and the missing elements
 */
export function reconcileRegistration(tables: StaffTables, asOf: DayNumber, rulebook: Rulebook): RegistrationReconciliation {
  const rules = registrationRules(rulebook);
  const present = STAFF_SOURCES.filter((s) => tables[s] !== undefined);
  for (const [source, rule, parameter] of [[rules.mismatch.base, rules.mismatch.rule, 'base'], [rules.missing.source, rules.missing.rule, 'source']] as const) {
    if (!present.includes(source)) {
      throw new InputError({ file: `${SOURCE_TABLE[source]}.csv`, column: `${rule.id}.parameters.${parameter}` }, `the ${SOURCE_TABLE[source]} table in the data folder (${rule.id} reads the ${SOURCE_EN[source]})`);
    }
  }
  const sources = present.map((s) => activeStaff(tables[s]!, s, asOf));
  const bySource = new Map(sources.map((s) => [s.source, s]));
  const missingSource = bySource.get(rules.missing.source);
  const elements = missingSource ? requiredElements(tables[rules.missing.source]!, rules.missing.required_elements) : [];
  const compared = present.filter((s): s is ComparedSource => s !== 'registry');

  const groups: RegistrationGroup[] = [];
  for (const level of REGISTRATION_LEVELS) {
    const cells = new Map<string, { branch: string | null; channel: string | null; records: Map<StaffSource, StaffRecord[]> }>();
    for (const s of sources) {
      for (const r of s.staff) {
        const [branch, channel] = groupKeyOf(level, r);
        const id = JSON.stringify([branch, channel]);
        let cell = cells.get(id);
        if (!cell) cells.set(id, (cell = { branch, channel, records: new Map() }));
        let list = cell.records.get(s.source);
        if (!list) cell.records.set(s.source, (list = []));
        list.push(r);
      }
    }
    const ordered = [...cells.values()].sort((a, b) => cmp(a.branch, b.branch) || cmp(a.channel, b.channel));
    for (const cell of ordered) {
      const of = (s: StaffSource) => cell.records.get(s) ?? [];
      groups.push({
        level,
        branch: cell.branch,
        channel: cell.channel,
        counts: Object.fromEntries(present.map((s) => [s, of(s).length])),
        comparisons: compared.map((s) => compareSources(of('registry'), of(s), s)),
        missing: summariseMissing(of(rules.missing.source), elements, rules.missing),
      });
    }
  }

  const findings: Finding[] = [];
  for (const g of groups) {
    if (rules.mismatch.levels.includes(g.level)) {
      const c = g.comparisons.find((x) => x.source === rules.mismatch.base);
      if (c && c.difference_rate === null && g.counts.registry! > 0) findings.push(noBaseFinding(g, c, rulebook));
      else if (c && c.difference_rate !== null && compareFraction(c.difference_rate, rules.mismatch.comparison, rules.mismatch.threshold)) findings.push(mismatchFinding(g, c, rules.mismatch));
    }
    if (rules.missing.levels.includes(g.level) && g.missing.rate !== null && !compareFraction(g.missing.rate, rules.missing.comparison, rules.missing.limit)) {
      findings.push(missingFinding(g, rules.missing));
    }
  }

  const registry = bySource.get('registry')!;
  const unmatched: UnmatchedRecord[] = [];
  for (const s of compared) {
    const other = bySource.get(s)!;
    const otherKeys = new Set(other.staff.map((r) => r.key).filter((k) => k !== null));
    const registryKeys = new Set(registry.staff.map((r) => r.key).filter((k) => k !== null));
    const unmatchedOf = (side: SourceStaff, keys: Set<string | null>) =>
      side.staff
        .filter((r) => r.key === null || !keys.has(r.key))
        .map((r) => ({ compared_with: s, source: side.source, table: side.table, row: r.row, ref: rowReference(side.table, r.row, r.key ?? ''), branch: r.branch, channel: r.channel }));
    unmatched.push(...unmatchedOf(registry, otherKeys), ...unmatchedOf(other, registryKeys));
  }

  return {
    as_of: asOf,
    sources: sources.map(({ staff: _staff, ...rest }) => rest),
    required_elements: elements,
    groups,
    unmatched,
    findings: sortFindings(findings),
    rules,
  };
}
