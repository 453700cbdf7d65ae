import { describe, expect, it } from 'vitest';
import { addYears, dayOf, ymdOf } from '../../src/data/dates';
import { anniversaryDay, civilToDay, dayToCivil } from '../../src/exposure/civilDays';

describe('integer calendar arithmetic agrees with the Date-based helpers', () => {
  it('maps every day from 1899-12-01 to 2101-01-31 both ways like dayOf and ymdOf', () => {
    const out = new Int32Array(3);
    for (let day = dayOf(1899, 12, 1); day <= dayOf(2101, 1, 31); day++) {
      const { year, month, day: d } = ymdOf(day);
      dayToCivil(day, out);
      expect([out[0], out[1], out[2]]).toEqual([year, month, d]);
      if (d === 1 || d === 29) expect(civilToDay(year, month, d)).toBe(day);
    }
  });

  it('puts anniversaries where addYears does, 29 February falling back to 28 February', () => {
    for (const [y, m, d] of [[2020, 2, 29], [2019, 3, 1], [2000, 2, 29], [2023, 12, 31]] as const) {
      for (let k = 0; k <= 105; k++) expect(anniversaryDay(y, m, d, k), `${y}-${m}-${d} + ${k}`).toBe(addYears(dayOf(y, m, d), k));
    }
    expect(ymdOf(anniversaryDay(2020, 2, 29, 1))).toEqual({ year: 2021, month: 2, day: 28 });
    expect(ymdOf(anniversaryDay(2020, 2, 29, 4))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
