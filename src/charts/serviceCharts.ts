import { type ServiceStandards, typeTotals } from '../service/serviceStandards';
import { CHART_FONT } from './chartTheme';
import type { Figure } from './figure';

/** Chart titles in the two languages of the reports. */
const TITLES = {
  en: { heat: (p: string, by: string) => `S1 §6 on-time rate (%) by type and ${by}, ${p}<br><sup>consultations: connection rate</sup>`, all: 'all' },
  zh: { heat: (p: string, by: string) => `${p} 在线服务时效达成率（%，按服务类型和${by === 'region' ? '地区' : by === 'branch' ? '分支机构' : '渠道'}）<br><sup>咨询为接通率</sup>`, all: '全部' },
} as const;

/**
 * The on-time rates of a service study as a heat map: one row per event type (the consultation
 * row shows the connection rate), one column for all events and one per group (region by
 * default), each cell coloured and labelled with its rate in percent; cells with nothing judged
 * are empty. The colour scale runs from 80% (red) to 100% (green), so a branch that misses a
 * limit stands out. Pure: the same study gives the same figure.
 * @param lang the language of the title and the "all" column
 * @example serviceOnTimeFigure(study).data[0].z // rows of percentages, e.g. [99.2, 99.5, …]
 */
export function serviceOnTimeFigure(study: ServiceStandards, lang: 'en' | 'zh' = 'en'): Figure {
  const t = TITLES[lang];
  const types = typeTotals(study).map((c) => c.type);
  const groups = [...new Set(study.cells.filter((c) => c.group !== null).map((c) => c.group!))].sort();
  const rate = (type: string, group: string | null) => {
    const cell = study.cells.find((c) => c.type === type && c.group === group);
    const r = cell?.on_time_rate ?? cell?.connection_rate ?? null;
    return r === null ? null : Number(r.times(100).toFixed(2));
  };
  const z = types.map((type) => [rate(type, null), ...groups.map((g) => rate(type, g))]);
  return {
    data: [
      {
        type: 'heatmap',
        x: [t.all, ...groups],
        y: types,
        z,
        zmin: 80,
        zmax: 100,
        colorscale: [
          [0, '#b2182b'],
          [0.5, '#fddbc7'],
          [0.75, '#f7f7f7'],
          [1, '#1a9850'],
        ],
        texttemplate: '%{z:.1f}',
        hovertemplate: '%{y}, %{x}: %{z:.2f}%<extra></extra>',
        colorbar: { title: { text: '%' } },
      },
    ],
    layout: {
      title: { text: t.heat(study.period, study.by), x: 0.02, xanchor: 'left' },
      font: { family: CHART_FONT, size: 12, color: '#222' },
      paper_bgcolor: '#ffffff',
      margin: { l: 170, r: 30, t: 70, b: 60 },
      xaxis: { type: 'category', side: 'bottom' },
      yaxis: { type: 'category', autorange: 'reversed' },
      height: 460,
    },
  };
}
