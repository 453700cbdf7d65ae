import type { Lang } from '../present/column';
import { ELIGIBILITY_TABLES } from '../capital/eligibilityTables';
import { capitalDashboardFigure } from '../charts/capitalDashboard';
import type { Quarter } from '../data/period';
import type { TableRow } from '../evidence/csv';
import { centsToYuan, roundYuan } from '../money/cents';
import type { Dec } from '../money/decimal';
import { findingRows } from '../rules/findingRows';
import type { Finding } from '../rules/finding';
import { textTable } from '../present/textTable';
import { findingLines } from './findingLines';
import { ELIGIBILITY_RULES, FAILURE_ZH, type EligibilityReview, type QuarterCapital, type WindowVerdict } from '../rules/internetEligibility';
import { percentText } from '../rules/percentText';
import { eligibility, type EligibilityStudy } from '../studies/eligibility';
import { openData } from '../studies/openData';
import { optionalText, quarterArg, requiredText } from './args';
import { type CommandOutput, defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

const num = (d: Dec | null) => (d === null ? null : d.toNumber());
const money = (cents: number | null) => (cents === null ? null : roundYuan(centsToYuan(cents)).toNumber());

/** `awb eligibility`: reserve coverage and the internet-business eligibility tests over rolling quarters. */
export const eligibilityCommand = defineCommand({
  name: 'eligibility',
  summary: 'Reserve coverage (S1 annex 1) and eligibility for internet life business over four consecutive quarters (S1 §3, §11)',
  examples: ['awb eligibility --data data/sample', 'awb eligibility --data data/sample --quarter 2025Q2 --json', 'awb eligibility --data data/sample --out evidence/eligibility-2025Q4'],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'data folder with solvency (required) and products (optional: names the products affected)')
      .option('--rules <file>', 'a rulebook to use instead of the default (awb-default)')
      .option('--quarter <YYYYQn>', 'the quarter assessed (default: the latest in the solvency table)'),
  parse: (o) => ({
    data: requiredText(o, 'data', 'a data folder'),
    rules: optionalText(o, 'rules'),
    quarter: optionalText(o, 'quarter') === null ? null : quarterArg(o, 'quarter'),
    ...readParams(o),
  }),
  run: async (p, { openData: open = openData, lang = 'en' }) => eligibilityOutput(await eligibility(await open(p.data, readOptionsOf(p)), { ...(p.quarter === null ? {} : { quarter: p.quarter }), ...(p.rules === null ? {} : { rules: p.rules }) }), lang),
});

/** What `awb eligibility` prints (in `lang`) and files for a study: the verdicts of the assessed quarter, every quarter's conditions, the capital dashboard. */
export function eligibilityOutput(review: EligibilityStudy, lang: Lang = 'en'): CommandOutput {
    const { rulebook, findings } = review;
    const assessed = ELIGIBILITY_RULES.map((id) => review.verdicts.find((v) => v.rule_id === id && v.quarter === review.assessed)!);
    const quarters = review.quarters.map((q) => quarterJson(q, review));
    return {
      json: {
        rulebook: { id: rulebook.id, version: rulebook.version },
        quarter: review.assessed,
        eligibility: assessed.map(verdictJson),
        quarters,
        findings,
      },
      text: lang === 'zh' ? eligibilityTextZh(review, assessed, findings) : eligibilityText(review, assessed, findings.length),
      inputs: review.inputs,
      tables: {
        quarters: review.quarters.map((qc) => quarterRow(qc, review)),
        conditions: review.conditions.map((c) => ({ quarter: c.quarter, rule_id: c.rule_id, condition: c.condition, value: c.value, requirement: c.requirement, passes: c.passes })),
        eligibility: review.verdicts.map(verdictRow),
        findings: findingRows(findings),
      },
      tableDeclarations: ELIGIBILITY_TABLES,
      charts: { capital_dashboard: capitalDashboardFigure(review, rulebook) },
      rulebook,
    };
}

function windowOf(review: EligibilityReview, id: string, quarter: Quarter): WindowVerdict {
  return review.verdicts.find((v) => v.rule_id === id && v.quarter === quarter)!;
}

/** The quarter's figures: ratios, rating, balance items and the reserve coverage ratio. */
function quarterFigures(qc: QuarterCapital) {
  const r = qc.row;
  return {
    quarter: qc.quarter,
    comprehensive_solvency_ratio: r.comprehensive_solvency_ratio.toNumber(),
    core_solvency_ratio: r.core_solvency_ratio.toNumber(),
    risk_rating: r.risk_rating,
    risk_class: qc.risk_class,
    solvency_surplus: money(r.solvency_surplus),
    governance_grade: r.governance_grade,
    major_penalty_last_year: r.major_penalty_last_year,
    assets: money(r.assets),
    other_liabilities: money(r.other_liabilities),
    reserves: money(r.reserves),
    expense_adjustment: qc.coverage ? roundYuan(qc.coverage.expense_adjustment).toNumber() : null,
    covering_amount: qc.coverage ? roundYuan(qc.coverage.covering_amount).toNumber() : null,
    reserve_coverage_ratio: num(qc.coverage?.ratio ?? null),
  };
}

/** A flat table row: the figures and whether each rule's window ending in the quarter passes. */
function quarterRow(qc: QuarterCapital, review: EligibilityReview): TableRow {
  return {
    ...quarterFigures(qc),
    ...Object.fromEntries(ELIGIBILITY_RULES.map((id) => [`${id}_window_passes`, windowOf(review, id, qc.quarter).eligible])),
  };
}

/** For JSON: the figures, each rule's conditions in the quarter, and each window's verdict. */
function quarterJson(qc: QuarterCapital, review: EligibilityReview) {
  return {
    ...quarterFigures(qc),
    conditions: Object.fromEntries(
      ELIGIBILITY_RULES.map((id) => [id, Object.fromEntries(review.conditions.filter((c) => c.rule_id === id && c.quarter === qc.quarter).map((c) => [c.condition, c.passes]))]),
    ),
    eligible: Object.fromEntries(ELIGIBILITY_RULES.map((id) => [id, windowOf(review, id, qc.quarter).eligible])),
  };
}

/** The fields a verdict shows in JSON and in its table alike: the rule, its window and the outcome. */
function verdictHead(v: WindowVerdict) {
  return {
    rule_id: v.rule_id,
    quarter: v.quarter,
    window_start: v.window[0],
    window_end: v.quarter,
    eligible: v.eligible,
    before_history: v.before_history,
  };
}

function verdictJson(v: WindowVerdict) {
  return {
    ...verdictHead(v),
    failures: v.failures.map((f) => ({ quarter: f.quarter, kind: f.kind, detail: f.detail })),
    notes: [...v.notes],
  };
}

function verdictRow(v: WindowVerdict): TableRow {
  return {
    ...verdictHead(v),
    failed_quarters: [...new Set(v.failures.map((f) => f.quarter))].sort().join(','),
    failures: v.failures.map((f) => f.detail).join(' | '),
    failures_zh: v.failures.map((f) => `${f.quarter}：${FAILURE_ZH[f.kind]}未达标`).join('；'),
    notes: v.notes.join(' | '),
  };
}

/** yes, no, or "too early" when the window starts before the table's first quarter. */
function verdictWord(v: WindowVerdict): string {
  return v.eligible ? 'yes' : v.before_history ? 'too early' : 'no';
}

function eligibilityText(review: EligibilityReview, assessed: readonly WindowVerdict[], findings: number): string {
  const lines = ['Quarter   comprehensive  core       risk        coverage    governance  window passes ILI-ELIG / HEALTH / LONG'];
  for (const qc of review.quarters) {
    const r = qc.row;
    const w = ELIGIBILITY_RULES.map((id) => verdictWord(windowOf(review, id, qc.quarter))).join(' / ');
    lines.push(
      `${qc.quarter}    ${percentText(r.comprehensive_solvency_ratio, undefined, 2).padEnd(13)}  ${percentText(r.core_solvency_ratio, undefined, 2).padEnd(9)}  ${`${r.risk_rating} (${qc.risk_class})`.padEnd(10)}  ${(qc.coverage?.ratio ? percentText(qc.coverage.ratio, '1', 2) : 'n/a').padEnd(10)}  ${(r.governance_grade ?? '–').padEnd(10)}  ${w}`,
    );
  }
  lines.push('', `Assessed quarter ${review.assessed}:`);
  for (const v of assessed) {
    lines.push(`  ${v.rule_id.padEnd(16)} ${v.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'} (window ${v.window[0]}–${v.quarter})`);
    for (const f of v.failures) lines.push(`      ${f.detail}`);
    for (const n of v.notes) lines.push(`      note: ${n}`);
  }
  lines.push('', `Findings: ${findings}`);
  return lines.join('\n');
}

/** The summary in Chinese: each quarter's capital position and windows, the assessed quarter's verdicts, the findings. */
function eligibilityTextZh(review: EligibilityReview, assessed: readonly WindowVerdict[], findings: readonly Finding[]): string {
  const word = (v: WindowVerdict) => (v.eligible ? '是' : v.before_history ? '尚未满期' : '否');
  const rows = review.quarters.map((qc) => {
    const r = qc.row;
    return {
      季度: qc.quarter,
      综合充足率: percentText(r.comprehensive_solvency_ratio, undefined, 2),
      核心充足率: percentText(r.core_solvency_ratio, undefined, 2),
      风险评级: `${r.risk_rating}（${qc.risk_class}）`,
      准备金覆盖率: qc.coverage?.ratio ? percentText(qc.coverage.ratio, '1', 2) : '无',
      治理评级: r.governance_grade ?? '–',
      ...Object.fromEntries(ELIGIBILITY_RULES.map((id) => [id, word(windowOf(review, id, qc.quarter))])),
    };
  });
  const lines = ['各季度综合及核心偿付能力充足率、风险综合评级、责任准备金覆盖率、公司治理评级，及截至该季度连续四个季度各规则条件是否满足', textTable(rows), '', `评估季度 ${review.assessed}：`];
  for (const v of assessed) {
    lines.push(`  ${v.rule_id} ${v.eligible ? '符合' : '不符合'}（${v.window[0]}–${v.quarter}）`);
    for (const f of v.failures) lines.push(`      ${f.quarter}：${FAILURE_ZH[f.kind]}未达标`);
  }
  lines.push('', `发现（${findings.length} 项）`, ...findingLines(findings, 'zh'));
  return lines.join('\n');
}
