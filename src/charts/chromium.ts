import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; override with AWB_CHROMIUM for another build. */
export const CHROMIUM_PATH = process.env.AWB_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, sandbox-free (containers), no GPU, no traffic besides what a page asks for, and an English (US) user interface whatever the machine's locale. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=en-US'] as const;

/**
 * The locale and time zone every page is rendered in (`browser.newContext(PINNED_PAGE)`), so that
 * a report or chart prints the same bytes on a Chinese desktop in Shanghai and on a server in UTC:
 * the language of a page is its own `lang` attribute, never the machine's.
 */
export const PINNED_PAGE = { locale: 'en-US', timezoneId: 'UTC' } as const;

/**
 * The environment Chromium is started in: the caller's, with the locale variables replaced by
 * `C.UTF-8` and the time zone by UTC. Chromium chooses fonts, line breaking and hyphenation from
 * LANG/LC_ALL/LANGUAGE, so without this a PDF printed under `LANG=zh_CN.UTF-8` differs from one
 * printed under `C.UTF-8`.
 * @example chromiumEnvironment({ LANG: 'zh_CN.UTF-8', PATH: '/usr/bin' }) // { PATH: '/usr/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' }
 */
export function chromiumEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const kept = Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !/^(LANG|LANGUAGE|LC_[A-Z_]+|TZ)$/.test(e[0]));
  return { ...Object.fromEntries(kept), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' };
}

/**
 * Starts Debian's headless Chromium (`CHROMIUM_PATH`, `CHROMIUM_ARGS`) in the pinned locale and
 * time zone (`chromiumEnvironment`): the one launch behind the figure renderer and the report
 * printer, whose pages are opened with `PINNED_PAGE`.
 * @throws Error naming the binary tried when Chromium cannot be launched.
 * @example const browser = await launchChromium(); await browser.close();
 */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], env: chromiumEnvironment() });
  } catch (error) {
    throw new Error(`Could not launch Chromium at ${CHROMIUM_PATH} (set AWB_CHROMIUM to its path): ${(error as Error).message}`);
  }
}

/**
 * Whether a filed path is a rendering drawn by Chromium (PDF, PNG, SVG), whose bytes depend on
 * the Chromium build and its fonts: manifests record Chromium's version for them, and verify
 * tells their differences apart.
 * @example isRendering('charts/trend.svg') // true
 */
export function isRendering(path: string): boolean {
  return /\.(pdf|png|svg)$/.test(path);
}

let shared: Promise<Browser> | undefined;
let users = 0;
let version: string | null | undefined;

/**
 * Runs `fn` with a headless Chromium (the same binary and flags as the figure renderer:
 * `CHROMIUM_PATH`, `CHROMIUM_ARGS`). Calls that overlap share one browser, which is closed when
 * the last of them ends, so no browser outlives the work (a CLI run exits cleanly).
 * @throws Error when Chromium cannot be launched (the message names the binary tried).
 * @example const bytes = await withChromium(async (browser) => (await browser.newPage()).pdf());
 */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  users++;
  try {
    shared ??= launchChromium().catch((error: unknown) => {
      shared = undefined;
      throw error;
    });
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

/**
 * Version of the Chromium that renders PDF and images (`156.0.8078.79`), read once from
 * `CHROMIUM_PATH --version`; null when it cannot be run. Manifests record it because the bytes
 * of a rendering depend on it.
 */
export function chromiumVersion(): string | null {
  if (version === undefined) {
    try {
      const text = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: chromiumEnvironment() });
      version = /(\d+\.\d+\.\d+\.\d+)/.exec(text)?.[1] ?? null;
    } catch {
      version = null;
    }
  }
  return version;
}

/**
 * Whether the Chromium that draws PDF and images can be run (`CHROMIUM_PATH --version` succeeds).
 * Without it, bundles hold charts as HTML and JSON only and the review is filed without its PDF.
 * @example chromiumAvailable() // true where Debian's chromium is installed
 */
export function chromiumAvailable(): boolean {
  return chromiumVersion() !== null;
}
