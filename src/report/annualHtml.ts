import { escapeHtml } from '../charts/html';
import { VALUE_ZH } from '../present/words';
import { FAILURE_ZH } from '../rules/internetEligibility';
import { type DocumentBlock, documentHtml, type DocumentSpec } from './document';
import { centsToYuan } from '../money/cents';
import type { Dec } from '../money/decimal';
import { formatPercent } from '../money/ratio';
import type { Finding } from '../rules/finding';
import type { QuarterBacktest } from './annualBacktests';
import { ANNUAL_LINES, type LineBusiness } from './annualBusiness';
import { type AnnualWording, annualWording } from './annualLabels';
import type { AnnualReport } from './annualReport';
import { columnLabel, type Wording, wording } from './labels';
import { narrativeHtml, type NarrativePart } from './narrative';
import { displayNumber } from './reviewHtml';

/** A cell of the report's tables: plain values, or a figure to format (percent, money in fen), or a table that was not provided. */
type Cell =
  | null
  | string
  | number
  | boolean
  | { readonly kind: 'percent'; readonly value: Dec | number | null }
  | { readonly kind: 'money'; readonly cents: number | null }
  | { readonly kind: 'not-provided'; readonly table: string };

type Row = Readonly<Record<string, Cell>>;

const pct = (value: Dec | number | null): Cell => ({ kind: 'percent', value });
const money = (cents: number | null): Cell => ({ kind: 'money', cents });

interface Render {
  readonly a: AnnualWording;
  readonly w: Wording;
}

function label(r: Render, column: string): string {
  return r.a.column[column] ?? columnLabel(r.w, column);
}

function cellHtml(value: Cell, r: Render): string {
  if (value === null) return '<td>–</td>';
  if (typeof value === 'number') return `<td class="num">${escapeHtml(displayNumber(value))}</td>`;
  if (typeof value === 'boolean') return `<td>${value ? r.w.yes : r.w.no}</td>`;
  if (typeof value === 'string') return `<td>${escapeHtml(value)}</td>`;
  if (value.kind === 'percent') return `<td class="num">${value.value === null ? '–' : escapeHtml(formatPercent(typeof value.value === 'number' ? String(value.value) : value.value, 2))}</td>`;
  if (value.kind === 'money') return `<td class="num">${value.cents === null ? '–' : escapeHtml(displayNumber(centsToYuan(value.cents).toNumber()))}</td>`;
  return `<td class="np">${escapeHtml(r.a.notProvided(value.table))}</td>`;
}

function table(rows: readonly Row[], r: Render, empty?: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(empty ?? r.a.none)}</p>`;
  const columns = Object.keys(rows[0]);
  const wide = columns.length > 9 ? ' class="wide"' : '';
  const head = columns.map((c) => `<th>${escapeHtml(label(r, c))}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((c) => cellHtml(row[c] ?? null, r)).join('')}</tr>`).join('\n');
  return `<table${wide}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const note = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;
const notProvided = (r: Render, t: 'insured_persons' | 'channels' | 'outlets' | 'product_events' | 'reinsurance') => `<p class="np" data-not-provided="${t}">${escapeHtml(r.a.notProvidedNote(t, r.a.optionalTable[t]))}</p>`;

function findingsTable(findings: readonly Finding[], r: Render, lang: string): string {
  return table(
    findings.map((f) => ({ rule_id: f.rule_id, product_code: f.product_code ?? null, period: f.period ?? null, message: lang === 'zh' && f.message_zh ? f.message_zh : f.message })),
    r,
    r.a.noFindings,
  );
}

function lineHtml(l: LineBusiness, report: AnnualReport, r: Render): string {
  const year = report.options.year;
  const missing = new Set(report.not_provided);
  const head = `<h3 id="line-${l.line}">${escapeHtml(r.a.lines[l.line])}</h3>`;
  if (l.products.length === 0) return `${head}<p>${escapeHtml(r.a.noProducts(r.a.lineName[l.line], year))}</p>`;
  const insured = (n: number | null): Cell => (missing.has('insured_persons') ? { kind: 'not-provided', table: 'insured_persons' } : n);
  const parts = [head, `<h4>${escapeHtml(r.a.development)}</h4>`];
  parts.push(table([{ premium_income: money(l.premium_income), policies_sold: l.policies_sold, insured_persons: insured(l.insured_persons) }], r));
  if (missing.has('insured_persons')) parts.push(notProvided(r, 'insured_persons'));
  parts.push(`<h4>${escapeHtml(r.a.structure)}</h4>`, note(r.a.productsNote));
  parts.push(
    table(
      l.products.map((p) => ({
        product_code: p.product_code,
        product_name: p.product_name,
        form: r.w.annex.line[p.form] ?? p.form,
        term_months: p.term_months,
        premium_mode: p.premium_mode === null ? null : (r.w.value[p.premium_mode] ?? p.premium_mode),
        premium_income: money(p.premium_income),
        premium_share: pct(p.premium_share),
        policies_sold: p.policies_sold,
        insured_persons: insured(p.insured_persons),
      })),
      r,
    ),
  );
  parts.push(note(r.a.termsNote), table(l.terms.map((t) => ({ band: r.a.band[t.band], premium_income: money(t.premium_income), share: pct(t.share) })), r));
  parts.push(note(r.a.platformsNote));
  parts.push(l.platforms === null ? notProvided(r, 'channels') : table(l.platforms.map((p) => ({ platform: r.a.platform[p.platform], policies: p.policies, premium: money(p.premium), share: pct(p.premium_share) })), r));
  parts.push(`<h4>${escapeHtml(r.a.sustainability)}</h4>`, note(r.a.sustainabilityNote));
  parts.push(
    table(
      [
        {
          earned_premium: money(l.earned_premium),
          incurred_claims: money(l.incurred_claims),
          loss_ratio: pct(l.loss_ratio),
          expenses: money(l.expenses),
          expense_rate: pct(l.expense_rate),
          ceded_premium: money(l.ceded_premium),
          ceded_claims: money(l.ceded_claims),
          underwriting_result: money(l.underwriting_result),
          investment_income: money(l.investment_income),
        },
      ],
      r,
    ),
  );
  if (l.line === 'health') {
    parts.push(`<h4>${escapeHtml(r.a.regions)}</h4>`, note(r.a.regionsNote));
    const regions = report.business.health_regions.map((g) => ({
      region: g.region,
      policies: g.policies,
      premium: money(g.premium),
      ...(missing.has('outlets') ? {} : { provincial_branch: g.provincial_branch, outlets: g.outlets, partner: g.partner }),
    }));
    parts.push(table(regions, r));
    if (missing.has('outlets')) parts.push(notProvided(r, 'outlets'));
  }
  return parts.join('\n');
}

function businessHtml(report: AnnualReport, r: Render): string {
  return ANNUAL_LINES.map((line) => lineHtml(report.business.lines.find((l) => l.line === line)!, report, r)).join('\n');
}

function eligibilityHtml(report: AnnualReport, r: Render): string {
  const e = report.eligibility;
  const lang = report.options.lang;
  const q4 = `${report.options.year}Q4`;
  const quarters = e.quarters.map((q) => ({
    quarter: q.quarter,
    comprehensive_solvency_ratio: pct(q.row.comprehensive_solvency_ratio),
    core_solvency_ratio: pct(q.row.core_solvency_ratio),
    risk_rating: q.row.risk_rating,
    risk_class: q.risk_class,
    reserve_coverage_ratio: pct(q.coverage?.ratio ?? null),
    governance_grade: q.row.governance_grade,
  }));
  const verdicts = e.verdicts.map((v) => ({ rule: v.rule_id, window: `${v.window[0]}–${v.window[v.window.length - 1]}`, eligible: v.eligible, failures: (lang === 'zh' ? v.failures.map((f) => `${f.quarter}：${FAILURE_ZH[f.kind]}未达标`).join('；') : v.failures.map((f) => f.detail).join('; ')) || null }));
  const penalty = e.major_penalty_last_year === null ? '–' : e.major_penalty_last_year ? r.w.yes : r.w.no;
  const parts = [
    `<h3 id="basics">${escapeHtml(r.a.basics)}</h3>`,
    note(r.a.capitalNote),
    table(quarters, r),
    note(r.a.verdictsNote(q4)),
    table(verdicts, r),
    `<p>${escapeHtml(r.a.governance(e.governance_grade ?? '–', penalty))}</p>`,
    `<h4>${escapeHtml(r.a.compliance)}</h4>`,
    note(r.a.complianceNote),
    findingsTable(e.compliance, r, lang),
    `<h3 id="scope">${escapeHtml(r.a.scope)}</h3>`,
    `<p data-scope-adjustment="${e.scope_adjustment.required}">${escapeHtml(e.scope_adjustment.required ? r.a.scopeRequired : r.a.scopeNotRequired)}</p>`,
  ];
  if (e.scope_adjustment.required) parts.push(table(e.scope_adjustment.reasons.map((s) => ({ rule: s.rule_id, product_code: s.products.join(', '), detail: lang === 'zh' && s.detail_zh ? s.detail_zh : s.detail })), r));
  parts.push(`<h3 id="products">${escapeHtml(r.a.productList)}</h3>`, `<h4>${escapeHtml(r.a.onSale(`${report.options.year}-12-31`))}</h4>`);
  parts.push(table(e.on_sale.map((p) => ({ product_code: p.product_code, product_name: p.product_name, line: r.a.lineName[p.line], term_months: p.term_months, launch_date: p.launch_date })), r));
  const events = (list: typeof e.withdrawn) => table((list ?? []).map((x) => ({ product_code: x.product_code, product_name: x.product_name, event: r.a.event[x.event], date: x.date, reason: x.reason, reference: x.reference })), r);
  parts.push(`<h4>${escapeHtml(r.a.withdrawn)}</h4>`, e.withdrawn === null ? notProvided(r, 'product_events') : events(e.withdrawn));
  parts.push(`<h4>${escapeHtml(r.a.newProducts)}</h4>`, e.new_products === null ? notProvided(r, 'product_events') : events(e.new_products));
  return parts.join('\n');
}

function quarterHtml(q: QuarterBacktest, n: number, report: AnnualReport, r: Render): string {
  const x = r.w.annex;
  const scope = q.scope.map((s) => ({
    product_code: s.product_code,
    product_name: s.product_name,
    line: x.line[s.line] ?? s.line,
    internet: s.internet,
    term_months: s.term_months,
    premium_mode: s.premium_mode === null ? null : (r.w.value[s.premium_mode] ?? s.premium_mode),
    launch_date: s.launch_date,
    premium_income: s.premium_income,
    ceded_share: pct(s.ceded_share),
    ceded_claims_share: pct(s.ceded_claims_share),
  }));
  const indicators = q.indicators.map((i) => ({
    product_code: i.product_code,
    indicator: x.indicator[i.indicator] ?? i.indicator,
    exposure: i.exposure,
    actual: i.actual,
    expected: i.expected,
    ae: i.ae,
    deviation: i.deviation,
    ci_low: i.ci_low,
    ci_high: i.ci_high,
    credibility: i.credibility,
  }));
  const reasons = q.indicators.map((i) => ({
    product_code: i.product_code,
    indicator: x.indicator[i.indicator] ?? i.indicator,
    ae: i.ae,
    assessment: x.assessment({ ae: i.ae, ciLow: i.ci_low, ciHigh: i.ci_high, credibility: i.credibility, persistent: i.persistent_periods }),
    measure: i.measure === null ? null : (x.measure[i.measure] ?? i.measure),
  }));
  const treaties = q.treaties === null ? notProvided(r, 'reinsurance') : table(q.treaties.map((t) => ({ ...t, ceded_share: pct(t.ceded_share) })), r);
  return `<h3 id="bt-${q.quarter}" data-quarter="${q.quarter}">${escapeHtml(r.a.quarterHeading(n, q.quarter))}</h3>
<p>${escapeHtml(r.a.quarterIntro({ quarter: q.quarter, asOf: q.as_of, from: q.from, products: q.scope.length, indicators: q.indicators.length }))}</p>
<h4>${escapeHtml(x.scope)}</h4>${note(x.scopeIntro)}${table(scope, r)}
<h4>${escapeHtml(r.a.treaties)}</h4>${treaties}
<h4>${escapeHtml(x.indicators)}</h4>${note(x.indicatorsIntro)}${table(indicators, r, x.noCells(q.quarter))}
<h4>${escapeHtml(x.reasons)}</h4>${note(x.reasonsIntro)}${table(reasons, r, x.noCells(q.quarter))}
<h4>${escapeHtml(x.measures)}</h4>${note(x.measuresIntro)}${q.measures.length === 0 ? `<p>${escapeHtml(x.noMeasure)}</p>` : findingsTable(q.measures, r, report.options.lang)}`;
}

function backtestHtml(report: AnnualReport, r: Render): string {
  const j = report.judgement;
  const overview = j.quarters.map((q) => ({ quarter: q.quarter, as_of: q.as_of, method: r.a.method(q.basis, q.from), products: q.products, indicators: q.indicators, attention: q.measures.attention, adjust: q.measures.adjust, report: q.measures.report, disclose: q.measures.disclose }));
  const measure = (l: string | null) => (l === null ? null : (r.w.annex.measure[l] ?? l));
  const overYear = j.indicators.map((i) => ({ product_code: i.product_code, indicator: r.w.annex.indicator[i.indicator] ?? i.indicator, q1: measure(i.levels[0]), q2: measure(i.levels[1]), q3: measure(i.levels[2]), q4: measure(i.levels[3]) }));
  return [
    `<h3 id="bt-year">${escapeHtml(r.a.backtestYear)}</h3>`,
    note(r.a.backtestYearNote),
    table(overview, r),
    `<h4>${escapeHtml(r.a.overTheYear)}</h4>`,
    note(r.a.overTheYearNote),
    table(overYear, r),
    `<p data-verdict="${j.verdict}"><b>${escapeHtml(r.a.verdict(j.verdict, j.revise))}</b></p>`,
    ...report.backtests.map((q, i) => quarterHtml(q, i + 1, report, r)),
  ].join('\n');
}

function narrativeSection(part: NarrativePart | null, report: AnnualReport, r: Render): string {
  if (part === null || report.narrative === null) return `<p class="np" data-not-provided="narrative">${escapeHtml(r.a.noNarrative)}</p>`;
  return `${note(r.a.narrativeOf(report.narrative.file, report.narrative.sha256, part.line))}<div class="narrative">${narrativeHtml(part)}</div>`;
}

/**
 * Renders the annual report on internet life business (S1 §17, annex 2) as one self-contained HTML
 * page through the document frame the quarterly review uses (`documentHtml`): a cover with the
 * facts that identify the report, a contents page (page numbers written in when printed by
 * `printDocument`), the five parts in the annex's order with their own numbers, and the
 * appendices: the tables not provided and the inputs with their SHA-256. Parts 四 and 五 are the
 * chief actuary's Markdown rendered with raw HTML escaped. No clock and no random ids: the same
 * report gives the same bytes.
 * @param hashes SHA-256 of each input, by path
 * @param software the producing software as shown (`actuarial-workbench 0.1.0`)
 * @example annualReportHtml(report, hashes, 'actuarial-workbench 0.1.0').startsWith('<!DOCTYPE html>') // true
 */
export function annualReportHtml(report: AnnualReport, hashes: ReadonlyMap<string, string>, software: string): string {
  return documentHtml(annualDocument(report, hashes, software));
}

/** The annual report as a document: cover, the five parts of annex 2, the appendices. */
function annualDocument(report: AnnualReport, hashes: ReadonlyMap<string, string>, software: string): DocumentSpec {
  const lang = report.options.lang;
  const r: Render = { a: annualWording(lang), w: wording(lang) };
  const year = report.options.year;
  const title = r.a.title(year);
  const rb = report.rulebook;
  const d = r.w.document;
  const html = (text: string): DocumentBlock[] => [{ kind: 'html', html: text }];
  const bodies = [businessHtml(report, r), eligibilityHtml(report, r), backtestHtml(report, r), narrativeSection(report.narrative?.risks ?? null, report, r), narrativeSection(report.narrative?.plans ?? null, report, r)];
  const missing =
    report.not_provided.length === 0
      ? `<p>${escapeHtml(r.a.allProvided)}</p>`
      : `<ul>${report.not_provided.map((t) => `<li class="np" data-not-provided="${t}">${escapeHtml(r.a.notProvidedNote(t, r.a.optionalTable[t]))}</li>`).join('')}</ul>`;
  const inputs = report.inputs.map((path) => ({ input: path, sha256: hashes.get(path) ?? null }));
  return {
    lang,
    title,
    cover: {
      title,
      company: report.options.data,
      facts: [
        { label: d.data, value: report.options.data },
        { label: d.asOf, value: `${year}-12-31` },
        { label: r.w.rulebook, value: `${rb.id} ${rb.version}` },
        { label: r.w.software, value: software },
      ],
      signOff: null,
    },
    sections: bodies.map((body, i) => ({ id: `part-${i + 1}`, title: r.a.parts[i], heading: r.a.parts[i], blocks: html(i === 0 ? `${note(r.a.filing)}\n${body}` : body) })),
    appendices: [
      { id: 'not-provided', title: r.a.notProvidedHeading, heading: r.a.notProvidedHeading, blocks: html(`${note(r.a.notProvidedIntro)}${missing}`) },
      {
        id: 'provenance',
        title: r.a.provenance,
        heading: r.a.provenance,
        blocks: html(`${note(r.a.provenanceIntro)}${table(inputs, r)}\n<p>${escapeHtml(`${r.w.rulebook}: ${rb.id} ${rb.version} (SHA-256 ${rb.sha256})`)}</p><p class="note">${escapeHtml(r.a.verifyHint)}</p>`),
      },
    ],
    wording: { contents: r.a.contents, page: r.w.page, appendix: d.appendix, part: d.part, values: lang === 'zh' ? { ...VALUE_ZH, ...r.w.value } : r.w.value },
  };
}
