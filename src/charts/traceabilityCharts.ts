import type { RecordingTraceability } from '../conduct/recordingTraceability';
import { chartLayout } from './chartTheme';
import type { Figure } from './figure';

/**
 * The quarter's sales that need an audio-video recording (S4), by channel: recorded in time,
 * recorded after the application date, and missing, stacked; the bar's height is the sales
 * required. A red segment is a finding.
 * @example recordingCoverageFigure(recordingTraceability(sales, recordings, '2025Q4', book)).data.length // 3
 */
export function recordingCoverageFigure(result: RecordingTraceability): Figure {
  const channels = result.groups.filter((g) => g.level === 'channel' && g.required > 0);
  const x = channels.map((g) => g.value ?? '(none)');
  const bar = (name: string, y: number[], color: string, uid: string) => ({ type: 'bar', name, x, y, marker: { color }, uid, hovertemplate: `%{x}: %{y} ${name}<extra></extra>` });
  return {
    data: [
      bar('recorded in time 按时双录', channels.map((g) => g.recorded - g.late), '#2e86c1', 'in-time'),
      bar('recorded late 晚于投保日双录', channels.map((g) => g.late), '#e67e22', 'late'),
      bar('missing 未双录', channels.map((g) => g.missing), '#c0392b', 'missing'),
    ],
    layout: {
      ...chartLayout({ title: `Sales requiring a recording, ${result.quarter} 应双录保单 (S4)`, xTitle: 'channel 渠道', yTitle: 'policies 件' }),
      barmode: 'stack',
      margin: { l: 70, r: 24, t: 64, b: 120 },
      legend: { orientation: 'h', y: -0.32 },
    },
  };
}

/**
 * The distribution of the quarter's recording durations in minutes (bins 0–10, 10–15, …, 60+),
 * with the median in the title; the seed's company reports about 20 minutes per recording.
 * @example recordingDurationFigure(result).data[0].type // 'bar'
 */
export function recordingDurationFigure(result: RecordingTraceability): Figure {
  const d = result.groups.find((g) => g.level === 'company')?.durations ?? null;
  const bins = d?.bins ?? [];
  const label = (b: (typeof bins)[number]) => (b.to_minutes === null ? `${b.from_minutes}+` : `${b.from_minutes}–${b.to_minutes}`);
  const median = d === null ? 'no recordings' : `median ${(d.median / 60).toFixed(1)} min`;
  return {
    data: [{ type: 'bar', name: 'recordings', x: bins.map(label), y: bins.map((b) => b.count), marker: { color: '#5c7080' }, uid: 'durations', hovertemplate: '%{x} min: %{y}<extra></extra>' }],
    layout: { ...chartLayout({ title: `Recording durations, ${result.quarter} 双录时长 (${median})`, xTitle: 'minutes 分钟', yTitle: 'recordings 件' }), showlegend: false },
  };
}
