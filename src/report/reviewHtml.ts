import { type Figure, figureTitle } from '../charts/figure';
import { figureInLanguage } from '../charts/figureLanguage';
import { escapeHtml } from '../charts/html';
import { smallMultiples } from '../charts/smallMultiples';
import type { TableRow } from '../evidence/csv';
import { Dec } from '../money/decimal';
import { groupThousands } from '../money/groupThousands';
import { type ColumnDeclaration, column, type TableDeclaration } from '../present/column';
import type { ColumnKind } from '../present/columnKind';
import { KNOWN_COLUMNS } from '../present/knownColumns';
import { type TypedTable, typedTable } from '../present/typedTable';
import { countBySeverity, type Finding, SEVERITIES } from '../rules/finding';
import type { BacktestAnnex } from './backtestAnnex';
import type { Review, SectionResult } from './composeReview';
import { type DocumentBlock, type DocumentSection, type DocumentSpec, documentHtml } from './document';
import { columnLabel, type Wording, wording } from './labels';
import type { Lang } from '../present/column';
import { COLUMN_ZH_EXTRA, columnZh, CONSTRUCT, SHEET_TITLES, VALUE_ZH } from '../present/words';
import { quarterEndDate, type SectionId } from './reviewPlan';
import type { SectionContent } from './sectionContent';
import { serviceSectionContent } from './serviceSection';

/** At most this many rows of a table are printed in a section; the appendix and the bundle hold more. */
export const MAX_TABLE_ROWS = 40;

/** At most this many rows of a table are printed in the appendix; tables.xlsx holds them all. */
export const MAX_APPENDIX_ROWS = 25;

/**
 * The few tables of each section a reader needs beside its findings (by the command's table
 * name); every other table is in the appendix of full tables. The backtest, service and sales
 * conduct sections show their own content instead.
 */
const KEY_TABLES: Readonly<Record<SectionId, readonly string[]>> = {
  backtest: [],
  lossratio: ['three_year_loss_ratios', 'ultimate_loss_ratios', 'indicated_rate_changes'],
  expense: ['caps'],
  eligibility: ['eligibility'],
  satisfaction: ['index_by_company', 'index_by_region', 'index_by_stage', 'paths'],
  service: [],
  conduct: [],
};

/** Most series one chart shows; a figure with more is drawn as small multiples. */
const MAX_SERIES = 6;

/**
 * A reported figure as shown in the report: rounded half-up (exactly, in decimal) to 4 decimals,
 * or to 2 from 1,000 up, with grouped digits. The bundle's tables keep the exact figures.
 * @example displayNumber(0.5174468085106383) // '0.5174'; displayNumber(1175000) // '1,175,000'
 */
export function displayNumber(n: number): string {
  const d = new Dec(String(n));
  const text = d.toDecimalPlaces(d.abs().gte(1000) ? 2 : 4, Dec.ROUND_HALF_UP).toFixed();
  return groupThousands(text);
}

/**
 * Rows in the review's language: a column `<key>_zh` beside `<key>` (a finding's or a reason's
 * Chinese) takes the place of `<key>` in a Chinese review and is left out of an English one, so
 * each table holds one language.
 * @example inReviewLanguage([{ reason: 'exempt by size', reason_zh: '规模豁免' }], 'zh') // [{ reason: '规模豁免' }]
 */
function inReviewLanguage(rows: readonly TableRow[], lang: Lang): readonly TableRow[] {
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  const paired = [...keys].filter((k) => k.endsWith('_zh') && keys.has(k.slice(0, -3)));
  if (paired.length === 0 && lang === 'en') return rows;
  return rows.map((row) => {
    const out: Record<string, TableRow[string]> = { ...row };
    for (const zh of paired) {
      if (lang === 'zh') out[zh.slice(0, -3)] = row[zh] ?? row[zh.slice(0, -3)] ?? null;
      delete out[zh];
    }
    if (lang === 'zh') for (const [k, v] of Object.entries(out)) if (typeof v === 'string') out[k] = cellZh(v);
    return out as TableRow;
  });
}

/** Han characters: a header holding none is not Chinese. */
const HAN = /[\u3400-\u9fff]/;

/** Abbreviations in headers made from keys, written as in the field (`vif` → VIF, `htmt2` → HTMT2, `hr` → HR, the human-resources system). */
const ABBREVIATIONS = /\b(vif|htmt|ave|hr|ipma|icsi|pls)(\d*)\b/g;

/**
 * A header made from a key (`importance`, `value: threshold`, `vif`) as the declared ones are
 * written: its first letter capital, its abbreviations in capitals. A symbol (f², t quantile) is
 * left as written by the caller.
 */
function headerCase(label: string): string {
  const written = label.replace(ABBREVIATIONS, (_, word: string, digits: string) => `${word.toUpperCase()}${digits}`);
  return written.charAt(0).toUpperCase() + written.slice(1);
}

/**
 * A typed table of the review: the command's declaration first, then the known columns, typed
 * from its values otherwise; `percent` columns are rates. A Chinese header that is not Chinese
 * (a column no declaration names in Chinese) takes the review's Chinese words (`columnZh`, the
 * review's column words).
 */
function reviewTable(name: string, rows: readonly TableRow[], lang: Lang, declaration?: TableDeclaration, percent: readonly string[] = []): TypedTable {
  const typed = typedTable(name, inReviewLanguage(rows, lang), declaration);
  const zh = wording('zh');
  const knownZh = (key: string) => KNOWN_COLUMNS.get(key)?.label.zh ?? zh.column[key] ?? null;
  const columns = typed.columns.map((c): ColumnDeclaration => {
    const kind: ColumnKind = percent.includes(c.key) ? 'rate' : c.kind;
    const label = HAN.test(c.label.zh) && !/^触发值：.*[a-z]{3,}/.test(c.label.zh) ? c.label.zh : (zh.column[c.key] ?? columnZh(c.key, knownZh) ?? columnLabel(zh, c.key));
    const en = /^[a-z]{2}/.test(c.label.en) ? headerCase(c.label.en) : c.label.en;
    return column(c.key, kind, en, label);
  });
  return { ...typed, columns };
}

function severityBadge(severity: Finding['severity'], w: Wording): string {
  return `<span class="sev sev-${severity}">${escapeHtml(w.severity[severity])}</span>`;
}

/** A finding's message in the review's language (the English message when no Chinese one was given). */
function findingMessage(f: Finding, review: Review): string {
  if (review.params.lang === 'zh') {
    if (f.message_zh) return f.message_zh;
    const rule = review.rulebook.rules.find((r) => r.id === f.rule_id);
    return rule ? `${rule.title_zh}：${f.message}` : f.message;
  }
  return f.message;
}

function valuesText(values: Finding['values'], lang: Lang): string {
  if (lang === 'zh') return valuesTextZh(values);
  return Object.entries(values)
    .map(([k, v]) => `${k} = ${v === null ? '–' : typeof v === 'number' ? displayNumber(v) : String(v)}`)
    .join('; ');
}

/** A coded value of a finding in Chinese: a word (`VALUE_ZH`), a list of words, or a time limit in words. */
function valueZh(v: string): string {
  const limit = /^(\d+) working days?(?: \(complex cases (\d+) (working|calendar) days?\))?$/.exec(v);
  if (limit) return `${limit[1]}个工作日${limit[2] ? `（复杂情形${limit[2]}${limit[3] === 'working' ? '个工作日' : '日'}）` : ''}`;
  if (/^[a-z_]+([,+][a-z_]+)+$/.test(v)) return v.split(/[,+]/).map(valueZh).join('、');
  const counts = /^[a-z_]+ \d+(; [a-z_]+ \d+)*$/.test(v) ? v.split('; ').map((x) => x.split(' ')) : null;
  if (counts) return counts.map(([name, n]) => `${valueZh(name)}${n}人`).join('、');
  const rating = /^(\S+) \(class (\S+)\)$/.exec(v);
  if (rating) return `${rating[1]}（${rating[2]}类）`;
  const better = /^(class|grade) (\S+)( or better)?$/.exec(v);
  if (better) return `${better[2]}${better[1] === 'class' ? '类' : '级'}${better[3] ? '及以上' : ''}`;
  if (/ yuan$/.test(v)) return v.replace(/ yuan$/, '元');
  return VALUE_ZH[v] ?? wording('zh').value[v] ?? COLUMN_ZH_EXTRA[v] ?? KNOWN_COLUMNS.get(v)?.label.zh ?? v;
}

/** A text cell of a Chinese table: coded values, lists of them and the workbench's fixed phrases in Chinese; other text (names, figures) as it is. */
function cellZh(v: string): string {
  return /^[\x20-\x7e]+$/.test(v) && /[a-z]{2,}/.test(v) ? valueZh(v) : v;
}

/** A finding's recorded values in Chinese: each name in words (a Chinese twin `…_zh` stands for its value), each coded value in words. */
function valuesTextZh(values: Finding['values']): string {
  const zh = wording('zh');
  const known = (key: string) => KNOWN_COLUMNS.get(key)?.label.zh ?? zh.column[key] ?? null;
  return Object.entries(values)
    .filter(([k]) => !(k.endsWith('_zh') && k.slice(0, -3) in values))
    .map(([k, v]) => {
      const twin = values[`${k}_zh`];
      const shown = twin !== undefined && twin !== null ? String(twin) : v === null ? '–' : typeof v === 'boolean' ? (v ? zh.yes : zh.no) : typeof v === 'number' ? displayNumber(v) : valueZh(String(v));
      return `${known(k) ?? columnZh(k, known) ?? VALUE_ZH[k] ?? k} = ${shown}`;
    })
    .join('；');
}

function findingsTable(findings: readonly Finding[], review: Review, w: Wording, withCitation: boolean): string {
  if (findings.length === 0) return `<p>${w.noFindings}</p>`;
  const head = [w.severityHeading, w.rule, w.product, w.period, w.message, ...(withCitation ? [w.values, w.citation] : [])].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = findings.map((f, i) => {
    const cells = [
      `<td class="code">${severityBadge(f.severity, w)}</td>`,
      `<td class="code">${escapeHtml(f.rule_id)}</td>`,
      `<td class="code">${escapeHtml(f.product_code ?? '–')}</td>`,
      `<td class="code">${escapeHtml(f.period ?? '–')}</td>`,
      `<td>${escapeHtml(findingMessage(f, review))}</td>`,
      ...(withCitation ? [`<td class="values">${escapeHtml(valuesText(f.values, review.params.lang))}</td>`, `<td>${escapeHtml(f.citation)}</td>`] : []),
    ];
    return `<tr${withCitation ? ` id="finding-${i + 1}"` : ''}>${cells.join('')}</tr>`;
  });
  const widths = withCitation ? '<colgroup><col style="width:7%"><col style="width:10%"><col style="width:6%"><col style="width:6%"><col style="width:33%"><col style="width:20%"><col style="width:18%"></colgroup>' : '';
  return `<table class="findings${findings.length <= 8 ? ' keep' : ''}">${widths}<thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function statusText(s: SectionResult, w: Wording): string {
  return s.status === 'complete' ? w.complete : s.status === 'unavailable' ? w.unavailable : w.notApplicable;
}

function summarySection(review: Review, w: Wording): DocumentSection {
  const counts = countBySeverity(review.findings);
  const bySeverity = `<table class="keep"><thead><tr><th>${w.severityHeading}</th><th class="num">${w.findingsCount}</th></tr></thead><tbody>${SEVERITIES.map((s) => `<tr><td>${severityBadge(s, w)}</td><td class="num">${counts[s]}</td></tr>`).join('')}</tbody></table>`;
  const sections = `<table class="keep"><thead><tr><th>${w.section}</th><th>${w.status}</th><th class="num">${w.findingsCount}</th></tr></thead><tbody>${review.sections
    .map((s) => `<tr><td><a href="#sec-${s.id}">${escapeHtml(w.sections[s.id].title)}</a></td><td class="status-${s.status}">${escapeHtml(statusText(s, w))}</td><td class="num">${s.findings.length}</td></tr>`)
    .join('')}</tbody></table>`;
  const headline = review.findings.filter((f) => f.severity === 'critical' || f.severity === 'major');
  return {
    id: 'summary',
    title: w.summary,
    blocks: [
      { kind: 'html', html: `<p>${escapeHtml(w.summaryIntro(review.params.data, quarterEndDate(review.params.quarter)))}</p>` },
      { kind: 'heading', text: w.findingsBySeverity },
      { kind: 'html', html: bySeverity },
      { kind: 'heading', text: w.sectionStatus },
      { kind: 'html', html: sections },
      { kind: 'heading', text: w.headline },
      { kind: 'html', html: findingsTable(headline, review, w, false) },
    ],
  };
}

function annexBlocks(annex: BacktestAnnex, review: Review, w: Wording): DocumentBlock[] {
  const a = w.annex;
  const scope = annex.scope.map((r) => ({
    product_code: r.product_code,
    product_name: r.product_name,
    line: a.line[r.line] ?? r.line,
    term_months: r.term_months,
    premium_mode: r.premium_mode,
    launch_date: r.launch_date,
    premium_income: r.premium_income,
    ceded_share: r.ceded_share,
    ceded_claims_share: r.ceded_claims_share,
  }));
  const indicators = annex.indicators.map(({ persistent_periods: _p, measure: _m, ...r }) => ({ ...r, indicator: a.indicator[r.indicator] ?? r.indicator }));
  const assessments = annex.indicators.map((r) => ({
    product_code: r.product_code,
    indicator: a.indicator[r.indicator] ?? r.indicator,
    ae: r.ae,
    assessment: a.assessment({ ae: r.ae, ciLow: r.ci_low, ciHigh: r.ci_high, credibility: r.credibility, persistent: r.persistent_periods }),
    measure: r.measure === null ? null : (a.measure[r.measure] ?? r.measure),
  }));
  const assessmentDeclaration: TableDeclaration = { title: { en: a.reasons, zh: a.reasons }, columns: [column('assessment', 'text', wording('en').document.assessment, wording('zh').document.assessment)] };
  const blocks: DocumentBlock[] = [{ kind: 'heading', text: a.heading }, { kind: 'html', html: `<p>${escapeHtml(a.intro(annex.quarter, annex.as_of))}</p>` }];
  if (annex.indicators.length === 0) {
    blocks.push({ kind: 'html', html: `<p>${escapeHtml(a.noCells(annex.quarter))}</p>` });
  } else {
    blocks.push(
      { kind: 'table', caption: a.scope, note: a.scopeIntro, table: reviewTable('backtest_scope', scope, review.params.lang) },
      { kind: 'table', caption: a.indicators, note: a.indicatorsIntro, table: reviewTable('backtest_indicators', indicators, review.params.lang) },
      { kind: 'table', caption: a.reasons, note: a.reasonsIntro, table: reviewTable('backtest_assessments', assessments, review.params.lang, assessmentDeclaration) },
    );
  }
  const measures = annex.measures.length === 0 ? `<p>${escapeHtml(a.noMeasure)}</p>` : findingsTable(annex.measures, review, w, false);
  const year = annex.year.length === 0 ? `<p>${escapeHtml(a.noMeasure)}</p>` : findingsTable(annex.year, review, w, false);
  blocks.push(
    { kind: 'heading', text: a.measures },
    { kind: 'html', html: `<p class="note">${escapeHtml(a.measuresIntro)}</p>${measures}` },
    { kind: 'heading', text: a.year },
    { kind: 'html', html: `<p class="note">${escapeHtml(a.yearIntro(Number(annex.quarter.slice(0, 4))))}</p>${year}` },
  );
  return blocks;
}

/**
 * The rows of a table that belong to the quarter reviewed: when the table has a `period` or
 * `quarter` column holding the quarter (`2025Q4`) or its year (`2025`), those rows, and the
 * period they were chosen by; otherwise every row.
 */
function rowsOfQuarter(rows: readonly TableRow[], quarter: string): { rows: readonly TableRow[]; period: string | null } {
  const key = ['period', 'quarter'].find((c) => rows.some((r) => c in r));
  if (!key) return { rows, period: null };
  const year = quarter.slice(0, 4);
  const selected = rows.filter((r) => r[key] === quarter || r[key] === year);
  if (selected.length === 0 || selected.length === rows.length) return { rows, period: null };
  return { rows: selected, period: selected.some((r) => r[key] === quarter) ? quarter : year };
}

/** A figure's title as plain text in the language (no markup). */
function chartTitle(figure: Figure, name: string): string {
  return (figureTitle(figure) ?? '').replace(/<sup>.*?<\/sup>/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() || name;
}

/** A chart of a section as blocks: in the review's language, split into small multiples of at most `MAX_SERIES` series. */
function chartBlocks(figure: Figure, name: string, command: string, review: Review, w: Wording, counter: { n: number }): DocumentBlock[] {
  const local = figureInLanguage(figure, review.params.lang);
  const title = chartTitle(local, name);
  const parts = smallMultiples(local, MAX_SERIES);
  return parts.map((part, i) => {
    counter.n++;
    const suffix = parts.length > 1 ? w.document.chartPart(i + 1, parts.length) : '';
    return { kind: 'chart', figure: part, title: `${title}${suffix}`, caption: w.figure(counter.n, `${title}${suffix}`, command) };
  });
}

/** A section's content blocks (headings, paragraphs, tables) as document blocks. */
function contentBlocks(content: SectionContent, lang: Lang): DocumentBlock[] {
  return content.map((b): DocumentBlock => {
    switch (b.kind) {
      case 'heading':
        return { kind: 'heading', text: b.text };
      case 'paragraph':
        return { kind: 'html', html: `<p${b.note ? ' class="note"' : ''}>${escapeHtml(b.text)}</p>` };
      case 'table':
        return { kind: 'table', caption: b.caption, table: reviewTable(b.caption, b.rows, lang, undefined, b.percent ?? []) };
    }
  });
}

/** The tables of a section's runs, each once (a section run several times repeats those that do not depend on the grouping). */
function runTables(s: SectionResult): { run: SectionResult['runs'][number]; name: string; rows: readonly TableRow[] }[] {
  const seen = new Set<string>();
  const out: { run: SectionResult['runs'][number]; name: string; rows: readonly TableRow[] }[] = [];
  for (const run of s.runs) {
    for (const [name, rows] of Object.entries(run.output.tables ?? {})) {
      const key = JSON.stringify(rows);
      if (name === 'findings' || rows.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push({ run, name, rows });
    }
  }
  return out;
}

/** A table name per construct of the ICSI model: `ipma_Satisfaction` → `ipma`, `Satisfaction`. */
const PER_CONSTRUCT = new RegExp(`^(.*)_(${Object.keys(CONSTRUCT).join('|')})$`);

/**
 * The title of a table no command declares (`SHEET_TITLES`); a table per construct of the ICSI
 * model (`ipma_Satisfaction`) adds the construct's name (`CONSTRUCT`).
 */
function undeclaredCaption(command: string, name: string, lang: Lang): string | undefined {
  const perConstruct = PER_CONSTRUCT.exec(name);
  const title = SHEET_TITLES[`${command}_${perConstruct ? perConstruct[1] : name}`]?.[lang];
  if (title === undefined || !perConstruct) return title;
  const construct = CONSTRUCT[perConstruct[2]][lang];
  return lang === 'zh' ? `${title}（${construct}）` : `${title}: ${construct}`;
}

function tableBlock(t: { run: SectionResult['runs'][number]; name: string; rows: readonly TableRow[] }, review: Review, w: Wording, max: number): DocumentBlock {
  const declaration = t.run.output.tableDeclarations?.[t.name];
  const { rows, period } = rowsOfQuarter(t.rows, review.params.quarter);
  const shown = rows.slice(0, max);
  const sheet = `${t.run.id}_${t.name}`;
  const caption = declaration?.title[review.params.lang] ?? undeclaredCaption(t.run.command, t.name, review.params.lang) ?? sheet;
  const note = [period === null ? '' : `${period}`, w.document.tableRows(shown.length, t.rows.length, sheet)].filter(Boolean).join(' ');
  return { kind: 'table', caption, note, table: reviewTable(sheet, shown, review.params.lang, declaration) };
}

function sectionOf(s: SectionResult, review: Review, w: Wording, counter: { n: number }): DocumentSection {
  const head = { id: s.id, title: w.sections[s.id].title, basis: w.sections[s.id].basis };
  if (s.status !== 'complete') {
    const text = s.reason === 'command-missing' ? w.commandMissing(s.command) : s.reason === 'no-survey' ? w.noSurvey(s.detail ?? '') : w.noSurveyModel(s.detail ?? '');
    return { ...head, blocks: [{ kind: 'html', html: `<p class="unavailable" data-status="${s.status}">${escapeHtml(text)}</p>` }] };
  }
  // Findings first: what the chief actuary must act on; then the few tables and the charts.
  const blocks: DocumentBlock[] = [{ kind: 'heading', text: w.findingsOfSection }, { kind: 'html', html: findingsTable(s.findings, review, w, false) }];
  if (s.id === 'backtest' && review.annex) blocks.push(...annexBlocks(review.annex, review, w));
  if (s.content) blocks.push(...contentBlocks(s.content, review.params.lang));
  if (s.id === 'service' && review.service) {
    const content = serviceSectionContent(review.service, review.params.lang);
    blocks.push({ kind: 'html', html: `<p>${escapeHtml(content.intro)}</p>` });
    for (const t of content.tables) {
      const rows = t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c, r[c] ?? null])));
      blocks.push(rows.length === 0 ? { kind: 'html', html: `<h3>${escapeHtml(t.title)}</h3><p>${escapeHtml(t.empty)}</p>` } : { kind: 'table', caption: t.title, note: t.note, table: reviewTable(t.title, rows, review.params.lang, undefined, t.percent) });
    }
    for (const note of content.notes) blocks.push({ kind: 'html', html: `<p class="note">${escapeHtml(note)}</p>` });
    blocks.push({ kind: 'heading', text: w.chartsOfSection }, ...chartBlocks(content.figure, 'service_on_time_rates', s.command, review, w, counter));
  } else {
    const key = runTables(s).filter((t) => KEY_TABLES[s.id].includes(t.name));
    if (key.length > 0) blocks.push({ kind: 'heading', text: w.tablesOfSection }, ...key.map((t) => tableBlock(t, review, w, MAX_TABLE_ROWS)));
    const seen = new Set<string>();
    const charts = s.runs.flatMap((run) =>
      Object.entries(run.output.charts ?? {})
        .filter(([, figure]) => {
          const k = JSON.stringify(figure);
          return !seen.has(k) && seen.add(k) !== undefined;
        })
        .flatMap(([name, figure]) => chartBlocks(figure, `${run.id}_${name}`, run.command, review, w, counter)),
    );
    if (charts.length > 0) blocks.push({ kind: 'heading', text: w.chartsOfSection }, ...charts);
  }
  for (const run of s.runs) blocks.push({ kind: 'html', html: `<p class="computed-by">${escapeHtml(w.computedBy(['awb', run.command, ...run.argv].join(' ')))}</p>` });
  return { ...head, blocks };
}

function fullTablesAppendix(s: SectionResult, review: Review, w: Wording): DocumentSection | null {
  const tables = runTables(s);
  if (tables.length === 0) return null;
  return {
    id: `tables-${s.id}`,
    title: w.document.fullTables(w.sections[s.id].title),
    landscape: true,
    blocks: [{ kind: 'html', html: `<p class="note">${escapeHtml(w.document.fullTablesIntro)}</p>` }, ...tables.map((t) => tableBlock(t, review, w, MAX_APPENDIX_ROWS))],
  };
}

function provenanceSection(review: Review, hashes: ReadonlyMap<string, string>, software: string, w: Wording): DocumentSection {
  const inputs = review.inputs.map((path) => `<tr><td>${escapeHtml(path)}</td><td class="computed-by">${escapeHtml(hashes.get(path) ?? '–')}</td></tr>`).join('');
  const rb = review.rulebook;
  return {
    id: 'provenance',
    title: w.provenance,
    blocks: [
      {
        kind: 'html',
        html: `<p class="note">${escapeHtml(w.provenanceIntro)}</p>
<table><thead><tr><th>${escapeHtml(w.input)}</th><th>SHA-256</th></tr></thead><tbody>${inputs}</tbody></table>
<p><b>${escapeHtml(w.rulebook)}:</b> ${escapeHtml(`${rb.id} ${rb.version}`)} (SHA-256 ${escapeHtml(rb.sha256)})</p>
<p><b>${escapeHtml(w.software)}:</b> ${escapeHtml(software)}</p>
<p class="note">${escapeHtml(w.verifyHint)}</p>`,
      },
    ],
  };
}

/**
 * The quarterly review as a document (`documentHtml`): a cover with the company, the quarter and
 * the chief actuary's sign-off block (`--signatory`), contents with page numbers, the executive
 * summary, then each section with its findings first, the few tables a reader needs (wide ones
 * split) and its charts in the review's language (small multiples of at most six series), the
 * backtest section in the structure of S1 annex 2; appendices with every finding and its citation,
 * each section's full tables (landscape), and the provenance of the inputs.
 * @param hashes SHA-256 of each input, by path
 * @param software the producing software as shown (`actuarial-workbench 0.1.0`)
 */
export function reviewDocument(review: Review, hashes: ReadonlyMap<string, string>, software: string): DocumentSpec {
  const p = review.params;
  const w = wording(p.lang);
  const d = w.document;
  const counter = { n: 0 };
  const rb = review.rulebook;
  const appendices: DocumentSection[] = [
    { id: 'findings', title: w.allFindings, landscape: true, blocks: [{ kind: 'html', html: `<p class="note">${escapeHtml(w.allFindingsIntro)}</p>${findingsTable(review.findings, review, w, true)}` }] },
    ...review.sections.flatMap((s) => fullTablesAppendix(s, review, w) ?? []),
    provenanceSection(review, hashes, software, w),
  ];
  return {
    lang: p.lang,
    title: w.title(p.quarter),
    cover: {
      title: w.title(p.quarter),
      company: p.company ?? p.data,
      facts: [
        { label: d.quarter, value: p.quarter },
        { label: d.asOf, value: quarterEndDate(p.quarter) },
        { label: d.data, value: p.data },
        { label: w.rulebook, value: `${rb.id} ${rb.version}` },
        { label: w.software, value: software },
      ],
      signOff: {
        heading: d.signOffHeading,
        statement: d.signOffStatement(p.quarter),
        signatories: [{ role: d.chiefActuary, name: p.signatory ?? null }],
        nameLabel: d.name,
        signatureLabel: d.signature,
        dateLabel: d.date,
      },
    },
    sections: [summarySection(review, w), ...review.sections.map((s) => sectionOf(s, review, w, counter))],
    appendices,
    wording: { contents: w.contents, page: w.page, appendix: d.appendix, part: d.part, values: p.lang === 'zh' ? { ...VALUE_ZH, ...w.value } : w.value },
  };
}

/**
 * Renders a quarterly review as one self-contained HTML page (`reviewDocument` through
 * `documentHtml`): plotly.js inlined once (opens offline, no CDN), the same review giving the
 * same bytes (no clock, no random ids). When the charts are drawn the root element gets
 * `data-charts="ready"` (what the PDF printer waits for).
 * @param hashes SHA-256 of each input, by path
 * @param software the producing software as shown (`actuarial-workbench 0.1.0`)
 */
export function reviewHtml(review: Review, hashes: ReadonlyMap<string, string>, software: string): string {
  return documentHtml(reviewDocument(review, hashes, software));
}
