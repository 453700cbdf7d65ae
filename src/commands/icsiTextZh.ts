import { textTable } from '../present/textTable';
import { CONSTRUCT } from '../present/words';
import type { SurveyAnalysis } from '../satisfaction/analyseSurvey';

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
const f1 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));

/**
 * The terminal summary of an ICSI analysis in Chinese (`awb icsi --lang zh`): the model, the path
 * coefficients, each latent variable's R², reliability and 0–100 index (S3 art. 22–24), the
 * groups' indices and the number of warnings; every figure as in the English summary.
 * @param tables the analysis' tables (`icsiTables`), whose paths carry the bootstrap columns
 */
export function icsiTextZh(a: SurveyAnalysis, tables: Readonly<Record<string, readonly Record<string, unknown>[]>>): string {
  const { design, fit } = a;
  const name = (c: string) => CONSTRUCT[c]?.zh ?? a.model.constructs.find((x) => x.name === c)?.name_zh ?? c;
  const scheme: Record<string, string> = { path: '路径加权', centroid: '重心加权', factorial: '因子加权' };
  const lines = [
    `客户满意度指数（${a.model.name}）：PLS路径模型，${scheme[a.options.scheme] ?? a.options.scheme}，题项${a.options.scaled ? '标准化' : '中心化'}，迭代 ${fit.iterations} 次`,
    `样本：读取 ${a.missing.respondents} 份，分析 ${a.missing.respondents_analysed} 份；缺失答案 ${a.missing.answers_missing} 个（${a.missing.treatment === 'mean' ? `以题项均值替代 ${a.missing.answers_replaced} 个` : `剔除 ${a.missing.respondents_dropped} 份`}）${a.weighted ? '；使用样本权重' : ''}`,
    '',
    '路径系数：',
    textTable(
      (tables.paths ?? []).map((p) => ({
        自: name(String(p.from)),
        至: name(String(p.to)),
        路径系数: f3(p.estimate as number),
        '效应量f²': f3(p.f_squared as number),
        ...(a.bootstrap ? { 标准误: f3(p.std_error as number), '95%置信区间': `${f3(p.ci_low as number)}–${f3(p.ci_high as number)}` } : {}),
      })),
    ),
    '',
    '潜变量：',
    textTable(
      design.constructs.map((c, j) => {
        const r = a.reliability[j];
        const formative = design.modes[j] === 'B';
        return {
          潜变量: name(c),
          'R²': design.predecessors[j].length > 0 ? f3(fit.rSquared[j]) : '—',
          'α': formative ? '—' : f3(r.alpha),
          'ρA': formative ? '—' : f3(r.rho_a),
          'ρC': formative ? '—' : f3(r.rho_c),
          AVE: formative ? '—' : f3(r.ave),
          '指数（0–100）': f1(a.index[j]),
        };
      }),
    ),
    `拟合优度 GoF ${f3(a.gof)}`,
  ];
  if (a.groups.length > 0) {
    const by: Record<string, string> = { company: '公司', region: '地区', stage: '业务阶段' };
    lines.push('', `按${by[a.options.by ?? ''] ?? a.options.by}的指数：`);
    lines.push(textTable(a.groups.map((g) => ({ 分组: g.group, 样本量: g.n, ...Object.fromEntries(design.constructs.map((c, j) => [name(c), f1(g.index[j])])) }))));
  }
  for (const [target, points] of Object.entries(a.ipma)) {
    lines.push('', `重要性—绩效（${name(target)}）：${points.map((p) => `${name(p.construct)} ${f3(p.importance)}/${f1(p.performance)}`).join('，')}`);
  }
  if (a.bootstrap) lines.push('', `自助法：重抽样 ${a.bootstrap.resamples} 次，随机种子 ${a.bootstrap.seed}，${a.bootstrap.failed.total} 次无法估计`);
  if (a.warnings.length > 0) lines.push('', `警告 ${a.warnings.length} 条：详见 --json 或 --out 的证据包`);
  return lines.join('\n') + '\n';
}

