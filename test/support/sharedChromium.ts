import { afterAll, beforeAll } from 'vitest';
import { withChromium } from '../../src/charts/chromium';
import { withFigureRenderer } from '../../src/charts/figureRenderer';
import { chromiumMissing } from './environment';

/** Holds a `withChromium`-style sharer open: resolves once its resource is up, and returns the function that lets it close. */
async function hold(share: (work: () => Promise<void>) => Promise<void>): Promise<() => Promise<void>> {
  let release!: () => void;
  let launched!: () => void;
  const ready = new Promise<void>((resolve) => (launched = resolve));
  const held = share(async () => {
    launched();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await Promise.race([ready, held]);
  return async () => {
    release();
    await held;
  };
}

/**
 * Keeps headless Chromium open for the whole test file: every print of the file (each a
 * `withChromium` call, which shares a browser with the calls it overlaps) uses one browser, and
 * every chart drawn into a bundle, filed or verified (each a `withFigureRenderer` call, shared
 * likewise), uses one figure renderer, instead of each launching its own and loading plotly.js
 * again. Call at the top level of the file, before the hooks that print or file.
 */
export function shareChromiumInFile(): void {
  const releases: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    if (chromiumMissing() !== null) return;
    releases.push(await hold((work) => withChromium(work)), await hold((work) => withFigureRenderer(work)));
  });
  afterAll(async () => {
    for (const release of releases.splice(0)) await release();
  });
}
