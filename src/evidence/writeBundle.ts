import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readOptionsOf } from '../commands/readOptions';
import { InputError } from '../data/InputError';
import { assertNoPersonalData } from './confidentiality';
import type { Manifest } from './manifest';
import { jsonText, type BundleFiles } from './renderOutputs';

/** What to do when the bundle folder already exists: refuse, or pick the next free `DIR-2`, `DIR-3`… */
export type IfExists = 'error' | 'suffix';

/**
 * Checks, before anything is computed, that a bundle can be filed at `dir`: the folder does not
 * exist (unless `ifExists` is 'suffix'), and its nearest existing parent is a folder one may
 * write in (not a file).
 * @returns the folder a bundle would be written to now (`DIR-2`… with 'suffix'); a concurrent
 * run may take it first, and `writeBundle` then takes the next free one.
 * @throws InputError naming `--out` when the bundle cannot be filed there.
 * @example bundleTarget('output/backtest-2025Q4') // 'output/backtest-2025Q4' (when it does not exist)
 */
export function bundleTarget(dir: string, ifExists: IfExists = 'error'): string {
  let parent = dirname(resolve(dir));
  while (!existsSync(parent)) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) {
    throw new InputError({ argument: '--out', file: dir }, `a folder path; ${parent} is a file, not a folder`);
  }
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new InputError({ argument: '--out', file: dir }, `a folder path one may write in; ${parent} is not writable`);
  }
  if (!existsSync(dir)) return dir;
  if (ifExists === 'error') {
    throw new InputError({ argument: '--out', file: dir }, 'an output folder that does not exist yet (an evidence bundle is never overwritten; choose a new --out)');
  }
  for (let n = 2; ; n++) {
    const candidate = `${dir}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Hidden folders a bundle is written into before it is renamed into place: `.DIR.partial-PID-TIME`. */
const PARTIAL = /^\..+\.partial-(\d+)-\d+$/;

/** Whether a process of this machine is running (signal 0 tests without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary folders that runs killed while writing a bundle left in `parent`
 * (`.DIR.partial-PID-TIME` whose process is no longer running); those of running processes stay.
 * @returns the names removed.
 * @example removeStalePartials('output') // ['.backtest-2025Q4.partial-4242-1764921600000']
 */
export function removeStalePartials(parent: string): string[] {
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const m = PARTIAL.exec(entry.name);
    if (!m || !entry.isDirectory() || Number(m[1]) === process.pid || isRunning(Number(m[1]))) continue;
    rmSync(join(parent, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/**
 * Writes a bundle atomically: every file goes into a hidden temporary folder beside the
 * target, which is renamed into place only when complete, so a failure leaves nothing
 * half-written (and the hidden folders of runs killed while writing are removed on the next
 * run). Before anything is written, the outputs are scanned for the personal data of the
 * manifest's inputs (respondent identifiers, names, phone numbers…, S3 art. 34). When another
 * run files the same folder at the same time, the second is refused, or with `ifExists`
 * 'suffix' takes the next free `DIR-2`, `DIR-3`…
 * @returns the folder written.
 * @throws InputError when the target exists and `ifExists` is 'error' (never overwritten).
 * @throws ConfidentialityError when an output holds personal data of an input (nothing is written).
 */
export async function writeBundle(dir: string, files: BundleFiles, manifest: Manifest, ifExists: IfExists = 'error'): Promise<string> {
  const target = resolve(dir);
  if (existsSync(target) && ifExists === 'error') throw new InputError({ argument: '--out', file: dir }, 'an output folder that does not exist yet (an evidence bundle is never overwritten)');
  await assertNoPersonalData(files, manifest.inputs.map((i) => i.path), readOptionsOf(manifest.command.parameters));
  mkdirSync(dirname(target), { recursive: true });
  removeStalePartials(dirname(target));
  const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temp);
    for (const [path, bytes] of files) {
      const full = join(temp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
    }
    writeFileSync(join(temp, 'manifest.json'), jsonText(manifest));
    for (let n = 1; ; n++) {
      const name = n === 1 ? dir : `${dir}-${n}`;
      if (existsSync(name)) {
        if (ifExists === 'error') throw new InputError({ argument: '--out', file: dir }, 'an output folder that does not exist yet (another run filed it meanwhile; an evidence bundle is never overwritten)');
        continue;
      }
      try {
        renameSync(temp, resolve(name));
        return name;
      } catch (error) {
        // Another run renamed its bundle into this name between the test and the rename.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        if (ifExists === 'error') throw new InputError({ argument: '--out', file: dir }, 'an output folder that does not exist yet (another run filed it meanwhile; an evidence bundle is never overwritten)');
      }
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
