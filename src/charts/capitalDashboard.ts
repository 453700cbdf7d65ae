import type { Quarter } from '../data/period';
import type { Dec } from '../money/decimal';
import type { EligibilityReview } from '../rules/internetEligibility';
import { decimalParam, getRule, type Rulebook } from '../rules/rulebook';
import { chartLayout } from './chartTheme';
import type { Figure } from './figure';

/**
 * The eight-quarter solvency and coverage dashboard: comprehensive and core solvency ratios
 * (top) and the reserve coverage ratio (bottom), in percent, for the eight quarters ending in
 * the assessed one, with the thresholds of ILI-ELIG and ILI-ELIG-LONG drawn as dashed lines
 * (read from the rulebook, so an edited rulebook draws its own lines). Quarters that fail a
 * condition of ILI-ELIG are marked red; each quarter is labelled with its risk rating and
 * governance grade, and whether the four-quarter window ending there passes ILI-ELIG.
 *
 * @param review the result of {@link reviewEligibility}
 * @param rulebook the rulebook it was evaluated with
 * @example capitalDashboardFigure(reviewEligibility(solvency, book), book).data.length // 3
 */
export function capitalDashboardFigure(review: EligibilityReview, rulebook: Rulebook): Figure {
  const end = review.quarters.findIndex((q) => q.quarter === review.assessed);
  const shown = review.quarters.slice(Math.max(0, end - 7), end + 1);
  const x = shown.map((q) => q.quarter);
  const pct = (v: Dec | null) => (v === null ? null : v.times(100).toNumber());
  const failing = new Set(review.conditions.filter((c) => c.rule_id === 'ILI-ELIG' && c.passes !== true).map((c) => `${c.quarter}|${c.condition}`));
  const colours = (condition: string, base: string) => shown.map((q) => (failing.has(`${q.quarter}|${condition}`) ? '#c0392b' : base));
  const windows = new Map(review.verdicts.filter((v) => v.rule_id === 'ILI-ELIG').map((v) => [v.quarter, v]));
  const verdictText = (quarter: string) => {
    const v = windows.get(quarter as Quarter)!;
    return v.eligible ? 'eligible' : v.before_history ? 'too early' : 'not eligible';
  };
  const elig = getRule(rulebook, 'ILI-ELIG');
  const long = getRule(rulebook, 'ILI-ELIG-LONG');
  const lines = [
    { axis: 'y', value: decimalParam(elig, 'comprehensive_solvency_min', rulebook), text: 'ILI-ELIG comprehensive', colour: '#1f618d' },
    { axis: 'y', value: decimalParam(elig, 'core_solvency_min', rulebook), text: 'ILI-ELIG core', colour: '#117a65' },
    { axis: 'y', value: decimalParam(long, 'comprehensive_solvency_min', rulebook), text: 'ILI-ELIG-LONG comprehensive', colour: '#5dade2' },
    { axis: 'y', value: decimalParam(long, 'core_solvency_min', rulebook), text: 'ILI-ELIG-LONG core', colour: '#48c9b0' },
    { axis: 'y2', value: decimalParam(elig, 'reserve_coverage_min', rulebook), text: 'ILI-ELIG coverage (above)', colour: '#7d3c98' },
  ];
  /** One ratio over the shown quarters, in percent, its failing quarters marked red. */
  const series = (name: string, uid: string, condition: string, ratio: (q: (typeof shown)[number]) => Dec | null, colour: string, yaxis: 'y' | 'y2') => ({
    type: 'scatter',
    mode: 'lines+markers',
    name,
    uid,
    x,
    y: shown.map((q) => pct(ratio(q))),
    line: { color: colour },
    marker: { size: 10, color: colours(condition, colour) },
    yaxis,
  });
  return {
    data: [
      series('comprehensive solvency', 'comprehensive', 'comprehensive_solvency', (q) => q.row.comprehensive_solvency_ratio, '#1f618d', 'y'),
      series('core solvency', 'core', 'core_solvency', (q) => q.row.core_solvency_ratio, '#117a65', 'y'),
      series('reserve coverage', 'coverage', 'reserve_coverage', (q) => q.coverage?.ratio ?? null, '#7d3c98', 'y2'),
    ],
    layout: {
      ...chartLayout({ title: `Solvency and reserve coverage 偿付能力与责任准备金覆盖率, ${x[0]}–${x[x.length - 1]}<br><sup>red marker: the quarter fails a condition of ILI-ELIG; under each quarter: risk rating · governance grade, and the four-quarter window ending there</sup>` }),
      xaxis: { type: 'category', anchor: 'y2' },
      yaxis: { domain: [0.45, 1], title: { text: 'solvency ratio (%)' }, ticksuffix: '%' },
      yaxis2: { domain: [0, 0.35], title: { text: 'reserve coverage (%)' }, ticksuffix: '%' },
      shapes: lines.map((l) => ({
        type: 'line',
        xref: 'paper',
        x0: 0,
        x1: 1,
        yref: l.axis,
        y0: l.value.times(100).toNumber(),
        y1: l.value.times(100).toNumber(),
        line: { dash: 'dash', width: 1, color: l.colour },
      })),
      annotations: [
        ...lines.map((l) => ({
          xref: 'paper',
          x: 1,
          xanchor: 'right',
          yref: l.axis,
          y: l.value.times(100).toNumber(),
          yanchor: 'bottom',
          text: `${l.text} ${l.value.times(100).toFixed()}%`,
          showarrow: false,
          font: { size: 10, color: l.colour },
        })),
        ...shown.map((q) => ({
          xref: 'x',
          x: q.quarter,
          yref: 'paper',
          y: 0.4,
          text: `${q.row.risk_rating} · ${q.row.governance_grade ?? '–'}<br>${verdictText(q.quarter)}`,
          showarrow: false,
          font: { size: 10, color: windows.get(q.quarter)!.eligible ? '#1e8449' : windows.get(q.quarter)!.before_history ? '#7f8c8d' : '#c0392b' },
        })),
      ],
      height: 620,
      legend: { orientation: 'h', x: 0, y: -0.08 },
      margin: { l: 70, r: 30, t: 90, b: 60 },
    },
  };
}
