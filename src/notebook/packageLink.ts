import { lstatSync, mkdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../evidence/manifest';

/** The name notebooks import the library by. */
export const PACKAGE_NAME = 'actuarial-workbench';

/**
 * Makes the package importable by its own name from anywhere in the checkout, for Node
 * and for tslab's type checker (which resolves modules the classic `node_modules` way and
 * ignores package self-references): `node_modules/actuarial-workbench` → `..`. Notebooks
 * then `import … from 'actuarial-workbench'` and get the built `dist/` with its types.
 * Idempotent; run by `npm install` (prepare) and before notebooks execute.
 * @returns the link's path.
 * @example ensurePackageLink() // '/repo/node_modules/actuarial-workbench' (→ ..)
 */
export function ensurePackageLink(root: string = PACKAGE_ROOT): string {
  const link = join(root, 'node_modules', PACKAGE_NAME);
  let current: string | null = null;
  try {
    current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : 'not a link';
  } catch {
    current = null;
  }
  if (current === '..') return link;
  if (current !== null) unlinkSync(link);
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  try {
    symlinkSync('..', link, 'dir');
  } catch (error) {
    // Another process (a parallel test file) may have just made the same link.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || readlinkSync(link) !== '..') throw error;
  }
  return link;
}
