import type { Lang } from '../present/column';
import { textTable } from '../present/textTable';
import { valueWord } from '../present/words';
import { findingLines } from './findingLines';
import { expenseHeadroomFigure } from '../charts/expenseHeadroom';
import { isQuarter } from '../data/period';
import type { TableRow } from '../evidence/csv';
import type { ActualExpenseRate } from '../expense/actualExpenseRate';
import { EXPENSE_TABLES } from '../expense/expenseTables';
import type { ProductLoading } from '../expense/productLoadings';
import { centsToYuan, roundYuan } from '../money/cents';
import type { Dec } from '../money/decimal';
import { formatPercent } from '../money/ratio';
import { type CapCheck, smallestHeadroom } from '../rules/expenseCaps';
import { citationText } from '../rules/finding';
import { findingRows } from '../rules/findingRows';
import { percentText, pointsText } from '../rules/percentText';
import { getRule, type Rulebook } from '../rules/rulebook';
import { expenseCaps, type ExpenseCapsStudy } from '../studies/expenseCaps';
import { openData } from '../studies/openData';
import { scopeText, scopeTextZh } from '../rules/scopeMatch';
import { optionalText, requiredText } from './args';
import { type CommandOutput, defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

const num = (d: Dec | null) => (d === null ? null : d.toNumber());
const money = (cents: number | null) => (cents === null ? null : roundYuan(centsToYuan(cents)).toNumber());

/** `awb expense`: loadings, the expense caps with their headroom, the fee cap, and actual expense rates. */
export const expenseCommand = defineCommand({
  name: 'expense',
  summary: 'Additional expense rates against the caps of S1 §9.2 and S2 (headroom, fee cap) and actual expense rates from the ledger',
  examples: ['awb expense --data data/sample', 'awb expense --data data/sample --json', 'awb expense --data data/sample --rules my-rulebook.yaml --out evidence/expense-2025Q4'],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'data folder with products (required), loadings and finance (optional)')
      .option('--rules <file>', 'a rulebook to use instead of the default (awb-default)'),
  parse: (o) => ({ data: requiredText(o, 'data', 'a data folder'), rules: optionalText(o, 'rules'), ...readParams(o) }),
  run: async (p, { openData: open = openData, lang = 'en' }) => expenseOutput(await expenseCaps(await open(p.data, readOptionsOf(p)), p.rules === null ? {} : { rules: p.rules }), lang),
});

/** What `awb expense` prints (in `lang`) and files for a study: loadings against their caps, actual expense rates, findings and the headroom chart. */
export function expenseOutput(review: ExpenseCapsStudy, lang: Lang = 'en'): CommandOutput {
    const { rulebook, loadings, actual, findings } = review;
    const capJson = capRow(rulebook);
    const products = loadings.map((l) => productJson(l, review.checks.filter((c) => c.product_code === l.product.product_code), capJson));
    const caps = review.checks.map(capJson);
    const actualRows = actual.map(actualJson);
    return {
      json: { rulebook: { id: rulebook.id, version: rulebook.version }, products, caps, actual_expenses: actualRows, findings },
      text: lang === 'zh' ? expenseTextZh(loadings, review.checks, actual, findingLines(findings, 'zh')) : expenseText(loadings, review.checks, actual, findingLines(findings, 'en')),
      inputs: review.inputs,
      tables: { products: products.map(({ caps: _caps, ...flat }) => flat), caps, actual_expenses: actualRows, findings: findingRows(findings) },
      tableDeclarations: EXPENSE_TABLES,
      charts: { expense_headroom: expenseHeadroomFigure(review.checks) },
      rulebook,
    };
}

function productJson(l: ProductLoading, checks: readonly CapCheck[], capJson: (c: CapCheck) => TableRow) {
  const p = l.product;
  const tightest = smallestHeadroom(checks);
  return {
    product_code: p.product_code,
    product_name: p.product_name,
    line: p.line,
    internet: p.internet,
    business: p.business,
    term_months: p.term_months,
    premium_mode: p.premium_mode,
    loading_first_year: num(l.loading_first_year),
    loading_first_year_source: l.loading_first_year_source,
    loading_average: num(l.loading_average),
    loading_average_source: l.loading_average_source,
    given_loading_first_year: num(p.loading_first_year),
    given_loading_average: num(p.loading_average),
    pricing_interest_rate: num(p.pricing_interest_rate),
    policy_years: l.basis?.policy_years ?? null,
    pv_gross_premiums: l.basis ? roundYuan(l.basis.pv_gross_premiums).toNumber() : null,
    pv_loadings: l.basis ? roundYuan(l.basis.pv_loadings).toNumber() : null,
    intermediary_fee_cap: num(p.intermediary_fee_cap),
    caps_applying: checks.map((c) => c.rule_id).join(','),
    smallest_headroom_pp: tightest ? tightest.headroom_pp!.toNumber() : null,
    binding_rule: tightest ? tightest.rule_id : null,
    breaches: checks.filter((c) => c.within === false).length,
    caps: checks.map(capJson),
  };
}

/** A check as a row, with the rule's status, scope and citation so a reader sees why the cap applies. */
function capRow(rulebook: Rulebook): (c: CapCheck) => TableRow {
  return (c) => {
    const rule = getRule(rulebook, c.rule_id);
    return {
      product_code: c.product_code,
      rule_id: c.rule_id,
      rule_status: c.rule_status,
      measure: c.measure,
      rate: num(c.rate),
      source: c.source,
      limit: num(c.limit),
      limit_source: c.limit_source,
      comparison: c.comparison,
      within: c.within,
      headroom_pp: num(c.headroom_pp),
      scope: scopeText(rule),
      scope_zh: scopeTextZh(rule),
      citation: citationText(rule),
    };
  };
}

function actualJson(r: ActualExpenseRate): TableRow {
  return {
    product_code: r.product_code,
    period: r.period,
    premium_income: money(r.premium_income),
    expenses: money(r.expenses),
    actual_expense_rate: num(r.actual_rate),
    loading_average: num(r.loading_average),
    difference_pp: num(r.difference_pp),
    ae: num(r.ae),
  };
}

function expenseText(loadings: readonly ProductLoading[], checks: readonly CapCheck[], actual: readonly ActualExpenseRate[], findings: readonly string[]): string {
  const lines = ['Additional expense rates and caps (headroom = cap − rate, percentage points)', ''];
  const rate = (d: Dec | null, source: string | null) => (d === null ? '–' : `${percentText(d)}${source === 'loadings' ? ' (basis)' : ''}`);
  for (const l of loadings) {
    const p = l.product;
    const caps = checks
      .filter((c) => c.product_code === p.product_code)
      .map((c) => `${c.rule_id} ${headroomText(c)}${c.within === false ? ' BREACH' : ''}`);
    lines.push(
      `  ${p.product_code.padEnd(8)} ${p.line.padEnd(16)} ${String(p.term_months).padStart(5)}m  first ${rate(l.loading_first_year, l.loading_first_year_source).padEnd(18)} average ${rate(l.loading_average, l.loading_average_source).padEnd(20)} ${caps.join('; ') || 'no cap applies'}`,
    );
  }
  const years = actual.filter((a) => !isQuarter(a.period));
  if (years.length > 0) {
    lines.push('', 'Actual expense rates by year (expenses ÷ premium income) against the average loading');
    for (const a of years) {
      lines.push(`  ${a.product_code.padEnd(8)} ${a.period}  ${a.actual_rate === null ? 'not computable' : formatPercent(a.actual_rate, 2).padStart(8)}  loading ${a.loading_average === null ? '–' : formatPercent(a.loading_average, 2)}`);
    }
  }
  lines.push('', `Findings (${findings.length})`, ...findings);
  return lines.join('\n');
}

/** The summary in Chinese: loadings, each cap's headroom, actual expense rates, findings. */
function expenseTextZh(loadings: readonly ProductLoading[], checks: readonly CapCheck[], actual: readonly ActualExpenseRate[], findings: readonly string[]): string {
  const rate = (d: Dec | null, source: string | null) => (d === null ? '–' : `${percentText(d)}${source === 'loadings' ? ' *' : ''}`);
  const headroom = (c: CapCheck) => (c.headroom_pp === null ? '未知' : c.headroom_pp.isZero() ? '恰在上限' : `${c.headroom_pp.isNegative() ? '' : '+'}${c.headroom_pp.toFixed(2)}`);
  const products = loadings.map((l) => {
    const p = l.product;
    return { 产品: p.product_code, 险种: valueWord(p.line, 'zh'), 保险期间: `${p.term_months}个月`, 首年附加费用率: rate(l.loading_first_year, l.loading_first_year_source), 平均附加费用率: rate(l.loading_average, l.loading_average_source) };
  });
  const caps = checks.map((c) => ({ 产品: c.product_code, 规则: c.rule_id, '余量（百分点）': headroom(c), 结果: c.within === false ? '超限' : c.within === null ? '未知' : '未超限' }));
  const lines = ['附加费用率（* 按附加费用表计算）', '', textTable(products), '', '附加费用率上限及余量（余量 = 上限 − 费用率，百分点）', '', textTable(caps)];
  const years = actual.filter((a) => !isQuarter(a.period));
  if (years.length > 0) {
    lines.push('', '各年度实际费用率（费用 ÷ 保费收入）与平均附加费用率');
    lines.push(textTable(years.map((a) => ({ 产品: a.product_code, 年度: a.period, 实际费用率: a.actual_rate === null ? '无法计算' : formatPercent(a.actual_rate, 2), 平均附加费用率: a.loading_average === null ? '–' : formatPercent(a.loading_average, 2) }))));
  }
  lines.push('', `发现（${findings.length} 项）`, ...findings);
  return lines.join('\n');
}

/** Headroom for the summary: '+2.00 pp', '-1.999942 pp', 'at the cap', or 'unknown'. */
function headroomText(c: CapCheck): string {
  if (c.headroom_pp === null) return 'unknown';
  if (c.headroom_pp.isZero()) return 'at the cap';
  return `${c.headroom_pp.isNegative() ? '' : '+'}${pointsText(c.headroom_pp.div(100))}`;
}
