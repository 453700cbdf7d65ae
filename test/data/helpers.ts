import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder for one test's files. */
export function tempDir(prefix = 'awb-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes text (UTF-8) or bytes to a file in `dir` and returns its path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
