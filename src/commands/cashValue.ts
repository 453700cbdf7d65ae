import { say } from '../present/words';
import { type DayNumber, parseDayText } from '../data/dates';
import { InputError } from '../data/InputError';
import { cashValueSchedule, type ScheduleGranularity, termDaysFromMonths } from '../expense/cashValueSchedule';
import { minimumCashValue } from '../expense/minimumCashValue';
import { choiceArg, dateArg, decimalArg, integerArg, moneyArg, optionalText } from './args';
import { defineCommand } from './command';

/** S1 §9.5 covers terms of one year or less: at most 12 months, at most 366 days. */
const MAX_TERM_MONTHS = 12;
const MAX_TERM_DAYS = 366;

/** `awb cash-value`: the minimum cash value of a short-term internet product (S1 §9.5), at a day or over the term. */
export const cashValueCommand = defineCommand({
  name: 'cash-value',
  summary: 'Minimum cash value of a short-term internet product: net premium × (1 − m/n), S1 §9.5; --schedule for the whole term',
  examples: [
    'awb cash-value --net-premium 365.00 --term-days 365 --days-in-force 100.5',
    'awb cash-value --net-premium 120 --term-days 366 --days-in-force 30 --json',
    'awb cash-value --net-premium 365.00 --issue-date 2025-01-15 --term-months 12 --schedule month-end',
    'awb cash-value --net-premium 99.00 --term-days 30 --schedule day --out evidence/cash-value-P02',
  ],
  configure: (c) =>
    c
      .requiredOption('--net-premium <yuan>', 'net premium in yuan (at most two decimals)')
      .option('--term-days <n>', 'days in the term, n (at most 366)')
      .option('--term-months <n>', 'the term in whole months (at most 12), with --issue-date: n = days from the issue date to the same date n months later')
      .option('--issue-date <YYYY-MM-DD>', 'first day of cover (dates the schedule; needed for --term-months and --schedule month-end)')
      .option('--days-in-force <d>', 'days in force; a part day counts as a whole day (m = ⌈d⌉)')
      .option('--schedule <day|month-end>', 'print the minimum cash value for every day of the term, or at every month-end'),
  parse: (o) => {
    const issue_date = optionalText(o, 'issue-date') === null ? null : dateArg(o, 'issue-date');
    const hasDays = optionalText(o, 'term-days') !== null;
    const hasMonths = optionalText(o, 'term-months') !== null;
    if (hasDays === hasMonths) throw new InputError({ argument: '--term-days' }, 'either --term-days, or --term-months with --issue-date (not both)');
    const term_months = hasMonths ? integerArg(o, 'term-months', { min: 1, max: MAX_TERM_MONTHS }) : null;
    if (term_months !== null && issue_date === null) throw new InputError({ argument: '--issue-date' }, 'an issue date to count the days of a term given in months');
    const term_days = term_months !== null ? termDaysFromMonths(parseDayText(issue_date!)!, term_months) : integerArg(o, 'term-days', { min: 1, max: MAX_TERM_DAYS });
    const days_in_force = optionalText(o, 'days-in-force') === null ? null : decimalArg(o, 'days-in-force', { min: 0 });
    const schedule: ScheduleGranularity | null = optionalText(o, 'schedule') === null ? null : choiceArg(o, 'schedule', ['day', 'month-end'] as const);
    if (days_in_force === null && schedule === null) throw new InputError({ argument: '--days-in-force' }, 'the days in force, or --schedule day|month-end');
    if (days_in_force !== null && Math.ceil(Number(days_in_force)) > term_days) {
      throw new InputError({ argument: '--days-in-force' }, `at most the term of ${term_days} days`, days_in_force);
    }
    if (schedule === 'month-end' && issue_date === null) throw new InputError({ argument: '--issue-date' }, 'the issue date for a month-end schedule');
    return { net_premium: moneyArg(o, 'net-premium'), term_days, term_months, issue_date, days_in_force, schedule };
  },
  run: async (p, { lang = 'en' }) => {
    const issue = p.issue_date === null ? undefined : (parseDayText(p.issue_date) as DayNumber);
    const value = p.days_in_force === null ? null : minimumCashValue(p.net_premium, p.term_days, p.days_in_force);
    const m = p.days_in_force === null ? null : Math.ceil(Number(p.days_in_force));
    const schedule = p.schedule === null ? [] : cashValueSchedule(p.net_premium, p.term_days, p.schedule, issue);
    const rows = schedule.map((s) => ({ days_in_force: s.days_in_force, date: s.date, minimum_cash_value: s.minimum_cash_value.toNumber() }));
    const lines: string[] = [];
    if (value !== null) {
      lines.push(
        say(
          lang,
          `Minimum cash value: ${value.toFixed(2)} yuan  (= ${p.net_premium} × (1 − ${m}/${p.term_days}), part days counted as whole, S1 §9.5)`,
          `最低现金价值：${value.toFixed(2)} 元（= ${p.net_premium} × (1 − ${m}/${p.term_days})，不足一日按一日计算，S1 第（九）条第5项）`,
        ),
      );
    }
    if (p.schedule !== null) {
      const granularity = say(lang, p.schedule, p.schedule === 'day' ? '逐日' : '每月末');
      lines.push(
        say(
          lang,
          `Minimum cash value schedule (${granularity}), net premium ${p.net_premium} yuan, n = ${p.term_days} days${p.issue_date ? `, issued ${p.issue_date}` : ''}:`,
          `最低现金价值表（${granularity}），净保费 ${p.net_premium} 元，保险期间 n = ${p.term_days} 日${p.issue_date ? `，生效日期 ${p.issue_date}` : ''}：`,
        ),
      );
      lines.push(say(lang, '  m (days)  date        minimum cash value', '  已生效天数m  日期        最低现金价值（元）'));
      const [mWidth, valueWidth] = lang === 'zh' ? [11, 18] : [8, 12];
      for (const s of schedule) lines.push(`  ${String(s.days_in_force).padStart(mWidth)}  ${(s.date ?? '').padEnd(10)}  ${s.minimum_cash_value.toFixed(2).padStart(valueWidth)}`);
    }
    return {
      json: {
        minimum_cash_value: value === null ? null : value.toNumber(),
        net_premium: Number(p.net_premium),
        term_days: p.term_days,
        days_in_force_counted: m,
        ...(p.schedule !== null ? { schedule: rows } : {}),
      },
      text: lines.join('\n'),
      inputs: [],
      tables: {
        ...(value !== null ? { minimum_cash_value: [{ net_premium: Number(p.net_premium), term_days: p.term_days, days_in_force_counted: m, minimum_cash_value: value.toNumber() }] } : {}),
        ...(p.schedule !== null ? { schedule: rows } : {}),
      },
    };
  },
});
