import { ultimatesFigure } from '../../charts/reserveChart';
import { triangleHeatmapFigure } from '../../charts/triangleHeatmap';
import { InputError } from '../../data/InputError';
import { loadTable } from '../../data/readTable';
import { type MackChainLadder, mackChainLadder, type TailOption } from '../../lossratio/mackChainLadder';
import type { SigmaMethod } from '../../lossratio/sigmaExtrapolation';
import { type DevelopmentConvention, triangleFromRows } from '../../lossratio/triangle';
import { ultimateLossRatios } from '../../lossratio/ultimateLossRatio';
import { roundYuan } from '../../money/cents';
import { toDec } from '../../money/decimal';
import { choiceArg, optionalText, requiredText } from '../args';
import { defineCommand } from '../command';
import { textTable } from '../textTable';
import { groupThousands } from '../../money/groupThousands';

/** An amount rounded half-up to 0.01 (the rule for money outputs). */
const money = (x: number) => roundYuan(toDec(x)).toNumber();
const shown = (x: number) => groupThousands(roundYuan(toDec(x)).toFixed(2));

function numberOption(o: Record<string, unknown>, name: string, words: readonly string[], min: number): string | number | null {
  const text = optionalText(o, name);
  if (text === null) return null;
  const t = text.trim();
  if (words.includes(t)) return t;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) || Number(t) < min) {
    throw new InputError({ argument: `--${name}` }, `${words.length > 0 ? `${words.join(', ')} or ` : ''}a number of at least ${min}`, text);
  }
  return Number(t);
}

/** `awb reserve`: chain-ladder reserves with Mack's standard errors. */
export const reserveCommand = defineCommand({
  name: 'reserve',
  summary: 'Chain-ladder ultimates, IBNR and Mack (1993) standard errors of a cumulative claims triangle, with ultimate loss ratios',
  examples: [
    'awb reserve --triangle data/sample/triangle.csv',
    'awb reserve --triangle raa.csv --sigma mack --tail loglinear --json',
    'awb reserve --triangle paid.csv --premiums premiums.csv --tail 1.02 --out output/reserve-2025',
  ],
  configure: (c) =>
    c
      .requiredOption('--triangle <file>', 'cumulative triangle in long form: origin, development (valuation year or age), value')
      .option('--premiums <file>', 'earned premium by origin (origin, premium) for ultimate loss ratios')
      .option('--development <how>', 'how the development column is written: auto, age or valuation', 'auto')
      .option('--sigma <method>', 'σ of the last period: auto (R ChainLadder default), mack, loglinear, or a number', 'auto')
      .option('--tail <tail>', 'tail factor: none, loglinear, or a factor ≥ 1', 'none')
      .option('--tail-se <x>', 'standard error of the tail factor (default: log-linear extrapolation)')
      .option('--tail-sigma <x>', 'σ of the tail (default: log-linear extrapolation)'),
  parse: (o) => ({
    triangle: requiredText(o, 'triangle', 'a triangle file'),
    premiums: optionalText(o, 'premiums'),
    development: choiceArg<DevelopmentConvention>(o, 'development', ['auto', 'age', 'valuation'], 'auto'),
    sigma: numberOption(o, 'sigma', ['auto', 'mack', 'loglinear'], 0) ?? 'auto',
    tail: numberOption(o, 'tail', ['none', 'loglinear'], 1) ?? 'none',
    tail_se: numberOption(o, 'tail-se', [], 0),
    tail_sigma: numberOption(o, 'tail-sigma', [], 0),
  }),
  run: async (p) => {
    const table = await loadTable(p.triangle, 'triangle');
    const triangle = triangleFromRows(table.rows, p.development, table.file);
    let mack: MackChainLadder;
    try {
      mack = mackChainLadder(
        triangle,
        { sigma: p.sigma as SigmaMethod, tail: p.tail as TailOption, tailSe: (p.tail_se as number | null) ?? undefined, tailSigma: (p.tail_sigma as number | null) ?? undefined },
        table.file,
      );
    } catch (error) {
      if (error instanceof RangeError) throw new InputError({ file: table.file }, `a triangle and options the Mack model can use (${error.message})`);
      throw error;
    }
    const premiumTable = p.premiums === null ? null : await loadTable(p.premiums, 'premiums');
    const ratios = premiumTable ? ultimateLossRatios(mack, premiumTable.rows, premiumTable.file) : null;
    const origins = mack.origins.map((o, i) => ({
      origin: o.origin,
      latest_age: o.latest_age,
      latest: money(o.latest),
      development_to_date: o.development_to_date,
      ultimate: money(o.ultimate),
      ibnr: money(o.ibnr),
      mack_se: money(o.mack_se),
      process_se: money(o.process_se),
      parameter_se: money(o.parameter_se),
      cv: o.cv,
      ...(ratios ? { premium: ratios[i].premium === null ? null : ratios[i].premium! / 100, ultimate_loss_ratio: ratios[i].ultimate_loss_ratio, ultimate_loss_ratio_se: ratios[i].ultimate_loss_ratio_se } : {}),
    }));
    const total = {
      latest: money(mack.total.latest),
      ultimate: money(mack.total.ultimate),
      ibnr: money(mack.total.ibnr),
      mack_se: money(mack.total.mack_se),
      process_se: money(mack.total.process_se),
      parameter_se: money(mack.total.parameter_se),
      cv: mack.total.cv,
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
    }));
    const projected = mack.projected.flatMap((row, i) =>
      row.map((value, k) => ({ origin: triangle.origins[i], age: k < ages.length ? ages[k] : 'ultimate', value: value === null ? null : money(value), observed: k < triangle.values[i].length && value !== null })),
    );
    const json = {
      development: triangle.development,
      sigma: { requested: p.sigma, used: mack.sigma_fill.method, filled_ages: mack.sigma_fill.filled.map((k) => ages[k]), loglinear: mack.sigma_fill.loglinear },
      tail: mack.tail ? { factor: mack.tail.factor, se: mack.tail.se, sigma: mack.tail.sigma, fitted: mack.tail.fitted } : null,
      factors,
      origins,
      total,
    };
    const text = [
      `Mack chain ladder of ${table.file} (development as ${triangle.development === 'valuation' ? 'valuation years' : 'ages'}; σ of the last period: ${mack.sigma_fill.method}${mack.tail ? `; tail ${mack.tail.factor.toFixed(6)}` : ''})`,
      '',
      textTable(
        mack.origins.map((o, i) => ({
          origin: o.origin,
          latest: shown(o.latest),
          'dev to date': o.development_to_date.toFixed(3),
          ultimate: shown(o.ultimate),
          ibnr: shown(o.ibnr),
          'mack s.e.': shown(o.mack_se),
          'cv(ibnr)': o.cv === null ? '' : o.cv.toFixed(3),
          ...(ratios ? { 'ult. loss ratio': ratios[i].ultimate_loss_ratio === null ? '' : `${(ratios[i].ultimate_loss_ratio! * 100).toFixed(2)}%` } : {}),
        })),
      ),
      '',
      `Total: latest ${shown(mack.total.latest)}, ultimate ${shown(mack.total.ultimate)}, IBNR ${shown(mack.total.ibnr)}, Mack s.e. ${shown(mack.total.mack_se)}${mack.total.cv === null ? '' : ` (cv ${mack.total.cv.toFixed(3)})`}`,
    ].join('\n');
    return {
      json,
      text,
      inputs: premiumTable ? [table.file, premiumTable.file] : [table.file],
      tables: { origins: origins.map((o) => ({ ...o })), total: [total], factors, projected },
      charts: {
        triangle: triangleHeatmapFigure(triangle, 'cumulative'),
        link_ratios: triangleHeatmapFigure(triangle, 'link_ratios'),
        ultimates: ultimatesFigure(mack),
      },
    };
  },
});
