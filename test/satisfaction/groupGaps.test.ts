import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/data/readTable';
import type { Table } from '../../src/data/parseTable';
import type { SurveyRow } from '../../src/data/rows';
import { analyseSurvey, DEFAULT_ANALYSIS_OPTIONS, type SurveyAnalysis } from '../../src/satisfaction/analyseSurvey';
import { type GroupGap, groupGaps, holmAdjusted } from '../../src/satisfaction/groupGaps';
import { pathDesign } from '../../src/satisfaction/pathDesign';
import { constructIndices, itemMeans } from '../../src/satisfaction/satisfactionIndex';
import { surveyMatrix } from '../../src/satisfaction/surveyMatrix';
import { loadSurveyModel, type SurveyModel } from '../../src/satisfaction/surveyModel';

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');

describe('holmAdjusted()', () => {
  it('multiplies the k-th smallest p-value by m − k + 1 and keeps the order monotone (hand computation)', () => {
    // Sorted: 0.01 × 3 = 0.03; 0.03 × 2 = 0.06; 0.04 × 1 = 0.04, raised to the running maximum 0.06.
    expect(holmAdjusted([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjusted([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjusted([])).toEqual([]);
  });
});

describe('groupGaps() on the sample survey', () => {
  let table: Table<SurveyRow>;
  let model: SurveyModel;
  let analysis: SurveyAnalysis;
  let gaps: GroupGap[];
  let matrix: ReturnType<typeof surveyMatrix>;

  beforeAll(async () => {
    table = await loadTable(resolve(SAMPLE, 'survey.csv'), 'survey');
    model = loadSurveyModel(resolve(SAMPLE, 'survey_model.json'));
    analysis = await analyseSurvey(table, model, DEFAULT_ANALYSIS_OPTIONS);
    matrix = surveyMatrix(table, model, pathDesign(model), 'mean');
    gaps = groupGaps(analysis.fit, analysis.indexWeights, analysis.scale!, matrix.answers, matrix.weights, matrix.groupings.region!, { permutations: 400, seed: 3, minGroup: 30 });
  });

  it("finds the planted gap: 西北's complaint handling well below the other regions, Holm-adjusted p < 0.001", () => {
    const g = gaps.find((x) => x.group === '西北' && x.construct === 'Complaints')!;
    expect(g.difference).toBeLessThan(-10);
    expect(g.p_adjusted).toBeLessThan(0.001);
    const quality = gaps.find((x) => x.group === '西北' && x.construct === 'Quality')!;
    expect(quality.p_adjusted).toBeLessThan(0.001);
  });

  it('finds nothing where nothing was planted: 华东 and 华北 on every index, and 西北 on its image', () => {
    for (const g of gaps.filter((x) => x.group === '华东' || x.group === '华北' || (x.group === '西北' && x.construct === 'Image'))) {
      expect(g.p_adjusted, `${g.group} ${g.construct}`).toBeGreaterThan(0.05);
    }
  });

  it("gives each region the index of `awb icsi --by region`, and the rest the index of the other respondents' item means", async () => {
    const byRegion = await analyseSurvey(table, model, { ...DEFAULT_ANALYSIS_OPTIONS, by: 'region' });
    const regions = matrix.groupings.region!;
    const code = regions.labels.indexOf('西北');
    const others = Float64Array.from(regions.codes, (c) => (c === code ? 0 : 1));
    const rest = constructIndices(analysis.fit, analysis.indexWeights, itemMeans(matrix.answers, matrix.p, matrix.weights, undefined, others), analysis.scale!);
    model.constructs.forEach((c, j) => {
      const g = gaps.find((x) => x.group === '西北' && x.construct === c.name)!;
      expect(g.group_index).toBeCloseTo(byRegion.groups.find((x) => x.group === '西北')!.index[j]!, 10);
      expect(g.rest_index).toBeCloseTo(rest[j]!, 10);
      expect(g.difference).toBeCloseTo(g.group_index - g.rest_index, 12);
    });
  });

  it('gives the same result for the same seed and leaves out groups below the minimum', () => {
    const again = groupGaps(analysis.fit, analysis.indexWeights, analysis.scale!, matrix.answers, matrix.weights, matrix.groupings.region!, { permutations: 400, seed: 3, minGroup: 30 });
    expect(again).toEqual(gaps);
    const big = groupGaps(analysis.fit, analysis.indexWeights, analysis.scale!, matrix.answers, matrix.weights, matrix.groupings.region!, { permutations: 50, seed: 3, minGroup: 400 });
    expect([...new Set(big.map((g) => g.group))].sort()).toEqual(['华东', '华北', '华南']);
  });

  it('tests no group whose rest is below the minimum (its rest index would be a suppressed group\'s index)', () => {
    // 25 respondents in a group of their own, everyone else in one large group: the small group is
    // suppressed, and the large group against "the rest" would publish the small group's index.
    const n = matrix.weights.length;
    const codes = Int32Array.from({ length: n }, (_, i) => (i < 25 ? 1 : 0));
    const split = groupGaps(analysis.fit, analysis.indexWeights, analysis.scale!, matrix.answers, matrix.weights, { column: 'region', labels: ['large', 'small'], codes }, { permutations: 20, seed: 3, minGroup: 30 });
    expect(split).toEqual([]);
    const both = groupGaps(analysis.fit, analysis.indexWeights, analysis.scale!, matrix.answers, matrix.weights, { column: 'region', labels: ['large', 'small'], codes }, { permutations: 20, seed: 3, minGroup: 20 });
    expect([...new Set(both.map((g) => g.group))].sort()).toEqual(['large', 'small']);
  });
});
