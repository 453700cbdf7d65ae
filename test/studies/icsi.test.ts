import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IcsiStudy, icsi } from '../../src/studies/icsi';
import { awb } from '../cli/run';

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
const SURVEY = resolve(SAMPLE, 'survey.csv');
const MODEL = resolve(SAMPLE, 'survey_model.json');

describe('icsi() study', () => {
  let study: IcsiStudy;

  beforeAll(async () => {
    study = await icsi(SURVEY, MODEL, { bootstrap: 200, permutations: 200, seed: 9, threads: 1 });
  });

  it("gives the indices and their bootstrap intervals of `awb icsi --bootstrap 200 --seed 9`", async () => {
    const { code, stdout } = await awb('icsi', '--survey', SURVEY, '--model', MODEL, '--bootstrap', '200', '--seed', '9', '--threads', '1', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    for (const c of study.constructs) {
      expect(c.index).toBe(json.index[c.construct]);
      expect(c.ci_low).toBe(json.index_intervals[c.construct].ci_low);
      expect(c.ci_high).toBe(json.index_intervals[c.construct].ci_high);
    }
    expect(study.headline.construct).toBe('Satisfaction');
  });

  it('gives each company, region and stage the index and respondents of `awb icsi --by <column>`', async () => {
    for (const g of study.groups) {
      const { stdout } = await awb('icsi', '--survey', SURVEY, '--model', MODEL, '--by', g.column, '--json');
      const json = JSON.parse(stdout);
      expect(g.groups.map((x) => x.group)).toEqual(json.groups.map((x: { group: string }) => x.group));
      g.groups.forEach((x, i) => {
        expect(x.n).toBe(json.groups[i].n);
        study.model.constructs.forEach((c, j) => expect(x.index[j]).toBe(json.groups[i].index[c.name]));
      });
      expect(g.groups.reduce((s, x) => s + x.n, 0) + g.suppressed.respondents).toBe(study.n);
    }
  });

  it('ranks the items by their gain on satisfaction: importance of their construct × index weight, none of satisfaction itself', () => {
    const d = study.drivers.find((x) => x.target === 'Satisfaction')!;
    const a = study.analysis;
    for (const item of d.items) {
      const h = a.design.items.indexOf(item.item);
      const importance = d.constructs.find((c) => c.construct === item.construct)!.importance;
      expect(item.gain).toBeCloseTo(importance * a.indexWeights[h]!, 12);
      expect(item.construct).not.toBe('Satisfaction');
    }
    expect(d.items.map((i) => i.gain)).toEqual([...d.items.map((i) => i.gain)].sort((x, y) => y - x));
  });

  it('holds no respondent-level value: neither an identifier nor a phone number anywhere in the result', () => {
    const text = JSON.stringify(study, (_, v) => (v instanceof Float64Array ? [] : v));
    expect(text).not.toMatch(/RSP-\d/);
    expect(text).not.toMatch(/000-\d{4}-\d{4}/);
  });
});
