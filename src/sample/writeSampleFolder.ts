import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../data/InputError';
import { removeStalePartials } from '../evidence/writeBundle';

/**
 * Writes a data folder atomically: the files go into a hidden temporary folder beside the
 * target, renamed into place only when every file is written, so a failure leaves nothing
 * half-written (the hidden folders of runs killed while writing are removed on the next run).
 * An existing folder is never overwritten.
 * @returns the folder written, as given.
 * @throws InputError when `dir` already exists.
 * @example writeSampleFolder('data/sample', new Map([['products.csv', 'product_code,line,term_months\n…']]))
 */
export function writeSampleFolder(dir: string, files: ReadonlyMap<string, string>): string {
  assertNewFolder(dir);
  const target = resolve(dir);
  mkdirSync(dirname(target), { recursive: true });
  removeStalePartials(dirname(target));
  const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temp);
    for (const [name, text] of files) writeFileSync(join(temp, name), text, 'utf8');
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/**
 * Checks, before any work, that a data folder can be created at `dir`.
 * @throws InputError when `dir` already exists.
 * @example assertNewFolder('data/sample') // throws: the committed folder exists
 */
export function assertNewFolder(dir: string): void {
  if (existsSync(resolve(dir))) {
    throw new InputError({ argument: '--out', file: dir }, 'a folder that does not exist yet (a sample data folder is never written over an existing one)');
  }
}
