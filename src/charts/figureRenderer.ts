import type { Browser, Page } from 'playwright-core';
import { canonicalSvg } from './canonicalSvg';
import { launchChromium, PINNED_PAGE } from './chromium';
import { DEFAULT_SIZE } from './chartTheme';
import type { Figure } from './figure';
import { plotlyScript } from './html';
import { withoutPdfDates } from './pdfDates';

/** Image formats a figure exports to. */
export type ImageFormat = 'png' | 'svg' | 'pdf';

/** Size of an exported image: CSS pixels, and a pixel-density factor for PNG. */
export interface ImageOptions {
  /** Width in CSS pixels (default: the figure's layout.width, else 900). */
  readonly width?: number;
  /** Height in CSS pixels (default: the figure's layout.height, else 480). */
  readonly height?: number;
  /** Device pixels per CSS pixel for PNG (default 1; 2 for print quality). Ignored for SVG and PDF. */
  readonly scale?: number;
}

/**
 * Seed of the page's Math.random before each export. Plotly names clip paths and other
 * SVG defs with random ids; a fixed seed (with fixed trace uids) makes the same figure give
 * the same bytes, which evidence bundles require.
 */
const RANDOM_SEED = 20210101;

const PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}</style></head><body><div id="plot"></div></body></html>';

/** Fixed trace uids: plotly otherwise draws random ones, and they appear in the SVG's class names. */
function withTraceUids(figure: Figure): Figure {
  return { ...figure, data: figure.data.map((trace, i) => ({ ...trace, uid: typeof trace.uid === 'string' ? trace.uid : `trace-${i}` })) };
}

function imageSize(figure: Figure, options: ImageOptions): { width: number; height: number; scale: number } {
  const layout = figure.layout as { width?: unknown; height?: unknown };
  const width = options.width ?? (typeof layout.width === 'number' ? layout.width : DEFAULT_SIZE.width);
  const height = options.height ?? (typeof layout.height === 'number' ? layout.height : DEFAULT_SIZE.height);
  const scale = options.scale ?? 1;
  for (const [name, v] of [['width', width], ['height', height], ['scale', scale]] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`exportFigure: ${name} must be a positive number, got ${v}`);
  }
  return { width, height, scale };
}

/**
 * Renders plotly figures to PNG, SVG or PDF in one headless Chromium (Debian's, through
 * playwright-core), offline: plotly.js comes from node_modules and the page may fetch
 * nothing. One renderer serves many exports (launching Chromium costs about a second);
 * exports run one at a time. SVG and PNG are byte-deterministic for the same figure and
 * size (seeded ids, fixed trace uids, canonical attribute order); so is PDF, once its
 * timestamps are fixed.
 * @example const r = await FigureRenderer.launch(); const svg = await r.render(figure, 'svg'); await r.close();
 */
export class FigureRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  /**
   * Starts Chromium and loads plotly.js into a blank page.
   * @throws Error when Chromium cannot be started (not installed at CHROMIUM_PATH).
   * @example const renderer = await FigureRenderer.launch();
   */
  static async launch(): Promise<FigureRenderer> {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ ...PINNED_PAGE, offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(PAGE);
      await page.addScriptTag({ content: plotlyScript() });
      return new FigureRenderer(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /**
   * Renders a figure to image bytes (SVG as UTF-8 text).
   * @throws RangeError for a non-positive size; Error when plotly rejects the figure.
   * @example await renderer.render(figure, 'png', { width: 800, height: 400, scale: 2 }) // PNG of 1600×800 pixels
   */
  render(figure: Figure, format: ImageFormat, options: ImageOptions = {}): Promise<Uint8Array> {
    const task = this.queue.then(() => this.renderNow(withTraceUids(figure), format, imageSize(figure, options)));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async renderNow(figure: Figure, format: ImageFormat, size: { width: number; height: number; scale: number }): Promise<Uint8Array> {
    const image = await this.page.evaluate(
      async ({ figure, format, size, seed }) => {
        let state = seed >>> 0;
        // mulberry32: a tiny seeded generator standing in for Math.random during the export.
        Math.random = () => {
          state = (state + 0x6d2b79f5) >>> 0;
          let t = state;
          t = Math.imul(t ^ (t >>> 15), t | 1);
          t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        const plotly = (globalThis as unknown as { Plotly: { toImage(fig: unknown, opts: unknown): Promise<string> } }).Plotly;
        const fig = { data: figure.data, layout: { ...figure.layout, width: size.width, height: size.height }, config: { ...(figure.config ?? {}), staticPlot: true } };
        return plotly.toImage(fig, { format: format === 'pdf' ? 'svg' : format, width: size.width, height: size.height, scale: format === 'png' ? size.scale : 1, imageDataOnly: true });
      },
      { figure: figure as unknown as { data: unknown[]; layout: Record<string, unknown>; config?: Record<string, unknown> }, format, size, seed: RANDOM_SEED },
    );
    if (format === 'png') return new Uint8Array(Buffer.from(image, 'base64'));
    const svg = canonicalSvg(image);
    if (format === 'svg') return new Uint8Array(Buffer.from(svg, 'utf8'));
    return this.pdfOf(svg, size);
  }

  private async pdfOf(svg: string, size: { width: number; height: number }): Promise<Uint8Array> {
    const page = await this.page.context().newPage();
    try {
      await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page{margin:0}html,body{margin:0}</style></head><body>${svg}</body></html>`);
      const pdf = await page.pdf({ width: `${size.width}px`, height: `${size.height}px`, printBackground: true, pageRanges: '1' });
      return withoutPdfDates(pdf);
    } finally {
      await page.close();
    }
  }

  /** Closes Chromium. @example await renderer.close(); */
  async close(): Promise<void> {
    await this.browser.close();
  }
}

let shared: Promise<FigureRenderer> | null = null;
let users = 0;
let idleTimer: NodeJS.Timeout | null = null;

/**
 * Runs `work` with the one renderer that overlapping calls share (loading plotly.js into its page
 * costs more than a second): launched on first use and closed when the last call has ended, at
 * once (`lingerMs` 0) or `lingerMs` later unless another call starts meanwhile. Exports stay
 * byte-deterministic in a shared renderer: each is seeded and queued (see FigureRenderer).
 * @throws Error when Chromium cannot be started (not installed at CHROMIUM_PATH).
 */
export async function sharedFigureRenderer<T>(work: (renderer: FigureRenderer) => Promise<T>, lingerMs: number): Promise<T> {
  users++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  try {
    shared ??= FigureRenderer.launch().catch((error: unknown) => {
      shared = null;
      throw error;
    });
    return await work(await shared);
  } finally {
    users--;
    if (users === 0 && shared) {
      const close = async () => {
        const closing = shared;
        shared = null;
        idleTimer = null;
        await (await closing?.catch(() => undefined))?.close();
      };
      if (lingerMs === 0) await close();
      else idleTimer = setTimeout(() => void close(), lingerMs);
    }
  }
}

/**
 * Runs `work` with a renderer shared by the calls it overlaps, closed when the last of them ends,
 * also when `work` throws, so no renderer outlives the work (a CLI run exits cleanly).
 * @throws Error when Chromium cannot be started (not installed at CHROMIUM_PATH).
 * @example await withFigureRenderer(async (r) => writeFileSync('trend.svg', await r.render(figure, 'svg')))
 */
export async function withFigureRenderer<T>(work: (renderer: FigureRenderer) => Promise<T>): Promise<T> {
  return sharedFigureRenderer(work, 0);
}
