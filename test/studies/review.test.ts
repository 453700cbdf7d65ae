import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../src/commandRegistry';
import { commandParams } from '../../src/commands/commandOptions';
import type { Quarter } from '../../src/data/period';
import { backtestRun, eligibilityRun, expenseRun, icsiRun, lossratioRun, registrationRun, type ReviewParams, serviceRun, traceabilityRun } from '../../src/report/reviewPlan';
import { analyseSurvey, DEFAULT_ANALYSIS_OPTIONS } from '../../src/satisfaction/analyseSurvey';
import { icsiJson } from '../../src/satisfaction/icsiOutput';
import { loadSurveyModel } from '../../src/satisfaction/surveyModel';
import { openData } from '../../src/studies/openData';
import { review } from '../../src/studies/review';

const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');

describe('review(): the quarterly review as typed studies on one data folder', () => {
  it('estimates the whole-survey path model once for the indices by company, region and stage, with the figures of separate analyses', async () => {
    const data = await openData(SAMPLE);
    const study = await review(data, { quarter: '2025Q4' as Quarter, sections: ['satisfaction'] });
    expect([study.backtest, study.lossRatios, study.expense, study.eligibility, study.service, study.registration, study.traceability]).toEqual([null, null, null, null, null, null, null]);
    const sat = study.satisfaction!;
    if (sat.status !== 'complete') throw new Error(`no satisfaction section: ${sat.status}`);
    expect(sat.analyses.map((a) => a.by)).toEqual(['company', 'region', 'stage']);
    // One estimate: every grouping's analysis holds the same fit object.
    for (const { analysis } of sat.analyses) expect(analysis.fit).toBe(sat.analyses[0].analysis.fit);
    // Independently: each grouping analysed on its own (its own estimate) gives the same JSON.
    const table = await data.table('survey');
    const model = loadSurveyModel(sat.model);
    for (const { by, analysis } of sat.analyses) {
      const alone = await analyseSurvey(table, model, { ...DEFAULT_ANALYSIS_OPTIONS, by });
      expect(alone.fit).not.toBe(analysis.fit);
      expect(JSON.stringify(icsiJson(analysis))).toBe(JSON.stringify(icsiJson(alone)));
    }
  });

  it('leaves out the sections not asked for, and the sections whose tables the folder lacks', async () => {
    const study = await review(await openData(resolve(__dirname, '..', 'fixtures', 'review')), { quarter: '2025Q4' as Quarter, sections: ['eligibility', 'service', 'conduct'] });
    expect(study.eligibility!.assessed).toBe('2025Q4');
    expect([study.backtest, study.satisfaction, study.service, study.registration, study.traceability]).toEqual([null, null, null, null, null]);
    expect(study.findings).toEqual(study.eligibility!.findings);
  });
});

describe('each section run is recorded with the command line that computes it on its own', () => {
  const variants: ReviewParams[] = [
    { data: 'data/sample', quarter: '2025Q4' as Quarter, lang: 'en', rules: null, survey_model: null },
    { data: 'd', quarter: '2025Q2' as Quarter, lang: 'zh', rules: 'my-rules.yaml', survey_model: 'm.json', calendar: 'cal.json', encoding: 'gb18030', header_row: 3 },
    // Parameters of a bundle filed before reading options and calendars were recorded.
    { data: 'd', quarter: '2024Q1' as Quarter, lang: 'en', rules: null, survey_model: null },
  ];
  it.each(variants)('its recorded parameters are what the command parses from its recorded arguments (%#)', async (p) => {
    const records = [
      backtestRun(p),
      lossratioRun(p, 2025, null),
      lossratioRun(p, 2024, 'bf'),
      expenseRun(p),
      eligibilityRun(p),
      icsiRun(p, 'd/survey.csv', 'd/survey_model.json', null),
      icsiRun(p, 'd/survey.csv', 'd/survey_model.json', 'region'),
      serviceRun(p),
      registrationRun(p),
      traceabilityRun(p),
    ];
    for (const record of records) {
      const { params } = commandParams((await findCommand(record.command))!, record.argv);
      // The same keys in the same order: result.json records them byte for byte.
      expect(JSON.stringify(record.parameters), record.id).toBe(JSON.stringify(params));
    }
  });
});
