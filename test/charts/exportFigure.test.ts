import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barChart } from '../../src/charts/barChart';
import { exportFigure } from '../../src/charts/exportFigure';
import type { Figure } from '../../src/charts/figure';
import { FigureRenderer, withFigureRenderer } from '../../src/charts/figureRenderer';
import { lineChart } from '../../src/charts/lineChart';
import { chromiumMissing, skipWithout } from '../support/environment';

const rows = [
  { quarter: '2025Q1', line: '意外险 accident', premium: 1200000 },
  { quarter: '2025Q2', line: '意外险 accident', premium: 1300000.5 },
  { quarter: '2025Q1', line: '医疗险 medical', premium: 800000 },
  { quarter: '2025Q2', line: '医疗险 medical', premium: 820000 },
];
const bars: Figure = barChart(rows, { x: 'quarter', y: 'premium', group: 'line', mode: 'stack', title: '保费收入 Premium income', yTitle: '元' });
const lines: Figure = lineChart(rows, { x: 'quarter', y: 'premium', group: 'line', title: 'Lines' });
/** A figure with no uids and a clip path (the bars' plot area): what plotly randomises. */
const bare: Figure = { data: [{ type: 'scatter', x: [1, 2, 3], y: [2, 1, 3], fill: 'tozeroy' }], layout: { title: { text: 'bare' } } };

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): [number, number] {
  const b = Buffer.from(png);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe.skipIf(skipWithout(chromiumMissing(), 'chart export through Chromium'))('exporting figures through headless Chromium', () => {
  let renderer: FigureRenderer;
  let dir: string;
  beforeAll(async () => {
    renderer = await FigureRenderer.launch();
    dir = mkdtempSync(join(tmpdir(), 'awb-export-'));
  });
  afterAll(async () => {
    await renderer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('SVG export is byte-deterministic: twice in one page, interleaved with other figures, and in a fresh browser', async () => {
    const first = await renderer.render(bare, 'svg');
    const again = await renderer.render(bare, 'svg');
    await renderer.render(lines, 'svg');
    const afterOthers = await renderer.render(bare, 'svg');
    const fresh = await withFigureRenderer((r) => r.render(bare, 'svg'));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(afterOthers).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(fresh).equals(Buffer.from(first))).toBe(true);
    const a = await renderer.render(bars, 'svg');
    const b = await renderer.render(bars, 'svg');
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('PNG export is byte-deterministic and has the asked size times the scale', async () => {
    const a = await renderer.render(bars, 'png', { width: 640, height: 360, scale: 2 });
    const b = await renderer.render(bars, 'png', { width: 640, height: 360, scale: 2 });
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(a).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(a)).toEqual([1280, 720]);
    expect(pngSize(await renderer.render(bars, 'png'))).toEqual([900, 480]);
  });

  it('the SVG is a complete plotly drawing with the Chinese labels kept as text in the CJK font', async () => {
    const svg = Buffer.from(await renderer.render(bars, 'svg')).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('保费收入 Premium income');
    expect(svg).toContain('意外险 accident');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg.match(/class="point"/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('trace bars');
  });

  it('PDF export is a one-page PDF without timestamps, the same bytes each time', async () => {
    const a = Buffer.from(await renderer.render(bars, 'pdf'));
    const b = Buffer.from(await renderer.render(bars, 'pdf'));
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    // The dates Chromium writes are blanked in place (charts/pdfDates.ts, shared with the review's PDF).
    expect(a.toString('latin1')).not.toMatch(/CreationDate|ModDate/);
    expect(b.equals(a)).toBe(true);
  });

  it('exportFigure() writes the file named by the path and returns the same bytes as asking for the format', async () => {
    const path = join(dir, 'nested', 'premium.svg');
    const written = await exportFigure(bars, path, { renderer });
    expect(readFileSync(path).equals(Buffer.from(written))).toBe(true);
    expect(Buffer.from(await exportFigure(bars, 'svg', { renderer })).equals(Buffer.from(written))).toBe(true);
  });

  it('exportFigure() without a renderer uses the shared one and gives the same bytes', async () => {
    const own = await renderer.render(bars, 'png');
    const shared = await exportFigure(bars, 'png');
    expect(Buffer.from(shared).equals(Buffer.from(own))).toBe(true);
  });

  it('an unknown format or extension, or a non-positive size, is refused before rendering', async () => {
    await expect(exportFigure(bars, 'gif', { renderer })).rejects.toThrow('exportFigure: expected png, svg or pdf (or a path ending in one), got "gif"');
    await expect(exportFigure(bars, join(dir, 'x.jpeg'), { renderer })).rejects.toThrow(RangeError);
    await expect(renderer.render(bars, 'png', { width: 0 })).rejects.toThrow('exportFigure: width must be a positive number, got 0');
  });
});
