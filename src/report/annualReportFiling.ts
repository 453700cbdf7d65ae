import { MEASURE_ZH } from '../backtest/measures';
import { TABLE_ZH } from '../present/words';
import type { CommandOutput, CommandParams } from '../commands/command';
import { fileBundle } from '../evidence/fileBundle';
import type { IfExists } from '../evidence/writeBundle';
import type { TableRow } from '../evidence/csv';
import { sha256Files } from '../evidence/hash';
import { packageIdentity } from '../evidence/manifest';
import { centsToYuan } from '../money/cents';
import type { Dec } from '../money/decimal';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { findingRows } from '../rules/findingRows';
import { FINDINGS_TABLE } from '../rules/findingsTable';
import { annualReportHtml } from './annualHtml';
import { annualWording } from './annualLabels';
import { type AnnualReport, type AnnualReportOptions, composeAnnualReport } from './annualReport';
import { pdfNotPrinted, reportDocuments } from './printPdf';

const yuan = (cents: number | null) => (cents === null ? null : centsToYuan(cents).toNumber());
/** A ratio as filed in the tables: exact decimal rounded to six places. */
const rate = (d: Dec | null) => (d === null ? null : d.toDecimalPlaces(6).toNumber());

/** The report's tables, as filed under tables/ (one row per line, product, quarter…, with the figures the report shows). */
function annualTables(report: AnnualReport): Record<string, readonly TableRow[]> {
  const b = report.business;
  const e = report.eligibility;
  return {
    lines: b.lines.map((l) => ({
      line: l.line,
      products: l.products.length,
      premium_income: yuan(l.premium_income),
      policies_sold: l.policies_sold,
      insured_persons: l.insured_persons,
      earned_premium: yuan(l.earned_premium),
      incurred_claims: yuan(l.incurred_claims),
      loss_ratio: rate(l.loss_ratio),
      expenses: yuan(l.expenses),
      expense_rate: rate(l.expense_rate),
      ceded_premium: yuan(l.ceded_premium),
      ceded_claims: yuan(l.ceded_claims),
      underwriting_result: yuan(l.underwriting_result),
      investment_income: yuan(l.investment_income),
    })),
    line_products: b.lines.flatMap((l) =>
      l.products.map((p) => ({ line: l.line, product_code: p.product_code, form: p.form, term_months: p.term_months, premium_mode: p.premium_mode, premium_income: yuan(p.premium_income), premium_share: rate(p.premium_share), policies_sold: p.policies_sold, insured_persons: p.insured_persons })),
    ),
    line_terms: b.lines.flatMap((l) => (l.products.length === 0 ? [] : l.terms.map((t) => ({ line: l.line, band: t.band, premium_income: yuan(t.premium_income), share: rate(t.share) })))),
    line_platforms: b.lines.flatMap((l) => (l.products.length === 0 || l.platforms === null ? [] : l.platforms.map((p) => ({ line: l.line, platform: p.platform, policies: p.policies, premium: yuan(p.premium), premium_share: rate(p.premium_share) })))),
    health_regions: b.health_regions.map((g) => ({ region: g.region, policies: g.policies, premium: yuan(g.premium), provincial_branch: g.provincial_branch, outlets: g.outlets, partner: g.partner })),
    capital_quarters: e.quarters.map((q) => ({
      quarter: q.quarter,
      comprehensive_solvency_ratio: q.row.comprehensive_solvency_ratio.toNumber(),
      core_solvency_ratio: q.row.core_solvency_ratio.toNumber(),
      risk_rating: q.row.risk_rating,
      risk_class: q.risk_class,
      reserve_coverage_ratio: rate(q.coverage?.ratio ?? null),
      governance_grade: q.row.governance_grade,
    })),
    eligibility: e.verdicts.map((v) => ({ rule_id: v.rule_id, quarter: v.quarter, window: v.window.join(' '), eligible: v.eligible, failures: v.failures.map((f) => f.detail).join('; ') })),
    scope_adjustment: e.scope_adjustment.reasons.map((s) => ({ rule_id: s.rule_id, products: s.products.join(' '), detail: s.detail })),
    products_on_sale: e.on_sale.map((p) => ({ ...p })),
    product_events: [...(e.withdrawn ?? []), ...(e.new_products ?? [])].map((x) => ({ ...x })),
    backtest_quarters: report.judgement.quarters.map((q) => ({ quarter: q.quarter, as_of: q.as_of, from: q.from, basis: q.basis, products: q.products, indicators: q.indicators, ...q.measures, highest: q.highest })),
    backtest_scope: report.backtests.flatMap((q) => q.scope.map((s) => ({ quarter: q.quarter, ...s }))),
    backtest_indicators: report.backtests.flatMap((q) => q.indicators.map((i) => ({ quarter: q.quarter, ...i }))),
    backtest_treaties: report.backtests.flatMap((q) => (q.treaties ?? []).map((t) => ({ quarter: q.quarter, ...t }))),
    findings: findingRows(report.findings),
  };
}

/** result.json: what was reported, the narrative's hash, the tables not provided, the judgement and the findings. */
function annualJson(report: AnnualReport): CommandOutput['json'] {
  const o = report.options;
  return {
    year: o.year,
    data: o.data,
    lang: o.lang,
    rulebook: { id: report.rulebook.id, version: report.rulebook.version, sha256: report.rulebook.sha256 },
    narrative: report.narrative === null ? null : { file: report.narrative.file, sha256: report.narrative.sha256, risks: report.narrative.risks.heading, plans: report.narrative.plans.heading },
    not_provided: report.not_provided,
    scope_adjustment_required: report.eligibility.scope_adjustment.required,
    pricing_verdict: report.judgement.verdict,
    revise: report.judgement.revise,
    backtests: report.backtests.map((q) => ({ quarter: q.quarter, as_of: q.as_of, scope: q.scope.map((s) => s.product_code), indicators: q.indicators, measures: q.measures })),
    findings: report.findings,
  };
}

/** The terminal summary of a Chinese annual report (`--lang zh`): the same lines as in English, in Chinese. */
function annualTextZh(report: AnnualReport, files: readonly string[]): string {
  const o = report.options;
  const j = report.judgement;
  const a = annualWording('zh');
  const verdict: Readonly<Record<string, string>> = { sound: '定价总体合理', monitor: '定价基本合理，需持续关注', revise: '定价需调整' };
  return [
    `${a.title(o.year)}：${o.data}，规则库 ${report.rulebook.id} ${report.rulebook.version}`,
    `业务（互联网产品）：${report.business.lines.map((l) => `${a.lineName[l.line]} ${l.products.length} 个产品`).join('；')}`,
    `经营资质：${report.eligibility.verdicts.map((v) => `${v.rule_id} ${v.eligible ? '符合' : '不符合'}`).join('；')}；${report.eligibility.scope_adjustment.required ? '需要' : '无需'}调整经营范围`,
    `回溯：${j.quarters.map((q) => `${q.quarter} ${q.products} 个产品，最高措施 ${q.highest === null ? '无' : MEASURE_ZH[q.highest]}`).join('；')}；${verdict[j.verdict] ?? j.verdict}${j.revise.length > 0 ? `（${j.revise.join('、')}）` : ''}`,
    `总精算师意见（第四、五部分）：${report.narrative === null ? '未提供（--narrative FILE）' : `${report.narrative.file} sha256 ${report.narrative.sha256}`}`,
    `未提供的数据表：${report.not_provided.length === 0 ? '无' : report.not_provided.map((t) => TABLE_ZH[t] ?? t).join('、')}`,
    `报告（中文）：证据包中的 ${files.join('、')}`,
    ...pdfNotPrinted(files, 'zh'),
  ].join('\n');
}

function annualText(report: AnnualReport, files: readonly string[]): string {
  if (report.options.lang === 'zh') return annualTextZh(report, files);
  const o = report.options;
  const j = report.judgement;
  return [
    `${annualWording('en').title(o.year)}: ${o.data}, rulebook ${report.rulebook.id} ${report.rulebook.version}`,
    `Business (internet products): ${report.business.lines.map((l) => `${l.line} ${l.products.length} products`).join('; ')}`,
    `Eligibility: ${report.eligibility.verdicts.map((v) => `${v.rule_id} ${v.eligible ? 'met' : 'not met'}`).join('; ')}; scope adjustment ${report.eligibility.scope_adjustment.required ? 'required' : 'not required'}`,
    `Backtests: ${j.quarters.map((q) => `${q.quarter} ${q.products} products, highest measure ${q.highest ?? 'none'}`).join('; ')}; pricing ${j.verdict}${j.revise.length > 0 ? ` (${j.revise.join(', ')})` : ''}`,
    `Narrative (parts 四, 五): ${report.narrative === null ? 'not provided (--narrative FILE)' : `${report.narrative.file} sha256 ${report.narrative.sha256}`}`,
    `Tables not provided: ${report.not_provided.length === 0 ? 'none' : report.not_provided.join(', ')}`,
    `Report (${o.lang}): ${files.join(', ')} in the evidence bundle`,
    ...pdfNotPrinted(files, 'en'),
  ].join('\n');
}

/**
 * Renders a composed annual report into what its evidence bundle files: the HTML report, the PDF
 * printed from it (when Chromium is installed), the narrative exactly as read (`narrative.md`),
 * the report's tables and result.json. The narrative is also an input, hashed into the manifest.
 * The same report gives the same bytes.
 * @throws Error when Chromium cannot print the PDF.
 * @example const output = await renderAnnualReport(await composeAnnualReport(options), SILENT_PROGRESS);
 */
export async function renderAnnualReport(report: AnnualReport, progress: Progress): Promise<CommandOutput> {
  const pkg = packageIdentity();
  const html = annualReportHtml(report, await sha256Files(report.inputs), `${pkg.name} ${pkg.version}`);
  const a = annualWording(report.options.lang);
  const files = await reportDocuments(html, { footer: a.title(report.options.year), pageNumber: a.pageNumber }, 'annual report', progress);
  if (report.narrative !== null) files['narrative.md'] = report.narrative.text;
  return {
    json: annualJson(report),
    text: annualText(report, Object.keys(files).filter((f) => f.startsWith('report.'))),
    inputs: report.inputs,
    tables: annualTables(report),
    tableDeclarations: { findings: FINDINGS_TABLE },
    files,
    rulebook: report.rulebook,
  };
}

/**
 * The parameters `awb annual-report` records in a manifest for these options (what `awb verify`
 * runs again): the data folder, year, narrative file, language, rulebook and reading options.
 * @example annualReportParameters({ data: 'data/sample', year: 2025, lang: 'en', narrative: null, rules: null }).year // 2025
 */
export function annualReportParameters(o: AnnualReportOptions): CommandParams {
  return { data: o.data, year: o.year, narrative: o.narrative, lang: o.lang, rules: o.rules, encoding: o.read?.encoding ?? null, header_row: o.read?.headerRow ?? null };
}

/**
 * Composes, renders and files the annual report in an evidence bundle, exactly as `awb
 * annual-report … --out dir` would (same parameters recorded, same bytes), so `awb verify`
 * accepts it. For notebooks.
 * @returns the report as composed and the folder written (with a `-2`… suffix when `ifExists` is 'suffix').
 * @throws InputError for bad input or an existing folder with `ifExists` 'error'.
 * @example const { bundle } = await fileAnnualReport('output/annual-2025', { data: 'data/sample', year: 2025, lang: 'zh', narrative: 'narrative.md', rules: null });
 */
export async function fileAnnualReport(dir: string, o: AnnualReportOptions, ifExists: IfExists = 'error'): Promise<{ readonly report: AnnualReport; readonly bundle: string }> {
  const report = await composeAnnualReport(o);
  const output = await renderAnnualReport(report, o.progress ?? SILENT_PROGRESS);
  const bundle = await fileBundle(dir, { name: 'annual-report', parameters: annualReportParameters(o) }, output, ifExists);
  return { report, bundle };
}
