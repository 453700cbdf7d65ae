import { type Browser, chromium } from 'playwright-core';

/** The Chromium binary: `AWB_CHROMIUM` when set, else Debian's `/usr/bin/chromium`. */
export function chromiumExecutable(): string {
  return process.env.AWB_CHROMIUM ?? '/usr/bin/chromium';
}

/** Launch arguments for a headless, offline, sandbox-free Chromium (containers, CI). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] as const;

let shared: Promise<Browser> | undefined;
let users = 0;
let launchedVersion: string | null = null;

/**
 * Runs `fn` with a headless Chromium. Calls that overlap share one browser, which is closed
 * when the last of them ends, so no browser outlives the work (a CLI run exits cleanly).
 * @throws Error when Chromium cannot be launched (the message names the binary tried).
 * @example const bytes = await withChromium(async (browser) => (await browser.newPage()).pdf());
 */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  users++;
  try {
    shared ??= chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS] }).then(
      (browser) => {
        launchedVersion = browser.version();
        return browser;
      },
      (error: unknown) => {
        shared = undefined;
        throw new Error(`Could not launch Chromium at ${chromiumExecutable()} (set AWB_CHROMIUM to its path): ${(error as Error).message}`);
      },
    );
    return await fn(await shared);
  } finally {
    users--;
    if (users === 0 && shared) {
      const closing = shared;
      shared = undefined;
      await (await closing.catch(() => undefined))?.close();
    }
  }
}

/** Version of the Chromium launched by this process (recorded in manifests), or null when none was. */
export function chromiumVersion(): string | null {
  return launchedVersion;
}
