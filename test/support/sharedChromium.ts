import { afterAll, beforeAll } from 'vitest';
import { withChromium } from '../../src/charts/chromium';
import { chromiumMissing } from './environment';

/**
 * Keeps one headless Chromium open for the whole test file: every print of the file (each a
 * `withChromium` call, which shares a browser with the calls it overlaps) uses it instead of
 * launching its own. Call at the top level of the file, before the hooks that print.
 */
export function shareChromiumInFile(): void {
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;
  beforeAll(async () => {
    if (chromiumMissing() !== null) return;
    let launched!: () => void;
    const ready = new Promise<void>((resolve) => (launched = resolve));
    held = withChromium(async () => {
      launched();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await Promise.race([ready, held]);
  });
  afterAll(async () => {
    release?.();
    await held;
  });
}
