import { type Figure, figureTitle } from '../charts/figure';
import { escapeHtml, plotlyScript, scriptJson } from '../charts/html';
import type { TableRow } from '../evidence/csv';
import { Dec } from '../money/decimal';
import { formatPercent } from '../money/ratio';
import { countBySeverity, type Finding, SEVERITIES } from '../rules/finding';
import type { BacktestAnnex } from './backtestAnnex';
import type { Review, SectionResult } from './composeReview';
import { columnLabel, type Wording, wording } from './labels';
import { quarterEndDate } from './reviewPlan';
import { type ServiceSectionContent, serviceSectionContent } from './serviceSection';
import type { SectionContent } from './sectionContent';
import { groupThousands } from '../money/groupThousands';

/** At most this many rows of a command's table are printed; the bundle holds them all. */
export const MAX_TABLE_ROWS = 40;

/** Tables with more columns than this are set smaller and may wrap codes and figures. */
const WIDE_TABLE = 9;

/** A chart of the review: its element id, name in the bundle, the command that drew it, the figure. */
interface ReviewChart {
  readonly id: string;
  readonly name: string;
  readonly command: string;
  readonly figure: Figure;
}

/** The font every page and chart uses: Noto Sans CJK covers Latin and Chinese, so both languages print alike. */
const FONT = '"Noto Sans CJK SC", "Noto Sans CJK", "Noto Sans", sans-serif';

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
html { font-family: ${FONT}; color: #1b1b1b; }
body { margin: 24px auto; max-width: 1060px; font-size: 10.5pt; line-height: 1.5; padding: 0 16px; }
h1 { font-size: 20pt; margin: 0 0 6px; } h2 { font-size: 14pt; border-bottom: 2px solid #27496d; padding-bottom: 3px; margin-top: 28px; }
h3 { font-size: 11.5pt; margin: 18px 0 6px; color: #27496d; } h2 small { font-weight: normal; font-size: 9pt; color: #666; margin-left: 8px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 8.5pt; }
th, td { border: 1px solid #c8c8c8; padding: 2px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef2f6; overflow-wrap: normal; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.code { white-space: nowrap; } td.values { font-size: 8pt; overflow-wrap: anywhere; min-width: 9em; }
table.wide { font-size: 7pt; } table.wide td.code, table.wide td.num { white-space: normal; overflow-wrap: anywhere; }
thead { display: table-header-group; } tr { break-inside: avoid; }
.sev { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff; font-size: 8pt; white-space: nowrap; }
.sev-critical { background: #a4161a; } .sev-major { background: #d9480f; } .sev-minor { background: #b08900; } .sev-info { background: #5c7080; }
.status-unavailable, .status-not-applicable { color: #8a3b00; font-weight: bold; }
.note { color: #555; font-size: 8.5pt; } .computed-by { font-family: monospace; font-size: 8pt; color: #555; overflow-wrap: anywhere; }
.unavailable { border: 1px dashed #8a3b00; padding: 8px 12px; background: #fff7ef; }
figure { margin: 10px 0 18px; break-inside: avoid; } figcaption { font-size: 8.5pt; color: #444; }
.chart { width: 100%; height: 400px; }
.cover p { margin: 2px 0; } nav ol { columns: 2; font-size: 9.5pt; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; } section.part + section.part { break-before: page; } .chart { height: 330px; } a { color: inherit; text-decoration: none; } }
`;

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

/** Columns holding codes or periods, kept on one line. */
const CODE_COLUMNS = new Set(['product_code', 'period', 'quarter', 'rule_id', 'indicator', 'launch_date', 'severity', 'group']);

function cell(column: string, value: unknown, w: Wording): string {
  if (value === null || value === undefined) return '<td>–</td>';
  if (typeof value === 'number') return `<td class="num">${escapeHtml(displayNumber(value))}</td>`;
  if (typeof value === 'boolean') return `<td>${value ? w.yes : w.no}</td>`;
  if (typeof value === 'object') return `<td>${escapeHtml(JSON.stringify(value))}</td>`;
  const text = escapeHtml(w.value[String(value)] ?? String(value));
  return CODE_COLUMNS.has(column) ? `<td class="code">${text}</td>` : `<td>${text}</td>`;
}

/** An HTML table of rows; `format` may replace the rendering of chosen columns. */
function htmlTable(rows: readonly Readonly<Record<string, unknown>>[], w: Wording, options: { columns?: readonly string[]; format?: Readonly<Record<string, (v: unknown) => string>> } = {}): string {
  const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const wide = columns.length > WIDE_TABLE ? ' class="wide"' : '';
  const head = columns.map((c) => `<th>${escapeHtml(columnLabel(w, c))}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c) => (options.format?.[c] ? `<td class="num">${options.format[c](r[c])}</td>` : cell(c, r[c], w))).join('')}</tr>`)
    .join('\n');
  return `<table${wide}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const percent = (v: unknown) => (typeof v === 'number' ? escapeHtml(formatPercent(String(v), 2)) : '–');

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

function valuesText(values: Finding['values']): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} = ${v === null ? '–' : typeof v === 'number' ? displayNumber(v) : String(v)}`)
    .join('; ');
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
      ...(withCitation ? [`<td class="values">${escapeHtml(valuesText(f.values))}</td>`, `<td>${escapeHtml(f.citation)}</td>`] : []),
    ];
    return `<tr${withCitation ? ` id="finding-${i + 1}"` : ''}>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function statusText(s: SectionResult, w: Wording): string {
  return s.status === 'complete' ? w.complete : s.status === 'unavailable' ? w.unavailable : w.notApplicable;
}

function summarySection(review: Review, w: Wording): string {
  const counts = countBySeverity(review.findings);
  const bySeverity = `<table><thead><tr><th>${w.severityHeading}</th><th>${w.findingsCount}</th></tr></thead><tbody>${SEVERITIES.map((s) => `<tr><td>${severityBadge(s, w)}</td><td class="num">${counts[s]}</td></tr>`).join('')}</tbody></table>`;
  const sections = `<table><thead><tr><th>${w.section}</th><th>${w.status}</th><th>${w.findingsCount}</th></tr></thead><tbody>${review.sections
    .map((s) => `<tr><td><a href="#sec-${s.id}">${escapeHtml(w.sections[s.id].title)}</a></td><td class="status-${s.status}">${escapeHtml(statusText(s, w))}</td><td class="num">${s.findings.length}</td></tr>`)
    .join('')}</tbody></table>`;
  const headline = review.findings.filter((f) => f.severity === 'critical' || f.severity === 'major');
  return `<section class="part" id="sec-summary" data-section="summary"><h2>1. ${escapeHtml(w.summary)}</h2>
<p>${escapeHtml(w.summaryIntro(review.params.data, quarterEndDate(review.params.quarter)))}</p>
<h3>${escapeHtml(w.findingsBySeverity)}</h3>${bySeverity}
<h3>${escapeHtml(w.sectionStatus)}</h3>${sections}
<h3>${escapeHtml(w.headline)}</h3>${findingsTable(headline, review, w, false)}
</section>`;
}

function annexHtml(annex: BacktestAnnex, review: Review, w: Wording): string {
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
  const body =
    annex.indicators.length === 0
      ? `<p>${escapeHtml(a.noCells(annex.quarter))}</p>`
      : `<h3>${escapeHtml(a.scope)}</h3><p class="note">${escapeHtml(a.scopeIntro)}</p>${htmlTable(scope, w, { format: { ceded_share: percent, ceded_claims_share: percent } })}
<h3>${escapeHtml(a.indicators)}</h3><p class="note">${escapeHtml(a.indicatorsIntro)}</p>${htmlTable(indicators, w)}
<h3>${escapeHtml(a.reasons)}</h3><p class="note">${escapeHtml(a.reasonsIntro)}</p>${htmlTable(assessments, w)}`;
  const measures = annex.measures.length === 0 ? `<p>${escapeHtml(a.noMeasure)}</p>` : findingsTable(annex.measures, review, w, false);
  const year = annex.year.length === 0 ? `<p>${escapeHtml(a.noMeasure)}</p>` : findingsTable(annex.year, review, w, false);
  return `<h3 class="annex">${escapeHtml(a.heading)}</h3><p>${escapeHtml(a.intro(annex.quarter, annex.as_of))}</p>
${body}
<h3>${escapeHtml(a.measures)}</h3><p class="note">${escapeHtml(a.measuresIntro)}</p>${measures}
<h3>${escapeHtml(a.year)}</h3><p class="note">${escapeHtml(a.yearIntro(Number(annex.quarter.slice(0, 4))))}</p>${year}`;
}

/**
 * The rows of a table that belong to the quarter reviewed: when the table has a `period` or
 * `quarter` column holding the quarter (`2025Q4`) or its year (`2025`), those rows, and the
 * period they were chosen by; otherwise every row.
 */
function rowsOfQuarter(rows: readonly TableRow[], quarter: string): { rows: readonly TableRow[]; period: string | null } {
  const column = ['period', 'quarter'].find((c) => rows.some((r) => c in r));
  if (!column) return { rows, period: null };
  const year = quarter.slice(0, 4);
  const selected = rows.filter((r) => r[column] === quarter || r[column] === year);
  if (selected.length === 0 || selected.length === rows.length) return { rows, period: null };
  return { rows: selected, period: selected.some((r) => r[column] === quarter) ? quarter : year };
}

/** The service section's content (built from the study by `serviceSectionContent`) as HTML; its chart is added to `charts`. */
function serviceHtml(content: ServiceSectionContent, w: Wording, charts: ReviewChart[], command: string): string {
  const parts = [`<p>${escapeHtml(content.intro)}</p>`];
  for (const t of content.tables) {
    const format = Object.fromEntries(t.percent.map((c) => [c, percent]));
    parts.push(`<h3>${escapeHtml(t.title)}</h3><p class="note">${escapeHtml(t.note)}</p>`, t.rows.length === 0 ? `<p>${escapeHtml(t.empty)}</p>` : htmlTable(t.rows, w, { columns: t.columns, format }));
  }
  for (const note of content.notes) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  const chart = { id: `chart-${charts.length + 1}`, name: 'service_on_time_rates', command, figure: content.figure };
  charts.push(chart);
  const height = typeof content.figure.layout.height === 'number' ? ` style="height:${content.figure.layout.height}px"` : '';
  parts.push(`<h3>${escapeHtml(w.chartsOfSection)}</h3><figure><div id="${chart.id}" class="chart"${height}></div><figcaption>${escapeHtml(w.figure(charts.length, chartTitle(content.figure, chart.name), command))}</figcaption></figure>`);
  return parts.join('\n');
}

function chartTitle(figure: Figure, name: string): string {
  return (figureTitle(figure) ?? '').replace(/<[^>]*>/g, ' ').trim() || name;
}

/** A section's content blocks (headings, paragraphs, tables) as HTML. */
function contentHtml(content: SectionContent, w: Wording): string {
  return content
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h3>${escapeHtml(b.text)}</h3>`;
        case 'paragraph':
          return `<p${b.note ? ' class="note"' : ''}>${escapeHtml(b.text)}</p>`;
        case 'table': {
          const format = Object.fromEntries((b.percent ?? []).map((c) => [c, percent]));
          return `<p class="note"><b>${escapeHtml(b.caption)}</b></p>${htmlTable(b.rows, w, { format })}`;
        }
      }
    })
    .join('\n');
}

function sectionHtml(s: SectionResult, n: number, review: Review, w: Wording, charts: ReviewChart[]): string {
  const head = `<section class="part" id="sec-${s.id}" data-section="${s.id}"><h2>${n}. ${escapeHtml(w.sections[s.id].title)}<small>${escapeHtml(w.sections[s.id].basis)}</small></h2>`;
  if (s.status !== 'complete') {
    const text = s.reason === 'command-missing' ? w.commandMissing(s.command) : s.reason === 'no-survey' ? w.noSurvey(s.detail ?? '') : w.noSurveyModel(s.detail ?? '');
    return `${head}<p class="unavailable" data-status="${s.status}">${escapeHtml(text)}</p></section>`;
  }
  const parts: string[] = [head];
  if (s.id === 'backtest' && review.annex) parts.push(annexHtml(review.annex, review, w));
  if (s.content) parts.push(contentHtml(s.content, w));
  parts.push(`<h3>${escapeHtml(w.findingsOfSection)}</h3>${findingsTable(s.findings, review, w, false)}`);
  if (s.id === 'service' && review.service) {
    // The section's content is a function of the study; the command's full tables are in the bundle.
    parts.push(serviceHtml(serviceSectionContent(review.service, review.params.lang), w, charts, s.command));
    for (const run of s.runs) parts.push(`<p class="computed-by">${escapeHtml(w.computedBy(['awb', run.command, ...run.argv].join(' ')))}</p>`);
    parts.push('</section>');
    return parts.join('\n');
  }
  // A section run several times (the index by company, region, stage) repeats what does not
  // depend on the grouping (the path model): each table and chart is shown once.
  const shown = new Set<string>();
  const firstTime = (content: unknown) => {
    const key = JSON.stringify(content);
    if (shown.has(key)) return false;
    shown.add(key);
    return true;
  };
  for (const run of s.runs) {
    const label = s.runs.length > 1 ? ` (${escapeHtml(run.id)})` : '';
    // Findings are listed above, each once; the command's own findings table is in the bundle. A
    // section with content of its own shows that instead of its runs' tables (all in the bundle).
    const tables = s.content ? [] : Object.entries(run.output.tables ?? {}).filter(([name, rows]) => name !== 'findings' && rows.length > 0 && firstTime(rows));
    if (tables.length > 0) parts.push(`<h3>${escapeHtml(w.tablesOfSection)}${label}</h3>`);
    for (const [name, rows] of tables) {
      const file = `tables/${run.id}_${name}.csv`;
      const { rows: selected, period } = rowsOfQuarter(rows, review.params.quarter);
      const note =
        period !== null
          ? w.tableOfPeriod(period, Math.min(selected.length, MAX_TABLE_ROWS), rows.length, file)
          : rows.length > MAX_TABLE_ROWS
            ? w.tableTruncated(MAX_TABLE_ROWS, rows.length, file)
            : '';
      parts.push(`<p class="note"><b>${escapeHtml(`${run.id}_${name}`)}</b>${note ? ` — ${escapeHtml(note)}` : ''}</p>${htmlTable(selected.slice(0, MAX_TABLE_ROWS), w)}`);
    }
    const figures = Object.entries(run.output.charts ?? {}).filter(([, figure]) => firstTime(figure));
    if (figures.length > 0) parts.push(`<h3>${escapeHtml(w.chartsOfSection)}${label}</h3>`);
    for (const [name, figure] of figures) {
      const chart = { id: `chart-${charts.length + 1}`, name: `${run.id}_${name}`, command: run.command, figure };
      charts.push(chart);
      const height = typeof figure.layout.height === 'number' ? ` style="height:${figure.layout.height}px"` : '';
      parts.push(`<figure><div id="${chart.id}" class="chart"${height}></div><figcaption>${escapeHtml(w.figure(charts.length, chartTitle(figure, chart.name), run.command))}</figcaption></figure>`);
    }
    parts.push(`<p class="computed-by">${escapeHtml(w.computedBy(['awb', run.command, ...run.argv].join(' ')))}</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function appendixHtml(review: Review, w: Wording, n: number): string {
  return `<section class="part" id="sec-findings" data-section="findings"><h2>${n}. ${escapeHtml(w.allFindings)}</h2><p class="note">${escapeHtml(w.allFindingsIntro)}</p>
${findingsTable(review.findings, review, w, true)}</section>`;
}

function provenanceHtml(review: Review, hashes: ReadonlyMap<string, string>, software: string, w: Wording, n: number): string {
  const inputs = review.inputs.map((path) => ({ [w.input]: path, sha256: hashes.get(path) ?? '–' }));
  const rb = review.rulebook;
  return `<section class="part" id="sec-provenance" data-section="provenance"><h2>${n}. ${escapeHtml(w.provenance)}</h2><p class="note">${escapeHtml(w.provenanceIntro)}</p>
${htmlTable(inputs, w)}
<p><b>${escapeHtml(w.rulebook)}:</b> ${escapeHtml(`${rb.id} ${rb.version}`)} (sha256 ${escapeHtml(rb.sha256)})</p>
<p><b>${escapeHtml(w.software)}:</b> ${escapeHtml(software)}</p>
<p class="note">${escapeHtml(w.verifyHint)}</p></section>`;
}

/** A layout without a fixed width, so the chart fits the page (its height is the container's). */
function withoutWidth(layout: Figure['layout']): Record<string, unknown> {
  const { width: _width, ...rest } = layout;
  return rest;
}

/** The script that draws the charts and then marks the page ready for printing (`data-charts="ready"`). */
function chartScript(charts: readonly ReviewChart[]): string {
  const figures = charts.map((c) => ({
    id: c.id,
    data: c.figure.data,
    layout: { ...withoutWidth(c.figure.layout), autosize: true, font: { family: FONT, ...((c.figure.layout.font as object | undefined) ?? {}) } },
    config: { responsive: true, displaylogo: false, ...(c.figure.config ?? {}) },
  }));
  return `<script id="awb-figures" type="application/json">${scriptJson(figures)}</script>
<script>
(function () {
  var root = document.documentElement;
  var figures = JSON.parse(document.getElementById('awb-figures').textContent);
  Promise.all(figures.map(function (f) { return Plotly.newPlot(f.id, f.data, f.layout, f.config); })).then(
    function () { root.setAttribute('data-charts', 'ready'); },
    function (e) { root.setAttribute('data-charts', 'failed'); throw e; });
})();
</script>`;
}

/**
 * Renders a quarterly review as one self-contained HTML page: plotly.js inlined once (opens
 * offline, no CDN), every section with its findings, tables and charts, the backtest section in
 * the structure of S1 annex 2, every finding with its citation, and the inputs' SHA-256. The
 * same review gives the same bytes (no clock, no random ids). When the charts are drawn the
 * root element gets `data-charts="ready"` (what the PDF printer waits for).
 * @param hashes SHA-256 of each input, by path
 * @param software the producing software as shown (`actuarial-workbench 0.1.0`)
 */
export function reviewHtml(review: Review, hashes: ReadonlyMap<string, string>, software: string): string {
  const w = wording(review.params.lang);
  const charts: ReviewChart[] = [];
  const title = w.title(review.params.quarter);
  const sections = review.sections.map((s, i) => sectionHtml(s, i + 2, review, w, charts));
  const nAppendix = review.sections.length + 2;
  const toc = [
    `<li><a href="#sec-summary">${escapeHtml(w.summary)}</a></li>`,
    ...review.sections.map((s) => `<li><a href="#sec-${s.id}">${escapeHtml(w.sections[s.id].title)}</a></li>`),
    `<li><a href="#sec-findings">${escapeHtml(w.allFindings)}</a></li>`,
    `<li><a href="#sec-provenance">${escapeHtml(w.provenance)}</a></li>`,
  ].join('');
  const rb = review.rulebook;
  return `<!DOCTYPE html>
<html lang="${review.params.lang === 'zh' ? 'zh-CN' : 'en'}" data-charts="${charts.length === 0 ? 'ready' : 'pending'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
<script>${plotlyScript()}</script></head>
<body>
<header class="cover"><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(review.params.data)} · ${escapeHtml(quarterEndDate(review.params.quarter))} · ${escapeHtml(`${w.rulebook} ${rb.id} ${rb.version}`)} · ${escapeHtml(software)}</p>
<nav><h3>${escapeHtml(w.contents)}</h3><ol>${toc}</ol></nav></header>
${summarySection(review, w)}
${sections.join('\n')}
${appendixHtml(review, w, nAppendix)}
${provenanceHtml(review, hashes, software, w, nAppendix + 1)}
${charts.length > 0 ? chartScript(charts) : ''}
</body></html>
`;
}
