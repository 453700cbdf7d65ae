import { VALUE_ZH } from '../present/words';
import { residualFigure } from '../charts/residualChart';
import { ultimatesFigure } from '../charts/reserveChart';
import { triangleHeatmapFigure } from '../charts/triangleHeatmap';
import { InputError } from '../data/InputError';
import { loadTable } from '../data/readTable';
import { FACTOR_AVERAGES, type FactorAverage, type LinkRatioCell } from '../lossratio/linkRatios';
import type { TailOption } from '../lossratio/mackChainLadder';
import { METHOD_NAMES, RESERVE_METHODS, type ReserveMethod } from '../lossratio/reserveEstimate';
import type { SigmaMethod } from '../lossratio/sigmaExtrapolation';
import type { DevelopmentConvention } from '../lossratio/triangle';
import { reserve } from '../studies/reserve';
import { RESERVE_TABLES } from '../lossratio/reserveTables';
import { roundYuan } from '../money/cents';
import { toDec } from '../money/decimal';
import { groupThousands } from '../money/groupThousands';
import { choiceArg, integerArg, listArg, optionalText, requiredText } from './args';
import { defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';
import { textTable } from '../present/textTable';

/** An amount rounded half-up to 0.01 (the rule for money outputs). */
const money = (x: number) => roundYuan(toDec(x)).toNumber();
const shown = (x: number) => groupThousands(roundYuan(toDec(x)).toFixed(2));

function numberOption(o: Record<string, unknown>, name: string, words: readonly string[], min: number, max = Number.POSITIVE_INFINITY): string | number | null {
  const text = optionalText(o, name);
  if (text === null) return null;
  const t = text.trim();
  if (words.includes(t)) return t;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) || Number(t) < min || Number(t) > max) {
    throw new InputError({ argument: `--${name}` }, `${words.length > 0 ? `${words.join(', ')} or ` : ''}a number of at least ${min}${Number.isFinite(max) ? ` and at most ${max}` : ''}`, text);
  }
  return Number(t);
}

/** `--exclude 1982:1,1987:2`: link ratios named by origin and the age they start from, as canonical `ORIGIN:AGE` text. */
function cellsArg(o: Record<string, unknown>): string[] {
  return listArg(o, 'exclude').map((item) => {
    const m = /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(item);
    if (!m) throw new InputError({ argument: '--exclude' }, 'link ratios as ORIGIN:AGE separated by commas (the age the link ratio starts from, e.g. 1982:1)', item);
    return `${Number(m[1])}:${Number(m[2])}`;
  });
}

const cell = (text: string): LinkRatioCell => ({ origin: Number(text.split(':')[0]), age: Number(text.split(':')[1]) });

function yearsArg(o: Record<string, unknown>, name: string): number[] {
  return listArg(o, name).map((item) => {
    if (!/^\s*\d{4}\s*$/.test(item)) throw new InputError({ argument: `--${name}` }, 'calendar years as YYYY separated by commas', item);
    return Number(item);
  });
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(2)}%`);

/** `awb reserve`: chain ladder, Bornhuetter–Ferguson, Cape Cod or Benktander reserves with Mack-style errors. */
export const reserveCommand = defineCommand({
  name: 'reserve',
  summary: 'Reserves of a cumulative claims triangle: chain ladder with Mack (1993) errors, Bornhuetter–Ferguson, Cape Cod or Benktander; link-ratio choices, Mack\'s tests, residuals, ultimate loss ratios',
  examples: [
    'awb reserve --triangle data/sample/triangle.csv',
    'awb reserve --triangle raa.csv --sigma mack --tail loglinear --json',
    'awb reserve --triangle paid.csv --premiums premiums.csv --method bf --apriori-loss-ratio 0.65',
    'awb reserve --triangle paid.csv --premiums premiums.csv --method capecod --decay 0.75 --average simple --exclude-high 1 --exclude-low 1',
    'awb reserve --triangle paid.csv --premiums premiums.csv --tail 1.02 --out output/reserve-2025',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--triangle <file>', 'cumulative triangle in long form: origin, development (valuation year or age), value; missing cells are allowed')
      .option('--premiums <file>', 'earned premium by origin (origin, premium, optional expected_loss_ratio) for loss ratios and the a priori methods')
      .option('--method <method>', 'chainladder (default), bf (Bornhuetter–Ferguson), capecod or benktander')
      .option('--apriori-loss-ratio <x>', 'a priori loss ratio of every origin for bf and benktander (default: the premiums\' expected_loss_ratio)')
      .option('--decay <d>', 'Cape Cod decay in (0, 1] (default 1: one loss ratio for all origins)')
      .option('--trend <t>', 'Cape Cod annual loss-ratio trend (default 0)')
      .option('--iterations <n>', 'Benktander iterations (default 2; 1 is Bornhuetter–Ferguson)')
      .option('--prior-cv <x>', 'coefficient of variation of the a priori, for its share of the standard error (default 0: taken as known)')
      .option('--development <how>', 'how the development column is written: auto, age or valuation', 'auto')
      .option('--average <how>', 'age-to-age factors: volume (default), simple or regression')
      .option('--exclude-high <n>', 'leave out the n highest link ratios of each development period')
      .option('--exclude-low <n>', 'leave out the n lowest link ratios of each development period')
      .option('--exclude <cells>', 'leave out these link ratios: ORIGIN:AGE,… (the age the link ratio starts from)')
      .option('--exclude-valuation <years>', 'leave out the link ratios starting in these calendar years: YYYY,…')
      .option('--periods <n>', 'use only the link ratios of the latest n calendar periods')
      .option('--max-age <age>', 'development-age limit: no development after this age')
      .option('--sigma <method>', 'σ of the last period: auto (R ChainLadder default), mack, loglinear, or a number', 'auto')
      .option('--tail <tail>', 'tail factor: none, loglinear, or a factor ≥ 1', 'none')
      .option('--tail-se <x>', 'standard error of the tail factor (default: log-linear extrapolation)')
      .option('--tail-sigma <x>', 'σ of the tail (default: log-linear extrapolation)'),
  parse: (o) => {
    const maxAge = optionalText(o, 'max-age');
    const periods = optionalText(o, 'periods');
    return {
      triangle: requiredText(o, 'triangle', 'a triangle file'),
      premiums: optionalText(o, 'premiums'),
      method: choiceArg<ReserveMethod>(o, 'method', RESERVE_METHODS, 'chainladder'),
      apriori_loss_ratio: numberOption(o, 'apriori-loss-ratio', [], 0) as number | null,
      decay: numberOption(o, 'decay', [], 0, 1) as number | null,
      trend: numberOption(o, 'trend', [], -0.99) as number | null,
      iterations: optionalText(o, 'iterations') === null ? null : integerArg(o, 'iterations', { min: 0, max: 1000 }),
      prior_cv: numberOption(o, 'prior-cv', [], 0) as number | null,
      development: choiceArg<DevelopmentConvention>(o, 'development', ['auto', 'age', 'valuation'], 'auto'),
      average: choiceArg<FactorAverage>(o, 'average', FACTOR_AVERAGES, 'volume'),
      exclude_high: integerArg(o, 'exclude-high', { min: 0, max: 100 }, 0),
      exclude_low: integerArg(o, 'exclude-low', { min: 0, max: 100 }, 0),
      exclude: cellsArg(o),
      exclude_valuation: yearsArg(o, 'exclude-valuation'),
      periods: periods === null ? null : integerArg(o, 'periods', { min: 1, max: 1000 }),
      max_age: maxAge === null ? null : integerArg(o, 'max-age', { min: 0 }),
      sigma: numberOption(o, 'sigma', ['auto', 'mack', 'loglinear'], 0) ?? 'auto',
      tail: numberOption(o, 'tail', ['none', 'loglinear'], 1) ?? 'none',
      tail_se: numberOption(o, 'tail-se', [], 0),
      tail_sigma: numberOption(o, 'tail-sigma', [], 0),
      ...readParams(o),
    };
  },
  run: async (p, { lang = 'en' }) => {
    const read = readOptionsOf(p);
    const table = await loadTable(p.triangle, 'triangle', read);
    const premiumTable = p.premiums === null ? null : await loadTable(p.premiums, 'premiums', read);
    const a = reserve(table, {
      development: p.development,
      premiums: premiumTable,
      sigma: p.sigma as SigmaMethod,
      tail: p.tail as TailOption,
      tailSe: (p.tail_se as number | null) ?? undefined,
      tailSigma: (p.tail_sigma as number | null) ?? undefined,
      linkRatios: { average: p.average, excludeHigh: p.exclude_high, excludeLow: p.exclude_low, exclude: p.exclude.map(cell), excludeValuations: p.exclude_valuation, periods: p.periods, maxAge: p.max_age },
      method: p.method,
      aprioriLossRatio: p.apriori_loss_ratio,
      decay: p.decay ?? undefined,
      trend: p.trend ?? undefined,
      iterations: p.iterations ?? undefined,
      priorCv: p.prior_cv ?? undefined,
    });
    const triangle = a.triangle;
    const { mack } = a;
    const est = a.method.estimate;
    const ratios = a.loss_ratios;
    const origins = est.origins.map((o, i) => ({
      origin: o.origin,
      method: est.method,
      latest_age: o.latest_age,
      latest: money(o.latest),
      development_to_date: o.expected_developed,
      apriori: o.apriori === null ? null : money(o.apriori),
      apriori_loss_ratio: o.apriori_loss_ratio,
      ultimate: money(o.ultimate),
      ibnr: money(o.ibnr),
      mack_se: money(o.se),
      process_se: money(o.process_se),
      parameter_se: money(o.parameter_se),
      cv: o.cv,
      ...(ratios ? { premium: ratios[i].premium, reported_loss_ratio: ratios[i].reported_loss_ratio, ultimate_loss_ratio: ratios[i].ultimate_loss_ratio, ultimate_loss_ratio_se: ratios[i].ultimate_loss_ratio_se } : {}),
    }));
    const total = {
      latest: money(est.total.latest),
      ultimate: money(est.total.ultimate),
      ibnr: money(est.total.ibnr),
      mack_se: money(est.total.se),
      process_se: money(est.total.process_se),
      parameter_se: money(est.total.parameter_se),
      cv: est.total.cv,
    };
    const ages = triangle.ages;
    const factors = mack.factors.map((f, k) => ({
      from_age: ages[k],
      to_age: k + 1 < ages.length ? ages[k + 1] : 'ultimate',
      factor: f,
      sigma: mack.sigma[k],
      factor_se: mack.factor_se[k],
      origins: k < mack.counts.length ? mack.counts[k] : null,
      sigma_filled: mack.sigma_fill.filled.includes(k) || k >= mack.counts.length,
      age_limited: k < mack.development.fixed.length && mack.development.fixed[k],
    }));
    const linkRatios = mack.development.selection.ratios.map((r) => ({ origin: r.origin, from_age: r.age, to_age: ages[r.k + 1], ratio: r.ratio, used: r.weight === 1, excluded: r.excluded }));
    const projected = mack.projected.flatMap((row, i) =>
      row.map((value, k) => ({ origin: triangle.origins[i], age: k < ages.length ? ages[k] : 'ultimate', value: value === null ? null : money(value), observed: k < triangle.values[i].length && value !== null })),
    );
    const residuals = a.residuals.map((r) => ({ ...r }));
    const cy = a.calendar_year_test;
    const dc = a.factor_correlation_test;
    const tailNote = mack.tail?.fitted?.note ?? null;
    const json = {
      development: triangle.development,
      method: est.method,
      se_basis: est.se_basis,
      link_ratio_choices: {
        average: p.average,
        exclude_high: p.exclude_high,
        exclude_low: p.exclude_low,
        exclude: p.exclude,
        exclude_valuation: p.exclude_valuation,
        periods: p.periods,
        max_age: p.max_age,
        high_low_not_applied_from_ages: mack.development.selection.relaxed.map((k) => ages[k]),
      },
      missing_cells: triangle.missing,
      sigma: { requested: p.sigma, used: mack.sigma_fill.method, filled_ages: mack.sigma_fill.filled.map((k) => ages[k]), loglinear: mack.sigma_fill.loglinear },
      tail: mack.tail ? { factor: mack.tail.factor, se: mack.tail.se, sigma: mack.tail.sigma, fitted: mack.tail.fitted, note: tailNote } : null,
      factors,
      cape_cod: a.method.cape_cod,
      origins,
      total,
      chain_ladder: est.method === 'chainladder' ? null : { ultimate: money(mack.total.ultimate), ibnr: money(mack.total.ibnr), mack_se: money(mack.total.mack_se) },
      tests: {
        calendar_year: { z: cy.z, expected: cy.expected, variance: cy.variance, low: cy.low, high: cy.high, level: cy.level, effect: cy.effect, diagonals: cy.diagonals, source: 'Mack (1994), CAS Forum, Appendix H; R ChainLadder cyEffTest' },
        factor_correlation: { t: dc.t, variance: dc.variance, low: dc.low, high: dc.high, level: dc.level, correlated: dc.correlated, periods: dc.periods, source: 'Mack (1994), CAS Forum, Appendix G; R ChainLadder dfCorTest' },
      },
      residuals,
    };
    const verdict = (x: boolean | null, yes: string, no: string) => (x === null ? 'not testable (triangle too small)' : x ? yes : no);
    const name = METHOD_NAMES[est.method];
    const verdictZh = (x: boolean | null, yes: string) => (x === null ? '无法检验（三角形过小）' : x ? yes : '未发现');
    const textZh = [
      `${VALUE_ZH[est.method]}：${table.file}（发展期为${triangle.development === 'valuation' ? '评估年度' : '发展年数'}；${({ volume: '按赔款量加权', simple: '简单平均', regression: '回归' } as Record<string, string>)[p.average] ?? p.average}的发展因子；最后一期σ：${mack.sigma_fill.method === 'loglinear' ? '对数线性外推' : mack.sigma_fill.method}${mack.tail ? `；尾部因子 ${mack.tail.factor.toFixed(6)}` : ''}）`,
      ...(triangle.missing.length > 0 ? [`缺失单元（其链接比率不参与计算）：${triangle.missing.map((c) => `${c.origin}年 第${c.age}期`).join('、')}`] : []),
      ...(a.method.cape_cod ? [`Cape Cod法赔付率：${a.method.cape_cod.map((r) => `${r.origin} ${pct(r.loss_ratio)}`).join('，')}`] : []),
      '',
      textTable(
        est.origins.map((o, i) => ({
          事故年度: o.origin,
          累计已付: shown(o.latest),
          已发展比例: o.expected_developed.toFixed(3),
          ...(est.method === 'chainladder' ? {} : { 先验最终赔款: o.apriori === null ? '' : shown(o.apriori) }),
          最终赔款: shown(o.ultimate),
          IBNR: shown(o.ibnr),
          标准误: shown(o.se),
          变异系数: o.cv === null ? '' : o.cv.toFixed(3),
          ...(ratios ? { 已报告赔付率: pct(ratios[i].reported_loss_ratio), 最终赔付率: pct(ratios[i].ultimate_loss_ratio) } : {}),
        })),
      ),
      '',
      `合计：累计已付 ${shown(est.total.latest)}，最终赔款 ${shown(est.total.ultimate)}，IBNR ${shown(est.total.ibnr)}，标准误 ${shown(est.total.se)}${est.total.cv === null ? '' : `（变异系数 ${est.total.cv.toFixed(3)}）`}`,
      ...(est.method === 'chainladder' ? [] : [`链梯法对照：IBNR ${shown(mack.total.ibnr)}，Mack标准误 ${shown(mack.total.mack_se)}`]),
      '',
      `日历年效应检验（Mack 1994）：Z = ${cy.z}，${(cy.level * 100).toFixed(0)}%区间 ${cy.low.toFixed(2)}–${cy.high.toFixed(2)}：${verdictZh(cy.effect, '存在效应——各日历年不独立')}`,
      `相邻发展因子相关性检验（Mack 1994）：T = ${dc.t === null ? '—' : dc.t.toFixed(4)}，${(dc.level * 100).toFixed(0)}%区间 ±${dc.high === null ? '—' : dc.high.toFixed(4)}：${verdictZh(dc.correlated, '相关')}`,
    ].join('\n');
    const text = lang === 'zh' ? textZh : [
      `${name} of ${table.file} (development as ${triangle.development === 'valuation' ? 'valuation years' : 'ages'}; ${p.average}-weighted factors; σ of the last period: ${mack.sigma_fill.method}${mack.tail ? `; tail ${mack.tail.factor.toFixed(6)}` : ''})`,
      ...(triangle.missing.length > 0 ? [`Missing cells (their link ratios left out): ${triangle.missing.map((c) => `${c.origin} age ${c.age} (${c.kind})`).join(', ')}`] : []),
      ...(tailNote ? [`Log-linear tail ${tailNote}.`] : []),
      ...(a.method.cape_cod ? [`Cape Cod loss ratio${a.method.cape_cod.every((r) => r.loss_ratio === a.method.cape_cod![0].loss_ratio) ? ` ${pct(a.method.cape_cod[0].loss_ratio)} for every origin` : `s ${a.method.cape_cod.map((r) => `${r.origin} ${pct(r.loss_ratio)}`).join(', ')}`}`] : []),
      '',
      textTable(
        est.origins.map((o, i) => ({
          origin: o.origin,
          latest: shown(o.latest),
          'dev to date': o.expected_developed.toFixed(3),
          ...(est.method === 'chainladder' ? {} : { 'a priori': o.apriori === null ? '' : shown(o.apriori) }),
          ultimate: shown(o.ultimate),
          ibnr: shown(o.ibnr),
          's.e.': shown(o.se),
          'cv(ibnr)': o.cv === null ? '' : o.cv.toFixed(3),
          ...(ratios ? { 'reported LR': pct(ratios[i].reported_loss_ratio), 'ult. LR': pct(ratios[i].ultimate_loss_ratio) } : {}),
        })),
      ),
      '',
      `Total: latest ${shown(est.total.latest)}, ultimate ${shown(est.total.ultimate)}, IBNR ${shown(est.total.ibnr)}, s.e. ${shown(est.total.se)}${est.total.cv === null ? '' : ` (cv ${est.total.cv.toFixed(3)})`}`,
      ...(est.method === 'chainladder' ? [] : [`Chain ladder for comparison: IBNR ${shown(mack.total.ibnr)}, Mack s.e. ${shown(mack.total.mack_se)}`]),
      `Standard error: ${est.se_basis}.`,
      '',
      `Calendar-year effect (Mack 1994): Z = ${cy.z}, ${(cy.level * 100).toFixed(0)}% range ${cy.low.toFixed(2)}–${cy.high.toFixed(2)}: ${verdict(cy.effect, 'EFFECT — the calendar years are not independent', 'none found')}`,
      `Correlation of subsequent factors (Mack 1994): T = ${dc.t === null ? '—' : dc.t.toFixed(4)}, ${(dc.level * 100).toFixed(0)}% range ±${dc.high === null ? '—' : dc.high.toFixed(4)}: ${verdict(dc.correlated, 'CORRELATED', 'none found')}`,
    ].join('\n');
    return {
      json,
      text,
      inputs: a.inputs,
      tables: { origins: origins.map((o) => ({ ...o })), total: [total], factors, link_ratios: linkRatios, projected, residuals, calendar_year_test: cy.diagonals.map((d) => ({ ...d })) },
      tableDeclarations: RESERVE_TABLES,
      charts: {
        triangle: triangleHeatmapFigure(triangle, 'cumulative'),
        link_ratios: triangleHeatmapFigure(triangle, 'link_ratios'),
        ultimates: ultimatesFigure(est.method === 'chainladder' ? mack : est),
        residuals: residualFigure(a.residuals),
      },
    };
  },
});
