import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CommandLookup, CommandOutput, CommandParams, CommandSpec } from '../commands/command';
import { commandParams } from '../commands/commandOptions';
import { chromiumVersion, isRendering } from '../charts/chromium';
import { InputError } from '../data/InputError';
import { type Progress, SILENT_PROGRESS } from '../progress';
import { hashInput, isWarehouseInput, sha256 } from './hash';
import { type Manifest, softwareProvenance } from './manifest';
import { bundleProvenance } from './provenance';
import { renderBundle } from './renderBundle';

/** Whether a recorded input is still the file that was read: same bytes, different bytes, or gone. */
export type InputStatus = 'unchanged' | 'changed' | 'missing' | 'not-recorded';

/** A recorded input, looked up again. */
export interface InputCheck {
  readonly path: string;
  /** Where it was looked for (the path resolved against the inputs root). */
  readonly resolved: string;
  readonly status: InputStatus;
  readonly recorded_sha256: string | null;
  readonly sha256: string | null;
}

/**
 * What became of one output: `reproduced` (filed bytes = recorded hash = recomputed bytes);
 * `differs` (the recomputation gives other bytes); `missing` (listed in the manifest, not on
 * disk); `altered` (on disk, but not the bytes the manifest records); `not-produced` (the
 * recomputation no longer writes it); `unrecorded` (the recomputation writes a file the bundle
 * lacks); `unlisted` (a file in the bundle that the manifest does not list); `not-recomputed`
 * (the recomputation failed, see `error`).
 */
export type OutputStatus = 'reproduced' | 'differs' | 'missing' | 'altered' | 'not-produced' | 'unrecorded' | 'unlisted' | 'not-recomputed';

/** One output file checked against its record and its recomputation. */
export interface OutputCheck {
  readonly path: string;
  readonly status: OutputStatus;
  readonly recorded_sha256: string | null;
  /** Hash of the file in the bundle, null when absent. */
  readonly filed_sha256: string | null;
  /** Hash of the recomputed bytes, null when not recomputed or not produced. */
  readonly recomputed_sha256: string | null;
  /** For text files that differ: the first line where the filed and recomputed texts part. */
  readonly first_difference?: { readonly line: number; readonly filed: string; readonly recomputed: string };
}

/** The outcome of `verifyBundle`. */
export interface VerifyReport {
  readonly bundle: string;
  readonly command: string;
  readonly parameters: Manifest['command']['parameters'];
  readonly filed_at: string;
  /** True only when every input is unchanged and every output reproduces byte for byte. */
  readonly reproduced: boolean;
  /** The folder relative paths were resolved against. */
  readonly inputs_root: string;
  readonly inputs_changed: boolean;
  readonly inputs: readonly InputCheck[];
  readonly rulebook: {
    /** `unknown` when the recomputation did not run; `none` when the command uses no rulebook. */
    readonly status: 'unchanged' | 'changed' | 'none' | 'unknown';
    readonly recorded: Manifest['rulebook'];
    readonly current: { readonly id: string; readonly version: string; readonly sha256: string } | null;
  };
  readonly outputs: readonly OutputCheck[];
  /** Differences between the software and runtime that filed the bundle and the ones verifying it. */
  readonly environment_differences: readonly string[];
  /**
   * True when the inputs are unchanged and the only outputs that differ (or that only one side
   * has) are renderings by Chromium (PDF, PNG, SVG) while the Chromium version differs, or one
   * side had no Chromium: the figures reproduce, the rendering does not (its bytes depend on the
   * Chromium build and its fonts).
   */
  readonly renderings_only: boolean;
  /** Why the recomputation failed, or null. */
  readonly error: string | null;
}

/** Options of `verifyBundle`. */
export interface VerifyOptions {
  /**
   * The folder that relative input paths in the manifest are resolved against. Default: the
   * folder the command was run in (`working_directory` in the manifest) when it still exists,
   * else the current directory.
   */
  readonly inputsRoot?: string;
  readonly progress?: Progress;
  /** Where to find the command by name: the `awb` commands (`findCommand` of the registry) or a test's stand-ins. */
  readonly commands: CommandLookup;
}

/**
 * Reads a bundle's manifest.
 * @throws InputError when the folder or its manifest.json is missing or not a manifest.
 */
export function readManifest(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new InputError({ file: path }, 'an evidence bundle folder holding manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new InputError({ file: path }, `a JSON manifest (${(error as Error).message})`);
  }
  if (!manifest || typeof manifest !== 'object' || !manifest.command || !Array.isArray(manifest.outputs) || !Array.isArray(manifest.inputs)) {
    throw new InputError({ file: path }, 'a manifest with command, inputs and outputs');
  }
  return manifest;
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out;
}

const TEXT_FILE = /\.(json|csv|html|svg|txt|md)$/;


function firstDifference(filed: Uint8Array, recomputed: Uint8Array): OutputCheck['first_difference'] {
  const a = Buffer.from(filed).toString('utf8').split('\n');
  const b = Buffer.from(recomputed).toString('utf8').split('\n');
  const cut = (s: string | undefined) => (s === undefined ? '(end of file)' : s.length > 160 ? s.slice(0, 157) + '...' : s);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, filed: cut(a[i]), recomputed: cut(b[i]) };
  }
  return undefined;
}

/** Parameters with which a command writes a file besides its bundle (an export); verify never writes. */
const WRITING_PARAMETERS: readonly string[] = ['export', 'export_model'];

/** Canonical JSON of a parameter value, for comparing recorded and re-parsed parameters. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The command line that gives recorded parameters: each parameter as its option (`as_of` →
 * `--as-of VALUE`, lists joined by commas, `true` as the bare flag; null and false left out),
 * and `--out` naming the bundle, which a command that always files requires.
 * @returns undefined when the parameters are not an object (refused by the caller).
 * @example parametersArgv('backtest', { data: 'd', as_of: '2025-12-31', by: ['channel'] }, 'bundle') // ['backtest', '--data', 'd', '--as-of', '2025-12-31', '--by', 'channel', '--out', 'bundle']
 */
function parametersArgv(name: unknown, parameters: unknown, bundle: string): string[] | undefined {
  if (typeof name !== 'string' || parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) return undefined;
  const argv = [name];
  for (const [key, value] of Object.entries(parameters as Record<string, unknown>)) {
    if (value === null || value === undefined || value === false) continue;
    const flag = `--${key.replace(/_/g, '-')}`;
    if (value === true) argv.push(flag);
    else argv.push(flag, Array.isArray(value) ? value.join(',') : String(value));
  }
  // Commands that always file name their folder; verify writes nothing there.
  argv.push('--out', bundle);
  return argv;
}

/**
 * The parameters to recompute a bundle with, validated exactly as the command line validates
 * them: the recorded command must file evidence (verify recomputes nothing else), its recorded
 * argument list (or, for a bundle filed through the library, the arguments its parameters give)
 * is parsed again through the command's own option declarations and `parse`, and
 * the result must equal every recorded parameter (one the filing version did not have takes its
 * default); no parameter may ask for a file to be written.
 * @param file the manifest's path, for messages
 * @throws InputError naming the manifest field (`command.name`, `command.argv`,
 * `command.parameters.<name>`) and what was expected.
 * @example recordedParameters(readManifest('output/cv'), 'output/cv/manifest.json', cashValueCommand)
 * // { net_premium: '365.00', term_days: 365, … }
 */
export function recordedParameters(manifest: Manifest, file: string, spec: CommandSpec): CommandParams {
  const name = manifest.command.name;
  if (spec.files === false) {
    throw new InputError({ file, field: 'command.name' }, 'a command that files an evidence bundle (verify recomputes nothing else)', String(name));
  }
  const recordedArgv = manifest.command.argv as unknown;
  // A bundle filed through the library (a notebook's fileBundle, fileAnnualReport) records its
  // parameters without arguments: they are written back as the options that give them and
  // parsed like any command line, so that they are checked exactly the same way.
  const argv = recordedArgv === undefined || (Array.isArray(recordedArgv) && recordedArgv.length === 0) ? parametersArgv(name, manifest.command.parameters, dirname(file)) : recordedArgv;
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string') || argv[0] !== name) {
    throw new InputError({ file, field: 'command.argv' }, `the recorded arguments of awb ${name}, starting with "${name}"`);
  }
  let parsed: CommandParams;
  try {
    parsed = commandParams(spec, (argv as string[]).slice(1)).params;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError({ file, field: 'command.argv' }, `arguments that awb ${name} accepts (${error.message})`);
  }
  const recorded = manifest.command.parameters as Record<string, unknown>;
  if (recorded === null || typeof recorded !== 'object' || Array.isArray(recorded)) throw new InputError({ file, field: 'command.parameters' }, 'an object of parameters');
  // A parameter the filing version did not have is absent from the record and runs at its default.
  for (const key of Object.keys(recorded).sort()) {
    if (canonical(recorded[key]) !== canonical(parsed[key])) {
      throw new InputError({ file, field: `command.parameters.${key}` }, `${canonical(parsed[key])}, the value that the recorded command.argv gives`, canonical(recorded[key]));
    }
  }
  for (const key of WRITING_PARAMETERS) {
    if (parsed[key] !== undefined && parsed[key] !== null) {
      throw new InputError({ file, field: `command.parameters.${key}` }, 'no file to write (verify never writes files)', String(parsed[key]));
    }
  }
  return parsed;
}

/** Runs `fn` with the current directory set to `dir`, restoring it afterwards. */
async function inDirectory<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(before);
  }
}

/**
 * Verifies an evidence bundle (S3 art. 20, 41: results that anyone can reproduce later): checks
 * every filed output against the manifest's SHA-256, looks the recorded inputs up again and
 * hashes them, re-runs the recorded command with the recorded parameters through the same
 * `run()`, renders its outputs in memory exactly as they were filed, and compares them byte for
 * byte.
 *
 * Paths: relative paths in the recorded parameters and inputs are resolved against the inputs
 * root (`options.inputsRoot`; default: the manifest's `working_directory` when it still exists,
 * else the current directory); the command is re-run as if started in that folder, so its
 * outputs, which may name those paths, come out the same. Absolute paths are used as recorded.
 *
 * Only commands that file evidence are recomputed, with parameters validated as the command line
 * validates them (`recordedParameters`); outputs are rendered in memory and nothing is written.
 *
 * @returns the report; `reproduced` is true only when every input is unchanged and every
 * output is reproduced.
 * @throws InputError when the folder is not a bundle (no readable manifest.json), or the manifest
 * names a command that files no evidence, or parameters the command line would refuse.
 * @example (await verifyBundle('output/review-2025Q4')).reproduced // true
 */
export async function verifyBundle(dir: string, options: VerifyOptions): Promise<VerifyReport> {
  const manifest = readManifest(dir);
  const spec = typeof manifest.command.name === 'string' ? await options.commands(manifest.command.name) : undefined;
  const params = spec ? recordedParameters(manifest, join(dir, 'manifest.json'), spec) : undefined;
  const recordedRoot = manifest.working_directory;
  const root = resolve(options.inputsRoot ?? (recordedRoot && existsSync(recordedRoot) ? recordedRoot : process.cwd()));
  const inputs: InputCheck[] = [];
  for (const input of manifest.inputs) {
    const warehouse = isWarehouseInput(input.path);
    const resolved = warehouse || isAbsolute(input.path) ? input.path : resolve(root, input.path);
    const exists = warehouse || (existsSync(resolved) && statSync(resolved).isFile());
    const hash = exists ? ((await hashInput(resolved))?.sha256 ?? null) : null;
    inputs.push({ path: input.path, resolved, recorded_sha256: input.sha256, sha256: hash, status: !exists || hash === null ? 'missing' : hash === input.sha256 ? 'unchanged' : 'changed' });
  }

  const recorded = new Map(manifest.outputs.map((o) => [o.path, o.sha256]));
  const filed = new Map<string, Uint8Array>();
  for (const path of filesUnder(dir)) if (path !== 'manifest.json') filed.set(path, readFileSync(join(dir, path)));

  let output: CommandOutput | undefined;
  let recomputed: ReadonlyMap<string, Uint8Array> | undefined;
  let error: string | null = null;
  if (!spec) {
    error = `the command "${manifest.command.name}" is not part of this version of the workbench`;
  } else if (!existsSync(root)) {
    error = `the inputs root ${root} does not exist (pass --inputs-root)`;
  } else {
    try {
      const ran = await inDirectory(root, () => spec.run(params as never, { progress: options.progress ?? SILENT_PROGRESS, commands: options.commands }));
      output = ran;
      recomputed = await inDirectory(root, async () => renderBundle(ran, await bundleProvenance(manifest.command, ran)));
    } catch (e) {
      error = e instanceof InputError ? `the recomputation stopped on bad input: ${e.message}` : `the recomputation failed: ${(e as Error).message}`;
    }
  }
  if (output) {
    const known = new Set(manifest.inputs.map((i) => i.path));
    for (const path of new Set(output.inputs)) {
      if (!known.has(path)) inputs.push({ path, resolved: resolve(root, path), status: 'not-recorded', recorded_sha256: null, sha256: null });
    }
  }

  const outputs: OutputCheck[] = [];
  for (const path of [...new Set([...recorded.keys(), ...filed.keys(), ...(recomputed?.keys() ?? [])])].sort()) {
    const recordedHash = recorded.get(path) ?? null;
    const filedBytes = filed.get(path);
    const newBytes = recomputed?.get(path);
    const filedHash = filedBytes ? sha256(filedBytes) : null;
    const newHash = newBytes ? sha256(newBytes) : null;
    let status: OutputStatus;
    if (recordedHash === null) status = filedBytes ? 'unlisted' : 'unrecorded';
    else if (!filedBytes) status = 'missing';
    else if (filedHash !== recordedHash) status = 'altered';
    else if (!recomputed) status = 'not-recomputed';
    else if (!newBytes) status = 'not-produced';
    else status = newHash === recordedHash ? 'reproduced' : 'differs';
    const diff = (status === 'differs' || status === 'altered') && filedBytes && newBytes && TEXT_FILE.test(path) ? firstDifference(filedBytes, newBytes) : undefined;
    outputs.push({ path, status, recorded_sha256: recordedHash, filed_sha256: filedHash, recomputed_sha256: newHash, ...(diff ? { first_difference: diff } : {}) });
  }

  const rb = output?.rulebook;
  const current = rb ? { id: rb.id, version: rb.version, sha256: rb.sha256 } : null;
  const rulebookStatus: VerifyReport['rulebook']['status'] = !output
    ? 'unknown'
    : !manifest.rulebook && !current
      ? 'none'
      : manifest.rulebook?.sha256 === current?.sha256
        ? 'unchanged'
        : 'changed';
  const inputsChanged = inputs.some((i) => i.status !== 'unchanged');
  const environment = environmentDifferences(manifest, outputs.some((o) => isRendering(o.path)));
  const differing = outputs.filter((o) => o.status !== 'reproduced');
  const renderingsOnly =
    error === null &&
    !inputsChanged &&
    differing.length > 0 &&
    differing.every((o) => isRendering(o.path) && (o.status === 'differs' || o.status === 'unrecorded' || o.status === 'not-produced')) &&
    environment.some((d) => d.startsWith('chromium'));
  return {
    bundle: dir,
    command: manifest.command.name,
    parameters: manifest.command.parameters,
    filed_at: manifest.created_at,
    reproduced: error === null && !inputsChanged && (rulebookStatus === 'unchanged' || rulebookStatus === 'none') && outputs.every((o) => o.status === 'reproduced'),
    inputs_root: root,
    inputs_changed: inputsChanged,
    inputs,
    rulebook: { status: rulebookStatus, recorded: manifest.rulebook, current },
    outputs,
    environment_differences: environment,
    renderings_only: renderingsOnly,
    error,
  };
}

/**
 * Where the software or runtime verifying differs from what filed the bundle (context for a
 * difference). Chromium counts when the bundle or its recomputation holds renderings: a bundle
 * filed without Chromium has none, and one verified without it draws none.
 */
function environmentDifferences(manifest: Manifest, rendered: boolean): string[] {
  const now = softwareProvenance();
  const was = manifest.software;
  const out: string[] = [];
  const note = (what: string, a: unknown, b: unknown) => {
    if (a !== b) out.push(`${what}: filed with ${String(a)}, verified with ${String(b)}`);
  };
  note('package version', was.version, now.version);
  note('git commit', was.git_commit, now.git_commit);
  note('lockfile sha256', was.lockfile_sha256, now.lockfile_sha256);
  note('node', manifest.runtime.node, process.version);
  note('time zone', manifest.runtime.time_zone, Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (rendered) note('chromium', manifest.runtime.chromium ?? 'no Chromium', chromiumVersion() ?? 'no Chromium');
  return out;
}

/** Paths shown relative to the current directory when that is shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}
