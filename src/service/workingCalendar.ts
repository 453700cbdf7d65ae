import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type DayNumber, dayOf, formatDay, parseDayText, yearOf } from '../data/dates';
import { InputError } from '../data/InputError';

/** A State Council notice that arranges a year's holidays. */
export interface CalendarNotice {
  /** The document number (国办发明电〔2024〕12号), or null where the calendar does not record it. */
  readonly number: string | null;
  readonly title: string;
  /** Date of the notice, ISO. */
  readonly date: string;
}

/** One holiday of a year: its days off and the weekend days worked instead (调休). */
export interface CalendarHoliday {
  /** The year whose notice arranges it (a New Year holiday may start in the December before). */
  readonly year: number;
  readonly name: string;
  /** First and last day off, inclusive. */
  readonly off: readonly [DayNumber, DayNumber];
  /** Saturdays or Sundays that are working days instead. */
  readonly worked: readonly DayNumber[];
}

/**
 * A working-day calendar: the years it covers (consecutive), their notices and holidays, and a
 * running count of working days over the covered span for constant-time counting.
 */
export interface WorkingCalendar {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  /** The file it was read from, and the SHA-256 of its bytes (recorded with every result). */
  readonly file: string;
  readonly sha256: string;
  /** The covered years, ascending and consecutive. */
  readonly years: readonly number[];
  readonly notices: Readonly<Record<number, readonly CalendarNotice[]>>;
  readonly holidays: readonly CalendarHoliday[];
  /** 1 January of the first covered year. */
  readonly first: DayNumber;
  /** 31 December of the last covered year. */
  readonly last: DayNumber;
  /** cumulative[i] = working days from `first` to `first + i`, both included. */
  readonly cumulative: Uint32Array;
}

/** The calendar shipped with the workbench (works from both src/ and dist/). */
export const DEFAULT_CALENDAR_PATH = resolve(__dirname, '..', '..', 'src', 'service', 'cn-working-days.yaml');

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function dateField(value: unknown, where: { file: string; column: string }): DayNumber {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  const day = parseDayText(text);
  if (day === null) throw new InputError(where, 'a real calendar date as YYYY-MM-DD', text);
  return day;
}

/**
 * Loads and checks a working-day calendar file (YAML; the shipped one by default). Checks that
 * the years are consecutive, that every holiday's day count (`days`, the notice's 共N天) equals
 * its range, that every worked day is a weekend day, that no day is both off and worked, and
 * that each year cites at least one notice.
 * @throws InputError naming the file and the year or holiday that is wrong.
 * @example loadWorkingCalendar().years // [2019, 2020, …, 2026]
 */
export function loadWorkingCalendar(path: string = DEFAULT_CALENDAR_PATH): WorkingCalendar {
  if (!existsSync(path)) throw new InputError({ file: path }, 'an existing working-day calendar file (YAML; awb calendar --export writes one)');
  const bytes = readFileSync(path);
  let doc: unknown;
  try {
    doc = parseYaml(bytes.toString('utf8'));
  } catch (error) {
    throw new InputError({ file: path }, `a YAML calendar (${(error as Error).message.split('\n')[0]})`);
  }
  const d = doc as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || !d.years || typeof d.years !== 'object') throw new InputError({ file: path }, 'a calendar with id, version, weekend and years');
  for (const key of ['id', 'version'] as const) {
    if (typeof d[key] !== 'string' && typeof d[key] !== 'number') throw new InputError({ file: path, column: key }, `the calendar's ${key}`);
  }
  const weekend = (Array.isArray(d.weekend) ? d.weekend : ['saturday', 'sunday']).map((w) => {
    const index = WEEKDAYS.indexOf(String(w).toLowerCase() as (typeof WEEKDAYS)[number]);
    if (index < 0) throw new InputError({ file: path, column: 'weekend' }, `days of the week (${WEEKDAYS.join(', ')})`, String(w));
    return index;
  });
  const years = Object.keys(d.years as object)
    .map((y) => {
      if (!/^\d{4}$/.test(y)) throw new InputError({ file: path, column: `years.${y}` }, 'a year as YYYY');
      return Number(y);
    })
    .sort((a, b) => a - b);
  if (years.length === 0) throw new InputError({ file: path, column: 'years' }, 'at least one year');
  years.forEach((y, i) => {
    if (i > 0 && y !== years[i - 1] + 1) throw new InputError({ file: path, column: 'years' }, `consecutive years (${years[i - 1] + 1} is missing between ${years[i - 1]} and ${y})`);
  });
  const notices: Record<number, CalendarNotice[]> = {};
  const holidays: CalendarHoliday[] = [];
  for (const year of years) {
    const entry = (d.years as Record<string, unknown>)[String(year)] as Record<string, unknown> | null;
    const where = (column: string) => ({ file: path, column: `years.${year}.${column}` });
    const list = entry?.notices;
    if (!Array.isArray(list) || list.length === 0) throw new InputError(where('notices'), 'the State Council notice(s) that arrange the year (number, title, date)');
    notices[year] = list.map((n, i) => {
      const notice = n as Record<string, unknown>;
      if (typeof notice?.title !== 'string') throw new InputError(where(`notices[${i}].title`), "the notice's title");
      return { number: typeof notice.number === 'string' ? notice.number : null, title: notice.title, date: formatDay(dateField(notice.date, where(`notices[${i}].date`))) };
    });
    const hs = entry?.holidays;
    if (!Array.isArray(hs)) throw new InputError(where('holidays'), 'a list of holidays');
    hs.forEach((raw, i) => {
      const h = raw as Record<string, unknown>;
      const name = String(h?.name ?? `#${i + 1}`);
      const at = (column: string) => where(`holidays.${name}.${column}`);
      if (!Array.isArray(h?.off) || h.off.length !== 2) throw new InputError(at('off'), 'the first and last day off, [YYYY-MM-DD, YYYY-MM-DD]');
      const from = dateField(h.off[0], at('off'));
      const to = dateField(h.off[1], at('off'));
      if (to < from) throw new InputError(at('off'), 'a last day off on or after the first', `${formatDay(from)} … ${formatDay(to)}`);
      if (typeof h.days !== 'number' || h.days !== to - from + 1) {
        throw new InputError(at('days'), `the notice's count of days off (共N天), equal to the range ${formatDay(from)}–${formatDay(to)} (${to - from + 1} days)`, String(h.days));
      }
      const worked = (Array.isArray(h.worked) ? h.worked : []).map((w) => {
        const day = dateField(w, at('worked'));
        if (!weekend.includes(weekdayOf(day))) throw new InputError(at('worked'), 'worked days (上班) that fall on a weekend', `${formatDay(day)}, a ${WEEKDAYS[weekdayOf(day)]}`);
        if (day >= from && day <= to) throw new InputError(at('worked'), 'worked days outside the days off', formatDay(day));
        return day;
      });
      holidays.push({ year, name, off: [from, to], worked });
    });
  }
  const first = dayOf(years[0], 1, 1);
  const last = dayOf(years[years.length - 1], 12, 31);
  const working = new Uint8Array(last - first + 1);
  for (let day = first; day <= last; day++) working[day - first] = weekend.includes(weekdayOf(day)) ? 0 : 1;
  const offDays = new Set<number>();
  for (const h of holidays) {
    for (let day = h.off[0]; day <= h.off[1]; day++) {
      offDays.add(day);
      if (day >= first && day <= last) working[day - first] = 0;
    }
  }
  for (const h of holidays) {
    for (const day of h.worked) {
      if (offDays.has(day)) throw new InputError({ file: path, column: `years.${h.year}.holidays.${h.name}.worked` }, 'a day that no holiday gives off', formatDay(day));
      if (day >= first && day <= last) working[day - first] = 1;
    }
  }
  const cumulative = new Uint32Array(working.length);
  let running = 0;
  for (let i = 0; i < working.length; i++) cumulative[i] = running += working[i];
  return {
    id: String(d.id),
    version: String(d.version),
    description: String(d.description ?? ''),
    file: path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    years,
    notices,
    holidays,
    first,
    last,
    cumulative,
  };
}

/** Whether the calendar covers a day (its year is one of the calendar's years). */
export function coversDay(calendar: WorkingCalendar, day: number): boolean {
  return day >= calendar.first && day <= calendar.last;
}

/** The covered span as text for messages: `2019–2026`. */
export function coveredYearsText(calendar: WorkingCalendar): string {
  const ys = calendar.years;
  return ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`;
}

/**
 * The error for a day outside the calendar: a year missing is an error, never a guess.
 * @example calendarGap(calendar, dayOf(2027, 1, 4)).message // '…: expected a year the working-day calendar covers (2019–2026), found "2027-01-04"'
 */
export function calendarGap(calendar: WorkingCalendar, day: number): InputError {
  return new InputError(
    { file: calendar.file, column: `years.${yearOf(day)}` },
    `a year the working-day calendar covers (${coveredYearsText(calendar)}; add the State Council's notice for ${yearOf(day)} to a copy from awb calendar --export and pass --calendar)`,
    formatDay(day),
  );
}

function index(calendar: WorkingCalendar, day: number): number {
  if (!coversDay(calendar, day)) throw calendarGap(calendar, day);
  return day - calendar.first;
}

/**
 * Whether a day is a working day: Monday to Friday unless a holiday gives it off, or a weekend day
 * a holiday lists as worked (调休).
 * @throws InputError when the calendar does not cover the day's year.
 * @example isWorkingDay(calendar, dayOf(2025, 10, 11)) // true (Saturday worked for National Day)
 * @example isWorkingDay(calendar, dayOf(2025, 10, 8)) // false (Wednesday, National Day holiday)
 */
export function isWorkingDay(calendar: WorkingCalendar, day: number): boolean {
  const i = index(calendar, day);
  return calendar.cumulative[i] - (i === 0 ? 0 : calendar.cumulative[i - 1]) === 1;
}

/**
 * The number of working days after `from` up to and including `to`: W(from, to] (0 when `to` ≤ `from`).
 * Needs the calendar to cover `from` … `to`, except that `from` may be the day before its first day.
 * @throws InputError when the calendar does not cover a day counted.
 * @example workingDaysBetween(calendar, dayOf(2025, 9, 30), dayOf(2025, 10, 11)) // 3 (9, 10 and Saturday 11 October)
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const upper = calendar.cumulative[index(calendar, to)];
  const lower = from === calendar.first - 1 ? 0 : calendar.cumulative[index(calendar, from)];
  return upper - lower;
}

/**
 * The n-th working day after `from` (n ≥ 1), or `from` itself for n = 0.
 * @throws InputError when the calendar ends before that day.
 * @example formatDay(nthWorkingDayAfter(calendar, dayOf(2025, 9, 30), 2)) // '2025-10-10'
 */
export function nthWorkingDayAfter(calendar: WorkingCalendar, from: number, n: number): DayNumber {
  let day = from;
  for (let k = 0; k < n; ) {
    day++;
    if (isWorkingDay(calendar, day)) k++;
  }
  return day as DayNumber;
}
