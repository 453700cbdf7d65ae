import { CONSTRUCT } from '../present/words';
import { copyFileSync, existsSync } from 'node:fs';
import { indexBars } from '../charts/indexBars';
import { InputError } from '../data/InputError';
import { DEFAULT_EVALUATION_MODEL_PATH } from '../service/evaluationModel';
import { indexRows, indicatorRows, innovationRows, scoreRows } from '../service/evaluationRows';
import { evaluateService, HEAD_OFFICE, type ServiceEvaluation } from '../service/serviceEvaluation';
import { integerArg, optionalText, requiredText } from './args';
import { defineCommand } from './command';
import { readOptionsOf, readParams, tableReadingOptions } from './readOptions';
import { textTable } from '../present/textTable';

const two = (x: { toFixed(n: number): string } | number | null) => (x === null ? '–' : typeof x === 'number' ? x.toFixed(2) : x.toFixed(2));

function evaluationText(e: ServiceEvaluation): string {
  const owner = e.model.owner === 'workbench' ? " (the workbench's own model, not the committee's)" : '';
  const lines = [
    `Service evaluation ${e.year} (S3 art. 9–20): head office and ${e.units.length - 1} provincial branches`,
    `Quantitative model ${e.model.id} ${e.model.version}${owner}; satisfaction: ICSI ${e.satisfaction.construct}${e.satisfaction.company ? ` of ${e.satisfaction.company}` : ''}${e.satisfaction.missing ? ` not available (${e.satisfaction.missing})` : ''}`,
    'The three scores are listed apart (art. 11); they are not added.',
    '',
    textTable(
      e.units.map((u) => ({
        unit: u.unit,
        qualitative: u.qualitative.score,
        quantitative: two(u.quantitative.score),
        satisfaction: two(u.satisfaction.score),
        respondents: u.satisfaction.n,
        ...Object.fromEntries(u.quantitative.indices.map((x) => [x.index.id, two(x.score)])),
      })),
    ),
    '',
    'Every level (indicator values, single scores, index scores) is in the JSON and in tables/indicators.csv and indices.csv with --out.',
  ];
  return lines.join('\n');
}

/** The evaluation in Chinese (S3's own terms): the three scores of each unit apart, and each index's score. */
function evaluationTextZh(e: ServiceEvaluation): string {
  const owner = e.model.owner === 'workbench' ? '（系统自带模型，非评价委员会发布的模型）' : '';
  const satisfaction = e.satisfaction.missing ? `不可用（${e.satisfaction.missing}）` : `客户满意度指数 ${CONSTRUCT[e.satisfaction.construct]?.zh ?? e.satisfaction.construct}${e.satisfaction.company ? `（${e.satisfaction.company}）` : ''}`;
  const lines = [
    `${e.year}年度服务评价（S3 第九至二十条）：总公司及 ${e.units.length - 1} 家省级分公司`,
    `定量指标模型 ${e.model.id} ${e.model.version}${owner}；满意度：${satisfaction}`,
    '三项得分分别列示（第十一条），不相加。',
    '',
    textTable(
      e.units.map((u) => ({
        机构: u.unit === HEAD_OFFICE ? '总公司' : u.unit,
        定性得分: u.qualitative.score,
        定量得分: two(u.quantitative.score),
        满意度得分: two(u.satisfaction.score),
        样本量: u.satisfaction.n,
        ...Object.fromEntries(u.quantitative.indices.map((x) => [x.index.name_zh, two(x.score)])),
      })),
    ),
    '',
    '各层级数值（指标值、单项得分、指数得分）见 JSON，及 --out 证据包中的 tables/indicators.csv 和 indices.csv。',
  ];
  return lines.join('\n');
}

/** `awb service-evaluation`: S3's service evaluation of a year, head office and provincial branches. */
export const serviceEvaluationCommand = defineCommand({
  name: 'service-evaluation',
  summary: "S3 service evaluation of a year: qualitative, quantitative (an editable model file) and satisfaction (ICSI) scores, listed apart, head office and each branch",
  examples: [
    'awb service-evaluation --data data/sample --year 2025 --company 恒泰人寿',
    'awb service-evaluation --data data/sample --year 2025 --company 恒泰人寿 --json',
    'awb service-evaluation --export-model my-model.yaml',
    'awb service-evaluation --data data/sample --year 2025 --company 恒泰人寿 --model my-model.yaml --out output/service-evaluation-2025',
  ],
  configure: (c) =>
    tableReadingOptions(c)
      .option('--data <dir>', 'data folder with service_events (and service_innovations, survey with survey_model.json)')
      .option('--year <YYYY>', 'the evaluation year (S3 art. 18: 1 January to 31 December)')
      .option('--company <name>', "the company's name in a survey of several companies (its respondents give the satisfaction score)")
      .option('--model <file>', 'a quantitative model to use instead of the shipped one')
      .option('--survey-model <file>', "the survey's model (default: survey_model.json beside the survey)")
      .option('--rules <file>', 'a rulebook to use instead of the default')
      .option('--calendar <file>', 'a working-day calendar to use instead of the shipped one')
      .option('--export-model <file>', 'write a copy of the shipped quantitative model to this new file, to edit and pass with --model'),
  parse: (o) => {
    const exportModel = optionalText(o, 'export-model');
    return {
      export_model: exportModel,
      data: exportModel !== null && optionalText(o, 'data') === null ? null : requiredText(o, 'data', 'a data folder'),
      year: exportModel !== null && optionalText(o, 'year') === null ? null : integerArg(o, 'year', { min: 2013, max: 2100 }),
      company: optionalText(o, 'company'),
      model: optionalText(o, 'model'),
      survey_model: optionalText(o, 'survey-model'),
      rules: optionalText(o, 'rules'),
      calendar: optionalText(o, 'calendar'),
      ...readParams(o),
    };
  },
  run: async (p, { lang = 'en' }) => {
    if (p.export_model !== null) {
      if (existsSync(p.export_model)) throw new InputError({ argument: '--export-model', file: p.export_model }, 'a new file (an existing file is never overwritten)');
      copyFileSync(DEFAULT_EVALUATION_MODEL_PATH, p.export_model);
      if (p.data === null) {
        return { json: { exported: p.export_model }, text: lang === 'zh' ? `已将系统自带的定量指标模型复制到 ${p.export_model}；修改后以 --model ${p.export_model} 使用。` : `Wrote a copy of the shipped quantitative model to ${p.export_model}; edit it and pass --model ${p.export_model}.`, inputs: [] };
      }
    }
    const e = await evaluateService({ data: p.data!, year: p.year!, model: p.model, rules: p.rules, calendar: p.calendar, company: p.company, survey_model: p.survey_model, read: readOptionsOf(p) });
    const scores = scoreRows(e);
    const indicators = indicatorRows(e);
    const indices = indexRows(e);
    const innovations = innovationRows(e);
    return {
      json: {
        year: e.year,
        model: { id: e.model.id, version: e.model.version, owner: e.model.owner, sha256: e.model.sha256, description: e.model.description },
        rulebook: { id: e.rulebook.id, version: e.rulebook.version, sha256: e.rulebook.sha256 },
        calendar: { id: e.calendar.id, version: e.calendar.version, sha256: e.calendar.sha256 },
        satisfaction: e.satisfaction,
        scores,
        indices,
        indicators,
        innovations,
        ...(p.export_model !== null ? { exported: p.export_model } : {}),
      },
      text: lang === 'zh' ? evaluationTextZh(e) : evaluationText(e),
      inputs: e.inputs,
      tables: { scores, indices, indicators, innovations },
      charts: {
        scores: indexBars({
          title: `Service evaluation ${e.year}: quantitative and satisfaction scores (0–100), listed apart`,
          constructs: ['quantitative', 'satisfaction'],
          groups: e.units.map((u) => ({ group: u.unit, index: [u.quantitative.score === null ? null : u.quantitative.score.toNumber(), u.satisfaction.score] })),
        }),
      },
      rulebook: e.rulebook,
    };
  },
});
