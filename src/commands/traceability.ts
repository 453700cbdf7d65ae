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
import { textTable } from '../present/textTable';

/**
 * What `awb traceability` prints and files for a quarter: the JSON document, the text, the tables
 * (groups, rule_region, required, missing, durations, basis, findings) and the charts. The
 * review's sales conduct section files the same output.
 * @param inputs the files read
 */
export function traceabilityOutput(result: RecordingTraceability, inputs: readonly string[], rulebook: Rulebook): CommandOutput {
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
    text: traceabilityText(result),
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
export async function runTraceability(p: TraceabilityParams): Promise<{ readonly result: RecordingTraceability; readonly output: CommandOutput }> {
  const rulebook = loadRulebook(p.rules ?? undefined);
  const data = await loadTraceabilityData(p.data, readOptionsOf(p));
  const result = recordingTraceability(data.sales, data.recordings, p.quarter, rulebook);
  return { result, output: traceabilityOutput(result, data.inputs, rulebook) };
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
  run: async (p) => (await runTraceability(p)).output,
});

function traceabilityText(result: RecordingTraceability): string {
  const pct = (f: Fraction | null) => (f === null ? '–' : percentText(fractionToDec(f), undefined, 2));
  const rows = result.groups
    .filter((g) => g.level === 'company' || g.level === 'channel')
    .map((g) => ({
      group: g.level === 'company' ? 'company' : (g.value ?? '(none)'),
      policies: g.policies,
      required: g.required,
      recorded: g.recorded,
      missing: g.missing,
      'missing %': g.required === 0 ? '–' : pct(fraction(BigInt(g.missing), BigInt(g.required))),
      late: g.late,
      undetermined: g.undetermined,
      'first review': pct(g.first_review.rate),
      'final review': pct(g.final_review.rate),
      'median min': g.durations === null ? '–' : (g.durations.median / 60).toFixed(1),
    }));
  const a = result.basis.application_date;
  return [
    `Sales recordings (双录) for the sales applied for in ${result.quarter}, ${formatDay(result.start)} to ${formatDay(result.end)} (S4)`,
    `Application dates: ${groupThousands(String(a.policies))} from policies, ${groupThousands(String(a.applications))} from applications, ${groupThousands(String(a.issue_date))} taken as the issue date (no application date given)`,
    '',
    textTable(rows),
    '',
    'By requiring rule and region:',
    textTable(result.by_rule_region.map((r) => ({ rule: r.rule_id, region: r.region ?? '(none)', required: r.required, recorded: r.recorded, missing: r.missing, late: r.late }))),
    '',
    `Findings (${result.findings.length})`,
    ...result.findings.map((f) => `  [${f.severity}] ${f.rule_id} ${f.message}`),
  ].join('\n');
}
