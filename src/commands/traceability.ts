import { recordingCoverageFigure, recordingDurationFigure } from '../charts/traceabilityCharts';
import { type RecordingTraceability, recordingTraceability } from '../conduct/recordingTraceability';
import { basisRows, durationRows, missingSaleRows, requiredSaleRows, ruleRegionRows, traceabilityGroupRows } from '../conduct/traceabilityTables';
import { loadTraceabilityData } from '../conduct/traceabilityData';
import { formatDay } from '../data/dates';
import type { Quarter } from '../data/period';
import { fraction, fractionToDec, type Fraction } from '../money/fraction';
import { groupThousands } from '../money/groupThousands';
import { findingRows } from '../rules/findingRows';
import { percentText } from '../rules/percentText';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import { optionalText, quarterArg, requiredText } from './args';
import type { CommandOutput } from './command';
import { defineCommand } from './command';
import { type ReadParams, readOptionsOf, readParams, tableReadingOptions } from './readOptions';
import type { Lang } from '../present/column';
import { textTable } from '../present/textTable';
import { say, valueWord } from '../present/words';
import { findingLines } from './findingLines';

/**
 * What `awb traceability` prints and files for a quarter: the JSON document, the text, the tables
 * (groups, rule_region, required, missing, durations, basis, findings) and the charts. The
 * review's sales conduct section files the same output.
 * @param inputs the files read
 */
export function traceabilityOutput(result: RecordingTraceability, inputs: readonly string[], rulebook: Rulebook, lang: Lang = 'en'): CommandOutput {
  const groups = traceabilityGroupRows(result);
  const ruleRegion = ruleRegionRows(result);
  const missing = missingSaleRows(result);
  const durations = durationRows(result);
  const basis = basisRows(result);
  const company = result.groups.find((g) => g.level === 'company')!;
  return {
    json: {
      rulebook: { id: rulebook.id, version: rulebook.version },
      quarter: result.quarter,
      from: formatDay(result.start),
      to: formatDay(result.end),
      groups,
      by_rule_region: ruleRegion,
      durations: company.durations === null ? null : { ...company.durations, bins: durations },
      basis,
      missing,
      orphan_recordings: result.orphan_rows.length,
      findings: result.findings,
    },
    text: traceabilityText(result, lang),
    inputs,
    tables: { groups, rule_region: ruleRegion, required: requiredSaleRows(result), missing, durations, basis, findings: findingRows(result.findings) },
    charts: { recording_coverage: recordingCoverageFigure(result), recording_durations: recordingDurationFigure(result) },
    rulebook,
  };
}

/** The recorded parameters of `awb traceability`. */
export type TraceabilityParams = { readonly data: string; readonly quarter: Quarter; readonly rules: string | null } & Partial<ReadParams>;

/**
 * Runs `awb traceability`'s study: reads the folder's policies, applications and recordings and traces the quarter's sales.
 * @returns the library's result and the command's output built from it
 * @throws InputError for bad input or a bad rulebook.
 */
export async function runTraceability(p: TraceabilityParams, lang: Lang = 'en'): Promise<{ readonly result: RecordingTraceability; readonly output: CommandOutput }> {
  const rulebook = loadRulebook(p.rules ?? undefined);
  const data = await loadTraceabilityData(p.data, readOptionsOf(p));
  const result = recordingTraceability(data.sales, data.recordings, p.quarter, rulebook);
  return { result, output: traceabilityOutput(result, data.inputs, rulebook, lang) };
}

/** `awb traceability`: which sales need an audio-video recording (双录), whether they have one in time, review pass rates, durations (S4). */
export const traceabilityCommand = defineCommand({
  name: 'traceability',
  summary: 'Sales-behaviour traceability (S4, 双录): sales requiring a recording by rule and region, recorded, missing, late, review pass rates, durations',
  examples: [
    'awb traceability --data data/sample --quarter 2025Q4',
    'awb traceability --data data/sample --quarter 2025Q4 --json',
    'awb traceability --data data/sample --quarter 2025Q4 --rules my-rulebook.yaml --out evidence/traceability-2025Q4',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'data folder with products, policies and recordings (required) and applications (optional)')
      .requiredOption('--quarter <YYYYQn>', 'the quarter whose sales (by application date) are traced')
      .option('--rules <file>', 'a rulebook to use instead of the default (awb-default)'),
  parse: (o): TraceabilityParams => ({ data: requiredText(o, 'data', 'a data folder'), quarter: quarterArg(o, 'quarter'), rules: optionalText(o, 'rules'), ...readParams(o) }),
  run: async (p, { lang = 'en' }) => (await runTraceability(p, lang)).output,
});

function traceabilityText(result: RecordingTraceability, lang: Lang): string {
  const pct = (f: Fraction | null) => (f === null ? '–' : percentText(fractionToDec(f), undefined, 2));
  const none = say(lang, '(none)', '（无）');
  const rows = result.groups
    .filter((g) => g.level === 'company' || g.level === 'channel')
    .map((g) => ({
      [say(lang, 'group', '分组')]: g.level === 'company' ? say(lang, 'company', '全公司') : g.value === null ? none : lang === 'zh' ? valueWord(g.value, 'zh') : g.value,
      [say(lang, 'policies', '保单')]: g.policies,
      [say(lang, 'required', '应双录')]: g.required,
      [say(lang, 'recorded', '已双录')]: g.recorded,
      [say(lang, 'missing', '未双录')]: g.missing,
      [say(lang, 'missing %', '未双录占比')]: g.required === 0 ? '–' : pct(fraction(BigInt(g.missing), BigInt(g.required))),
      [say(lang, 'late', '晚于投保')]: g.late,
      [say(lang, 'undetermined', '无法判断')]: g.undetermined,
      [say(lang, 'first review', '一审通过率')]: pct(g.first_review.rate),
      [say(lang, 'final review', '终审通过率')]: pct(g.final_review.rate),
      [say(lang, 'median min', '时长中位数（分）')]: g.durations === null ? '–' : (g.durations.median / 60).toFixed(1),
    }));
  const a = result.basis.application_date;
  const n = (x: number) => groupThousands(String(x));
  return [
    say(lang, `Sales recordings (双录) for the sales applied for in ${result.quarter}, ${formatDay(result.start)} to ${formatDay(result.end)} (S4)`, `销售行为可回溯（双录）：${result.quarter}（${formatDay(result.start)}至${formatDay(result.end)}）投保的业务（S4）`),
    say(
      lang,
      `Application dates: ${n(a.policies)} from policies, ${n(a.applications)} from applications, ${n(a.issue_date)} taken as the issue date (no application date given)`,
      `投保日期：取自保单表 ${n(a.policies)} 件，取自投保信息表 ${n(a.applications)} 件，未提供而以生效日期代替 ${n(a.issue_date)} 件`,
    ),
    '',
    textTable(rows),
    '',
    say(lang, 'By requiring rule and region:', '按适用规则及地区：'),
    textTable(
      result.by_rule_region.map((r) => ({
        [say(lang, 'rule', '规则')]: r.rule_id,
        [say(lang, 'region', '地区')]: r.region ?? none,
        [say(lang, 'required', '应双录')]: r.required,
        [say(lang, 'recorded', '已双录')]: r.recorded,
        [say(lang, 'missing', '未双录')]: r.missing,
        [say(lang, 'late', '晚于投保')]: r.late,
      })),
    ),
    '',
    say(lang, `Findings (${result.findings.length})`, `发现（${result.findings.length} 项）`),
    ...findingLines(result.findings, lang),
  ].join('\n');
}
