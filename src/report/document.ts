import type { Figure } from '../charts/figure';
import { escapeHtml, plotlyScript, scriptJson } from '../charts/html';
import { printFigure } from '../charts/printFigure';
import type { Lang } from '../present/column';
import type { TypedTable } from '../present/typedTable';
import { LANDSCAPE_COLUMNS, PORTRAIT_COLUMNS, tableHtml } from './tableHtml';

/**
 * What a document section shows, in order: HTML the caller built (paragraphs, findings), a typed
 * table (formatted by kind, split when wide), or a chart (drawn by plotly when the page opens).
 */
export type DocumentBlock =
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'table'; readonly table: TypedTable; readonly caption: string; readonly note?: string }
  | { readonly kind: 'chart'; readonly figure: Figure; readonly title: string; readonly caption: string };

/** A numbered part of a document (`2. Pricing backtests`), or an appendix (`Appendix A`). */
export interface DocumentSection {
  /** The anchor of the section (`sec-<id>`), unique in the document; the contents link to it. */
  readonly id: string;
  readonly title: string;
  /**
   * The heading as shown, for a title that carries its own number (annex 2's `一、…`, `附录A　…`);
   * default: the section's number (or appendix letter) and its title.
   */
  readonly heading?: string;
  /** The basis shown beside the title (the regulation it follows). */
  readonly basis?: string;
  readonly blocks: readonly DocumentBlock[];
  /** Printed on landscape pages, for wide tables (an appendix of full tables). */
  readonly landscape?: boolean;
}

/** The sign-off block of the cover: who signs, with room for the signature and the date. */
export interface SignOff {
  readonly heading: string;
  /** The statement the signatory signs. */
  readonly statement: string;
  /** Each signing role with the name given (`--signatory`), or null for a blank line. */
  readonly signatories: readonly { readonly role: string; readonly name: string | null }[];
  readonly nameLabel: string;
  readonly signatureLabel: string;
  readonly dateLabel: string;
}

/** The cover page: the title, whose document it is, the facts that identify it, and the sign-off. */
export interface DocumentCover {
  readonly title: string;
  /** The company (or the data folder when no company is named). */
  readonly company: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly signOff: SignOff | null;
}

/** A whole document: cover, contents, numbered sections, lettered appendices. */
export interface DocumentSpec {
  readonly lang: Lang;
  readonly title: string;
  readonly cover: DocumentCover;
  readonly sections: readonly DocumentSection[];
  readonly appendices: readonly DocumentSection[];
  readonly wording: DocumentWording;
}

/** The words of the document's frame in its language. */
export interface DocumentWording {
  readonly contents: string;
  readonly page: string;
  /** `Appendix A`, `附录A`. */
  readonly appendix: (letter: string) => string;
  /** `Table part 1 of 2 (the first columns repeat)`. */
  readonly part: (n: number, of: number) => string;
  /** Display words of coded values in cells. */
  readonly values: Readonly<Record<string, string>>;
}

/** The font every page and chart uses: Noto Sans CJK covers Latin and Chinese, so both languages print alike. */
export const DOCUMENT_FONT = '"Noto Sans CJK SC", "Noto Sans CJK", "Noto Sans", sans-serif';

/** Chart height on the page, in CSS pixels: two charts and their captions fit an A4 page. */
export const CHART_HEIGHT_PX = 300;

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
@page landscape { size: A4 landscape; margin: 14mm 14mm 16mm 14mm; }
html { font-family: ${DOCUMENT_FONT}; color: #1b1b1b; }
body { margin: 24px auto; max-width: 1060px; font-size: 10.5pt; line-height: 1.45; padding: 0 16px; }
h1 { font-size: 22pt; margin: 0 0 6px; } h2 { font-size: 14pt; border-bottom: 2px solid #27496d; padding-bottom: 3px; margin: 0 0 10px; }
h3 { font-size: 11.5pt; margin: 16px 0 6px; color: #27496d; break-after: avoid; } h2 small { font-weight: normal; font-size: 9pt; color: #666; margin-left: 8px; }
h4 { font-size: 10pt; margin: 10px 0 2px; break-after: avoid; }
p.caption { margin: 10px 0 2px; font-size: 9pt; break-after: avoid; } p.part-of { font-size: 8pt; color: #555; margin: 6px 0 0; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; font-size: 8pt; }
table.keep { break-inside: avoid; }
th, td { border: 1px solid #c8c8c8; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal; }
th { background: #eef2f6; font-weight: bold; } th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } td.code { white-space: nowrap; }
thead { display: table-header-group; break-inside: avoid; break-after: avoid; } tr { break-inside: avoid; }
.sev { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff; font-size: 8pt; white-space: nowrap; }
.sev-critical { background: #a4161a; } .sev-major { background: #d9480f; } .sev-minor { background: #b08900; } .sev-info { background: #5c7080; }
.status-unavailable, .status-not-applicable { color: #8a3b00; font-weight: bold; }
.note { color: #555; font-size: 8.5pt; } .computed-by { font-family: monospace; font-size: 7.5pt; color: #555; overflow-wrap: anywhere; }
.unavailable { border: 1px dashed #8a3b00; padding: 8px 12px; background: #fff7ef; }
figure { margin: 8px 0 14px; break-inside: avoid; } figcaption { font-size: 8pt; color: #444; }
td.np, p.np, li.np { color: #8a3b00; font-style: italic; } table.wide { font-size: 7pt; } table.wide td.num { white-space: normal; }
.narrative { border-left: 3px solid #27496d; padding: 2px 12px; background: #f7f9fb; } .narrative h3 { color: #1b1b1b; }
.chart { width: 100%; height: ${CHART_HEIGHT_PX}px; }
.cover { min-height: 240mm; display: flex; flex-direction: column; }
.cover .company { font-size: 15pt; margin: 60px 0 4px; } .cover h1 { font-size: 24pt; margin: 0 0 30px; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; font-size: 10pt; margin: 0 0 40px; } .cover dt { color: #555; } .cover dd { margin: 0; overflow-wrap: anywhere; }
.signoff { margin-top: auto; border: 1px solid #27496d; padding: 10px 14px; break-inside: avoid; } .signoff h3 { margin-top: 0; }
.signoff table { font-size: 9.5pt; } .signoff td { height: 26px; vertical-align: bottom; }
nav.contents ol { list-style: none; padding: 0; font-size: 10.5pt; } nav.contents li { margin: 5px 0; } nav.contents a { display: flex; gap: 6px; }
nav.contents .dots { flex: 1; border-bottom: 1px dotted #999; margin-bottom: 5px; } nav.contents .pg { min-width: 2em; }
section.landscape { page: landscape; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; } .cover, nav.contents, section.part { break-after: page; } a { color: inherit; text-decoration: none; } }
`;

/** A section's heading text with its number or appendix letter. */
function numbered(spec: DocumentSpec): { section: DocumentSection; label: string }[] {
  return [
    ...spec.sections.map((section, i) => ({ section, label: section.heading ?? `${i + 1}. ${section.title}` })),
    ...spec.appendices.map((section, i) => ({ section, label: section.heading ?? `${spec.wording.appendix(String.fromCharCode(65 + i))} ${section.title}` })),
  ];
}

function coverHtml(cover: DocumentCover): string {
  const facts = cover.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('');
  const s = cover.signOff;
  const signOff = s
    ? `<div class="signoff"><h3>${escapeHtml(s.heading)}</h3><p>${escapeHtml(s.statement)}</p><table><thead><tr><th></th><th>${escapeHtml(s.nameLabel)}</th><th>${escapeHtml(s.signatureLabel)}</th><th>${escapeHtml(s.dateLabel)}</th></tr></thead><tbody>${s.signatories
        .map((r) => `<tr><td class="code">${escapeHtml(r.role)}</td><td>${escapeHtml(r.name ?? '')}</td><td></td><td></td></tr>`)
        .join('')}</tbody></table></div>`
    : '';
  return `<header class="cover"><p class="company">${escapeHtml(cover.company)}</p><h1>${escapeHtml(cover.title)}</h1><dl>${facts}</dl>${signOff}</header>`;
}

/**
 * The contents: one link per part, each a whole row (label, dots, and room for the page number,
 * which `printDocument` writes into the printed PDF at the link's right end; none on screen).
 */
function contentsHtml(spec: DocumentSpec): string {
  const items = numbered(spec)
    .map(({ section, label }) => `<li><a href="#sec-${escapeHtml(section.id)}"><span>${escapeHtml(label)}</span><span class="dots"></span><span class="pg"></span></a></li>`)
    .join('');
  return `<nav class="contents"><h2>${escapeHtml(spec.wording.contents)}</h2><ol>${items}</ol></nav>`;
}

interface PlacedChart {
  readonly id: string;
  readonly figure: Figure;
}

function blockHtml(block: DocumentBlock, spec: DocumentSpec, landscape: boolean, charts: PlacedChart[]): string {
  switch (block.kind) {
    case 'html':
      return block.html;
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'table': {
      const note = block.note ? ` <span class="note">${escapeHtml(block.note)}</span>` : '';
      const table = tableHtml(block.table, spec.lang, { width: landscape ? LANDSCAPE_COLUMNS : PORTRAIT_COLUMNS, values: spec.wording.values, part: spec.wording.part });
      return `<p class="caption"><b>${escapeHtml(block.caption)}</b>${note}</p>${table}`;
    }
    case 'chart': {
      const id = `chart-${charts.length + 1}`;
      const figure = printFigure(block.figure, CHART_HEIGHT_PX);
      charts.push({ id, figure });
      // The box is as tall as the figure (a path diagram or a bar per branch is taller than the default).
      return `<figure><h4>${escapeHtml(block.title)}</h4><div id="${id}" class="chart" style="height:${figure.layout.height}px"></div><figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    }
  }
}

/** The script that draws the charts and then marks the page ready for printing (`data-charts="ready"`). */
function chartScript(charts: readonly PlacedChart[]): string {
  const figures = charts.map((c) => ({
    id: c.id,
    data: c.figure.data,
    layout: { ...c.figure.layout, autosize: true, font: { family: DOCUMENT_FONT, ...((c.figure.layout.font as object | undefined) ?? {}) } },
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
 * A document as one self-contained HTML page, for the screen and for printing: a cover (company,
 * title, identifying facts, sign-off block), a contents page (page numbers are written into the
 * printed PDF by `printDocument`), the numbered sections and the lettered appendices, each starting a new
 * page (appendices marked `landscape` on landscape pages), plotly.js inlined once when there are charts. Tables are
 * typed (`tableHtml`), charts printed at the page's width (`printFigure`). The same spec gives the
 * same bytes; the root element gets `data-charts="ready"` when the charts are drawn. Any report
 * (the quarterly review, an annual report) builds its spec and calls this.
 * @example documentHtml({ lang: 'en', title: 'Review', cover, sections: [{ id: 'summary', title: 'Summary', blocks: [] }], appendices: [], wording })
 */
export function documentHtml(spec: DocumentSpec): string {
  const charts: PlacedChart[] = [];
  const parts = numbered(spec).map(({ section, label }) => {
    const landscape = section.landscape === true;
    const basis = section.basis ? `<small>${escapeHtml(section.basis)}</small>` : '';
    const body = section.blocks.map((b) => blockHtml(b, spec, landscape, charts)).join('\n');
    return `<section class="part${landscape ? ' landscape' : ''}" id="sec-${escapeHtml(section.id)}" data-section="${escapeHtml(section.id)}"><h2>${escapeHtml(label)}${basis}</h2>\n${body}\n</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${spec.lang === 'zh' ? 'zh-CN' : 'en'}" data-charts="${charts.length === 0 ? 'ready' : 'pending'}"><head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title>
<style>${STYLE}</style>
${charts.length > 0 ? `<script>${plotlyScript()}</script>` : ''}</head>
<body>
${coverHtml(spec.cover)}
${contentsHtml(spec)}
${parts.join('\n')}
${charts.length > 0 ? chartScript(charts) : ''}
</body></html>
`;
}
