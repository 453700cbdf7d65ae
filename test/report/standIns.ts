import { requiredText, optionalText } from '../../src/commands/args';
import { type CommandOutput, type CommandSpec, defineCommand, type RunContext } from '../../src/commands/command';
import { commandParams } from '../../src/commands/commandOptions';
import { reviewCommand } from '../../src/commands/review';
import { findCommand } from '../../src/commandRegistry';
import { loadTable, requireTableFile } from '../../src/data/readTable';
import type { CommandLookup } from '../../src/evidence/fileEvidence';
import { centsToYuan } from '../../src/money/cents';
import { loadRulebook, getRule } from '../../src/rules/rulebook';
import { makeFinding } from '../../src/rules/finding';
import { quarterlyReview } from '../../src/report/quarterlyReview';
import type { AnnexBacktest, AnnexCell } from '../../src/report/backtestAnnex';
import type { RunResult, SectionStandIns, StandInSection } from '../../src/report/composeReview';
import { backtestRun, eligibilityRun, expenseRun, icsiRun, latestCompleteYear, lossratioRun, type ReviewParams, type RunRecord } from '../../src/report/reviewPlan';
import type { Finding } from '../../src/rules/finding';
import { SILENT_PROGRESS } from '../../src/progress';
import type { Data } from '../../src/studies/openData';
import { reviewUltimateMethod } from '../../src/studies/review';
import { dirname, join } from 'node:path';

/*
 * Stand-ins for the section commands, for testing how the review composes commands it does not
 * own. Each reads the fixture tables through the data layer and answers in the JSON shape of
 * DOMAIN.md; the figures are simple and deterministic, not actuarial estimates.
 */

const bar = (title: string, x: string[], y: number[]) => ({ data: [{ type: 'bar', x, y }], layout: { title: { text: title } } });

/** backtest: a loss-ratio cell per product and quarter (incurred ÷ earned from the ledger) against 0.5. */
export const backtestStandIn = defineCommand({
  name: 'backtest',
  summary: 'stand-in',
  examples: [],
  configure: (c) => c.requiredOption('--data <dir>').requiredOption('--basis <b>').requiredOption('--as-of <date>').option('--rules <file>'),
  parse: (o) => ({ data: requiredText(o, 'data'), basis: requiredText(o, 'basis'), as_of: requiredText(o, 'as-of'), rules: optionalText(o, 'rules') }),
  run: async (p) => {
    const file = requireTableFile(p.data, 'finance');
    const finance = await loadTable(file, 'finance');
    const cells = finance.rows.map((r) => {
      const earned = r.premium_income + r.upr_opening - r.upr_closing;
      const incurred = r.claims_paid + r.ocr_closing - r.ocr_opening;
      const actual = incurred / earned;
      return { indicator: 'loss_ratio', product_code: r.product_code, period: r.period, exposure: earned / 100, actual, expected: 0.5, ae: actual / 0.5, ci_low: actual / 0.5 - 0.05, ci_high: actual / 0.5 + 0.05, credibility: 1 };
    });
    const rule = getRule(loadRulebook(p.rules ?? undefined), 'BT-MEASURE');
    const findings = cells
      .filter((c) => c.ae > 1.05)
      .map((c) => makeFinding(rule, { message: `${c.product_code} loss ratio A/E ${c.ae.toFixed(3)} in ${c.period}: attention`, product_code: c.product_code, period: c.period, values: { measure: 'attention', ae: c.ae }, severity: 'minor' }));
    return {
      json: { cells, findings },
      text: 'backtest stand-in',
      inputs: [file],
      tables: { cells },
      charts: { ae: bar('A/E by quarter', cells.map((c) => `${c.product_code} ${c.period}`), cells.map((c) => c.ae)) },
    };
  },
});

/** lossratio: yearly loss ratios per product; a finding when below 0.5. */
export const lossratioStandIn = defineCommand({
  name: 'lossratio',
  summary: 'stand-in',
  examples: [],
  configure: (c) => c.requiredOption('--data <dir>').option('--year <y>').option('--rules <file>'),
  parse: (o) => ({ data: requiredText(o, 'data'), year: optionalText(o, 'year'), rules: optionalText(o, 'rules') }),
  run: async (p) => {
    const file = requireTableFile(p.data, 'finance');
    const finance = await loadTable(file, 'finance');
    const codes = [...new Set(finance.rows.map((r) => r.product_code))];
    const rows = codes.map((code) => {
      const mine = finance.rows.filter((r) => r.product_code === code);
      const earned = mine.reduce((s, r) => s + r.premium_income + r.upr_opening - r.upr_closing, 0);
      const incurred = mine.reduce((s, r) => s + r.claims_paid + r.ocr_closing - r.ocr_opening, 0);
      return { product_code: code, period: '2025', earned_premium: centsToYuan(earned).toNumber(), incurred_claims: centsToYuan(incurred).toNumber(), loss_ratio: incurred / earned };
    });
    const rule = getRule(loadRulebook(p.rules ?? undefined), 'ACC-LR-STOP');
    const findings = rows.filter((r) => r.loss_ratio < 0.3).map((r) => makeFinding(rule, { message: `${r.product_code} must stop selling`, message_zh: `${r.product_code} 应停售`, product_code: r.product_code, period: r.period, values: { loss_ratio: r.loss_ratio } }));
    return { json: { loss_ratios: rows, findings }, text: 'lossratio stand-in', inputs: [file], tables: { loss_ratios: rows }, charts: { loss_ratio: bar('Loss ratio 2025', rows.map((r) => r.product_code), rows.map((r) => r.loss_ratio)) } };
  },
});

/** expense: loadings from the products table; ILI-EXP-AVG when a long-term average loading exceeds 25%. */
export const expenseStandIn = defineCommand({
  name: 'expense',
  summary: 'stand-in',
  examples: [],
  configure: (c) => c.requiredOption('--data <dir>').option('--rules <file>'),
  parse: (o) => ({ data: requiredText(o, 'data'), rules: optionalText(o, 'rules') }),
  run: async (p) => {
    const file = requireTableFile(p.data, 'products');
    const products = await loadTable(file, 'products');
    const rows = products.rows.map((r) => ({ product_code: r.product_code, loading_first_year: r.loading_first_year?.toNumber() ?? null, loading_average: r.loading_average?.toNumber() ?? null }));
    const rule = getRule(loadRulebook(p.rules ?? undefined), 'ILI-EXP-AVG');
    const findings = products.rows
      .filter((r) => r.term_months > 12 && r.loading_average !== null && r.loading_average.gt('0.23'))
      .map((r) => makeFinding(rule, { message: `${r.product_code} average loading within 1 point of the cap`, product_code: r.product_code, values: { loading_average: r.loading_average!.toNumber() }, severity: 'info' }));
    return { json: { products: rows, findings }, text: 'expense stand-in', inputs: [file], tables: { products: rows } };
  },
});

/** eligibility: each quarter's solvency; a finding for a quarter below 120%. */
export const eligibilityStandIn = defineCommand({
  name: 'eligibility',
  summary: 'stand-in',
  examples: [],
  configure: (c) => c.requiredOption('--data <dir>').option('--quarter <q>').option('--rules <file>'),
  parse: (o) => ({ data: requiredText(o, 'data'), quarter: optionalText(o, 'quarter'), rules: optionalText(o, 'rules') }),
  run: async (p) => {
    const file = requireTableFile(p.data, 'solvency');
    const solvency = await loadTable(file, 'solvency');
    const rows = solvency.rows.map((r) => ({ quarter: r.quarter, comprehensive_solvency_ratio: r.comprehensive_solvency_ratio.toNumber() }));
    const rule = getRule(loadRulebook(p.rules ?? undefined), 'ILI-ELIG');
    const findings = solvency.rows
      .filter((r) => r.comprehensive_solvency_ratio.lt('1.2'))
      .map((r) => makeFinding(rule, { message: `Comprehensive solvency ${r.comprehensive_solvency_ratio} below 120% in ${r.quarter}: the window ending ${p.quarter} fails`, period: r.quarter, values: { comprehensive_solvency_ratio: r.comprehensive_solvency_ratio.toNumber() } }));
    return { json: { quarters: rows, findings }, text: 'eligibility stand-in', inputs: [file], tables: { quarters: rows }, charts: { solvency: bar('Solvency', rows.map((r) => r.quarter), rows.map((r) => r.comprehensive_solvency_ratio)) } };
  },
});

/**
 * icsi: the mean of the items per group on 0–100. `careless` also files each respondent's phone
 * number, as a command that forgot S3 art. 34 would.
 */
function icsiStandIn(careless: boolean): CommandSpec {
  return defineCommand({
    name: 'icsi',
    summary: 'stand-in',
    examples: [],
    configure: (c) => c.requiredOption('--survey <file>').requiredOption('--model <file>').option('--by <col>'),
    parse: (o) => ({ survey: requiredText(o, 'survey'), model: requiredText(o, 'model'), by: optionalText(o, 'by') }),
    run: async (p) => {
      const survey = await loadTable(p.survey, 'survey');
      const items = survey.attributeColumns.filter((c) => /^[A-Z]+\d$/.test(c));
      const score = (rows: typeof survey.rows) => {
        const values = rows.flatMap((r) => items.map((i) => Number(r.attributes[i])));
        return Math.round(((values.reduce((s, v) => s + v, 0) / values.length - 1) / 9) * 100 * 100) / 100;
      };
      const by = p.by as 'company' | 'region' | 'stage' | null;
      const groups = by === null ? [] : [...new Set(survey.rows.map((r) => r[by] ?? ''))].sort().map((g) => ({ group: g, n: survey.rows.filter((r) => r[by] === g).length, index: score(survey.rows.filter((r) => r[by] === g)) }));
      return {
        json: { index: { Overall: score(survey.rows) }, groups, findings: [] },
        text: 'icsi stand-in',
        inputs: [p.survey, p.model],
        tables: { groups, ...(careless ? { contacts: survey.rows.map((r) => ({ phone: String(r.attributes.phone) })) } : {}) },
        charts: { groups: bar(`Index by ${by}`, groups.map((g) => g.group), groups.map((g) => g.index)) },
      };
    },
  }) as unknown as CommandSpec;
}

const SECTION_STAND_INS: readonly CommandSpec[] = [backtestStandIn, lossratioStandIn, expenseStandIn, eligibilityStandIn].map((c) => c as unknown as CommandSpec);

/** The stand-in commands' output, as the review's record of a run computed by a section (the arguments are those the review records). */
async function standInRun(spec: CommandSpec, record: RunRecord): Promise<RunResult> {
  const { params } = commandParams(spec, record.argv);
  return { ...record, parameters: params, output: await spec.run(params, { progress: SILENT_PROGRESS, commands: () => undefined }) };
}

const findingsOf = (output: CommandOutput): Finding[] => (output.json.findings as Finding[] | undefined) ?? [];

/** The stand-in backtest's JSON as what the annex reads: its products, cells, measures (none) and findings. */
function annexBacktest(output: CommandOutput): AnnexBacktest {
  const cells = output.json.cells as AnnexCell[];
  return { scope: [...new Set(cells.map((c) => c.product_code))], cells, measures: [], findings: findingsOf(output) };
}

/**
 * Review sections computed by the stand-in commands (all of them, or all but `without`, which the
 * review marks unavailable), run with the command lines the review records for the real studies.
 */
export function standInSections(options: { without?: readonly string[]; careless?: boolean } = {}): SectionStandIns {
  const has = (name: string) => !(options.without ?? []).includes(name);
  const single = (spec: CommandSpec, record: (p: ReviewParams, data: Data) => Promise<RunRecord> | RunRecord, annex = false) => async (p: ReviewParams, data: Data): Promise<StandInSection | null> => {
    if (!has(spec.name)) return null;
    const run = await standInRun(spec, await record(p, data));
    return { runs: [run], findings: findingsOf(run.output).filter((f) => !annex || f.period === undefined || f.period === p.quarter), ...(annex ? { backtest: annexBacktest(run.output) } : {}) };
  };
  const icsi = icsiStandIn(options.careless ?? false);
  return {
    backtest: single(SECTION_STAND_INS[0], backtestRun, true),
    lossratio: single(SECTION_STAND_INS[1], async (p, data) => lossratioRun(p, latestCompleteYear(p.quarter), await reviewUltimateMethod(data))),
    expense: single(SECTION_STAND_INS[2], expenseRun),
    eligibility: single(SECTION_STAND_INS[3], eligibilityRun),
    satisfaction: async (p, data) => {
      if (!has('icsi')) return null;
      const survey = data.file('survey');
      if (!survey) return { notApplicable: 'no-survey', detail: data.dir };
      const model = p.survey_model ?? join(dirname(survey), 'survey_model.json');
      const columns = (await data.table('survey')).columns;
      const groups = (['company', 'region', 'stage'] as const).filter((c) => columns.includes(c));
      const runs = [];
      for (const by of groups.length === 0 ? [null] : groups) runs.push(await standInRun(icsi, icsiRun(p, survey, model, by)));
      return { runs, findings: [] };
    },
  };
}

/**
 * A command lookup with the real commands and a `review` whose sections are the stand-ins (all of
 * them, or all but `without`), so that `verify` re-runs it the same way.
 */
export function standInLookup(options: { without?: readonly string[]; careless?: boolean } = {}): CommandLookup {
  const lookup: CommandLookup = (name) => {
    if (name === 'review') return { ...reviewCommand, run: (p: ReviewParams, context: RunContext) => quarterlyReview(p, { ...context, commands: lookup }, standInSections(options)) } as unknown as CommandSpec;
    return findCommand(name);
  };
  return lookup;
}
