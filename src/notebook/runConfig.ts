import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Cell metadata the run configuration sets: the cell whose reply was an error, and cells skipped after it. */
export const FAILED_KEY = 'awb_failed';
export const SKIPPED_KEY = 'awb_skipped';
/** nbclient's tag for cells it does not execute. */
export const SKIP_TAG = 'skip-execution';

/**
 * nbconvert configuration for a run, using nbclient's cell hooks. tslab reports a failing
 * cell only through the status of its execute reply (it prints the error on stderr and
 * sends no `error` output), so `--allow-errors` alone would let a run look clean. The
 * error hook marks the cell whose reply was an error; the start hook then tags every later
 * code cell `skip-execution`, so a run stops at its first failure (nothing after it runs,
 * nothing is filed) while nbconvert still writes the executed notebook for inspection.
 * It is Python because nbconvert's configuration files are.
 */
const RUN_CONFIG = `# Written by the workbench's notebook runner (src/notebook/runConfig.ts).
failed = []

def awb_on_cell_error(cell, cell_index, execute_reply):
    failed.append(cell_index)
    cell.metadata['${FAILED_KEY}'] = True

def awb_on_cell_start(cell, cell_index):
    if failed and cell.cell_type == 'code':
        cell.metadata.setdefault('tags', []).append('${SKIP_TAG}')
        cell.metadata['${SKIPPED_KEY}'] = True

c.ExecutePreprocessor.on_cell_error = awb_on_cell_error
c.ExecutePreprocessor.on_cell_start = awb_on_cell_start
`;

/** Writes the run configuration into `dir` and returns its path (for `--config`). @example writeRunConfig('notebooks/.executed/.config') // 'notebooks/.executed/.config/awb_nbconvert_config.py' */
export function writeRunConfig(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'awb_nbconvert_config.py');
  writeFileSync(path, RUN_CONFIG);
  return path;
}
