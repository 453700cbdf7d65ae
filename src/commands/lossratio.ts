import { lossRatioFigure } from '../charts/lossRatioChart';
import { InputError } from '../data/InputError';
import { comparePeriods, isQuarter } from '../data/period';
import { type EarnedLossRatio, lossRatioNumber } from '../lossratio/earnedLossRatio';
import { fractionToNumber } from '../money/fraction';
import type { LossRatioAnalysis } from '../lossratio/lossRatioAnalysis';
import type { RollingLossRatio } from '../lossratio/rollingLossRatio';
import { formatPercent } from '../money/ratio';
import { findingRows, valueColumns } from '../rules/findingRows';
import { LOSS_RATIO_TABLES } from '../lossratio/lossRatioTables';
import type { BookUltimates } from '../lossratio/bookUltimates';
import { METHOD_NAMES, RESERVE_METHODS, type ReserveMethod } from '../lossratio/reserveEstimate';
import { lossRatios, type LossRatioStudy } from '../studies/lossRatios';
import { openData } from '../studies/openData';
import { choiceArg, listArg, optionalText, requiredText } from './args';
import { type CommandOutput, defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';
import type { Lang } from '../present/column';
import { textTable } from '../present/textTable';
import { say, valueWord } from '../present/words';
import { findingLines } from './findingLines';

const yuan = (cents: number) => cents / 100;

function lossRatioRow(r: EarnedLossRatio) {
  return {
    product_code: r.product_code,
    period: r.period,
    grain: isQuarter(r.period) ? 'quarter' : 'year',
    premium_income: yuan(r.premium_income),
    earned_premium: yuan(r.earned_premium),
    incurred_claims: yuan(r.incurred_claims),
    loss_ratio: lossRatioNumber(r.incurred_claims, r.earned_premium),
    earned_premium_net: yuan(r.earned_premium_net),
    incurred_claims_net: yuan(r.incurred_claims_net),
    loss_ratio_net: lossRatioNumber(r.incurred_claims_net, r.earned_premium_net),
    policies_sold: r.policies_sold,
  };
}

function rollingRow(r: RollingLossRatio) {
  return {
    product_code: r.product_code,
    period: r.period,
    periods: `${r.periods[0]}–${r.periods[r.periods.length - 1]}`,
    earned_premium: yuan(r.earned),
    incurred_claims: yuan(r.incurred),
    loss_ratio: r.exact === null ? null : fractionToNumber(r.exact),
  };
}

/** The JSON, tables and text of a loss-ratio analysis. */
function render(a: LossRatioAnalysis) {
  const lossRatios = [...a.years, ...a.quarters]
    .sort((x, y) => (x.product_code < y.product_code ? -1 : x.product_code > y.product_code ? 1 : comparePeriods(x.period, y.period)))
    .map(lossRatioRow);
  const trends = a.trends.map((t) => ({
    product_code: t.product_code,
    basis: t.basis,
    years: t.n,
    slope_per_year: t.slope,
    intercept: t.intercept,
    r_squared: t.r_squared,
    residual_se: t.residual_se,
    confidence: t.confidence,
    t_quantile: t.t_quantile,
    projected_year: t.projection.year,
    projected_loss_ratio: t.projection.fitted,
    projected_ci_low: t.projection.ci_low,
    projected_ci_high: t.projection.ci_high,
    projected_pi_low: t.projection.pi_low,
    projected_pi_high: t.projection.pi_high,
    excluded_years: t.excluded_years.join(','),
  }));
  const trendBands = a.trends.flatMap((t) => [...t.fitted, t.projection].map((v) => ({ product_code: t.product_code, year: v.year, projected: v.year === t.projection.year, fitted: v.fitted, ci_low: v.ci_low, ci_high: v.ci_high, pi_low: v.pi_low, pi_high: v.pi_high })));
  const assessments = a.rules.assessments.map((x) => ({ rule_id: x.rule_id, product_code: x.product_code, outcome: x.outcome, reason: x.reason, reason_zh: x.reason_zh, ...valueColumns(x.values) }));
  const margins = a.rules.margins.map((m) => ({
    product_code: m.product_code,
    rule_id: m.rule_id,
    measure: m.measure,
    period: m.period,
    value: m.value.toNumber(),
    threshold: m.threshold.toNumber(),
    comparison: m.comparison,
    margin: m.margin.toNumber(),
    unit: m.unit,
    condition_met: m.condition_met,
    outcome: m.outcome,
  }));
  const rates = a.rules.indicated_rate_changes.map((r) => ({
    product_code: r.product_code,
    years: r.years,
    three_year_loss_ratio: r.three_year_loss_ratio.toNumber(),
    target_loss_ratio: r.target_loss_ratio.toNumber(),
    indicated_premium_factor: r.premium_factor.toNumber(),
    indicated_rate_change: r.rate_change.toNumber(),
  }));
  return { lossRatios, trends, trendBands, assessments, margins, rates };
}

function textSummary(a: LossRatioAnalysis, rulebook: { readonly id: string; readonly version: string }, lang: Lang): string {
  const year = a.rules.evaluation_year;
  const lines: string[] = [say(lang, `Loss ratios and S2 accident-insurance rules (rulebook ${rulebook.id} ${rulebook.version})`, `赔付率及S2意外险规则（规则库 ${rulebook.id} ${rulebook.version}）`)];
  if (year === null) return [...lines, say(lang, 'No complete year in the finance table: the rules cannot be assessed.', '财务表中没有完整年度：无法评估规则。')].join('\n');
  lines.push(say(lang, `Evaluation year ${year}: three-year window ${year - 2}–${year}, stop-sale window ${year - 1}–${year}.`, `评估年度 ${year}：三年期间 ${year - 2}–${year}，停售判断期间 ${year - 1}–${year}。`), '');
  const products = [...new Set(a.rules.assessments.filter((x) => x.outcome !== 'out_of_scope').map((x) => x.product_code))];
  const rows = products.map((code) => {
    const byYear = (y: number) => a.years.find((r) => r.product_code === code && r.period === String(y));
    const three = a.three_year.find((r) => r.product_code === code && r.period === String(year));
    const outcome = (rule: string) => valueWord(a.rules.assessments.find((x) => x.product_code === code && x.rule_id === rule)!.outcome, lang);
    const show = (r: EarnedLossRatio | undefined) => (r?.loss_ratio ? formatPercent(r.loss_ratio, 2) : '');
    return {
      [say(lang, 'product', '产品')]: code,
      [say(lang, `LR ${year - 1}`, `${year - 1}年赔付率`)]: show(byYear(year - 1)),
      [say(lang, `LR ${year}`, `${year}年赔付率`)]: show(byYear(year)),
      [say(lang, '3-year LR', '三年赔付率')]: three?.loss_ratio ? formatPercent(three.loss_ratio, 2) : '',
      'ACC-LR-REPRICE': outcome('ACC-LR-REPRICE'),
      'ACC-LR-STOP': outcome('ACC-LR-STOP'),
    };
  });
  lines.push(say(lang, 'Accident products in scope of S2 (outcomes per rule):', '适用S2的意外险产品（各规则的结果）：'), textTable(rows), '');
  for (const r of a.rules.indicated_rate_changes) {
    const change = `${r.rate_change.isNegative() ? '' : '+'}${formatPercent(r.rate_change, 2)}`;
    lines.push(
      say(
        lang,
        `Indicated repricing ${r.product_code}: premium × ${r.premium_factor.toFixed(4)} (${change}) brings the ${r.years} ratio ${formatPercent(r.three_year_loss_ratio, 2)} to ${formatPercent(r.target_loss_ratio, 0)}.`,
        `${r.product_code} 指示费率调整：保费 × ${r.premium_factor.toFixed(4)}（${change}），使 ${r.years} 年赔付率由 ${formatPercent(r.three_year_loss_ratio, 2)} 达到 ${formatPercent(r.target_loss_ratio, 0)}。`,
      ),
    );
  }
  if (a.rules.indicated_rate_changes.length > 0) lines.push('');
  lines.push(say(lang, `Findings (${a.findings.length}):`, `发现（${a.findings.length} 项）：`), ...findingLines(a.findings, lang));
  return lines.join('\n');
}

function ultimateRows(u: BookUltimates) {
  return u.years.map((y) => ({
    year: y.year,
    earned_premium: y.earned_premium,
    incurred_claims: y.incurred_claims,
    reported_loss_ratio: y.reported_loss_ratio,
    paid_to_date: y.paid_to_date,
    expected_developed: y.expected_developed,
    immature: y.immature,
    method: y.method,
    apriori_loss_ratio: y.method_apriori_loss_ratio,
    ultimate: y.ultimate,
    ultimate_loss_ratio: y.ultimate_loss_ratio,
    ultimate_loss_ratio_se: y.ultimate_loss_ratio_se,
    how: y.how,
    how_zh: y.how_zh,
  }));
}

function ultimateText(u: BookUltimates, lang: Lang): string[] {
  const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(2)}%`);
  const method = (m: ReserveMethod) => (lang === 'zh' ? valueWord(m, 'zh') : METHOD_NAMES[m]);
  const lines = [
    '',
    say(lang, `Ultimate loss ratios of the book the triangle covers (${u.products.join(', ')}), immature years by ${METHOD_NAMES[u.method]}:`, `赔款三角形所覆盖业务（${u.products.join('、')}）的最终赔付率，未成熟年度采用${method(u.method)}：`),
    textTable(
      u.years.map((y) => ({
        [say(lang, 'year', '年度')]: y.year,
        [say(lang, 'S2 loss ratio', 'S2赔付率')]: pct(y.reported_loss_ratio),
        [say(lang, 'developed', '已发展比例')]: `${(y.expected_developed * 100).toFixed(1)}%`,
        [say(lang, 'method', '方法')]: method(y.method),
        [say(lang, 'ultimate LR', '最终赔付率')]: pct(y.ultimate_loss_ratio),
        [say(lang, 's.e.', '标准误')]: pct(y.ultimate_loss_ratio_se),
      })),
    ),
    ...u.years.map((y) => `  ${lang === 'zh' ? y.how_zh : y.how}`),
  ];
  if (u.three_year) {
    const t = u.three_year;
    lines.push(
      say(
        lang,
        `Three years ${t.years}: ultimate loss ratio ${pct(t.ultimate_loss_ratio)} ± ${pct(t.ultimate_loss_ratio_se)} against S2's ${pct(t.reported_loss_ratio)} (the S2 rules are judged on S2's incurred claims, as the regulation defines them).`,
        `${t.years} 三年：最终赔付率 ${pct(t.ultimate_loss_ratio)} ± ${pct(t.ultimate_loss_ratio_se)}，S2口径赔付率 ${pct(t.reported_loss_ratio)}（S2规则按S2定义的已发生赔款判断）。`,
      ),
    );
  }
  return lines;
}

/** `awb lossratio`: earned loss ratios, trends and S2's repricing and stop-sale rules. */
export const lossratioCommand = defineCommand({
  name: 'lossratio',
  summary: 'Earned loss ratios by product and period, trends, and the S2 accident-insurance repricing and stop-sale rules',
  examples: ['awb lossratio --data data/sample', 'awb lossratio --data data/sample --year 2025 --json', 'awb lossratio --data data/sample --rules my-rules.yaml --out output/lossratio-2025'],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'data folder with products and finance tables')
      .option('--rules <file>', 'rulebook to apply (default: the shipped rulebook; see awb rules --export)')
      .option('--year <yyyy>', 'last year of the rules\' windows (default: the latest complete year)')
      .option('--ultimate <method>', 'ultimate loss ratios of the triangle\'s book (triangle.csv): immature years by bf, capecod, benktander or chainladder')
      .option('--mature-at <share>', 'a year is developed by the chain ladder once this share of its ultimate is expected to have emerged (default 0.9)')
      .option('--triangle-products <codes>', 'the products the triangle covers (default: every product with a term of 12 months or less)'),
  parse: (o) => {
    const yearText = optionalText(o, 'year');
    if (yearText !== null && !/^\d{4}$/.test(yearText.trim())) throw new InputError({ argument: '--year' }, 'a year as YYYY', yearText);
    const matureText = optionalText(o, 'mature-at');
    if (matureText !== null && !(/^(0(\.\d+)?|1(\.0*)?)$/.test(matureText.trim()) && Number(matureText) > 0)) throw new InputError({ argument: '--mature-at' }, 'a share in (0, 1], e.g. 0.9', matureText);
    const codes = listArg(o, 'triangle-products');
    return {
      data: requiredText(o, 'data', 'a data folder'),
      rules: optionalText(o, 'rules'),
      year: yearText === null ? null : Number(yearText),
      ultimate: o.ultimate === undefined ? null : choiceArg<ReserveMethod>(o, 'ultimate', RESERVE_METHODS),
      mature_at: matureText === null ? 0.9 : Number(matureText),
      triangle_products: codes.length > 0 ? codes : null,
      ...readParams(o),
    };
  },
  run: async (p, { openData: open = openData, lang = 'en' }) =>
    lossratioOutput(
      await lossRatios(await open(p.data, readOptionsOf(p)), {
        ...(p.year === null ? {} : { year: p.year }),
        ...(p.ultimate === null ? {} : { ultimate: p.ultimate, matureAt: p.mature_at }),
        ...(p.triangle_products === null ? {} : { triangleProducts: p.triangle_products }),
        ...(p.rules === null ? {} : { rules: p.rules }),
      }),
      lang,
    ),
});

/** What `awb lossratio` prints (in `lang`) and files for a study: loss ratios, trends, the S2 rules' assessments and findings, ultimates when asked for, the charts. */
export function lossratioOutput(analysis: LossRatioStudy, lang: Lang = 'en'): CommandOutput {
    const { rulebook, ultimates } = analysis;
    const out = render(analysis);
    const shortTermAccident = analysis.rules.assessments
      .filter((x) => x.rule_id === 'ACC-LR-REPRICE' && x.outcome !== 'out_of_scope' && x.values.exemption !== 'long_term')
      .map((x) => x.product_code);
    const flagged = [...new Set(analysis.rules.findings.filter((f) => f.rule_id.startsWith('ACC-LR') && f.product_code !== undefined).map((f) => f.product_code!))];
    const threeYear = analysis.three_year.map(rollingRow);
    const rollingQuarters = analysis.rolling_four_quarters.map(rollingRow);
    const findings = analysis.findings;
    return {
      json: {
        evaluation_year: analysis.rules.evaluation_year,
        rulebook: { id: rulebook.id, version: rulebook.version, sha256: rulebook.sha256 },
        loss_ratios: out.lossRatios,
        three_year_loss_ratios: threeYear,
        rolling_four_quarter_loss_ratios: rollingQuarters,
        incomplete_years: analysis.incomplete_years.map((y) => ({ product_code: y.product_code, year: y.year, quarters: y.quarters })),
        trends: out.trends,
        assessments: analysis.rules.assessments,
        indicated_rate_changes: out.rates,
        margins: out.margins,
        findings,
        ultimate_loss_ratios: ultimates === null ? null : { method: ultimates.method, mature_at: ultimates.mature_at, products: ultimates.products, years: ultimateRows(ultimates), three_year: ultimates.three_year },
      },
      text: [textSummary(analysis, rulebook, lang), ...(ultimates === null ? [] : ultimateText(ultimates, lang))].join('\n'),
      inputs: analysis.inputs,
      rulebook,
      tables: {
        loss_ratios: out.lossRatios,
        three_year_loss_ratios: threeYear,
        rolling_four_quarter_loss_ratios: rollingQuarters,
        trends: out.trends,
        trend_bands: out.trendBands,
        assessments: out.assessments,
        indicated_rate_changes: out.rates,
        margins: out.margins,
        findings: findingRows(findings),
        ...(ultimates === null ? {} : { ultimate_loss_ratios: ultimateRows(ultimates) }),
      },
      tableDeclarations: LOSS_RATIO_TABLES,
      charts: {
        loss_ratio_accident: lossRatioFigure(analysis.years, analysis.trends, {
          products: shortTermAccident,
          bands: flagged,
          title: 'Short-term accident products (S2): earned loss ratio, trend, 95% band of the products the rules flag',
        }),
        loss_ratio_all: lossRatioFigure(analysis.years, analysis.trends),
      },
    };
}
