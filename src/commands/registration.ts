import { registrationRatesFigure } from '../charts/registrationChart';
import { type RegistrationReconciliation, reconcileRegistration } from '../conduct/reconcileRegistration';
import { mostMissing, registrationElementRows, registrationGroupRows, registrationSourceRows, unmatchedRows } from '../conduct/registrationTables';
import { loadStaffTables, SOURCE_EN, SOURCE_ZH } from '../conduct/staffSources';
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
import type { Lang } from '../present/column';
import { textTable } from '../present/textTable';
import { say } from '../present/words';
import { wording } from '../report/labels';
import { findingLines } from './findingLines';

/**
 * What `awb registration` prints and files for a reconciliation: the JSON document, the text,
 * the tables (sources, groups, elements, unmatched, findings) and the chart. The review's sales
 * conduct section files the same output.
 * @param inputs the files read
 */
export function registrationOutput(result: RegistrationReconciliation, inputs: readonly string[], rulebook: Rulebook, lang: Lang = 'en'): CommandOutput {
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
    text: registrationText(result, lang),
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
export async function runRegistration(p: RegistrationParams, lang: Lang = 'en'): Promise<{ readonly result: RegistrationReconciliation; readonly output: CommandOutput }> {
  const rulebook = loadRulebook(p.rules ?? undefined);
  const { tables, inputs } = await loadStaffTables(p.data, readOptionsOf(p));
  const result = reconcileRegistration(tables, parseDayText(p.as_of)!, rulebook);
  return { result, output: registrationOutput(result, inputs, rulebook, lang) };
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
  run: async (p, { lang = 'en' }) => (await runRegistration(p, lang)).output,
});

function registrationText(result: RegistrationReconciliation, lang: Lang): string {
  const base = result.rules.mismatch.base;
  const pct = (f: Parameters<typeof fractionToDec>[0] | null) => (f === null ? say(lang, 'n/a', '无') : percentText(fractionToDec(f), undefined, 2));
  const zh = wording('zh').conduct;
  const source = (s: keyof typeof SOURCE_EN) => (lang === 'zh' ? SOURCE_ZH[s] : SOURCE_EN[s]);
  const sources =
    lang === 'zh'
      ? result.sources.map((s) => `${SOURCE_ZH[s.source]}在职 ${groupThousands(String(s.rows - s.inactive - s.duplicates))} 人（${s.file}${s.duplicates > 0 ? `，重复 ${s.duplicates}` : ''}${s.without_key > 0 ? `，缺少编号 ${s.without_key}` : ''}）`).join('；')
      : result.sources.map((s) => `${SOURCE_EN[s.source]} ${groupThousands(String(s.rows - s.inactive - s.duplicates))} active (${s.file}${s.duplicates > 0 ? `, ${s.duplicates} repeated` : ''}${s.without_key > 0 ? `, ${s.without_key} without identifier` : ''})`).join('; ');
  const lines = [
    say(lang, `Sales staff registration as at ${formatDay(result.as_of)} (S5)`, `销售人员执业登记，截至 ${formatDay(result.as_of)}（S5）`),
    say(lang, `Sources: ${sources}`, `数据来源：${sources}`),
    '',
    textTable(
      result.groups
        .filter((g) => g.level === 'company' || g.level === 'branch')
        .map((g) => {
          const c = g.comparisons.find((x) => x.source === base);
          return {
            [say(lang, 'group', '机构')]: g.level === 'company' ? say(lang, 'company', '全公司') : (g.branch ?? say(lang, '(no branch)', '（无分支机构）')),
            [say(lang, 'registry', '执业登记')]: g.counts.registry ?? 0,
            [lang === 'zh' ? source(base) : base]: g.counts[base] ?? 0,
            [say(lang, 'difference rate', '差异率')]: pct(c?.difference_rate ?? null),
            [say(lang, 'record mismatch', '逐人不匹配率')]: pct(c?.record_mismatch_rate ?? null),
            [say(lang, 'missing elements', '要素缺失占比')]: pct(g.missing.rate),
            [say(lang, 'band', '所在区间')]: (lang === 'zh' ? g.missing.band?.label_zh : g.missing.band?.label) ?? '',
            [say(lang, 'most missing', '缺失最多的要素')]: lang === 'zh' ? g.missing.elements.filter((e) => e.missing > 0).slice(0, 3).map((e) => `${zh.element(e.element)}${e.missing}人`).join('、') : mostMissing(g),
          };
        }),
    ),
    '',
    say(lang, `Difference rate = |registry − ${base}| ÷ ${base} (S5); record mismatch = staff in one system only ÷ staff in either.`, `差异率 = |${source('registry')} − ${source(base)}| ÷ ${source(base)}（S5）；逐人不匹配率 = 仅在一个系统的人数 ÷ 至少在一个系统的人数。`),
    say(lang, `Findings (${result.findings.length})`, `发现（${result.findings.length} 项）`),
    ...findingLines(result.findings, lang),
  ];
  return lines.join('\n');
}
