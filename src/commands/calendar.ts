import { copyFileSync, existsSync } from 'node:fs';
import { dayOf, formatDay } from '../data/dates';
import { InputError } from '../data/InputError';
import { DEFAULT_CALENDAR_PATH, loadWorkingCalendar, workingDaysBetween } from '../service/workingCalendar';
import { integerArg, optionalText } from './args';
import { defineCommand } from './command';
import { textTable } from '../present/textTable';

/** `awb calendar`: the working-day calendar S1 §6's time limits are counted on, and a copy to edit. */
export const calendarCommand = defineCommand({
  name: 'calendar',
  summary: "Show the working-day calendar (State Council holiday arrangements, 调休); --export writes a copy of the shipped calendar to edit",
  examples: ['awb calendar', 'awb calendar --year 2025', 'awb calendar --export my-calendar.yaml', 'awb calendar --calendar my-calendar.yaml --json'],
  files: false,
  configure: (c) =>
    c
      .option('--calendar <file>', 'calendar to show (default: the shipped calendar)')
      .option('--year <YYYY>', 'show one year only')
      .option('--export <file>', 'write a copy of the shipped calendar to this new file, to edit and pass with --calendar'),
  parse: (o) => ({
    calendar: optionalText(o, 'calendar'),
    year: optionalText(o, 'year') === null ? null : integerArg(o, 'year', { min: 1900, max: 2999 }),
    export: optionalText(o, 'export'),
  }),
  run: async (p, { lang = 'en' }) => {
    if (p.export !== null) {
      if (existsSync(p.export)) throw new InputError({ argument: '--export', file: p.export }, 'a new file (an existing file is never overwritten)');
      copyFileSync(DEFAULT_CALENDAR_PATH, p.export);
    }
    const calendar = loadWorkingCalendar(p.calendar ?? DEFAULT_CALENDAR_PATH);
    if (p.year !== null && !calendar.years.includes(p.year)) {
      throw new InputError({ argument: '--year', file: calendar.file }, `a year the calendar covers (${calendar.years.join(', ')})`, String(p.year));
    }
    const years = p.year === null ? calendar.years : [p.year];
    const holidays = calendar.holidays
      .filter((h) => years.includes(h.year))
      .map((h) => ({ year: h.year, name: h.name, from: formatDay(h.off[0]), to: formatDay(h.off[1]), days: h.off[1] - h.off[0] + 1, worked: h.worked.map(formatDay).join(', ') }));
    const summary = years.map((y) => ({
      year: y,
      working_days: workingDaysBetween(calendar, dayOf(y, 1, 1) - 1, dayOf(y, 12, 31)),
      notices: calendar.notices[y].map((n) => `${n.number ?? n.title} (${n.date})`).join('; '),
    }));
    const text = (
      lang === 'zh'
        ? [
            `工作日日历 ${calendar.id} ${calendar.version}（${calendar.file}，sha256 ${calendar.sha256.slice(0, 12)}…）：国务院办公厅部分节假日安排（含调休上班日）`,
            '',
            textTable(summary.map((y) => ({ 年度: y.year, 工作日数: y.working_days, 通知: y.notices }))),
            '',
            textTable(holidays.map((h) => ({ 年度: h.year, 节日: h.name, 放假起: h.from, 放假止: h.to, 天数: h.days, 调休上班日: h.worked }))),
            ...(p.export !== null ? ['', `已将日历复制到 ${p.export}；修改后以 --calendar ${p.export} 使用。`] : []),
          ]
        : [
            `Working-day calendar ${calendar.id} ${calendar.version} (${calendar.file}, sha256 ${calendar.sha256.slice(0, 12)}…)`,
            calendar.description,
            '',
            textTable(summary),
            '',
            textTable(holidays),
            ...(p.export !== null ? ['', `Wrote a copy of the shipped calendar to ${p.export}; edit it and pass --calendar ${p.export}.`] : []),
          ]
    ).join('\n');
    return {
      json: {
        id: calendar.id,
        version: calendar.version,
        description: calendar.description,
        file: calendar.file,
        sha256: calendar.sha256,
        years: summary,
        holidays,
        ...(p.export !== null ? { exported: p.export } : {}),
      },
      text,
      inputs: [calendar.file],
    };
  },
});
