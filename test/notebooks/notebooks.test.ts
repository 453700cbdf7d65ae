import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/charts/chromium';
import type { NotebookRun } from '../../src/notebook/executeNotebook';
import { hasTag, type Notebook, sourceText } from '../../src/notebook/ipynb';
import { listNotebooks, runNotebooks } from '../../src/notebook/runNotebooks';
import { chromiumMissing, jupyterMissing, skipWithout } from '../support/environment';

const NOTEBOOKS = resolve(__dirname, '..', '..', 'notebooks');
const files = listNotebooks(NOTEBOOKS);
const names = files.map((f) => basename(f, '.ipynb'));

/**
 * Where each notebook runs in this test. Most run on the company generated once per test run
 * (test/support/generatedCompany.ts: every table of the sample, a tenth of its policies), where
 * they run the same cells in less time. Two stay on the bundled sample: 02, whose repricing and
 * stop-sale tables show rows only with the sample's planted accident-insurance findings, and
 * 04, which reads only the survey (as large in both); 04 runs with 100 bootstrap resamples and
 * permutations instead of 300, which exercise the same cells.
 */
const ICSI = '04-satisfaction-icsi';
const ON_THE_SAMPLE = new Set(['02-loss-ratio-trends', ICSI]);

/** How many charts showFigure put into an executed notebook. */
function figureOutputs(nb: Notebook): number {
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.output_type === 'display_data' && sourceText(o.data?.['text/html'] as string | string[] | undefined).includes('class="awb-figure"')).length;
}

describe('the notebooks as committed', () => {
  it('there is a getting-started notebook, and every notebook is picked up', () => {
    expect(names[0]).toBe('00-getting-started');
  });

  it('the notebooks kept on the sample exist (a renamed one would otherwise run nowhere it is meant to)', () => {
    expect(names).toEqual(expect.arrayContaining([...ON_THE_SAMPLE]));
  });

  it.each(files)('%s runs on the tslab kernel and is committed without outputs', (file) => {
    const nb = JSON.parse(readFileSync(file, 'utf8')) as Notebook;
    expect((nb.metadata.kernelspec as { name?: string } | undefined)?.name).toBe('tslab');
    nb.cells.forEach((cell, i) => {
      if (nb.nbformat_minor >= 5) expect(typeof cell.id, `cell ${i + 1} has no id (nbformat 4.5 requires one)`).toBe('string');
    });
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'code') continue;
      expect(cell.outputs ?? []).toEqual([]);
      expect(cell.execution_count ?? null).toBeNull();
      expect(hasTag(cell, 'injected-parameters')).toBe(false);
    }
  });
});

describe.skipIf(skipWithout(jupyterMissing(), 'executing the notebooks (Jupyter)'))('executing every notebook headless', () => {
  const runs = new Map<string, NotebookRun>();
  let browser: Browser | null = null;

  beforeAll(async () => {
    const company = inject('generatedCompany');
    const onSample = names.filter((name) => ON_THE_SAMPLE.has(name));
    const onCompany = names.filter((name) => !ON_THE_SAMPLE.has(name));
    const executed = [
      ...(await runNotebooks({ dir: NOTEBOOKS, only: onCompany, parameters: { dataDir: company } })),
      ...(await runNotebooks({ dir: NOTEBOOKS, only: onSample.filter((n) => n !== ICSI) })),
      ...(await runNotebooks({ dir: NOTEBOOKS, only: [ICSI], parameters: { bootstrap: '100', permutations: '100' } })),
    ];
    for (const run of executed) runs.set(run.name, run);
    if (!skipWithout(chromiumMissing(), 'opening the exported HTML in Chromium')) {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    }
  }, 60 * 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(names)('%s runs from top to bottom without a failing cell', (name) => {
    const run = runs.get(name)!;
    expect(run.failure, run.failure ? `cell ${run.failure.index + 1}: ${run.failure.message}` : '').toBeNull();
    expect(run.ok).toBe(true);
    const executed = JSON.parse(readFileSync(run.executed!, 'utf8')) as Notebook;
    for (const cell of executed.cells) expect((cell.outputs ?? []).filter((o) => o.output_type === 'error')).toEqual([]);
  });

  it.each(names)('%s: the HTML opens offline without script errors and draws every chart, interactive and static', async (name) => {
    if (!browser) return;
    const run = runs.get(name)!;
    const expected = figureOutputs(JSON.parse(readFileSync(run.executed!, 'utf8')) as Notebook);
    const url = `file://${run.html}`;

    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!/^(file|data|about|blob):/.test(r.url())) problems.push(`loads from the network: ${r.url()}`);
    });
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('.awb-figure.js-plotly-plot .main-svg').length >= n && document.readyState === 'complete', expected, { timeout: 60_000 });
    // Drawn: plotly took over the element, drew its SVG and laid out every trace (bars, lines, heatmaps alike).
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('.awb-figure')].map((el) => {
        const gd = el as unknown as { data?: unknown[]; _fullData?: unknown[] };
        return { plotly: el.classList.contains('js-plotly-plot'), svg: el.querySelectorAll('.main-svg').length > 0, traces: gd.data?.length ?? 0, laidOut: gd._fullData?.length ?? 0 };
      }),
    );
    expect(drawn).toHaveLength(expected);
    for (const figure of drawn) expect(figure.plotly && figure.svg && figure.traces > 0 && figure.laidOut === figure.traces, JSON.stringify(figure)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();

    // Without JavaScript (GitHub, untrusted notebooks) each chart is its static PNG.
    const still = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const staticPage = await still.newPage();
    await staticPage.goto(url);
    const images = await staticPage.evaluate(() =>
      [...document.querySelectorAll('.awb-figure > img')].map((img) => (img as unknown as { naturalWidth: number; src: string })).map((img) => ({ width: img.naturalWidth, png: img.src.startsWith('data:image/png;base64,') })),
    );
    expect(images).toHaveLength(expected);
    for (const image of images) expect(image.png && image.width > 0).toBe(true);
    await still.close();
  }, 120_000);
});
