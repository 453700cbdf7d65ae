import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { dayOf, formatDay, parseDayText } from '../../src/data/dates';
import { InputError } from '../../src/data/InputError';
import { DEFAULT_CALENDAR_PATH, isWorkingDay, loadWorkingCalendar, nthWorkingDayAfter, weekdayOf, workingDaysBetween } from '../../src/service/workingCalendar';
import { NOTICES } from '../fixtures/service/stateCouncilNotices';

const calendar = loadWorkingCalendar();
const day = (iso: string) => parseDayText(iso)!;

function edited(edit: (text: string) => string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'awb-calendar-')), 'calendar.yaml');
  writeFileSync(file, edit(readFileSync(DEFAULT_CALENDAR_PATH, 'utf8')));
  return file;
}

describe('the shipped working-day calendar against the State Council notices', () => {
  it('covers 2019 to 2026 and cites a notice for every year', () => {
    expect(calendar.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const year of calendar.years) expect(calendar.notices[year].length).toBeGreaterThan(0);
    expect(calendar.notices[2025][0].number).toBe('国办发明电〔2024〕12号');
  });

  it('lists every holiday of every notice: first day off, the days the notice counts, the days worked', () => {
    for (const year of calendar.years) {
      const shipped = calendar.holidays.filter((h) => h.year === year).map((h) => ({ name: h.name, first: formatDay(h.off[0]), days: h.off[1] - h.off[0] + 1, worked: h.worked.map(formatDay) }));
      expect(shipped, String(year)).toEqual(NOTICES[year].map((h) => ({ name: h.name, first: h.first, days: h.days, worked: h.worked.map(([d]) => d) })));
    }
  });

  it('every worked day falls on the weekday the notice prints beside it', () => {
    for (const year of calendar.years) for (const h of NOTICES[year]) for (const [d, weekday] of h.worked) expect(weekdayOf(day(d)), d).toBe(weekday);
  });

  it('agrees day by day, 2019-01-01 to 2026-12-31, with the npm package chinese-days 1.5.7', () => {
    const differing: string[] = [];
    for (let d = dayOf(2019, 1, 1); d <= dayOf(2026, 12, 31); d++) {
      if (isWorkingDay(calendar, d) !== isWorkday(formatDay(d))) differing.push(formatDay(d));
    }
    expect(differing).toEqual([]);
  });

  it('has 248 working days in 2025, counted by hand from the notice', () => {
    // 2025 starts on a Wednesday: 52 weeks and one Wednesday, 261 weekdays. Weekdays given off:
    // 1 Jan (1); 28, 29, 30, 31 Jan, 3, 4 Feb (6); 4 Apr (1); 1, 2, 5 May (3); 2 Jun (1);
    // 1, 2, 3, 6, 7, 8 Oct (6) = 18. Weekend days worked: 26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct = 5.
    // 261 − 18 + 5 = 248.
    expect(workingDaysBetween(calendar, dayOf(2024, 12, 31), dayOf(2025, 12, 31))).toBe(248);
  });
});

describe('working days around the 2025 National Day holiday (国庆节、中秋节: 1–8 October off; Sunday 28 September and Saturday 11 October worked)', () => {
  it('knows the adjusted weekends and the holiday weekdays', () => {
    expect(isWorkingDay(calendar, dayOf(2025, 9, 28))).toBe(true); // Sunday, worked
    expect(isWorkingDay(calendar, dayOf(2025, 10, 1))).toBe(false); // Wednesday, holiday
    expect(isWorkingDay(calendar, dayOf(2025, 10, 8))).toBe(false); // Wednesday, holiday
    expect(isWorkingDay(calendar, dayOf(2025, 10, 9))).toBe(true);
    expect(isWorkingDay(calendar, dayOf(2025, 10, 11))).toBe(true); // Saturday, worked
    expect(isWorkingDay(calendar, dayOf(2025, 10, 12))).toBe(false); // Sunday
  });

  it('counts W(30 Sep, 11 Oct] = 3 and finds the 2nd working day after 30 September on 10 October', () => {
    expect(workingDaysBetween(calendar, dayOf(2025, 9, 30), dayOf(2025, 10, 11))).toBe(3);
    expect(formatDay(nthWorkingDayAfter(calendar, dayOf(2025, 9, 30), 2))).toBe('2025-10-10');
    expect(formatDay(nthWorkingDayAfter(calendar, dayOf(2025, 9, 26), 1))).toBe('2025-09-28');
  });
});

describe('a year missing is an error, not a guess', () => {
  it('refuses a day of 2027 (no notice loaded)', () => {
    expect(() => isWorkingDay(calendar, dayOf(2027, 1, 4))).toThrow(InputError);
    expect(() => isWorkingDay(calendar, dayOf(2027, 1, 4))).toThrow(/expected a year the working-day calendar covers \(2019–2026.*found "2027-01-04"/);
    expect(() => nthWorkingDayAfter(calendar, dayOf(2026, 12, 30), 2)).toThrow(/2027-01-01/);
  });

  it('refuses a calendar whose years have a gap', () => {
    const file = edited((t) => t.replace(/\n {2}2022:\n[\s\S]*?\n {2}2023:/, '\n  2023:'));
    expect(() => loadWorkingCalendar(file)).toThrow(/consecutive years \(2022 is missing between 2021 and 2023\)/);
  });
});

describe('an edited calendar is checked', () => {
  it("refuses a holiday whose day count differs from its range (the notice's 共N天)", () => {
    const file = edited((t) => t.replace('off: [2025-10-01, 2025-10-08], days: 8', 'off: [2025-10-01, 2025-10-07], days: 8'));
    expect(() => loadWorkingCalendar(file)).toThrow(/years\.2025\.holidays\.国庆节、中秋节\.days: expected the notice's count of days off/);
  });

  it('refuses a worked day that is not a weekend day', () => {
    const file = edited((t) => t.replace('worked: [2025-09-28, 2025-10-11]', 'worked: [2025-09-29, 2025-10-11]'));
    expect(() => loadWorkingCalendar(file)).toThrow(/worked days \(上班\) that fall on a weekend, found "2025-09-29, a monday"/);
  });

  it('uses an edited arrangement, and records its own hash', () => {
    // A company that also closes on Friday 26 December 2025 (an invented change, for the test).
    const file = edited((t) => t.replace('version: 2026.12.1', 'version: test').replace("  2026:\n", "      - { name: 公司假日, off: [2025-12-26, 2025-12-26], days: 1 }\n  2026:\n"));
    const own = loadWorkingCalendar(file);
    expect(own.version).toBe('test');
    expect(own.sha256).not.toBe(calendar.sha256);
    expect(isWorkingDay(own, dayOf(2025, 12, 26))).toBe(false);
    expect(isWorkingDay(calendar, dayOf(2025, 12, 26))).toBe(true);
  });
});
