import type { CommandOutput, CommandParams } from '../commands/command';
import type { TableRow } from '../evidence/csv';
import { fileBundle } from '../evidence/fileBundle';
import { sha256Files } from '../evidence/hash';
import { packageIdentity } from '../evidence/manifest';
import type { IfExists } from '../evidence/writeBundle';
import { column, type TableDeclaration, tableDeclaration } from '../present/column';
import { say } from '../present/words';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { documentHtml } from './document';
import { composeIcsiReport, type IcsiReport, type IcsiReportOptions } from './icsiReport';
import { clearChanges, icsiReportDocument, significantGaps } from './icsiReportDocument';
import { icsiReportWords } from './icsiReportWords';
import { pdfNotPrinted, reportDocuments } from './printPdf';

/** The report's tables, as filed under tables/ and in tables.xlsx: construct codes, full precision. */
function icsiReportTables(report: IcsiReport): Record<string, readonly TableRow[]> {
  const s = report.study;
  const a = s.analysis;
  const constructs = s.model.constructs;
  const m = a.design.constructs.length;
  return {
    indices: s.constructs.map((c) => ({ construct: c.construct, name_zh: c.name_zh, index: c.index, ci_low: c.ci_low, ci_high: c.ci_high })),
    group_indices: s.groups.flatMap((g) => g.groups.map((x) => ({ column: g.column, group: x.group, n: x.n, ...Object.fromEntries(constructs.map((c, j) => [c.name, x.index[j]])) }))),
    suppressed_groups: s.groups.map((g) => ({ column: g.column, minimum: g.suppressed.minimum, groups: g.suppressed.groups, respondents: g.suppressed.respondents })),
    drivers: s.drivers.flatMap((d) => d.constructs.map((c) => ({ target: d.target, construct: c.construct, total_effect: c.total_effect, importance: c.importance, performance: c.performance }))),
    item_gains: s.drivers.flatMap((d) => d.items.map((i) => ({ target: i.target, item: i.item, construct: i.construct, gain: i.gain, performance: i.performance }))),
    gaps: s.gaps.map((g) => ({ column: g.column, group: g.group, n: g.n, construct: g.construct, group_index: g.group_index, rest_index: g.rest_index, difference: g.difference, permutation_sd: g.permutation_sd, p_value: g.p_value, p_adjusted: g.p_adjusted })),
    ...(s.waves === null
      ? {}
      : {
          micom: s.waves.compositional.map((c) => ({ construct: c.construct, c: c.c, quantile_05: c.quantile_05, p_value: c.p_value, invariant: c.invariant })),
          changes: s.waves.changes.map((c) => ({ group: c.group, construct: c.construct, previous: c.previous, current: c.current, change: c.change, ci_low: c.ci_low, ci_high: c.ci_high, n_previous: c.n_previous, n_current: c.n_current })),
        }),
    reliability: constructs.map((c, j) => ({ construct: c.name, r_squared: a.fit.adjustedRSquared[j] === null ? null : a.fit.rSquared[j], ...a.reliability[j] })),
    paths: a.design.paths.map(([from, to]) => ({ from: a.design.constructs[from], to: a.design.constructs[to], estimate: a.fit.paths[from * m + to] })),
    missing_answers: Object.entries(a.missing.by_item).map(([item, missing]) => ({ item, missing })),
  };
}

const C = (key: string, kind: Parameters<typeof column>[1], en: string, zh: string) => column(key, kind, en, zh);

/** Titles and column kinds of the filed tables (the workbook's headers in the report's language). */
function icsiReportDeclarations(report: IcsiReport): Record<string, TableDeclaration> {
  const constructs = report.study.model.constructs.map((c) => C(c.name, 'index', c.name, c.name_zh ?? c.name));
  const construct = C('construct', 'code', 'Construct', '潜变量');
  return {
    indices: tableDeclaration('Indices with 95% bootstrap intervals', '指数及95%自助法置信区间', [construct, C('name_zh', 'text', 'Chinese name', '中文名称'), C('index', 'index', 'Index', '指数'), C('ci_low', 'index', '95% CI low', '95%置信下限'), C('ci_high', 'index', '95% CI high', '95%置信上限')]),
    group_indices: tableDeclaration('Indices by company, region and stage', '各公司、地区及业务环节指数', [C('column', 'code', 'Grouping', '分组'), C('group', 'text', 'Group', '群体'), C('n', 'count', 'Respondents', '受访者数'), ...constructs]),
    suppressed_groups: tableDeclaration('Groups below the minimum size (counted, not shown)', '低于最小规模的群体（计数，不列示）', [C('column', 'code', 'Grouping', '分组'), C('minimum', 'count', 'Minimum respondents', '最少受访者数'), C('groups', 'count', 'Groups suppressed', '隐去的群体数'), C('respondents', 'count', 'Their respondents', '其受访者数')]),
    drivers: tableDeclaration('Drivers: total effects and importance–performance', '驱动因素：总效应与重要性—表现', [C('target', 'code', 'Target', '目标'), construct, C('total_effect', 'number', 'Total effect', '总效应'), C('importance', 'number', 'Importance', '重要性'), C('performance', 'index', 'Performance', '表现')]),
    item_gains: tableDeclaration('Items: gain on the target per point', '题项：每分提升对目标的贡献', [C('target', 'code', 'Target', '目标'), C('item', 'code', 'Item', '题项'), construct, C('gain', 'number', 'Gain per point', '每分提升'), C('performance', 'index', 'Score (0–100)', '得分（0–100）')]),
    gaps: tableDeclaration('Each group against the rest (permutation test, Holm)', '各群体与其他受访者比较（置换检验，Holm校正）', [C('column', 'code', 'Grouping', '分组'), C('group', 'text', 'Group', '群体'), C('n', 'count', 'Respondents', '受访者数'), construct, C('group_index', 'index', 'Group index', '群体指数'), C('rest_index', 'index', 'Rest', '其他受访者'), C('difference', 'index', 'Difference', '差异'), C('permutation_sd', 'number', 'Permutation SD', '置换标准差'), C('p_value', 'p', 'p', 'p值'), C('p_adjusted', 'p', 'p (Holm)', 'p值（Holm校正）')]),
    micom: tableDeclaration('MICOM step 2: compositional invariance', 'MICOM 第二步：构成不变性', [construct, C('c', 'number', 'c', 'c'), C('quantile_05', 'number', '5% quantile', '5%分位数'), C('p_value', 'p', 'p', 'p值'), C('invariant', 'boolean', 'Invariant', '具有不变性')]),
    changes: tableDeclaration('Change of each index since the previous wave', '各指数较上一期的变化', [C('group', 'text', 'Group', '群体'), construct, C('previous', 'index', 'Previous', '上一期'), C('current', 'index', 'Current', '本期'), C('change', 'index', 'Change', '变化'), C('ci_low', 'index', '95% CI low', '95%置信下限'), C('ci_high', 'index', '95% CI high', '95%置信上限'), C('n_previous', 'count', 'Respondents (previous)', '受访者数（上一期）'), C('n_current', 'count', 'Respondents (current)', '受访者数（本期）')]),
    reliability: tableDeclaration('Reliability and R²', '信度与R²', [construct, C('r_squared', 'number', 'R²', 'R²'), C('alpha', 'number', "Cronbach's α", 'Cronbach α'), C('rho_a', 'number', 'ρ_A', 'ρ_A'), C('rho_c', 'number', 'ρ_C', 'ρ_C'), C('ave', 'number', 'AVE', '平均方差抽取量')]),
    paths: tableDeclaration('Path coefficients', '路径系数', [C('from', 'code', 'From', '自'), C('to', 'code', 'To', '至'), C('estimate', 'number', 'Path coefficient', '路径系数')]),
    missing_answers: tableDeclaration('Missing answers by item', '各题项缺失作答数', [C('item', 'code', 'Item', '题项'), C('missing', 'count', 'Missing answers', '缺失作答数')]),
  };
}

/** result.json: the options, the headline, the indices, the significant differences and changes. */
function icsiReportJson(report: IcsiReport): CommandOutput['json'] {
  const s = report.study;
  return {
    options: report.options,
    respondents: s.n,
    headline: s.headline,
    indices: s.constructs,
    differences: significantGaps(s.gaps).map((g) => ({ column: g.column, group: g.group, construct: g.construct, difference: g.difference, p_adjusted: g.p_adjusted })),
    waves: s.waves === null ? null : { comparable: s.waves.comparable, changes: clearChanges(s.waves.changes).map((c) => ({ group: c.group, construct: c.construct, change: c.change, ci_low: c.ci_low, ci_high: c.ci_high })) },
  };
}

function icsiReportText(report: IcsiReport, files: readonly string[]): string {
  const s = report.study;
  const lang = report.options.lang;
  const w = icsiReportWords(lang);
  const h = s.headline;
  const gaps = significantGaps(s.gaps);
  const against = report.options.previous === null ? '' : say(lang, ` against ${report.options.previous}`, `，对比 ${report.options.previous}`);
  return [
    `${w.title(report.options.year)}${say(lang, ': ', '：')}${report.options.survey}${against}`,
    h.index === null ? say(lang, 'No index: the model declares no answer scale', '无指数：模型未声明答题量表') : w.headline(h.index, h.ci_low, h.ci_high, s.n),
    say(lang, `Group differences (Holm-adjusted p < 0.05): ${gaps.length} of ${s.gaps.length} tested`, `群体差异（Holm 校正 p < 0.05）：检验 ${s.gaps.length} 项，显著 ${gaps.length} 项`),
    ...(s.waves === null
      ? []
      : [
          say(
            lang,
            `Waves: ${s.waves.comparable ? 'comparable (MICOM steps 1–2)' : 'not comparable for every construct'}; ${clearChanges(s.waves.changes).length} changes with an interval excluding zero`,
            `两期对比：${s.waves.comparable ? '测量可比（MICOM 第一、二步）' : '并非每个潜变量都可比'}；${clearChanges(s.waves.changes).length} 项变化的置信区间不含零`,
          ),
        ]),
    say(lang, `Report (${lang}): ${files.join(', ')} in the evidence bundle`, `报告（中文）：证据包中的 ${files.join('、')}`),
    ...pdfNotPrinted(files, lang),
  ].join('\n');
}

/**
 * Renders a composed satisfaction report into what its evidence bundle files: the HTML report
 * (`icsiReportDocument` through `documentHtml`), the PDF printed from it when Chromium is
 * installed, the tables (CSV and tables.xlsx) and result.json. The same report gives the same bytes.
 * @throws Error when Chromium cannot print the PDF.
 * @example const output = await renderIcsiReport(await composeIcsiReport(options), SILENT_PROGRESS);
 */
export async function renderIcsiReport(report: IcsiReport, progress: Progress): Promise<CommandOutput> {
  const pkg = packageIdentity();
  const html = documentHtml(icsiReportDocument(report, await sha256Files(report.inputs), `${pkg.name} ${pkg.version}`));
  const w = icsiReportWords(report.options.lang);
  const files = await reportDocuments(html, { footer: w.title(report.options.year), pageNumber: w.pageNumber }, 'satisfaction report', progress);
  return {
    json: icsiReportJson(report),
    text: icsiReportText(report, Object.keys(files)),
    inputs: report.inputs,
    tables: icsiReportTables(report),
    tableDeclarations: icsiReportDeclarations(report),
    files,
    seeds: { icsi: report.options.seed },
  };
}

/**
 * The parameters `awb icsi-report` records for these options (what `awb verify` runs again).
 * @example icsiReportParameters(options).min_group // 30
 */
export function icsiReportParameters(o: IcsiReportOptions): CommandParams {
  return {
    survey: o.survey,
    model: o.model,
    previous: o.previous,
    lang: o.lang,
    year: o.year,
    previous_year: o.previousYear,
    company: o.company,
    bootstrap: o.bootstrap,
    permutations: o.permutations,
    seed: o.seed,
    min_group: o.minGroup,
    encoding: o.read?.encoding ?? null,
    header_row: o.read?.headerRow ?? null,
  };
}

/**
 * Composes, renders and files the satisfaction report in an evidence bundle, exactly as `awb
 * icsi-report … --out dir` would (same parameters, same bytes), so `awb verify` accepts it. For notebooks.
 * @returns the report as composed and the folder written.
 * @throws InputError for bad input or an existing folder with `ifExists` 'error'.
 * @example const { bundle } = await fileIcsiReport('output/icsi-2025', { survey: 'data/sample/survey.csv', model: 'data/sample/survey_model.json', previous: 'data/sample/survey_2024.csv', lang: 'zh', year: 2025, previousYear: 2024, company: null, bootstrap: 1000, permutations: 1000, seed: 1, minGroup: 30 });
 */
export async function fileIcsiReport(dir: string, o: IcsiReportOptions, ifExists: IfExists = 'error'): Promise<{ readonly report: IcsiReport; readonly bundle: string }> {
  const report = await composeIcsiReport(o);
  const output = await renderIcsiReport(report, o.progress ?? SILENT_PROGRESS);
  const bundle = await fileBundle(dir, { name: 'icsi-report', parameters: icsiReportParameters(o) }, output, ifExists);
  return { report, bundle };
}
