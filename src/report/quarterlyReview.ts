import type { Figure } from '../charts/figure';
import type { CommandOutput, RunContext } from '../commands/command';
import type { TableRow } from '../evidence/csv';
import { sha256Files } from '../evidence/hash';
import { packageIdentity } from '../evidence/manifest';
import { jsonText } from '../evidence/renderOutputs';
import type { Progress } from '../progress';
import { countBySeverity, SEVERITIES } from '../rules/finding';
import { findingRows } from '../rules/findingRows';
import { FINDINGS_TABLE } from '../rules/findingsTable';
import type { TableDeclaration } from '../present/column';
import { composeReview, type Review, type SectionStandIns } from './composeReview';
import { wording } from './labels';
import { pdfNotPrinted, reportDocuments } from './printPdf';
import { reviewHtml } from './reviewHtml';
import type { ReviewParams } from './reviewPlan';

/** The review's result.json: what was reviewed, each section's status and command lines, the findings. */
function reviewJson(review: Review): CommandOutput['json'] {
  const counts = countBySeverity(review.findings);
  return {
    quarter: review.params.quarter,
    data: review.params.data,
    lang: review.params.lang,
    rulebook: { id: review.rulebook.id, version: review.rulebook.version, sha256: review.rulebook.sha256 },
    summary: counts,
    sections: review.sections.map((s) => ({
      id: s.id,
      command: s.command,
      status: s.status,
      reason: s.reason,
      findings: s.findings.length,
      runs: s.runs.map((r) => ({ id: r.id, argv: ['awb', r.command, ...r.argv], parameters: r.parameters })),
    })),
    findings: review.findings,
  };
}

function reviewText(review: Review, files: readonly string[]): string {
  if (review.params.lang === 'zh') return reviewTextZh(review, files);
  const w = wording('en');
  const bySeverity = countBySeverity(review.findings);
  const counts = SEVERITIES.map((s) => `${bySeverity[s]} ${s}`).join(', ');
  const lines = [
    `${w.title(review.params.quarter)}: ${review.params.data}, rulebook ${review.rulebook.id} ${review.rulebook.version}`,
    `Sections: ${review.sections.map((s) => `${s.id} ${s.status === 'complete' ? 'complete' : `${s.status} (${s.reason})`}`).join('; ')}`,
    `Findings: ${counts}`,
    ...review.findings.filter((f) => f.severity === 'critical' || f.severity === 'major').map((f) => `  ${f.severity.padEnd(8)} ${f.rule_id}${f.product_code ? ` ${f.product_code}` : ''}${f.period ? ` ${f.period}` : ''}: ${f.message}`),
    `Report (${review.params.lang}): ${files.join(', ')} in the evidence bundle`,
    ...pdfNotPrinted(files, 'en'),
  ];
  return lines.join('\n');
}

/** The terminal summary of a Chinese review (`--lang zh`): the same lines as in English, in Chinese. */
function reviewTextZh(review: Review, files: readonly string[]): string {
  const w = wording('zh');
  const bySeverity = countBySeverity(review.findings);
  const status = (s: Review['sections'][number]) => (s.status === 'complete' ? w.complete : s.status === 'unavailable' ? w.unavailable : w.notApplicable);
  const lines = [
    `${w.title(review.params.quarter)}：${review.params.data}，规则库 ${review.rulebook.id} ${review.rulebook.version}`,
    `各部分：${review.sections.map((s) => `${w.sections[s.id].title}（${status(s)}）`).join('；')}`,
    `发现：${SEVERITIES.map((s) => `${w.severity[s]} ${bySeverity[s]} 项`).join('，')}`,
    ...review.findings
      .filter((f) => f.severity === 'critical' || f.severity === 'major')
      .map((f) => `  ${w.severity[f.severity]} ${f.rule_id}${f.product_code ? ` ${f.product_code}` : ''}${f.period ? ` ${f.period}` : ''}：${f.message_zh ?? f.message}`),
    `报告（中文）：证据包中的 ${files.join('、')}`,
    ...pdfNotPrinted(files, 'zh'),
  ];
  return lines.join('\n');
}

/**
 * Renders a composed review into everything its evidence bundle files: the HTML report, the
 * PDF printed from it (when Chromium is installed), each command's JSON result as `results/<run>.json`, its tables and charts
 * prefixed with the run (`tables/backtest_cells.csv`), and the review's own tables (`findings`,
 * `sections`, and the backtest annex's `backtest_scope` and `backtest_indicators`). The same
 * review gives the same bytes.
 * @throws Error when Chromium cannot print the PDF.
 * @example const output = await renderReview(await composeReview(params, SILENT_PROGRESS), SILENT_PROGRESS);
 */
export async function renderReview(review: Review, progress: Progress): Promise<CommandOutput> {
  const p = review.params;
  const pkg = packageIdentity();
  const html = reviewHtml(review, await sha256Files(review.inputs), `${pkg.name} ${pkg.version}`);
  const w = wording(p.lang);
  const documents = await reportDocuments(html, { footer: w.title(p.quarter), pageNumber: p.lang === 'zh' ? '第 {page} 页，共 {pages} 页' : 'Page {page} of {pages}' }, 'review', progress);

  const tableDeclarations: Record<string, TableDeclaration> = { findings: FINDINGS_TABLE };
  const tables: Record<string, readonly TableRow[]> = {
    findings: findingRows(review.findings),
    sections: review.sections.map((s) => ({ section: s.id, command: s.command, status: s.status, reason: s.reason, findings: s.findings.length })),
  };
  if (review.annex) {
    tables.backtest_scope = review.annex.scope as unknown as TableRow[];
    tables.backtest_indicators = review.annex.indicators as unknown as TableRow[];
  }
  const charts: Record<string, Figure> = {};
  const files: Record<string, string | Uint8Array> = { ...documents };
  const seeds: Record<string, number> = {};
  for (const run of review.sections.flatMap((s) => s.runs)) {
    for (const [name, seed] of Object.entries(run.output.seeds ?? {})) seeds[`${run.id}.${name}`] = seed;
    for (const [name, rows] of Object.entries(run.output.tables ?? {})) tables[`${run.id}_${name}`] = rows;
    for (const [name, declaration] of Object.entries(run.output.tableDeclarations ?? {})) tableDeclarations[`${run.id}_${name}`] = declaration;
    for (const [name, figure] of Object.entries(run.output.charts ?? {})) charts[`${run.id}_${name}`] = figure;
    files[`results/${run.id}.json`] = jsonText(run.output.json);
  }
  return {
    json: reviewJson(review),
    text: reviewText(review, Object.keys(files).filter((f) => f.startsWith('report.'))),
    inputs: review.inputs,
    tables,
    tableDeclarations,
    charts,
    files,
    rulebook: review.rulebook,
    seeds,
  };
}

/**
 * The chief actuary's quarterly review (`awb review`): computes the sections by the library's
 * studies on the data folder opened once (`composeReview`) and renders the report and its
 * evidence (`renderReview`).
 * @param standIns sections computed otherwise (tests stand in for sections this way)
 * @throws InputError for bad input in any section; Error when Chromium cannot print.
 */
export async function quarterlyReview(p: ReviewParams, context: RunContext, standIns: SectionStandIns = {}): Promise<CommandOutput> {
  return renderReview(await composeReview(p, context.progress, standIns), context.progress);
}
