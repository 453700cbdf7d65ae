import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { Dec } from '../../src/money/decimal';
import { DEFAULT_EVALUATION_MODEL_PATH, loadEvaluationModel } from '../../src/service/evaluationModel';
import { indicatorScore } from '../../src/service/indicatorScore';
import { evaluateService, HEAD_OFFICE } from '../../src/service/serviceEvaluation';
import { awb } from '../cli/run';
import { SAMPLE_DIR } from '../sample/sampleData';
import { smallServiceFolder, times } from './smallCompany';

/** A small model written for the hand computation below. */
const MODEL = `id: test-model
version: '1'
owner: test
indices:
  - id: t
    weight: 0.6
    indicators:
      - { id: ps, formula: on_time_rate, event_type: policy_service, standard: 1, zero_at: 0.8, weight: 0.5 }
      - { id: sr, formula: on_time_rate, event_type: surrender_decision, standard: 1, zero_at: 0.8, weight: 0.5 }
  - id: c
    weight: 0.4
    indicators:
      - { id: cp, formula: per_10k, numerator: complaint_contact, denominator: e_policy_delivery, standard: 10, zero_at: 50, weight: 1 }
`;

function modelFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'awb-model-')), 'model.yaml');
  writeFileSync(file, text);
  return file;
}

// Monday 3 March 2025: done Tuesday 4 March is within 1 or 2 working days; done Monday 10 March is late.
const ON = '2025-03-04';
const LATE = '2025-03-10';
const IN = '2025-03-03';
const events = [
  ...times(9, ['policy_service', '甲分公司', IN, ON]),
  ...times(1, ['policy_service', '甲分公司', IN, LATE]),
  ...times(4, ['surrender_decision', '甲分公司', IN, ON]),
  ...times(1000, ['e_policy_delivery', '甲分公司', IN, IN]),
  ...times(2, ['complaint_contact', '甲分公司', IN, ON]),
  ...times(5, ['policy_service', '乙分公司', IN, ON]),
  ...times(500, ['e_policy_delivery', '乙分公司', IN, IN]),
] as const;

describe('indicatorScore: linear from the zero point to the standard value, clamped, exact', () => {
  it('scores hand-worked values', () => {
    expect(indicatorScore(new Dec('0.97'), new Dec(1), new Dec('0.9')).toString()).toBe('70');
    expect(indicatorScore(new Dec('0.95'), new Dec(1), new Dec('0.9')).toString()).toBe('50');
    expect(indicatorScore(new Dec(3), new Dec(1), new Dec(5)).toString()).toBe('50'); // lower is better
    expect(indicatorScore(new Dec('0.5'), new Dec(1), new Dec('0.9')).toString()).toBe('0');
    expect(indicatorScore(new Dec(0), new Dec(10), new Dec(50)).toString()).toBe('100');
  });
});

describe('the quantitative score, level by level (S3 art. 11(2)), on a hand-made company', () => {
  it('computes each level as worked by hand', async () => {
    const data = smallServiceFolder(events);
    const e = await evaluateService({ data, year: 2025, model: modelFile(MODEL), rules: null, calendar: null, company: null, survey_model: null });
    const unit = (name: string) => e.units.find((u) => u.unit === name)!.quantitative;
    // 甲: policy services 9 of 10 on time → 0.9 → 100 × (0.9 − 0.8) ÷ 0.2 = 50; surrenders 4 of 4 → 100;
    // index t = 0.5 × 50 + 0.5 × 100 = 75. Complaints 2 per 1,000 e-policies = 20 per 10,000 →
    // 100 × (20 − 50) ÷ (10 − 50) = 75 = index c. Total 0.6 × 75 + 0.4 × 75 = 75.
    const a = unit('甲分公司');
    expect(a.indicators.map((x) => x.score!.toString())).toEqual(['50', '100', '75']);
    expect(a.indices.map((x) => x.score!.toString())).toEqual(['75', '75']);
    expect(a.score!.toString()).toBe('75');
    // 乙: 5 of 5 → 100; no surrender: left out, the weight of ps rescaled to 1 → t = 100; no complaint
    // on 500 e-policies → 0 per 10,000, clamped to 100. Total 100.
    const b = unit('乙分公司');
    expect(b.indicators[1].value).toBeNull();
    expect(b.indicators[0].effective_weight!.toString()).toBe('1');
    expect(b.score!.toString()).toBe('100');
    // Head office (all events): policy services 14 of 15 → 100 × (14/15 − 0.8) ÷ 0.2 = 200/3;
    // surrenders 100; t = (200/3 + 100) ÷ 2 = 250/3. Complaints 2 per 1,500 = 40/3 per 10,000 →
    // 100 × (40/3 − 50) ÷ (−40) = 275/3. Total 0.6 × 250/3 + 0.4 × 275/3 = 50 + 110/3 = 260/3.
    const h = unit(HEAD_OFFICE);
    expect(h.indicators[0].score!.minus(new Dec(200).div(3)).abs().lt('1e-25')).toBe(true);
    expect(h.score!.minus(new Dec(260).div(3)).abs().lt('1e-25')).toBe(true);
  });

  it('lists the qualitative score apart: 0 plus the innovation points of the year, at most 10', async () => {
    const innovations = 'unit,year,project,points\n总公司,2025,A,6\n总公司,2025,B,7\n甲分公司,2025,C,2\n甲分公司,2024,D,5\n';
    const data = smallServiceFolder(events, { 'service_innovations.csv': innovations });
    const e = await evaluateService({ data, year: 2025, model: modelFile(MODEL), rules: null, calendar: null, company: null, survey_model: null });
    expect(e.units.map((u) => [u.unit, u.qualitative.awarded, u.qualitative.score])).toEqual([
      [HEAD_OFFICE, 13, 10],
      ['乙分公司', 0, 0],
      ['甲分公司', 2, 2],
    ]);
    expect(e.satisfaction.missing).toBe('no-survey');
    expect(e.units[0].satisfaction.score).toBeNull();
  });

  it('refuses an innovation for a unit that is neither the head office nor a branch, naming the row', async () => {
    const data = smallServiceFolder(events, { 'service_innovations.csv': 'unit,year,project,points\n丙分公司,2025,X,3\n' });
    await expect(evaluateService({ data, year: 2025, model: modelFile(MODEL), rules: null, calendar: null, company: null, survey_model: null })).rejects.toThrow(
      /service_innovations\.csv, row 2, column unit: expected the head office \(head_office, 总公司\) or a branch of service_events \(乙分公司, 甲分公司\), found "丙分公司"/,
    );
  });
});

describe('the model file is checked', () => {
  it('ships the workbench’s own model, marked as such, with weights adding up to 1', () => {
    const model = loadEvaluationModel();
    expect(model.owner).toBe('workbench');
    expect(readFileSync(DEFAULT_EVALUATION_MODEL_PATH, 'utf8')).toContain("THIS IS THE WORKBENCH'S OWN MODEL, NOT THE COMMITTEE'S");
    expect(model.indices.reduce((s, x) => s.plus(x.weight), new Dec(0)).toString()).toBe('1');
  });

  it('refuses weights that do not add up to 1 and formulas it does not know', () => {
    expect(() => loadEvaluationModel(modelFile(MODEL.replace('weight: 0.4', 'weight: 0.5')))).toThrow(/indices\.weight: expected weights that add up to exactly 1, found "1\.1"/);
    expect(() => loadEvaluationModel(modelFile(MODEL.replace('formula: per_10k', 'formula: ratio')))).toThrow(/indices\.c\.indicators\.cp\.formula: expected one of on_time_rate/);
    expect(() => loadEvaluationModel(modelFile(MODEL.replace('zero_at: 50', 'zero_at: 10')))).toThrow(InputError);
  });
});

describe('awb service-evaluation --export-model', () => {
  it('writes a copy of the shipped model to edit, and never overwrites a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'awb-export-')), 'my-model.yaml');
    expect((await awb('service-evaluation', '--export-model', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(DEFAULT_EVALUATION_MODEL_PATH, 'utf8'));
    const again = await awb('service-evaluation', '--export-model', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('expected a new file');
  });
});

describe('awb service-evaluation on the sample company', () => {
  it('scores the head office and the seven branches, the three scores apart; the satisfaction score is the ICSI of 恒泰人寿', async () => {
    const run = await awb('service-evaluation', '--data', SAMPLE_DIR, '--year', '2025', '--company', '恒泰人寿', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.scores.map((s: { unit: string }) => s.unit)).toEqual([HEAD_OFFICE, '上海分公司', '北京分公司', '四川分公司', '广东分公司', '湖北分公司', '辽宁分公司', '陕西分公司']);
    for (const s of json.scores) expect(Object.keys(s)).toEqual(expect.arrayContaining(['qualitative', 'quantitative', 'satisfaction']));
    expect(json.scores[0].qualitative).toBe(10); // 6 + 3 + 3 points, capped at 10
    // The planted weak branch is last on the quantitative score and on satisfaction.
    const quant = [...json.scores].sort((a, b) => a.quantitative - b.quantitative);
    expect(quant[0].unit).toBe('陕西分公司');
    const icsi = JSON.parse((await awb('icsi', '--survey', `${SAMPLE_DIR}/survey.csv`, '--model', `${SAMPLE_DIR}/survey_model.json`, '--by', 'company', '--json')).stdout);
    const hengtai = icsi.groups.find((g: { group: string }) => g.group === '恒泰人寿');
    expect(json.scores[0].satisfaction).toBeCloseTo(hengtai.index.Satisfaction, 10);
    expect(json.scores[0].satisfaction_respondents).toBe(hengtai.n);
    // Every level is there: indicators with numerator, denominator, value and score; indices.
    const surrender = json.indicators.find((x: { unit: string; indicator: string }) => x.unit === '陕西分公司' && x.indicator === 'surrender_on_time');
    expect(surrender.value).toBeCloseTo(surrender.numerator / surrender.denominator, 12);
    expect(surrender.score).toBeCloseTo(Math.max(0, (100 * (surrender.value - 0.9)) / 0.1), 9);
  });

  it('asks which company to score when the survey holds several (exit 2, naming them)', async () => {
    const run = await awb('service-evaluation', '--data', SAMPLE_DIR, '--year', '2025');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the survey holds 8 companies');
    expect(run.stderr).toContain('恒泰人寿');
  });
});
