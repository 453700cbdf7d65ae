import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/data/readTable';
import { analyseSurvey, DEFAULT_ANALYSIS_OPTIONS, type SurveyAnalysis } from '../../src/satisfaction/analyseSurvey';
import { consistentPls } from '../../src/satisfaction/consistentPls';
import { estimatePls, type PlsFit } from '../../src/satisfaction/estimatePls';
import { fSquared } from '../../src/satisfaction/fSquared';
import { htmt } from '../../src/satisfaction/htmt';
import { DEFAULT_PLS_OPTIONS } from '../../src/satisfaction/plsAlgorithm';
import { loadSurveyModel, parseSurveyModel } from '../../src/satisfaction/surveyModel';
import { MOBI_ECSI, MOBI_SEMINR_SMALL, pathDesign, referenceMatrix, referencePath } from './referenceData';

const CORP_REP = referencePath('corp_rep_data.csv');
const CORP_MODEL = referencePath('corp_rep_model.json');

function fitOf(model: typeof MOBI_ECSI, scheme: 'path' | 'factorial'): PlsFit {
  const design = pathDesign(model);
  const fit = estimatePls(design, referenceMatrix('mobi.csv', design).moments, { ...DEFAULT_PLS_OPTIONS, scheme });
  if (!fit.ok) throw new Error(fit.reason);
  return fit;
}

const round3 = (x: number) => Number(x.toFixed(3));

/** mobi.csv as a survey file (its unnamed row-number column named respondent_id), optionally with items reversed on the 1–10 scale. */
function mobiSurvey(reversed: readonly string[] = []): string {
  const rows = readFileSync(referencePath('mobi.csv'), 'utf8').trim().split('\n');
  const header = rows[0].split(',').map((h) => h.replace(/"/g, ''));
  const flip = new Set(reversed.map((item) => header.indexOf(item)));
  const text = ['respondent_id' + rows[0].slice(rows[0].indexOf(',')), ...rows.slice(1).map((line) => line.split(',').map((v, k) => (flip.has(k) ? String(11 - Number(v)) : v)).join(','))].join('\n');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'awb-mobi-')), 'survey.csv');
  writeFileSync(file, text);
  return file;
}

describe('formative constructs: the corporate reputation model of Hair et al. (2021), PLS-SEM Using R, ch. 5', () => {
  let a: SurveyAnalysis;
  beforeAll(async () => {
    a = await analyseSurvey(await loadTable(CORP_REP, 'survey'), loadSurveyModel(CORP_MODEL), { ...DEFAULT_ANALYSIS_OPTIONS, missingCodes: [-99], bootstrap: 500, seed: 1, threads: 1 });
  }, 120_000);

  it('reads -99 as a missing answer (seminr missing_value = "-99") and refuses it without --missing-code', async () => {
    // corp_rep_data: cusl_1 3, cusl_2 4, cusl_3 3, cusa 1 answers of -99.
    expect(a.missing.answers_missing).toBe(11);
    expect(a.missing.by_item).toMatchObject({ cusl_1: 3, cusl_2: 4, cusl_3: 3, cusa: 1 });
    expect(a.missing.missing_codes).toEqual([-99]);
    await expect(analyseSurvey(await loadTable(CORP_REP, 'survey'), loadSurveyModel(CORP_MODEL), DEFAULT_ANALYSIS_OPTIONS)).rejects.toThrow(/expected an answer on the model's answer scale 1–7/);
  });

  it('estimates the workbook\'s mode B weights and path coefficients', () => {
    // Source: Hair et al. (2021), ch. 5 and 6 (the same figures as the SmartPLS primer, Hair et al. 2017, ch. 5–6):
    // QUAL 0.202 0.041 0.106 −0.005 0.160 0.398 0.229 0.190; PERF 0.468 0.177 0.194 0.340 0.199;
    // CSOR 0.306 0.037 0.406 0.080 0.416; ATTR 0.414 0.201 0.658.
    const w = (items: string[]) => items.map((i) => round3(a.fit.weights[a.design.items.indexOf(i)]));
    const block = (stem: string, n: number) => Array.from({ length: n }, (_, i) => `${stem}_${i + 1}`);
    expect(w(block('qual', 8))).toEqual([0.202, 0.041, 0.106, -0.005, 0.16, 0.398, 0.229, 0.19]);
    expect(w(block('perf', 5))).toEqual([0.468, 0.177, 0.194, 0.34, 0.199]);
    expect(w(block('csor', 5))).toEqual([0.306, 0.037, 0.406, 0.08, 0.416]);
    expect(w(block('attr', 3))).toEqual([0.414, 0.201, 0.658]);
    // Paths: QUAL→COMP 0.430, QUAL→LIKE 0.380, PERF→COMP 0.295, PERF→LIKE 0.117, CSOR→COMP 0.059, CSOR→LIKE 0.178,
    // ATTR→COMP 0.086, ATTR→LIKE 0.167, COMP→CUSA 0.146, COMP→CUSL 0.006, LIKE→CUSA 0.436, LIKE→CUSL 0.344, CUSA→CUSL 0.505;
    // R² COMP 0.631, LIKE 0.558, CUSA 0.292, CUSL 0.562.
    const m = a.design.constructs.length;
    expect(a.design.paths.map(([f, t]) => round3(a.fit.paths[f * m + t]))).toEqual([0.43, 0.38, 0.295, 0.117, 0.059, 0.178, 0.086, 0.167, 0.146, 0.006, 0.436, 0.344, 0.505]);
    expect(['COMP', 'LIKE', 'CUSA', 'CUSL'].map((c) => round3(a.fit.rSquared[a.design.constructs.indexOf(c)]))).toEqual([0.631, 0.558, 0.292, 0.562]);
  });

  it('gives the workbook\'s redundancy paths and indicator VIFs', () => {
    // Source: Hair et al. (2021), ch. 5, redundancy analysis: ATTR 0.874, CSOR 0.857, PERF 0.811, QUAL 0.805 (all ≥ 0.70);
    // collinearity: QUAL 1.806 1.632 2.269 1.957 2.201 2.008 1.623 1.362, ATTR 1.275 1.129 1.264.
    expect(Object.fromEntries(a.formative.redundancy.map((r) => [r.construct, round3(r.path)]))).toEqual({ QUAL: 0.805, PERF: 0.811, CSOR: 0.857, ATTR: 0.874 });
    expect(a.formative.redundancy.every((r) => r.passes)).toBe(true);
    expect(a.formative.redundancy.find((r) => r.construct === 'ATTR')!.global_item).toBe('attr_global');
    const vif = (c: string) => a.formative.indicators.filter((x) => x.construct === c).map((x) => round3(x.vif!));
    expect(vif('QUAL')).toEqual([1.806, 1.632, 2.269, 1.957, 2.201, 2.008, 1.623, 1.362]);
    expect(vif('ATTR')).toEqual([1.275, 1.129, 1.264]);
  });

  it('keeps the indicators whose weights are not significant for their loadings of at least 0.50, as the workbook concludes', () => {
    // Hair et al. (2021), ch. 5: qual_2, qual_4, csor_2 and csor_4 have weights that are not significant but loadings
    // above 0.50: retained for their absolute contribution. (Seed 1, 500 resamples; the p-values are far from 0.05.)
    const x = (item: string) => a.formative.indicators.find((i) => i.item === item)!;
    for (const item of ['qual_2', 'qual_4', 'csor_2', 'csor_4']) {
      expect(x(item).weight_significant).toBe(false);
      expect(x(item).loading).toBeGreaterThanOrEqual(0.5);
      expect(x(item).decision).toBe('retain_absolute');
    }
    for (const item of ['qual_6', 'perf_1', 'csor_5', 'attr_3']) expect(x(item).decision).toBe('retain');
  });

  it('judges formative constructs by formative criteria only: no alpha, rho_C, AVE, HTMT or Fornell-Larcker warning for them', () => {
    const formative = ['QUAL', 'PERF', 'CSOR', 'ATTR'];
    const reflectiveMeasures = new Set(['alpha', 'rho_c', 'ave', 'htmt', 'fornell_larcker']);
    for (const w of a.warnings.filter((w) => reflectiveMeasures.has(w.measure))) {
      expect(formative.some((c) => w.subject.split(' / ').includes(c))).toBe(false);
    }
    expect(a.htmt.filter((p) => p.a === 'QUAL').every((p) => p.formative)).toBe(true);
    // QUAL has a negative weight (qual_4): it gets no index, and a warning says why.
    expect(a.index[a.design.constructs.indexOf('QUAL')]).toBeNull();
    expect(a.warnings.find((w) => w.measure === 'index' && w.subject === 'QUAL')!.message).toContain('not all positive');
  });
});

describe('HTMT as seminr computes it (absolute correlations; a single item\'s monotrait correlation taken as 1) and HTMT2', () => {
  const fit = fitOf(MOBI_ECSI, 'path');
  const p = fit.design.items.length;
  const r = (x: string, y: string) => fit.corr[fit.design.items.indexOf(x) * p + fit.design.items.indexOf(y)];

  it('gives a value for the one-item Complaints construct, worked by hand', () => {
    // HTMT(Complaints, Loyalty) = mean |r(CUSCO, CUSLk)| ÷ √(1 · mean |r(CUSLk, CUSLl)|).
    const hetero = (Math.abs(r('CUSCO', 'CUSL1')) + Math.abs(r('CUSCO', 'CUSL2')) + Math.abs(r('CUSCO', 'CUSL3'))) / 3;
    const mono = (Math.abs(r('CUSL1', 'CUSL2')) + Math.abs(r('CUSL1', 'CUSL3')) + Math.abs(r('CUSL2', 'CUSL3'))) / 3;
    const pair = htmt(fit).find((x) => x.a === 'Complaints' && x.b === 'Loyalty')!;
    expect(pair.value).toBeCloseTo(hetero / Math.sqrt(mono), 12);
    expect(pair.single_item).toBe(true);
    // HTMT2: geometric means instead of arithmetic ones.
    const gh = Math.cbrt(r('CUSCO', 'CUSL1') * r('CUSCO', 'CUSL2') * r('CUSCO', 'CUSL3'));
    const gm = Math.cbrt(r('CUSL1', 'CUSL2') * r('CUSL1', 'CUSL3') * r('CUSL2', 'CUSL3'));
    expect(pair.htmt2).toBeCloseTo(gh / Math.sqrt(gm), 12);
  });

  it('keeps the seminr values of the four-construct model (seminr tests/fixtures/V_3_6_0/htmt.csv: Expectation/Satisfaction 0.865108193553153)', () => {
    const small = fitOf(MOBI_SEMINR_SMALL, 'path');
    expect(htmt(small).find((x) => x.a === 'Expectation' && x.b === 'Satisfaction')!.value).toBeCloseTo(0.865108193553153, 6);
  });
});

describe('a negatively keyed item: detected, named for reverse-coding, and never a NaN compared with a threshold', () => {
  it('names the item, keeps HTMT finite (it does not change on absolute correlations) and explains the alpha', async () => {
    // mobi with CUSL2 reversed on its 1–10 scale (11 − answer): the item now measures loyalty backwards.
    const plain = await analyseSurvey(await loadTable(mobiSurvey(), 'survey'), MOBI_ECSI, DEFAULT_ANALYSIS_OPTIONS);
    const a = await analyseSurvey(await loadTable(mobiSurvey(['CUSL2']), 'survey'), MOBI_ECSI, DEFAULT_ANALYSIS_OPTIONS);
    expect(plain.negativeLoadings).toEqual([]);
    expect(a.negativeLoadings.map((n) => n.item)).toEqual(['CUSL2']);
    const w = a.warnings.find((x) => x.measure === 'negative_loading')!;
    expect(w.message).toMatch(/^CUSL2 loads -0\.\d{3} on Loyalty: it is probably negatively keyed — reverse-code it \(answer → 11 − answer on the 1–10 scale\)/);
    for (const pair of a.htmt) expect(pair.value === null || Number.isFinite(pair.value)).toBe(true);
    expect(a.warnings.some((x) => x.message.includes('NaN'))).toBe(false);
    const before = plain.htmt.find((x) => x.a === 'Satisfaction' && x.b === 'Loyalty')!.value!;
    expect(a.htmt.find((x) => x.a === 'Satisfaction' && x.b === 'Loyalty')!.value).toBeCloseTo(before, 12);
    // HTMT2 needs positive correlations: with a reversed item it is not computable for Loyalty's pairs.
    expect(a.htmt.find((x) => x.a === 'Satisfaction' && x.b === 'Loyalty')!.htmt2).toBeNull();
  });
});

describe('consistent PLS (PLSc) reproduces seminr\'s fixtures (tests/fixtures/V_3_6_0/path_coef1.csv, loadings1.csv, rsquaredplsc.csv)', () => {
  it('gives seminr\'s PLSc paths, R² and loadings on the four-construct mobi model (factorial scheme)', () => {
    const fit = fitOf(MOBI_SEMINR_SMALL, 'factorial');
    const c = consistentPls(fit)!;
    const m = fit.design.constructs.length;
    const s = fit.design.constructs.indexOf('Satisfaction');
    expect(c.paths[fit.design.constructs.indexOf('Image') * m + s]).toBeCloseTo(0.537704707482867, 5);
    expect(c.paths[fit.design.constructs.indexOf('Expectation') * m + s]).toBeCloseTo(0.240967661696417, 5);
    expect(c.paths[fit.design.constructs.indexOf('Value') * m + s]).toBeCloseTo(0.25827986805094, 5);
    expect(c.rSquared[s]).toBeCloseTo(0.885707115746682, 5);
    const loading = (item: string) => c.loadings[fit.design.items.indexOf(item)];
    expect(loading('IMAG1')).toBeCloseTo(0.681330024716575, 5);
    expect(loading('CUEX3')).toBeCloseTo(0.426779732808667, 5);
    expect(loading('PERV2')).toBeCloseTo(0.943732643413645, 5);
    expect(loading('CUSA3')).toBeCloseTo(0.794919272741098, 5);
    expect(c.admissible).toBe(true);
  });
});

describe('f² by both conventions', () => {
  it('re-estimates the model without the path as seminr does (tests/fixtures/V_3_6_0/fsquared1.csv, fsquared2.csv)', () => {
    const f = fSquared(fitOf(MOBI_SEMINR_SMALL, 'path')).find((x) => x.from === 'Image')!;
    expect(f.f2_reestimated).toBeCloseTo(0.303554364141901, 5);
    // Scores held fixed give a different number for the same path: the convention matters.
    expect(Math.abs(f.f2! - f.f2_reestimated!)).toBeGreaterThan(1e-4);
    const two = parseSurveyModel({ constructs: { Image: ['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4', 'IMAG5'], Satisfaction: ['CUSA1', 'CUSA2', 'CUSA3'] }, paths: [['Image', 'Satisfaction']] }, 'two');
    const single = fSquared(fitOf(two, 'path'))[0];
    expect(single.f2_reestimated).toBeCloseTo(0.941739145016071, 5);
    expect(single.f2).toBeCloseTo(single.f2_reestimated!, 12);
  });
});

describe('the index and the answer scale', () => {
  it('warns when the index is null for lack of a scale, and --scale supplies one', async () => {
    const noScale = parseSurveyModel({ constructs: { Image: ['IMAG1', 'IMAG2'], Satisfaction: ['CUSA1', 'CUSA2'] }, paths: [['Image', 'Satisfaction']] }, 'no-scale');
    const table = await loadTable(mobiSurvey(), 'survey');
    const without = await analyseSurvey(table, noScale, DEFAULT_ANALYSIS_OPTIONS);
    expect(without.index).toEqual([null, null]);
    expect(without.warnings.find((w) => w.measure === 'index')!.message).toContain('--scale 1-10');
    const withScale = await analyseSurvey(table, noScale, { ...DEFAULT_ANALYSIS_OPTIONS, scale: { min: 1, max: 10 } });
    expect(withScale.index.every((v) => v !== null && v > 0 && v < 100)).toBe(true);
    expect(withScale.warnings.some((w) => w.measure === 'index')).toBe(false);
  });
});

describe('qualityWarnings() never compares a value that is not a number', () => {
  it('calls a negative alpha the sign of a negatively keyed item, and reports a NaN as not computable', async () => {
    const { qualityWarnings } = await import('../../src/satisfaction/qualityWarnings');
    const w = qualityWarnings(['Loyalty', 'Value'], [{ alpha: -8.82, rho_a: 0.1, rho_c: 0.8, ave: 0.6 }, { alpha: Number.NaN, rho_a: 1, rho_c: 0.9, ave: 0.7 }], [{ a: 'Loyalty', b: 'Value', value: null, htmt2: null, single_item: false, formative: false }], [], []);
    expect(w.map((x) => `${x.subject} ${x.measure}`)).toEqual(['Loyalty alpha', 'Value not_computable', 'Loyalty / Value not_computable']);
    expect(w[0].message).toBe("Loyalty: Cronbach's alpha -8.820 is negative — its items correlate negatively, the sign of a negatively keyed item, not a measure of reliability.");
    expect(w.some((x) => /NaN|null is/.test(x.message))).toBe(false);
  });
});
