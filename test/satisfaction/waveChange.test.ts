import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/data/readTable';
import type { Table } from '../../src/data/parseTable';
import type { SurveyRow } from '../../src/data/rows';
import { compareWaves, type WaveOptions } from '../../src/satisfaction/waveChange';
import { loadSurveyModel, type SurveyModel } from '../../src/satisfaction/surveyModel';

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
const OPTIONS: WaveOptions = { scheme: 'path', scaled: true, missing: 'mean', by: 'region', minGroup: 30, resamples: 200, permutations: 100, seed: 5, threads: 1 };

describe('compareWaves()', () => {
  let current: Table<SurveyRow>;
  let previous: Table<SurveyRow>;
  let model: SurveyModel;

  beforeAll(async () => {
    current = await loadTable(resolve(SAMPLE, 'survey.csv'), 'survey');
    previous = await loadTable(resolve(SAMPLE, 'survey_2024.csv'), 'survey');
    model = loadSurveyModel(resolve(SAMPLE, 'survey_model.json'));
  });

  it('finds no change between a survey and itself: every change 0, every interval around 0 with some width, composites invariant (c = 1)', async () => {
    const same = await compareWaves(current, current, model, OPTIONS);
    expect(same.changes.length).toBe(7 * 8);
    for (const c of same.changes) {
      expect(c.change, `${c.group} ${c.construct}`).toBe(0);
      expect(c.ci_low).toBeLessThan(0);
      expect(c.ci_high).toBeGreaterThan(0);
    }
    for (const row of same.compositional) {
      expect(row.c).toBeCloseTo(1, 12);
      expect(row.invariant).toBe(true);
    }
    expect(same.comparable).toBe(true);
  });

  it("finds the gap 西北 opened in 2025 and no change where none was planted (华东's complaint handling)", async () => {
    const waves = await compareWaves(current, previous, model, OPTIONS);
    const nw = waves.changes.find((c) => c.group === '西北' && c.construct === 'Complaints')!;
    expect(nw.change).toBeLessThan(-8);
    expect(nw.ci_high).toBeLessThan(0);
    expect(nw.change).toBeCloseTo(nw.current - nw.previous, 12);
    const east = waves.changes.find((c) => c.group === '华东' && c.construct === 'Complaints')!;
    expect(east.ci_low).toBeLessThan(0);
    expect(east.ci_high).toBeGreaterThan(0);
    expect(waves.comparable).toBe(true);
  });
});
