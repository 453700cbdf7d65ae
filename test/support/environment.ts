import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../src/charts/chromium';
import { findJupyter, JupyterUnavailable, notebookEnv } from '../../src/notebook/jupyter';

/** Under CI a missing tool is a failure: the tests that need it run and fail instead of skipping. */
export const IN_CI = process.env.CI === 'true';

/** Why Jupyter (with nbconvert) cannot be used here, or null when it can. */
export function jupyterMissing(): string | null {
  try {
    findJupyter(notebookEnv());
    return null;
  } catch (error) {
    if (error instanceof JupyterUnavailable) return error.message;
    throw error;
  }
}

/** Why Chromium cannot be used here, or null when it can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium, see .ci/run)`;
}

/**
 * Whether to skip tests that need a tool: only outside CI, and saying why on stderr.
 * @example describe.skipIf(skipWithout(chromiumMissing(), 'chart export'))('…', …)
 */
export function skipWithout(missing: string | null, what: string): boolean {
  if (missing === null || IN_CI) return false;
  process.stderr.write(`\nSKIPPED ${what}: ${missing}\n`);
  return true;
}
