import { column, type ColumnDeclaration, type TableDeclaration, tableDeclaration } from '../present/column';
import type { SurveyAnalysis } from './analyseSurvey';
import type { GroupColumn } from './surveyMatrix';

/** The grouping columns in Chinese. */
const GROUP_ZH: Readonly<Record<GroupColumn, string>> = { company: '公司', region: '地区', stage: '业务环节' };

const bootstrapColumns = (kind: 'number' | 'index'): ColumnDeclaration[] => [
  column('std_error', 'number', 'Bootstrap standard error', '自助法标准误'),
  column('t_value', 'number', 't value', 't值'),
  column('ci_low', kind, '95% CI low (percentile)', '95%置信下限（百分位）'),
  column('ci_high', kind, '95% CI high (percentile)', '95%置信上限（百分位）'),
  column('bca_low', kind, '95% CI low (BCa)', '95%置信下限（BCa）'),
  column('bca_high', kind, '95% CI high (BCa)', '95%置信上限（BCa）'),
];

/** A construct's header: its name, with its Chinese name in Chinese when the model gives one. */
function constructColumns(a: SurveyAnalysis, suffix = '', en = '', zh = ''): ColumnDeclaration[] {
  return a.model.constructs.map((c) => column(`${c.name}${suffix}`, 'index', `${c.name}${en}`, `${c.name_zh ?? c.name}${zh}`));
}

/**
 * The columns of `awb icsi`'s tables (`icsiTables`), with their kinds and en/zh headers: the
 * model's constructs become columns of the index by group (0–100 indices) and of the cross
 * loadings. Tables not declared here (IPMA, comparisons) are typed from their values.
 */
export function icsiTableDeclarations(a: SurveyAnalysis): Record<string, TableDeclaration> {
  const declarations: Record<string, TableDeclaration> = {
    paths: tableDeclaration('Path coefficients', '路径系数', [
      column('from', 'code', 'From', '自'),
      column('to', 'code', 'To', '至'),
      column('estimate', 'number', 'Path coefficient', '路径系数'),
      column('f_squared', 'number', 'f²', 'f²'),
      ...bootstrapColumns('number'),
    ]),
    constructs: tableDeclaration('Constructs: R², reliability and the 0–100 index', '潜变量：R²、信度与0–100指数', [
      column('construct', 'code', 'Construct', '潜变量'),
      column('name_zh', 'text', 'Chinese name', '中文名称'),
      column('items', 'count', 'Items', '题项数'),
      column('mode', 'code', 'Mode', '测量模式'),
      column('r_squared', 'number', 'R²', 'R²'),
      column('r_squared_adjusted', 'number', 'Adjusted R²', '调整后R²'),
      column('alpha', 'number', "Cronbach's α", 'Cronbach α'),
      column('rho_a', 'number', 'ρ_A', 'ρ_A'),
      column('rho_c', 'number', 'ρ_C (composite reliability)', 'ρ_C（组合信度）'),
      column('ave', 'number', 'AVE', '平均方差抽取量'),
      column('fornell_larcker_passes', 'boolean', 'Fornell–Larcker passes', '通过Fornell–Larcker检验'),
      column('index', 'index', 'Index (0–100)', '指数（0–100）'),
      column('index_ci_low', 'index', 'Index 95% CI low', '指数95%置信下限'),
      column('index_ci_high', 'index', 'Index 95% CI high', '指数95%置信上限'),
    ]),
    items: tableDeclaration('Items: weights, loadings and answers', '题项：权重、载荷与作答', [
      column('item', 'code', 'Item', '题项'),
      column('construct', 'code', 'Construct', '潜变量'),
      column('weight', 'number', 'Outer weight', '外部权重'),
      column('loading', 'number', 'Loading', '载荷'),
      column('index_weight', 'number', 'Index weight', '指数权重'),
      column('mean', 'number', 'Mean answer', '平均得分'),
      column('sd', 'number', 'Standard deviation', '标准差'),
      column('missing_answers', 'count', 'Missing answers', '缺失作答数'),
      column('weight_ci_low', 'number', 'Weight 95% CI low', '权重95%置信下限'),
      column('weight_ci_high', 'number', 'Weight 95% CI high', '权重95%置信上限'),
      column('loading_ci_low', 'number', 'Loading 95% CI low', '载荷95%置信下限'),
      column('loading_ci_high', 'number', 'Loading 95% CI high', '载荷95%置信上限'),
    ]),
    cross_loadings: tableDeclaration('Cross loadings', '交叉载荷', [
      column('item', 'code', 'Item', '题项'),
      ...a.model.constructs.map((c) => column(c.name, 'number', c.name, c.name_zh ?? c.name)),
    ]),
    htmt: tableDeclaration('Heterotrait-monotrait ratios (HTMT)', '异质-单质比（HTMT）', [
      column('a', 'code', 'Construct A', '潜变量A'),
      column('b', 'code', 'Construct B', '潜变量B'),
      column('value', 'number', 'HTMT', 'HTMT'),
    ]),
    effects: tableDeclaration('Direct, indirect and total effects', '直接、间接与总效应', [
      column('from', 'code', 'From', '自'),
      column('to', 'code', 'To', '至'),
      column('direct', 'number', 'Direct effect', '直接效应'),
      column('indirect', 'number', 'Indirect effect', '间接效应'),
      column('total', 'number', 'Total effect', '总效应'),
    ]),
    warnings: tableDeclaration('Quality warnings', '质量提示', [
      column('subject', 'text', 'Subject', '对象'),
      column('measure', 'code', 'Measure', '指标'),
      column('value', 'number', 'Value', '数值'),
      column('threshold', 'number', 'Threshold', '阈值'),
      column('message', 'text', 'Warning', '提示'),
      column('source', 'text', 'Threshold from', '阈值来源'),
    ]),
  };
  if (a.groups.length > 0 && a.options.by !== null) {
    declarations[`index_by_${a.options.by}`] = tableDeclaration(`Index (0–100) by ${a.options.by}`, `按${GROUP_ZH[a.options.by]}分组的指数（0–100）`, [
      column('group', 'text', 'Group', '分组'),
      column('n', 'count', 'Respondents', '样本量'),
      ...constructColumns(a),
      ...constructColumns(a, '_ci_low', ' 95% CI low', '95%置信下限'),
      ...constructColumns(a, '_ci_high', ' 95% CI high', '95%置信上限'),
    ]);
  }
  return declarations;
}
