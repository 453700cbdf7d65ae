import type { Figure } from '../charts/figure';
import { escapeHtml } from '../charts/html';
import { ipmaMap } from '../charts/ipmaMap';
import type { TableRow } from '../evidence/csv';
import { column, type ColumnDeclaration, tableDeclaration } from '../present/column';
import { typedTable } from '../present/typedTable';
import { QUALITY_THRESHOLDS } from '../satisfaction/qualityWarnings';
import type { GroupGap } from '../satisfaction/groupGaps';
import type { IndexChange } from '../satisfaction/waveChange';
import type { DocumentBlock, DocumentSection, DocumentSpec } from './document';
import type { IcsiReport } from './icsiReport';
import { type IcsiReportWords, icsiReportWords } from './icsiReportWords';

/** Significance level of the group differences after Holm's adjustment. */
export const GAP_LEVEL = 0.05;

/** Code-point order, the same under every locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const html = (text: string): DocumentBlock => ({ kind: 'html', html: `<p>${escapeHtml(text)}</p>` });
const note = (text: string): DocumentBlock => ({ kind: 'html', html: `<p class="note">${escapeHtml(text)}</p>` });
const list = (items: readonly string[]): DocumentBlock => ({ kind: 'html', html: `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` });

/** The group differences shown: adjusted p below the level, largest first (ties by column, group, construct). */
export function significantGaps(gaps: readonly GroupGap[]): GroupGap[] {
  return gaps
    .filter((g) => g.p_adjusted < GAP_LEVEL)
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || byCode(a.column, b.column) || byCode(a.group, b.group) || byCode(a.construct, b.construct));
}

/** The changes whose interval excludes zero, largest first. */
export function clearChanges(changes: readonly IndexChange[]): IndexChange[] {
  return changes.filter((c) => c.ci_low > 0 || c.ci_high < 0).sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || byCode(a.group ?? '', b.group ?? '') || byCode(a.construct, b.construct));
}

interface Ctx {
  readonly report: IcsiReport;
  readonly w: IcsiReportWords;
  /** A construct's name in the report's language, as a table shows it. */
  readonly name: (code: string) => string;
  /** A construct's name inside a sentence (lower case in English). */
  readonly word: (code: string) => string;
}

function table(ctx: Ctx, name: string, rows: readonly TableRow[], columns: readonly ColumnDeclaration[], caption: string, tableNote?: string): DocumentBlock {
  return { kind: 'table', table: typedTable(name, rows, tableDeclaration(name, name, columns)), caption, ...(tableNote ? { note: tableNote } : {}) };
}

const constructColumn = column('construct', 'text', 'Construct', '潜变量');

function indexColumns(ctx: Ctx): ColumnDeclaration[] {
  return ctx.report.study.model.constructs.map((c) => column(c.name, 'index', c.name, c.name_zh ?? c.name));
}

function summarySection(ctx: Ctx): DocumentSection {
  const { study, options } = ctx.report;
  const w = ctx.w;
  const h = study.headline;
  const blocks: DocumentBlock[] = [];
  if (h.index !== null) blocks.push(html(w.headline(h.index, h.ci_low, h.ci_high, study.n)));
  const gaps = significantGaps(study.gaps).slice(0, 5);
  blocks.push({ kind: 'heading', text: w.sections.gaps });
  blocks.push(gaps.length === 0 ? html(w.noGaps) : list(gaps.map((g) => w.gap(g.group, ctx.word(g.construct), g.difference, g.group_index, g.rest_index, g.p_adjusted))));
  if (study.waves !== null) {
    blocks.push({ kind: 'heading', text: w.sections.waves(options.previousYear) });
    const rejected = study.waves.compositional.filter((c) => !c.invariant).map((c) => c.construct);
    blocks.push(html(rejected.length === 0 ? w.comparable : w.notComparable(rejected.map(ctx.word))));
    const changes = clearChanges(study.waves.changes).filter((c) => !rejected.includes(c.construct)).slice(0, 6);
    blocks.push(changes.length === 0 ? html(w.noChanges) : list(changes.map((c) => w.change(c.group, ctx.word(c.construct), c.change, c.ci_low, c.ci_high, options.previousYear))));
  }
  return { id: 'summary', title: w.sections.summary, basis: w.basis.report, blocks };
}

function indicesSection(ctx: Ctx): DocumentSection {
  const { study } = ctx.report;
  const rows = study.constructs.map((c) => ({ construct: ctx.name(c.construct), index: c.index, ci_low: c.ci_low, ci_high: c.ci_high }));
  return {
    id: 'indices',
    title: ctx.w.sections.indices,
    basis: ctx.w.basis.indices,
    blocks: [
      html(ctx.w.indicesIntro(study.params.bootstrap)),
      table(ctx, 'indices', rows, [constructColumn, column('index', 'index', 'Index (0–100)', '指数（0–100）'), column('ci_low', 'index', '95% interval, low', '95%置信下限'), column('ci_high', 'index', '95% interval, high', '95%置信上限')], ctx.w.sections.indices),
    ],
  };
}

function groupsSection(ctx: Ctx): DocumentSection {
  const { study } = ctx.report;
  const blocks = study.groups.flatMap((g): DocumentBlock[] => {
    const rows = g.groups.map((x) => ({ group: x.group, n: x.n, ...Object.fromEntries(study.model.constructs.map((c, j) => [c.name, x.index[j]])) }));
    const s = g.suppressed;
    return [
      { kind: 'heading', text: ctx.w.sections.groups(g.column) },
      html(ctx.w.groupsIntro(g.column)),
      table(ctx, `index_by_${g.column}`, rows, [column('group', 'text', capital(ctx.w.column[g.column]), ctx.w.column[g.column]), column('n', 'count', 'Respondents', '受访者数'), ...indexColumns(ctx)], ctx.w.sections.groups(g.column)),
      note(s.groups === 0 ? ctx.w.noneSuppressed(s.minimum) : ctx.w.suppressed(s.groups, s.respondents, s.minimum)),
    ];
  });
  return { id: 'groups', title: ctx.w.sections.allGroups, basis: ctx.w.basis.groups, blocks };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function ipmaFigure(ctx: Ctx, target: string, points: readonly { construct: string; importance: number; performance: number | null }[]): Figure {
  const figure = ipmaMap(target, points.map((p) => ({ ...p, construct: ctx.name(p.construct) })));
  const padded = (values: readonly number[]) => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    const pad = Math.max(high - low, 1e-3) * 0.25;
    return [low - pad, high + pad];
  };
  const shown = points.filter((p) => p.performance !== null);
  return {
    ...figure,
    data: figure.data.map((trace) => ({ ...trace, cliponaxis: false })),
    layout: {
      ...figure.layout,
      title: { text: ctx.w.chart.ipmaTitle(target) + (ctx.report.options.lang === 'zh' ? `：${ctx.name(target)}` : '') },
      xaxis: { title: { text: ctx.w.chart.importance(target) }, zeroline: false, range: padded(shown.map((p) => p.importance)) },
      yaxis: { title: { text: ctx.w.chart.performance }, range: padded(shown.map((p) => p.performance!)) },
    },
  };
}

function driversSection(ctx: Ctx): DocumentSection {
  const { study } = ctx.report;
  const blocks: DocumentBlock[] = [];
  for (const d of study.drivers) {
    const target = ctx.name(d.target);
    blocks.push({ kind: 'heading', text: target });
    blocks.push(html(ctx.w.driversIntro(d.target)));
    blocks.push(
      table(
        ctx,
        `drivers_${d.target}`,
        d.constructs.map((c) => ({ construct: ctx.name(c.construct), total_effect: c.total_effect, importance: c.importance, performance: c.performance })),
        [constructColumn, column('total_effect', 'number', 'Total effect (standardised)', '总效应（标准化）'), column('importance', 'number', 'Importance', '重要性'), column('performance', 'index', 'Performance (index)', '表现（指数）')],
        target,
      ),
    );
    blocks.push({ kind: 'chart', figure: ipmaFigure(ctx, d.target, d.constructs), title: ctx.w.chart.ipmaTitle(d.target), caption: ctx.w.chart.caption });
    blocks.push(html(ctx.w.itemsIntro(d.target)));
    blocks.push(
      table(
        ctx,
        `items_${d.target}`,
        d.items.slice(0, 8).map((i) => ({ item: i.item, construct: ctx.name(i.construct), gain: i.gain, performance: i.performance })),
        [column('item', 'code', 'Question', '题项'), constructColumn, column('gain', 'number', 'Gain per point', '每分提升'), column('performance', 'index', 'Score (0–100)', '得分（0–100）')],
        target,
      ),
    );
    for (const g of study.groups) {
      const rows: TableRow[] = d.constructs.map((c) => {
        const j = study.model.constructs.findIndex((k) => k.name === c.construct);
        return { construct: ctx.name(c.construct), importance: c.importance, ...Object.fromEntries(g.groups.map((x) => [`group_${x.group}`, x.index[j]])) };
      });
      blocks.push(html(ctx.w.groupMapIntro(d.target, g.column)));
      blocks.push(
        table(
          ctx,
          `ipma_${d.target}_${g.column}`,
          rows,
          [constructColumn, column('importance', 'number', 'Importance', '重要性'), ...g.groups.map((x) => column(`group_${x.group}`, 'index', x.group, x.group))],
          `${target} · ${ctx.w.column[g.column]}`,
        ),
      );
    }
  }
  return { id: 'drivers', title: ctx.w.sections.drivers, blocks };
}

function gapRows(ctx: Ctx, gaps: readonly GroupGap[]): TableRow[] {
  return gaps.map((g) => ({ column: ctx.w.column[g.column as keyof IcsiReportWords['column']], group: g.group, n: g.n, construct: ctx.name(g.construct), group_index: g.group_index, rest_index: g.rest_index, difference: g.difference, p_adjusted: g.p_adjusted }));
}

const GAP_COLUMNS: ColumnDeclaration[] = [
  column('column', 'text', 'Grouping', '分组'),
  column('group', 'text', 'Group', '群体'),
  column('n', 'count', 'Respondents', '受访者数'),
  constructColumn,
  column('group_index', 'index', 'Group', '群体指数'),
  column('rest_index', 'index', 'Rest', '其他受访者'),
  column('difference', 'index', 'Difference', '差异'),
  column('p_adjusted', 'p', 'p (Holm)', 'p值（Holm校正）'),
];

function gapsSection(ctx: Ctx): DocumentSection {
  const { study } = ctx.report;
  const shown = significantGaps(study.gaps);
  return {
    id: 'gaps',
    title: ctx.w.sections.gaps,
    blocks: [
      html(ctx.w.gapsIntro(study.gaps.length, study.params.permutations)),
      ...(shown.length === 0 ? [html(ctx.w.noGaps)] : [list(shown.map((g) => ctx.w.gap(g.group, ctx.word(g.construct), g.difference, g.group_index, g.rest_index, g.p_adjusted))), table(ctx, 'gaps', gapRows(ctx, shown), GAP_COLUMNS, ctx.w.topGaps)]),
    ],
  };
}

function wavesSection(ctx: Ctx): DocumentSection | null {
  const { study, options } = ctx.report;
  const waves = study.waves;
  if (waves === null) return null;
  const rejected = waves.compositional.filter((c) => !c.invariant).map((c) => c.construct);
  const micom = waves.compositional.map((c) => ({ construct: ctx.name(c.construct), c: c.c, quantile_05: c.quantile_05, p_value: c.p_value, invariant: c.invariant }));
  const change = (c: IndexChange) => ({ group: c.group ?? ctx.w.wholeSurvey, construct: ctx.name(c.construct), previous: c.previous, current: c.current, change: c.change, ci_low: c.ci_low, ci_high: c.ci_high });
  const changeColumns = [
    column('group', 'text', 'Group', '群体'),
    constructColumn,
    column('previous', 'index', options.previousYear === null ? 'Previous' : String(options.previousYear), options.previousYear === null ? '上一期' : `${options.previousYear}年`),
    column('current', 'index', options.year === null ? 'Current' : String(options.year), options.year === null ? '本期' : `${options.year}年`),
    column('change', 'index', 'Change', '变化'),
    column('ci_low', 'index', '95% interval, low', '95%置信下限'),
    column('ci_high', 'index', '95% interval, high', '95%置信上限'),
  ];
  const clear = clearChanges(waves.changes).filter((c) => !rejected.includes(c.construct));
  return {
    id: 'waves',
    title: ctx.w.sections.waves(options.previousYear),
    basis: ctx.w.basis.report,
    blocks: [
      html(ctx.w.wavesIntro(options.previousYear, waves.resamples, waves.permutations)),
      html(rejected.length === 0 ? ctx.w.comparable : ctx.w.notComparable(rejected.map(ctx.word))),
      table(ctx, 'micom', micom, [constructColumn, column('c', 'number', 'c', 'c'), column('quantile_05', 'number', '5% quantile', '5%分位数'), column('p_value', 'p', 'p', 'p值'), column('invariant', 'boolean', 'Invariant', '具有不变性')], 'MICOM'),
      clear.length === 0 ? html(ctx.w.noChanges) : list(clear.map((c) => ctx.w.change(c.group, ctx.word(c.construct), c.change, c.ci_low, c.ci_high, options.previousYear))),
      table(ctx, 'changes', waves.changes.filter((c) => c.group === null).map(change), changeColumns, ctx.w.everything),
      table(ctx, 'changes_by_group', waves.changes.filter((c) => c.group !== null).map(change), changeColumns, `${ctx.w.everything} · ${ctx.w.column[waves.by ?? 'region']}`),
    ],
  };
}

function methodsSection(ctx: Ctx): DocumentSection {
  const { study } = ctx.report;
  const a = study.analysis;
  const w = ctx.w;
  const constructs = study.model.constructs;
  const failing = (values: readonly number[], ok: (v: number) => boolean) => constructs.filter((_, j) => !ok(values[j])).map((c) => ctx.name(c.name));
  const htmtHigh = a.htmt.filter((h) => h.value !== null && h.value >= QUALITY_THRESHOLDS.htmt_distinct).map((h) => `${ctx.name(h.a)} / ${ctx.name(h.b)}`);
  const verdict = (bad: readonly string[]) => (bad.length === 0 ? w.met : w.notMet(bad));
  const criteria = [
    { criterion: w.criteria.alpha, result: verdict(failing(a.reliability.map((r) => r.alpha), (v) => v >= QUALITY_THRESHOLDS.alpha)) },
    { criterion: w.criteria.rho_c, result: verdict(failing(a.reliability.map((r) => r.rho_c), (v) => v >= QUALITY_THRESHOLDS.rho_c)) },
    { criterion: w.criteria.ave, result: verdict(failing(a.reliability.map((r) => r.ave), (v) => v >= QUALITY_THRESHOLDS.ave)) },
    { criterion: w.criteria.htmt, result: verdict(htmtHigh) },
    ...(study.waves === null ? [] : [{ criterion: w.criteria.micom, result: verdict(study.waves.compositional.filter((c) => !c.invariant).map((c) => ctx.name(c.construct))) }]),
  ];
  const reliability = constructs.map((c, j) => ({ construct: ctx.name(c.name), items: c.items.join(' '), r_squared: a.fit.adjustedRSquared[j] === null ? null : a.fit.rSquared[j], alpha: a.reliability[j].alpha, rho_c: a.reliability[j].rho_c, ave: a.reliability[j].ave }));
  const m = a.design.constructs.length;
  const paths = a.design.paths.map(([from, to]) => ({ from: ctx.name(a.design.constructs[from]), to: ctx.name(a.design.constructs[to]), estimate: a.fit.paths[from * m + to] }));
  const scale = a.scale ?? { min: 0, max: 0 };
  return {
    id: 'methods',
    title: w.sections.methods,
    blocks: [
      html(w.methodsModel(m, a.design.items.length, a.design.paths.length, scale.min, scale.max)),
      html(w.methodsEstimation(a.options.scheme, a.options.scaled, a.options.missing, study.params.bootstrap, study.params.permutations, study.params.seed, a.fit.iterations)),
      html(w.methodsSample(a.missing.respondents, a.missing.respondents_analysed, a.weighted, a.fit.totalWeight)),
      html(w.methodsMissing(a.missing.answers_missing, a.missing.answers_replaced, a.missing.respondents_dropped, a.missing.treatment)),
      html(w.criteriaIntro),
      table(ctx, 'criteria', criteria, [column('criterion', 'text', 'Criterion, threshold and source', '标准、阈值与出处'), column('result', 'text', 'Result', '结果')], w.captions.criteria),
      table(
        ctx,
        'reliability',
        reliability,
        [constructColumn, column('items', 'text', 'Questions', '题项'), column('r_squared', 'number', 'R²', 'R²'), column('alpha', 'number', "Cronbach's α", 'Cronbach α'), column('rho_c', 'number', 'ρ_C', 'ρ_C'), column('ave', 'number', 'AVE', '平均方差抽取量')],
        w.captions.reliability,
      ),
      table(ctx, 'paths', paths, [column('from', 'text', 'From', '自'), column('to', 'text', 'To', '至'), column('estimate', 'number', 'Path coefficient', '路径系数')], w.captions.paths),
    ],
  };
}

function provenanceSection(ctx: Ctx, hashes: ReadonlyMap<string, string>, software: string): DocumentSection {
  const rows = ctx.report.inputs.map((path) => `<tr><td>${escapeHtml(path)}</td><td class="computed-by">${escapeHtml(hashes.get(path) ?? '–')}</td></tr>`).join('');
  return {
    id: 'provenance',
    title: ctx.w.sections.provenance,
    blocks: [
      {
        kind: 'html',
        html: `<p class="note">${escapeHtml(ctx.w.provenanceIntro)}</p>
<table><thead><tr><th>${escapeHtml(ctx.w.input)}</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table>
<p><b>${escapeHtml(ctx.w.facts.software)}:</b> ${escapeHtml(software)}</p>
<p class="note">${escapeHtml(ctx.w.verifyHint)}</p>`,
      },
    ],
  };
}

/**
 * The customer satisfaction report as a document (`documentHtml`): a cover with the survey, the
 * previous wave and the analyst's sign-off; a summary in sentences a manager reads; the seven
 * indices with intervals; the indices by company, region and stage (S3 art. 23); the drivers of
 * satisfaction and loyalty; the groups that differ from the rest; the change since the previous
 * wave with MICOM; appendices with the methods and the provenance of the inputs. Every word is in
 * the report's language; no respondent identifier or free-text answer appears (S3 art. 34).
 * @param hashes SHA-256 of each input, by path
 * @param software the producing software as shown (`actuarial-workbench 0.1.0`)
 */
export function icsiReportDocument(report: IcsiReport, hashes: ReadonlyMap<string, string>, software: string): DocumentSpec {
  const o = report.options;
  const w = icsiReportWords(o.lang);
  const zh = new Map(report.study.model.constructs.map((c) => [c.name, c.name_zh ?? null]));
  const name = (code: string) => {
    const text = w.construct(code, zh.get(code) ?? null);
    return o.lang === 'en' ? capital(text) : text;
  };
  const ctx: Ctx = { report, w, name, word: (code) => w.construct(code, zh.get(code) ?? null) };
  const waves = wavesSection(ctx);
  return {
    lang: o.lang,
    title: w.title(o.year),
    cover: {
      title: w.title(o.year),
      company: o.company ?? w.industry,
      facts: [
        { label: w.facts.survey, value: o.survey },
        ...(o.previous === null ? [] : [{ label: w.facts.previous, value: o.previous }]),
        { label: w.facts.model, value: o.model },
        { label: w.facts.respondents, value: String(report.study.n) },
        { label: w.facts.seed, value: String(o.seed) },
        { label: w.facts.software, value: software },
      ],
      signOff: { heading: w.signOff.heading, statement: w.signOff.statement(o.year), signatories: [{ role: w.signOff.role, name: null }], nameLabel: w.signOff.name, signatureLabel: w.signOff.signature, dateLabel: w.signOff.date },
    },
    sections: [summarySection(ctx), indicesSection(ctx), groupsSection(ctx), driversSection(ctx), gapsSection(ctx), ...(waves === null ? [] : [waves])],
    appendices: [methodsSection(ctx), provenanceSection(ctx, hashes, software)],
    wording: { contents: w.contents, page: w.page, appendix: w.appendix, part: w.part, values: {} },
  };
}
