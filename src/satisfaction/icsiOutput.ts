import { indexBars } from '../charts/indexBars';
import type { Figure } from '../charts/figure';
import { ipmaMap } from '../charts/ipmaMap';
import { pathDiagram } from '../charts/pathDiagram';
import type { TableRow } from '../evidence/csv';
import type { SurveyAnalysis } from './analyseSurvey';
import type { BootstrapSummary } from './bootstrapIntervals';
import { FORMATIVE_THRESHOLDS } from './formativeAssessment';
import { F_SQUARED_CONVENTIONS } from './fSquared';
import { QUALITY_THRESHOLDS } from './qualityWarnings';

/** Bootstrap columns of one statistic: standard error, t value, percentile and BCa intervals. */
function bootColumns(s: BootstrapSummary | null | undefined): Record<string, number | null> {
  if (s === undefined) return {};
  return {
    std_error: s?.std_error ?? null,
    t_value: s?.t_value ?? null,
    ci_low: s?.ci_low ?? null,
    ci_high: s?.ci_high ?? null,
    bca_low: s?.bca_low ?? null,
    bca_high: s?.bca_high ?? null,
  };
}

function label(a: SurveyAnalysis, j: number): string {
  const c = a.model.constructs[j];
  return c.name_zh ? `${c.name} ${c.name_zh}` : c.name;
}

/** Summary of a statistic at offset k of the bootstrap layout, undefined without a bootstrap. */
function boot(a: SurveyAnalysis, k: number): BootstrapSummary | null | undefined {
  return a.bootstrap === null ? undefined : a.bootstrap.summaries[k];
}

const byConstruct = <T>(a: SurveyAnalysis, f: (j: number) => T): Record<string, T> => Object.fromEntries(a.design.constructs.map((c, j) => [c, f(j)]));

/** Direct, indirect and total effects between constructs, one row per pair with a total effect; bootstrap columns of the indirect and total effects under a bootstrap. */
function effectRows(a: SurveyAnalysis): Record<string, string | number | null>[] {
  const { design, fit } = a;
  const m = design.constructs.length;
  const L = a.bootstrap?.layout;
  const prefixed = (prefix: string, x: Record<string, number | null>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [`${prefix}_${k}`, v]));
  return design.constructs.flatMap((from, k) =>
    design.constructs
      .map((to, j) => ({ j, to }))
      .filter(({ j }) => fit.effects.total[k * m + j] !== 0)
      .map(({ j, to }) => ({
        from,
        to,
        direct: fit.effects.direct[k * m + j],
        indirect: fit.effects.indirect[k * m + j],
        total: fit.effects.total[k * m + j],
        ...(L ? { ...prefixed('indirect', bootColumns(boot(a, L.indirect + k * m + j))), ...prefixed('total', bootColumns(boot(a, L.total + k * m + j))) } : {}),
      })),
  );
}

/** HTMT pairs with the bootstrap upper bound (one-sided 95%) and whether the ratio is significantly below 0.85 and 0.90 (Franke & Sarstedt 2019). */
function htmtRows(a: SurveyAnalysis): Record<string, string | number | boolean | null>[] {
  const L = a.bootstrap?.layout;
  return a.htmt.map((x, i) => {
    const s = L ? boot(a, L.htmt + 2 * i) : undefined;
    return {
      ...x,
      ...(L
        ? {
            std_error: s?.std_error ?? null,
            ci_low: s?.ci_low ?? null,
            ci_high: s?.ci_high ?? null,
            upper_95: s?.upper ?? null,
            below_0_85: s ? s.upper < QUALITY_THRESHOLDS.htmt_distinct : null,
            below_0_90: s ? s.upper < QUALITY_THRESHOLDS.htmt_similar : null,
          }
        : {}),
    };
  });
}

/** The correlations of the construct scores, {a: {b: r}}. */
function constructCorrelations(a: SurveyAnalysis, r: Float64Array): Record<string, Record<string, number>> {
  const m = a.design.constructs.length;
  return byConstruct(a, (j) => Object.fromEntries(a.design.constructs.map((c, k) => [c, r[j * m + k]])));
}

/**
 * The JSON document of `awb icsi` (DOMAIN.md, Command line): paths (with std_error, ci_low, ci_high
 * and more under a bootstrap), r_squared, weights, loadings, reliability, htmt, index, groups,
 * iterations, and the quality measures, IPMA, missing-answer counts, warnings and comparison.
 * Only aggregates: no respondent identifier, answer or score is included (S3 art. 34).
 * @example icsiJson(await analyseSurvey(table, model, options)).paths[0] // { from: 'Image', to: 'Expectation', estimate: 0.454 }
 */
export function icsiJson(a: SurveyAnalysis): Record<string, unknown> {
  const { design, fit } = a;
  const m = design.constructs.length;
  const L = a.bootstrap?.layout;
  const groupInterval = (g: number, j: number) => (L ? boot(a, L.groupIndex + g * m + j) : undefined);
  return {
    model: a.model.name,
    options: { scheme: a.options.scheme, scaled: a.options.scaled, missing: a.options.missing, missing_codes: a.missing.missing_codes, by: a.options.by, consistent: a.options.consistent === true },
    scale: a.scale,
    respondents: { read: a.missing.respondents, analysed: a.missing.respondents_analysed, weighted: a.weighted },
    iterations: fit.iterations,
    paths: design.paths.map(([from, to], i) => ({
      from: design.constructs[from],
      to: design.constructs[to],
      estimate: fit.paths[from * m + to],
      ...bootColumns(L ? boot(a, L.paths + i) : undefined),
    })),
    r_squared: Object.fromEntries(design.endogenous.map((j) => [design.constructs[j], fit.rSquared[j]])),
    r_squared_adjusted: Object.fromEntries(design.endogenous.map((j) => [design.constructs[j], fit.adjustedRSquared[j]])),
    r_squared_intervals: L ? Object.fromEntries(design.endogenous.map((j) => [design.constructs[j], bootColumns(boot(a, L.rSquared + j))])) : null,
    weights: Object.fromEntries(design.items.map((item, h) => [item, fit.weights[h]])),
    loadings: Object.fromEntries(design.items.map((item, h) => [item, fit.loadings[h]])),
    weight_intervals: L ? Object.fromEntries(design.items.map((item, h) => [item, bootColumns(boot(a, L.weights + h))])) : null,
    loading_intervals: L ? Object.fromEntries(design.items.map((item, h) => [item, bootColumns(boot(a, L.loadings + h))])) : null,
    cross_loadings: Object.fromEntries(design.items.map((item, h) => [item, Object.fromEntries(design.constructs.map((c, k) => [c, fit.crossLoadings[h * m + k]]))])),
    construct_correlations: constructCorrelations(a, fit.r),
    measurement: byConstruct(a, (j) => (design.modes[j] === 'B' ? 'formative' : 'reflective')),
    reliability: byConstruct(a, (j) => a.reliability[j]),
    negative_loadings: a.negativeLoadings,
    htmt: htmtRows(a),
    fornell_larcker: a.fornellLarcker.map((r) => ({ construct: r.construct, sqrt_ave: r.sqrt_ave, passes: r.passes })),
    vif: a.vif,
    formative: { thresholds: FORMATIVE_THRESHOLDS, indicators: a.formative.indicators, redundancy: a.formative.redundancy },
    f_squared: a.fSquared,
    f_squared_conventions: F_SQUARED_CONVENTIONS,
    consistent:
      a.consistent === null
        ? null
        : {
            source: 'Dijkstra & Henseler (2015), MIS Quarterly 39(2); as seminr PLSc',
            admissible: a.consistent.admissible,
            rho_a: byConstruct(a, (j) => a.consistent!.rho[j]),
            paths: design.paths.map(([from, to], i) => ({ from: design.constructs[from], to: design.constructs[to], estimate: a.consistent!.paths[from * m + to], ...bootColumns(L && L.index > L.consistent ? boot(a, L.consistent + i) : undefined) })),
            r_squared: Object.fromEntries(design.endogenous.map((j) => [design.constructs[j], a.consistent!.rSquared[j]])),
            loadings: Object.fromEntries(design.items.map((item, h) => [item, a.consistent!.loadings[h]])),
            construct_correlations: constructCorrelations(a, a.consistent.r),
          },
    gof: a.gof,
    effects: effectRows(a),
    index: byConstruct(a, (j) => a.index[j]),
    index_intervals: L ? byConstruct(a, (j) => bootColumns(boot(a, L.index + j))) : null,
    index_weights: Object.fromEntries(design.items.map((item, h) => [item, a.indexWeights[h]])),
    groups: a.groups.map((g, gi) => ({
      group: g.group,
      n: g.n,
      index: byConstruct(a, (j) => g.index[j]),
      ...(L ? { index_ci_low: byConstruct(a, (j) => groupInterval(gi, j)?.ci_low ?? null), index_ci_high: byConstruct(a, (j) => groupInterval(gi, j)?.ci_high ?? null) } : {}),
    })),
    groups_suppressed: a.suppressedGroups,
    ipma: a.ipma,
    missing: a.missing,
    bootstrap: a.bootstrap === null ? null : { resamples: a.bootstrap.resamples, seed: a.bootstrap.seed, failed: a.bootstrap.failed, jackknife: a.bootstrap.jackknife, level: 0.95 },
    comparison: a.comparison,
    warnings: a.warnings,
  };
}

/**
 * Tables filed under `--out` (CSV and JSON): every figure of the JSON in row form.
 * @example Object.keys(icsiTables(analysis)) // ['paths', 'constructs', 'items', 'cross_loadings', 'htmt', 'vif', 'effects', 'warnings', …]
 */
export function icsiTables(a: SurveyAnalysis): Record<string, TableRow[]> {
  const { design, fit } = a;
  const m = design.constructs.length;
  const L = a.bootstrap?.layout;
  const tables: Record<string, TableRow[]> = {
    paths: design.paths.map(([from, to], i) => ({
      from: design.constructs[from],
      to: design.constructs[to],
      estimate: fit.paths[from * m + to],
      f_squared: a.fSquared[i].f2,
      f_squared_reestimated: a.fSquared[i].f2_reestimated,
      ...(a.consistent ? { consistent_estimate: a.consistent.paths[from * m + to] } : {}),
      ...bootColumns(L ? boot(a, L.paths + i) : undefined),
    })),
    constructs: design.constructs.map((c, j) => ({
      construct: c,
      name_zh: a.model.constructs[j].name_zh,
      items: design.blockStart[j + 1] - design.blockStart[j],
      mode: design.modes[j],
      measurement: design.modes[j] === 'B' ? 'formative' : 'reflective',
      r_squared: design.predecessors[j].length > 0 ? fit.rSquared[j] : null,
      r_squared_adjusted: fit.adjustedRSquared[j],
      ...a.reliability[j],
      fornell_larcker_passes: a.fornellLarcker[j].passes,
      index: a.index[j],
      ...(L ? { index_ci_low: boot(a, L.index + j)?.ci_low ?? null, index_ci_high: boot(a, L.index + j)?.ci_high ?? null } : {}),
    })),
    items: design.items.map((item, h) => ({
      item,
      construct: design.constructs[design.blockOf[h]],
      weight: fit.weights[h],
      loading: fit.loadings[h],
      index_weight: a.indexWeights[h],
      mean: fit.mean[h],
      sd: fit.sd[h],
      missing_answers: a.missing.by_item[item],
      ...(L ? { weight_ci_low: boot(a, L.weights + h)?.ci_low ?? null, weight_ci_high: boot(a, L.weights + h)?.ci_high ?? null, loading_ci_low: boot(a, L.loadings + h)?.ci_low ?? null, loading_ci_high: boot(a, L.loadings + h)?.ci_high ?? null } : {}),
    })),
    cross_loadings: design.items.map((item, h) => ({ item, ...Object.fromEntries(design.constructs.map((c, k) => [c, fit.crossLoadings[h * m + k]])) })),
    htmt: htmtRows(a),
    vif: a.vif.map((x) => ({ ...x })),
    construct_correlations: design.constructs.map((c, j) => ({ construct: c, ...Object.fromEntries(design.constructs.map((d, k) => [d, fit.r[j * m + k]])) })),
    formative_indicators: a.formative.indicators.map((x) => ({ ...x })),
    redundancy: a.formative.redundancy.map((x) => ({ ...x })),
    effects: effectRows(a),
    warnings: a.warnings.map((w) => ({ ...w })),
  };
  if (a.groups.length > 0) {
    tables[`index_by_${a.options.by}`] = a.groups.map((g, gi) => ({
      group: g.group,
      n: g.n,
      ...Object.fromEntries(design.constructs.map((c, j) => [c, g.index[j]])),
      ...(L ? Object.fromEntries(design.constructs.flatMap((c, j) => [[`${c}_ci_low`, boot(a, L.groupIndex + gi * m + j)?.ci_low ?? null], [`${c}_ci_high`, boot(a, L.groupIndex + gi * m + j)?.ci_high ?? null]])) : {}),
    }));
  }
  for (const [target, points] of Object.entries(a.ipma)) tables[`ipma_${target}`] = points.map((p) => ({ ...p }));
  if (a.comparison !== null) {
    tables.comparison_paths = a.comparison.paths.map((x) => ({ ...x }));
    tables.comparison_index = a.comparison.index.map((x) => ({ ...x }));
  }
  return tables;
}

/**
 * Charts filed under `--out`: the path diagram, the indices by group, one importance-performance map per target.
 * @example Object.keys(icsiCharts(analysis)) // ['path_diagram', 'index_by_region', 'ipma_Satisfaction', 'ipma_Loyalty']
 */
export function icsiCharts(a: SurveyAnalysis): Record<string, Figure> {
  const { design, fit } = a;
  const m = design.constructs.length;
  const L = a.bootstrap?.layout;
  const charts: Record<string, Figure> = {
    path_diagram: pathDiagram({
      title: `${a.model.name}: path coefficients and R² (${a.options.scheme} scheme, n = ${fit.n})`,
      constructs: design.constructs.map((c, j) => ({ name: c, label: label(a, j).replace(' ', '<br>'), r_squared: design.predecessors[j].length > 0 ? fit.rSquared[j] : null })),
      paths: design.paths.map(([from, to], i) => {
        const s = L ? boot(a, L.paths + i) : null;
        return { from: design.constructs[from], to: design.constructs[to], estimate: fit.paths[from * m + to], significant: s ? s.ci_low > 0 || s.ci_high < 0 : null };
      }),
    }),
  };
  if (a.groups.length > 0) {
    charts[`index_by_${a.options.by}`] = indexBars({
      title: `${a.model.name} index by ${a.options.by}${L ? ' (95% bootstrap intervals)' : ''}`,
      constructs: design.constructs.map((_, j) => label(a, j)),
      groups: a.groups.map((g, gi) => ({
        group: `${g.group} (n=${g.n})`,
        index: g.index,
        ...(L ? { ci_low: design.constructs.map((_, j) => boot(a, L.groupIndex + gi * m + j)?.ci_low ?? null), ci_high: design.constructs.map((_, j) => boot(a, L.groupIndex + gi * m + j)?.ci_high ?? null) } : {}),
      })),
    });
  }
  for (const [target, points] of Object.entries(a.ipma)) charts[`ipma_${target}`] = ipmaMap(target, points);
  return charts;
}

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
const f1 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));

/**
 * What a person reads on the terminal: paths, R², reliability, indices, groups, warnings.
 * @example icsiText(analysis).split('\n')[0] // 'ICSI: PLS path model, path scheme, standardised items, 4 iterations'
 */
export function icsiText(a: SurveyAnalysis): string {
  const { design, fit } = a;
  const m = design.constructs.length;
  const L = a.bootstrap?.layout;
  const lines: string[] = [];
  lines.push(`${a.model.name}: PLS path model, ${a.options.scheme} scheme, ${a.options.scaled ? 'standardised' : 'centred'} items, ${fit.iterations} iterations`);
  lines.push(`Respondents: ${a.missing.respondents_analysed} analysed of ${a.missing.respondents} read; ${a.missing.answers_missing} missing answers (${a.missing.treatment === 'mean' ? `${a.missing.answers_replaced} replaced by the item mean` : `${a.missing.respondents_dropped} respondents dropped`})${a.weighted ? '; survey weights used' : ''}`);
  lines.push('', 'Paths' + (L ? '                          estimate  std.err   95% interval' : ''));
  design.paths.forEach(([from, to], i) => {
    const s = L ? boot(a, L.paths + i) : undefined;
    const name = `${design.constructs[from]} → ${design.constructs[to]}`.padEnd(30);
    lines.push(`  ${name} ${f3(fit.paths[from * m + to]).padStart(7)}${s ? `  ${f3(s.std_error).padStart(7)}   [${f3(s.ci_low)}, ${f3(s.ci_high)}]` : ''}`);
  });
  lines.push('', 'Constructs                      R²     alpha  rho_A  rho_C  AVE    index');
  design.constructs.forEach((c, j) => {
    const r = a.reliability[j];
    const measures = design.modes[j] === 'B' ? 'formative: see below      ' : `${f3(r.alpha)}  ${f3(r.rho_a)}  ${f3(r.rho_c)}  ${f3(r.ave)}`;
    lines.push(`  ${label(a, j).padEnd(28)} ${design.predecessors[j].length > 0 ? f3(fit.rSquared[j]) : '  —  '}  ${measures}  ${f1(a.index[j])}`);
  });
  lines.push(`GoF ${f3(a.gof)}`);
  if (a.formative.indicators.length > 0) {
    lines.push('', 'Formative indicators (Hair et al. 2019, Table II)   weight  loading  VIF    decision');
    for (const x of a.formative.indicators) {
      lines.push(`  ${`${x.construct} ${x.item}`.padEnd(48)} ${f3(x.weight).padStart(6)}  ${f3(x.loading).padStart(6)}  ${f3(x.vif)}  ${x.decision}${x.weight_p === null ? '' : ` (p = ${f3(x.weight_p)})`}`);
    }
    for (const r of a.formative.redundancy) lines.push(`  Redundancy ${r.construct} with ${r.global_item}: ${f3(r.path)} (${r.passes ? 'at least' : 'below'} 0.70)`);
  }
  if (a.consistent) {
    lines.push('', `Consistent PLS (PLSc, Dijkstra & Henseler 2015)${a.consistent.admissible ? '' : ' — INADMISSIBLE: a corrected correlation exceeds 1'}`);
    design.paths.forEach(([from, to]) => lines.push(`  ${`${design.constructs[from]} → ${design.constructs[to]}`.padEnd(30)} ${f3(a.consistent!.paths[from * m + to]).padStart(7)}`));
  }
  lines.push('', `f² (${F_SQUARED_CONVENTIONS.f2}; in brackets ${F_SQUARED_CONVENTIONS.f2_reestimated}):`);
  lines.push(`  ${a.fSquared.map((f) => `${f.from} → ${f.to} ${f3(f.f2)} [${f3(f.f2_reestimated)}]`).join(', ')}`);
  if (a.groups.length > 0) {
    lines.push('', `Index by ${a.options.by}`.padEnd(24) + design.constructs.map((c) => c.slice(0, 8).padStart(9)).join(''));
    for (const g of a.groups) lines.push(`  ${`${g.group} (n=${g.n})`.padEnd(22)}${g.index.map((v) => f1(v).padStart(9)).join('')}`);
  }
  for (const [target, points] of Object.entries(a.ipma)) {
    lines.push('', `Importance-performance (${target}): ${points.map((p) => `${p.construct} ${f3(p.importance)}/${f1(p.performance)}`).join(', ')}`);
  }
  if (a.bootstrap) lines.push('', `Bootstrap: ${a.bootstrap.resamples} resamples, seed ${a.bootstrap.seed}, ${a.bootstrap.failed.total} could not be estimated`);
  if (a.comparison) {
    const c = a.comparison;
    lines.push('', `Comparison ${c.a} (n=${c.n_a}) vs ${c.b} (n=${c.n_b}), ${c.permutations} permutations:`);
    for (const x of c.index) lines.push(`  index ${x.construct.padEnd(14)} ${f1(x.a)} vs ${f1(x.b)}  difference ${f1(x.difference)}  p = ${f3(x.p_value)}`);
  }
  if (a.warnings.length > 0) lines.push('', 'Warnings', ...a.warnings.map((w) => `  ! ${w.message}`));
  return lines.join('\n') + '\n';
}
