import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary folder and file the tests make (theirs, the commands'
 * they run, DuckDB's spill folders, Chromium's profiles) goes under one folder of this run,
 * removed when the run ends, so a run leaves nothing behind in the machine's temporary folder.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'awb-tests-'));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
