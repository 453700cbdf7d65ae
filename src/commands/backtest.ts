import type { Lang } from '../present/column';
import { INDICATOR, say, valueWord } from '../present/words';
import { findingLines } from './findingLines';
import { BACKTEST_INDICATORS, type BacktestCell, type BacktestResult } from '../backtest/backtest';
import { BACKTEST_TABLES } from '../backtest/backtestTables';
import { MEASURE_ZH } from '../backtest/measures';
import { actualVsExpectedFigure, aeOverPeriodsFigure, measureHeatmapFigure } from '../charts/backtestCharts';
import type { Figure } from '../charts/figure';
import { InputError } from '../data/InputError';
import { parseClickHouseUrl } from '../engine/clickhouseEngine';
import { openWarehouse, warehouseInput } from '../engine/warehouse';
import type { Indicator } from '../data/schema';
import type { TableRow } from '../evidence/csv';
import { STUDY_BASES, type StudyBasis } from '../exposure/studyBasis';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import { backtest, backtestOn, type BacktestParams, type BacktestStudy } from '../studies/backtest';
import { openData } from '../studies/openData';
import { choiceArg, dateArg, integerArg, listArg, optionalText, requiredText } from './args';
import { textTable } from '../present/textTable';
import { defineCommand } from './command';
import type { CommandOutput } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';

/** The columns of a cell row, in the order of DOMAIN.md (`backtest` cells[]), then the extras. */
function cellRow(c: BacktestCell, result: BacktestResult): TableRow {
  const time: Record<string, string | number | null> = result.basis === 'policy-year' ? { policy_year: c.policy_year ?? null } : { period: c.period ?? null };
  const by: Record<string, string | number | null> = {};
  for (const name of result.by) by[name] = c.by[name] ?? null;
  return {
    indicator: c.indicator,
    product_code: c.product_code,
    ...time,
    ...by,
    exposure: c.exposure,
    actual: c.actual,
    expected: c.expected,
    ae: c.ae,
    ci_low: c.ci_low,
    ci_high: c.ci_high,
    credibility: c.credibility,
    deviation: c.deviation,
    actual_rate: c.actual_rate,
    expected_rate: c.expected_rate,
    credibility_weighted_rate: c.credibility_weighted_rate,
    claim_amount: c.claim_amount ?? null,
  };
}

/** The charts of a backtest: A/E over periods per indicator, actual vs expected by policy year or grouping, the measure heat map. */
function backtestCharts(result: BacktestResult): Record<string, Figure> {
  const charts: Record<string, Figure> = {};
  if (result.measures.length > 0) {
    for (const indicator of BACKTEST_INDICATORS) {
      if (result.measures.some((m) => m.indicator === indicator)) charts[`ae_${indicator}`] = aeOverPeriodsFigure(result.measures, indicator);
    }
    charts.measures = measureHeatmapFigure(result.measures);
  }
  const dimension = result.basis === 'policy-year' ? 'policy_year' : result.by[0];
  if (dimension) {
    const counted = [...new Set(result.cells.filter((c) => c.credibility !== null).map((c) => `${c.product_code}\u0000${c.indicator}`))];
    for (const key of counted) {
      const [product, indicator] = key.split('\u0000');
      charts[`${product}_${indicator}_by_${dimension}`] = actualVsExpectedFigure(result.cells, product, indicator, dimension);
    }
  }
  return charts;
}

/** Most cells listed on the terminal when there are no calendar periods to summarise (policy-year studies). */
const CELLS_SHOWN = 40;

/** The cells of a study without calendar periods, one line each: product, indicator, policy year, groups, A/E. */
function cellLines(cells: BacktestResult['cells'], lang: Lang): string[] {
  const lines = [say(lang, 'Cells (A/E with its 95% interval):', '各单元（实际/预期及其95%置信区间）：')];
  const rows = cells.slice(0, CELLS_SHOWN).map((c) => {
    const where = [c.period ?? (c.policy_year === undefined ? '' : say(lang, `policy year ${c.policy_year}`, `第${c.policy_year}保单年度`)), ...Object.entries(c.by).map(([k, v]) => `${k}=${v ?? 'n/a'}`)].filter((t) => t !== '').join(', ');
    return {
      [say(lang, 'product', '产品')]: c.product_code,
      [say(lang, 'indicator', '指标')]: indicatorWord(c.indicator, lang),
      [say(lang, 'cell', '单元')]: where,
      [say(lang, 'actual', '实际值')]: c.actual,
      [say(lang, 'expected', '预期值')]: c.expected === null ? null : c.expected.toFixed(1),
      [say(lang, 'A/E', '实际/预期')]: c.ae === null ? null : c.ae.toFixed(3),
      [say(lang, '95% CI', '95%置信区间')]: c.ci_low === null || c.ci_high === null ? null : `${c.ci_low.toFixed(3)}–${c.ci_high.toFixed(3)}`,
    };
  });
  lines.push(textTable(rows));
  if (cells.length > CELLS_SHOWN) lines.push(say(lang, `  … ${cells.length - CELLS_SHOWN} more cells: --json or --out for all of them`, `  … 另有 ${cells.length - CELLS_SHOWN} 个单元：全部见 --json 或 --out`));
  return lines;
}

/** An indicator in words: its id in English (as in the JSON), its name in Chinese (S1 annex 2). */
const indicatorWord = (indicator: string, lang: Lang) => (lang === 'zh' ? (INDICATOR[indicator]?.zh ?? indicator) : indicator);

function summaryText(result: BacktestResult, lang: Lang): string {
  const lines = [say(lang, `Pricing backtest (S1 §16), ${result.basis}, ${result.from} to ${result.as_of}; products: ${result.scope.join(', ')}`, `定价回溯（S1 第（十六）条），${BASIS_ZH[result.basis]}，${result.from} 至 ${result.as_of}；产品：${result.scope.join('、')}`)];
  const latest = new Map<string, (typeof result.measures)[number]>();
  for (const m of result.measures) latest.set(`${m.product_code} ${m.indicator}`, m);
  if (latest.size > 0) {
    const rows = [...latest.values()].map((m) => ({
      [say(lang, 'product', '产品')]: m.product_code,
      [say(lang, 'indicator', '指标')]: indicatorWord(m.indicator, lang),
      [say(lang, 'period', '期间')]: m.period,
      [say(lang, 'A/E', '实际/预期')]: m.ae === null ? say(lang, 'n/a', '无') : m.ae.toFixed(3),
      [say(lang, '95% CI', '95%置信区间')]: m.ci_low === null || m.ci_high === null ? '' : `${m.ci_low.toFixed(3)}–${m.ci_high.toFixed(3)}`,
      [say(lang, 'measure', '措施')]: m.level ? say(lang, `${m.level} ${MEASURE_ZH[m.level]}`, MEASURE_ZH[m.level]) : '-',
    }));
    lines.push('', say(lang, 'Latest period, product totals:', '最近一期，各产品合计：'), textTable(rows));
  }
  if (latest.size === 0 && result.cells.length > 0) lines.push('', ...cellLines(result.cells, lang));
  // With --by on a calendar basis the totals above hide the groups: list the latest period's cells by group.
  const lastPeriod = [...latest.values()].map((m) => m.period).sort().at(-1);
  const grouped = result.cells.filter((c) => Object.keys(c.by).length > 0 && c.period === lastPeriod);
  if (latest.size > 0 && grouped.length > 0) {
    const rows = grouped.slice(0, CELLS_SHOWN).map((c) => ({
      [say(lang, 'product', '产品')]: c.product_code,
      [say(lang, 'indicator', '指标')]: indicatorWord(c.indicator, lang),
      ...Object.fromEntries(Object.entries(c.by).map(([k, v]) => [k, v === null ? say(lang, 'n/a', '无') : lang === 'zh' ? valueWord(String(v), 'zh') : v])),
      [say(lang, 'actual', '实际值')]: c.actual,
      [say(lang, 'expected', '预期值')]: c.expected === null ? null : c.expected.toFixed(1),
      [say(lang, 'A/E', '实际/预期')]: c.ae === null ? null : c.ae.toFixed(3),
      [say(lang, '95% CI', '95%置信区间')]: c.ci_low === null || c.ci_high === null ? null : `${c.ci_low.toFixed(3)}–${c.ci_high.toFixed(3)}`,
    }));
    lines.push('', say(lang, `Cells of ${lastPeriod} by ${Object.keys(grouped[0].by).join(', ')}:`, `${lastPeriod} 按 ${Object.keys(grouped[0].by).join('、')} 分组的单元：`), textTable(rows));
    if (grouped.length > CELLS_SHOWN) lines.push(say(lang, `  … ${grouped.length - CELLS_SHOWN} more cells: --json or --out for all of them`, `  … 另有 ${grouped.length - CELLS_SHOWN} 个单元：全部见 --json 或 --out`));
  }
  lines.push('', say(lang, `${result.cells.length} cells; ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`, `共 ${result.cells.length} 个单元；发现 ${result.findings.length} 项`), ...findingLines(result.findings, lang));
  return lines.join('\n');
}

/** The study bases in Chinese. */
const BASIS_ZH: Readonly<Record<string, string>> = { 'calendar-quarter': '日历季度', 'calendar-year': '日历年度', 'policy-year': '保单年度' };

/**
 * A backtest in a ClickHouse database loaded by `awb load` (the study SQL runs there; products,
 * assumptions and finance are read from its tables by the row path). The warehouse's tables are
 * recorded as `clickhouse://…/DB/TABLE` (hashed by their content checksum).
 * @throws InputError when the database lacks products or assumptions.
 */
async function backtestInWarehouse(engine: string, params: BacktestParams, rulebook: Rulebook): Promise<BacktestStudy> {
  const warehouse = await openWarehouse(parseClickHouseUrl(engine));
  try {
    const table = async <N extends 'products' | 'assumptions' | 'finance'>(name: N, required: boolean) => {
      const t = await warehouse.table(name);
      if (!t && required) throw new InputError({ argument: '--engine' }, `a ${name} table in the database (awb load files every table of the data folder)`, engine);
      return t;
    };
    const folder = { products: (await table('products', true))!, assumptions: (await table('assumptions', true))!, finance: await table('finance', false) };
    const names = ['policies', 'claims', 'products', 'assumptions', 'finance'].filter((n) => warehouse.catalogue.has(n as never));
    const inputs = names.map((n) => warehouseInput(warehouse.engine.url, n));
    return await backtestOn({ ...folder, experience: warehouse }, params, rulebook, inputs);
  } finally {
    await warehouse.close();
  }
}

/**
 * What `awb backtest` prints and files for a study: the JSON document (cells, measures, findings),
 * the text (in `lang`), the cells and measures tables and the charts.
 */
export function backtestOutput(study: BacktestStudy, lang: Lang = 'en'): CommandOutput {
  const cells = study.cells.map((c) => cellRow(c, study));
  const measures = study.measures.map((m) => ({
    indicator: m.indicator,
    product_code: m.product_code,
    period: m.period,
    ae: m.ae,
    ci_low: m.ci_low,
    ci_high: m.ci_high,
    significant: m.significant,
    persistent_periods: m.persistent,
    measure: m.level,
  }));
  return {
    json: { basis: study.basis, as_of: study.as_of, from: study.from, by: study.by, scope: study.scope, cells, measures, findings: study.findings },
    text: summaryText(study, lang),
    inputs: study.inputs,
    tables: { cells, measures },
    tableDeclarations: BACKTEST_TABLES,
    charts: backtestCharts(study),
    rulebook: study.rulebook,
  };
}

/** `awb backtest`: pricing backtests of S1 §16 (DOMAIN.md, Command line). */
export const backtestCommand = defineCommand({
  name: 'backtest',
  summary: 'Pricing backtest (S1 §16): actual vs expected lapse, surrender, death, incidence, loss ratio, expense rate and investment return, with measures',
  examples: [
    'awb backtest --data data/sample --basis calendar-quarter --as-of 2025-12-31',
    'awb backtest --data data/sample --basis policy-year --as-of 2025-12-31 --indicator lapse --products TRM01 --by channel --json',
    'awb backtest --data data/sample --basis calendar-quarter --as-of 2025-12-31 --by channel,policy_year --out output/backtest-2025Q4',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .option('--data <dir>', 'data folder (products, policies, assumptions; claims and finance when present)')
      .option('--engine <url>', 'run the study in a ClickHouse database loaded by awb load instead: clickhouse://HOST:PORT/DB (credentials from AWB_CLICKHOUSE_USER, AWB_CLICKHOUSE_PASSWORD)')
      .requiredOption('--basis <basis>', `exposure basis: ${STUDY_BASES.join(', ')}`)
      .requiredOption('--as-of <date>', 'study end date, inclusive (YYYY-MM-DD)')
      .option('--from <date>', 'study start date, inclusive (default: the earliest issue date)')
      .option('--by <cols>', 'grouping columns: policy attributes (channel, gender, region, …), policy_year, attained_age, age_at_issue')
      .option('--indicator <names>', `indicators (comma-separated): ${BACKTEST_INDICATORS.join(', ')}`)
      .option('--products <codes>', 'products to study (default: the ten with the largest cumulative premium, rule BT-MEASURE)')
      .option('--age-band <years>', 'width of the attained-age and issue-age bands', '5')
      .option('--rules <file>', 'a rulebook file (default: the shipped rulebook)'),
  parse: (o) => {
    const indicators = listArg(o, 'indicator');
    for (const name of indicators) {
      if (!BACKTEST_INDICATORS.includes(name as Indicator)) throw new InputError({ argument: '--indicator' }, `one of ${BACKTEST_INDICATORS.join(', ')}`, name);
    }
    const from = optionalText(o, 'from') === null ? null : dateArg(o, 'from');
    const engine = optionalText(o, 'engine');
    if ((engine === null) === (optionalText(o, 'data') === null)) throw new InputError({ argument: '--data' }, 'either --data DIR (files) or --engine URL (a ClickHouse database)');
    return {
      data: engine === null ? requiredText(o, 'data', 'a data folder') : null,
      engine: engine === null ? null : parseClickHouseUrl(engine).text,
      basis: choiceArg(o, 'basis', STUDY_BASES),
      as_of: dateArg(o, 'as-of'),
      from,
      by: listArg(o, 'by'),
      indicators,
      products: listArg(o, 'products'),
      age_band: integerArg(o, 'age-band', { min: 1, max: 50 }, 5),
      rules: optionalText(o, 'rules'),
      ...readParams(o),
    };
  },
  run: async (p, { progress, openData: open = openData, lang = 'en' }) => {
    const rulebook = loadRulebook(p.rules ?? undefined);
    const params: BacktestParams = {
      basis: p.basis as StudyBasis,
      asOf: p.as_of,
      ...(p.from === null ? {} : { from: p.from }),
      by: p.by,
      indicators: p.indicators as Indicator[],
      products: p.products,
      ageBand: p.age_band,
      rules: rulebook,
      progress,
    };
    const study = p.engine !== null ? await backtestInWarehouse(p.engine, params, rulebook) : await backtest(await open(p.data!, readOptionsOf(p)), params);
    return backtestOutput(study, lang);
  },
});
