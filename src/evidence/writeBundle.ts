import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readOptionsOf } from '../commands/readOptions';
import { InputError } from '../data/InputError';
import { assertNoPersonalData } from './confidentiality';
import type { Manifest } from './manifest';
import { jsonText, type BundleFiles } from './renderOutputs';

/** What to do when the bundle folder already exists: refuse, or pick the next free `DIR-2`, `DIR-3`… */
export type IfExists = 'error' | 'suffix';

/**
 * The folder a new bundle will be written to.
 * @throws InputError when it exists and `ifExists` is 'error' (bundles are never overwritten).
 */
export function bundleTarget(dir: string, ifExists: IfExists = 'error'): string {
  if (!existsSync(dir)) return dir;
  if (ifExists === 'error') {
    throw new InputError({ file: dir }, 'an output folder that does not exist yet (an evidence bundle is never overwritten; choose a new --out)');
  }
  for (let n = 2; ; n++) {
    const candidate = `${dir}-${n}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Writes a bundle atomically: every file goes into a hidden temporary folder beside the
 * target, which is renamed into place only when complete, so a failure leaves nothing
 * half-written. Before anything is written, the outputs are scanned for the personal data of
 * the manifest's inputs (respondent identifiers, names, phone numbers…, S3 art. 34).
 * @returns the folder written.
 * @throws InputError when the target exists (never overwritten).
 * @throws ConfidentialityError when an output holds personal data of an input (nothing is written).
 */
export async function writeBundle(dir: string, files: BundleFiles, manifest: Manifest): Promise<string> {
  const target = resolve(dir);
  if (existsSync(target)) throw new InputError({ file: dir }, 'an output folder that does not exist yet (an evidence bundle is never overwritten)');
  await assertNoPersonalData(files, manifest.inputs.map((i) => i.path), readOptionsOf(manifest.command.parameters));
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temp);
    for (const [path, bytes] of files) {
      const full = join(temp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
    }
    writeFileSync(join(temp, 'manifest.json'), jsonText(manifest));
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
