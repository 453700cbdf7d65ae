import { serviceOnTimeFigure } from '../charts/serviceCharts';
import { formatDay, parseDayText } from '../data/dates';
import { InputError } from '../data/InputError';
import { type Period, parsePeriodText } from '../data/period';
import { findingRows } from '../rules/findingRows';
import { percentText } from '../rules/percentText';
import { limitText, limitTextZh } from '../service/serviceLimits';

type TimeLimit = Parameters<typeof limitText>[0];
import { branchRows, exceptionRows, serviceRows } from '../service/serviceRows';
import { SERVICE_GROUP_COLUMNS, SERVICE_TYPE_ZH, type ServiceStandards, typeTotals } from '../service/serviceStandards';
import { type ServiceStudy, studyServiceStandards } from '../service/studyServiceStandards';
import { choiceArg, dateArg, optionalText, requiredText } from './args';
import { type CommandOutput, defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';
import type { Lang } from '../present/column';
import { textTable } from '../present/textTable';
import { say } from '../present/words';
import { findingLines } from './findingLines';

function serviceText(study: ServiceStandards, lang: Lang): string {
  const limit = (l: TimeLimit) => (lang === 'zh' ? limitTextZh(l) : limitText(l));
  const lines = [
    say(
      lang,
      `Online service standards (S1 §6), events received in ${study.period} (${formatDay(study.from)} to ${formatDay(study.to)}), judged at ${formatDay(study.as_of)}`,
      `在线服务标准（S1 第（六）条）：${study.period}（${formatDay(study.from)}至${formatDay(study.to)}）接收的服务事项，于 ${formatDay(study.as_of)} 判定`,
    ),
    say(
      lang,
      `Working days: calendar ${study.calendar.id} ${study.calendar.version} (${study.calendar.years}); receipt day ${study.convention.receipt_day_counted ? 'counted' : 'not counted'}`,
      `工作日：日历 ${study.calendar.id} ${study.calendar.version}（${study.calendar.years}）；接收当日${study.convention.receipt_day_counted ? '计入' : '不计入'}`,
    ),
    '',
    textTable(
      typeTotals(study).map((c) => ({
        [say(lang, 'type', '服务类型')]: lang === 'zh' ? (SERVICE_TYPE_ZH[c.type] ?? c.type) : c.type,
        [say(lang, 'limit', '时限')]: c.limit === null ? say(lang, 'connection', '接通率') : `${limit(c.limit)}${c.complex_limit ? ` / ${limit(c.complex_limit)}` : ''}`,
        [say(lang, 'events', '事项数')]: c.events,
        [say(lang, 'on_time', '按时')]: c.on_time,
        [say(lang, 'late', '逾期完成')]: c.late,
        [say(lang, 'open_overdue', '逾期未完成')]: c.open_overdue,
        [say(lang, 'rate', '达成率')]: c.on_time_rate !== null ? percentText(c.on_time_rate, undefined, 2) : c.connection_rate !== null ? percentText(c.connection_rate, undefined, 2) : null,
        [say(lang, 'median', '中位数')]: c.median_working_days,
        [say(lang, 'p95', '95分位')]: c.p95_working_days,
      })),
    ),
  ];
  if (study.out_of_channel > 0) lines.push('', say(lang, `${study.out_of_channel} offline events are outside S1 §6's online standards and were not judged.`, `${study.out_of_channel} 件线下服务不属于 S1 第（六）条的在线服务标准，未作判定。`));
  lines.push('', say(lang, `Findings (${study.findings.length}):`, `发现（${study.findings.length} 项）：`), ...findingLines(study.findings, lang));
  return lines.join('\n');
}

/** `awb service`: S1 §6's online service time limits on the State Council working-day calendar. */
export const serviceCommand = defineCommand({
  name: 'service',
  summary: 'Online service standards of S1 §6: time limits in working days (State Council calendar, 调休 included), on-time rates, connection rate',
  examples: [
    'awb service --data data/sample --quarter 2025Q4',
    'awb service --data data/sample --quarter 2025Q1 --by branch --json',
    'awb service --data data/sample --year 2025 --calendar my-calendar.yaml --out output/service-2025',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .requiredOption('--data <dir>', 'data folder with service_events')
      .option('--quarter <YYYYQn>', 'the events received in this quarter (or --year)')
      .option('--year <YYYY>', 'the events received in this year (or --quarter)')
      .option('--as-of <YYYY-MM-DD>', 'judge open events at this date (default: the last day of the period)')
      .option('--by <region|branch|channel>', 'breakdown besides the totals per type', 'region')
      .option('--rules <file>', 'a rulebook to use instead of the default (awb rules --export)')
      .option('--calendar <file>', 'a working-day calendar to use instead of the shipped one (awb calendar --export)'),
  parse: (o) => {
    const quarter = optionalText(o, 'quarter');
    const year = optionalText(o, 'year');
    if ((quarter === null) === (year === null)) throw new InputError({ argument: '--quarter' }, 'either --quarter YYYYQn or --year YYYY');
    const text = (quarter ?? year)!.trim();
    const period = parsePeriodText(text);
    if (period === null || (quarter !== null ? !/Q/.test(period) : /Q/.test(period))) {
      throw new InputError({ argument: quarter !== null ? '--quarter' : '--year' }, quarter !== null ? 'a quarter as YYYYQn (2025Q4)' : 'a year as YYYY', text);
    }
    return {
      data: requiredText(o, 'data', 'a data folder'),
      period: period as string,
      as_of: optionalText(o, 'as-of') === null ? null : dateArg(o, 'as-of'),
      by: choiceArg(o, 'by', SERVICE_GROUP_COLUMNS, 'region'),
      rules: optionalText(o, 'rules'),
      calendar: optionalText(o, 'calendar'),
      ...readParams(o),
    };
  },
  run: async (p, { lang = 'en' }) => {
    const { study, rulebook, calendar, inputs } = await studyServiceStandards({
      data: p.data,
      period: p.period as Period,
      asOf: p.as_of === null ? undefined : parseDayText(p.as_of)!,
      by: p.by,
      rules: p.rules,
      calendar: p.calendar,
      read: readOptionsOf(p),
    });
    return serviceOutput(study, rulebook, calendar, inputs, lang);
  },
});

/** What `awb service` prints and files for a study of S1 §6: on-time rates by service type and group, branches, exceptions, findings. */
export function serviceOutput(study: ServiceStandards, rulebook: ServiceStudy['rulebook'], calendar: ServiceStudy['calendar'], inputs: readonly string[], lang: Lang = 'en'): CommandOutput {
    const rows = serviceRows(study);
    const branches = branchRows(study);
    const exceptions = exceptionRows(study);
    return {
      json: {
        period: study.period,
        from: formatDay(study.from),
        to: formatDay(study.to),
        as_of: formatDay(study.as_of),
        by: study.by,
        rulebook: { id: rulebook.id, version: rulebook.version, sha256: rulebook.sha256 },
        calendar: { id: calendar.id, version: calendar.version, sha256: calendar.sha256, years: study.calendar.years },
        convention: study.convention,
        rows,
        branches,
        exceptions,
        out_of_channel: study.out_of_channel,
        findings: study.findings,
      },
      text: serviceText(study, lang),
      inputs,
      tables: { rows, branches, exceptions, findings: findingRows(study.findings) },
      charts: { on_time_rates: serviceOnTimeFigure(study) },
      rulebook,
    };
}
