import { registrationRatesFigure } from '../charts/registrationChart';
import { type RegistrationReconciliation, reconcileRegistration } from '../conduct/reconcileRegistration';
import { mostMissing, registrationElementRows, registrationGroupRows, registrationSourceRows, unmatchedRows } from '../conduct/registrationTables';
import { loadStaffTables, SOURCE_EN } from '../conduct/staffSources';
import { formatDay, parseDayText } from '../data/dates';
import { fractionToDec } from '../money/fraction';
import { groupThousands } from '../money/groupThousands';
import { findingRows } from '../rules/findingRows';
import { percentText } from '../rules/percentText';
import { loadRulebook, type Rulebook } from '../rules/rulebook';
import { dateArg, optionalText, requiredText } from './args';
import type { CommandOutput } from './command';
import { defineCommand } from './command';
import { type ReadParams, readOptionsOf, readParams, tableReadingOptions } from './readOptions';
import { textTable } from '../present/textTable';

/**
 * What `awb registration` prints and files for a reconciliation: the JSON document, the text,
 * the tables (sources, groups, elements, unmatched, findings) and the chart. The review's sales
 * conduct section files the same output.
 * @param inputs the files read
 */
export function registrationOutput(result: RegistrationReconciliation, inputs: readonly string[], rulebook: Rulebook): CommandOutput {
  const groups = registrationGroupRows(result);
  const sources = registrationSourceRows(result);
  const elements = registrationElementRows(result);
  const unmatched = unmatchedRows(result);
  return {
    json: {
      rulebook: { id: rulebook.id, version: rulebook.version },
      as_of: formatDay(result.as_of),
      sources,
      groups,
      elements,
      unmatched,
      findings: result.findings,
    },
    text: registrationText(result),
    inputs,
    tables: { sources, groups, elements, unmatched, findings: findingRows(result.findings) },
    charts: { registration_rates: registrationRatesFigure(result) },
    rulebook,
  };
}

/** The recorded parameters of `awb registration`. */
export type RegistrationParams = { readonly data: string; readonly as_of: string; readonly rules: string | null } & Partial<ReadParams>;

/**
 * Runs `awb registration`'s study: reads the folder's sales-staff tables and reconciles them.
 * @returns the library's result and the command's output built from it
 * @throws InputError for bad input or a bad rulebook.
 */
export async function runRegistration(p: RegistrationParams): Promise<{ readonly result: RegistrationReconciliation; readonly output: CommandOutput }> {
  const rulebook = loadRulebook(p.rules ?? undefined);
  const { tables, inputs } = await loadStaffTables(p.data, readOptionsOf(p));
  const result = reconcileRegistration(tables, parseDayText(p.as_of)!, rulebook);
  return { result, output: registrationOutput(result, inputs, rulebook) };
}

/** `awb registration`: sales-staff registration reconciled across the registration, statistics, HR and disclosure systems (S5). */
export const registrationCommand = defineCommand({
  name: 'registration',
  summary: 'Sales staff registration (S5): registration vs statistics system (difference rate > 10%), HR and disclosure, missing registration elements (≤ 5%)',
  examples: [
    'awb registration --data data/sample --as-of 2025-12-31',
    'awb registration --data data/sample --as-of 2025-12-31 --json',
    'awb registration --data data/sample --as-of 2025-12-31 --out evidence/registration-2025Q4',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'data folder with sales_staff_registry and sales_staff_statistics (required), sales_staff_hr and sales_staff_disclosure (optional)')
      .requiredOption('--as-of <YYYY-MM-DD>', 'the date the staff are counted at (inclusive)')
      .option('--rules <file>', 'a rulebook to use instead of the default (awb-default)'),
  parse: (o): RegistrationParams => ({ data: requiredText(o, 'data', 'a data folder'), as_of: dateArg(o, 'as-of'), rules: optionalText(o, 'rules'), ...readParams(o) }),
  run: async (p) => (await runRegistration(p)).output,
});

function registrationText(result: RegistrationReconciliation): string {
  const base = result.rules.mismatch.base;
  const pct = (f: Parameters<typeof fractionToDec>[0] | null) => (f === null ? 'n/a' : percentText(fractionToDec(f), undefined, 2));
  const lines = [
    `Sales staff registration as at ${formatDay(result.as_of)} (S5)`,
    `Sources: ${result.sources.map((s) => `${SOURCE_EN[s.source]} ${groupThousands(String(s.rows - s.inactive - s.duplicates))} active (${s.file}${s.duplicates > 0 ? `, ${s.duplicates} repeated` : ''}${s.without_key > 0 ? `, ${s.without_key} without identifier` : ''})`).join('; ')}`,
    '',
    textTable(
      result.groups
        .filter((g) => g.level === 'company' || g.level === 'branch')
        .map((g) => {
          const c = g.comparisons.find((x) => x.source === base);
          return {
            group: g.level === 'company' ? 'company' : (g.branch ?? '(no branch)'),
            registry: g.counts.registry ?? 0,
            [base]: g.counts[base] ?? 0,
            'difference rate': pct(c?.difference_rate ?? null),
            'record mismatch': pct(c?.record_mismatch_rate ?? null),
            'missing elements': pct(g.missing.rate),
            band: g.missing.band?.label ?? '',
            'most missing': mostMissing(g),
          };
        }),
    ),
    '',
    `Difference rate = |registry − ${base}| ÷ ${base} (S5); record mismatch = staff in one system only ÷ staff in either.`,
    `Findings (${result.findings.length})`,
    ...result.findings.map((f) => `  [${f.severity}] ${f.rule_id} ${f.message}`),
  ];
  return lines.join('\n');
}
