import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandOutput, CommandParams } from '../commands/command';
import { chromiumVersion, isRendering } from '../charts/chromium';
import { hashInput, isWarehouseInput, sha256 } from './hash';
import type { BundleFiles } from './renderOutputs';

/** The package root (where package.json is), from src/ or dist/. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

/** Libraries whose versions can change results; their versions are recorded. */
const LIBRARIES = ['decimal.js', 'simple-statistics', 'jstat', '@duckdb/node-api', 'plotly.js-dist-min', 'danfojs', '@e965/xlsx', 'exceljs', 'jszip', 'csv-parse', 'csv-stringify', 'yaml', 'playwright-core'];

/** The manifest of an evidence bundle (DOMAIN.md, Evidence bundle). */
export interface Manifest {
  readonly manifest_version: 1;
  readonly created_at: string;
  /** The folder the command ran in: relative paths in the parameters and inputs are relative to it. */
  readonly working_directory: string;
  readonly command: { readonly name: string; readonly parameters: CommandParams; readonly argv: readonly string[] };
  readonly inputs: readonly { readonly path: string; readonly absolute_path: string; readonly sha256: string; readonly bytes: number }[];
  readonly rulebook: { readonly id: string; readonly version: string; readonly file: string; readonly sha256: string } | null;
  readonly software: {
    readonly package: string;
    readonly version: string;
    readonly git_commit: string | null;
    readonly git_dirty: boolean | null;
    readonly lockfile_sha256: string | null;
  };
  readonly runtime: {
    readonly node: string;
    readonly platform: string;
    readonly arch: string;
    readonly time_zone: string;
    /** The Chromium that rendered PDF or images, when one did (its output depends on the version). */
    readonly chromium: string | null;
  };
  readonly libraries: Readonly<Record<string, string>>;
  readonly seeds: Readonly<Record<string, number>>;
  readonly outputs: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[];
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * The installed version of a library, from the package.json that `require` would load it from
 * (not through `require.resolve('<name>/package.json')`, which packages with an `exports` map,
 * such as csv-parse and danfojs, refuse); 'not installed' when there is none.
 * @example libraryVersion('csv-parse') // '6.2.1'
 */
export function libraryVersion(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = join(dir, name, 'package.json');
    if (!existsSync(file)) continue;
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  }
  return 'not installed';
}

/**
 * The workbench's package name and version, from its package.json (no git or hashing).
 * @example packageIdentity() // { name: 'actuarial-workbench', version: '0.1.0' }
 */
export function packageIdentity(): { readonly name: string; readonly version: string } {
  const pkg = JSON.parse(readFileSync(resolve(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** The software that produced a result: package version, git commit, lockfile hash. */
export function softwareProvenance(): Manifest['software'] {
  const pkg = packageIdentity();
  const lock = resolve(PACKAGE_ROOT, 'package-lock.json');
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    package: pkg.name,
    version: pkg.version,
    git_commit: git(['rev-parse', 'HEAD']),
    git_dirty: status === null ? null : status.length > 0,
    lockfile_sha256: existsSync(lock) ? sha256(readFileSync(lock)) : null,
  };
}

/**
 * Builds the manifest of a bundle: inputs hashed from disk (or the hashes already taken, in
 * `hashed`), every output file hashed, and the command, rulebook, software, runtime, libraries and
 * seeds that produced them.
 */
export async function buildManifest(
  command: { name: string; parameters: CommandParams; argv: readonly string[] },
  output: CommandOutput,
  files: BundleFiles,
  hashed: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[] = [],
): Promise<Manifest> {
  const known = new Map(hashed.map((h) => [h.path, h]));
  const inputs = [];
  for (const path of [...new Set(output.inputs)].sort()) {
    const h = known.get(path);
    const hash = h ?? (await hashInput(path));
    if (hash === null) throw new Error(`manifest: the warehouse table ${path} cannot be checksummed`);
    inputs.push({ path, absolute_path: isWarehouseInput(path) ? path : resolve(path), sha256: hash.sha256, bytes: hash.bytes });
  }
  const libraries: Record<string, string> = {};
  for (const name of LIBRARIES) libraries[name] = libraryVersion(name);
  const rb = output.rulebook;
  return {
    manifest_version: 1,
    created_at: new Date().toISOString(),
    working_directory: process.cwd(),
    command,
    inputs,
    rulebook: rb ? { id: rb.id, version: rb.version, file: rb.file, sha256: rb.sha256 } : null,
    software: softwareProvenance(),
    runtime: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      chromium: [...files.keys()].some(isRendering) ? chromiumVersion() : null,
    },
    libraries,
    seeds: output.seeds ?? {},
    outputs: [...files.entries()].map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })),
  };
}
