import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { PACKAGE_ROOT } from '../evidence/manifest';

/** The Jupyter kernel the notebooks run on (registered by `tslab install`). */
export const KERNEL_NAME = 'tslab';

/** Jupyter (nbconvert) or the tslab kernel is missing; the notebook test skips locally and fails under CI. */
export class JupyterUnavailable extends Error {
  constructor(message: string) {
    super(`${message}. Install it with: apt-get install -y jupyter-nbconvert jupyter-client python3-ipykernel (see .ci/run), then npm run kernel`);
    this.name = 'JupyterUnavailable';
  }
}

/**
 * The environment notebooks run in: this checkout's `node_modules/.bin` first on PATH (the
 * kernel spec starts `tslab` from PATH, so the kernel and the library share one tslab), and
 * the time zone pinned to UTC like the CLI.
 * @example notebookEnv('/repo', { PATH: '/usr/bin' }) // { PATH: '/repo/node_modules/.bin:/usr/bin', TZ: 'UTC' }
 */
export function notebookEnv(root: string = PACKAGE_ROOT, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, PATH: [join(root, 'node_modules', '.bin'), base.PATH ?? ''].join(delimiter), TZ: 'UTC' };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on the PATH of `env`, or null. @example findExecutable('jupyter', process.env) // '/usr/bin/jupyter' */
export function findExecutable(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The `jupyter` command, checked to have nbconvert.
 * @throws JupyterUnavailable when Jupyter or nbconvert is not installed.
 * @example findJupyter(notebookEnv()) // '/usr/bin/jupyter'
 */
export function findJupyter(env: NodeJS.ProcessEnv): string {
  const jupyter = findExecutable('jupyter', env);
  if (!jupyter) throw new JupyterUnavailable('Jupyter is not installed (no `jupyter` on PATH)');
  const probe = spawnSync(jupyter, ['nbconvert', '--version'], { env, encoding: 'utf8' });
  if (probe.status !== 0) throw new JupyterUnavailable('Jupyter nbconvert is not installed (`jupyter nbconvert --version` failed)');
  return jupyter;
}

/** The Python interpreter that runs `jupyter` (from its `#!` line): the one with jupyter_client. @example jupyterPython('/usr/bin/jupyter') // '/usr/bin/python3' */
export function jupyterPython(jupyter: string): string | null {
  const first = readFileSync(jupyter, 'utf8').split('\n', 1)[0];
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) return null;
  return m[1].endsWith('/env') && m[2] ? m[2] : m[1];
}

interface KernelSpecList {
  readonly kernelspecs: Readonly<Record<string, { readonly spec: { readonly argv: readonly string[] } }>>;
}

/** Whether the tslab kernel is registered and its command can be found. @example kernelRegistered(jupyter, notebookEnv()) // true after npm run kernel */
export function kernelRegistered(jupyter: string, env: NodeJS.ProcessEnv): boolean {
  const listed = spawnSync(jupyter, ['kernelspec', 'list', '--json'], { env, encoding: 'utf8' });
  if (listed.status !== 0) return false;
  const spec = (JSON.parse(listed.stdout) as KernelSpecList).kernelspecs[KERNEL_NAME]?.spec;
  if (!spec) return false;
  const command = spec.argv[0];
  return isAbsolute(command) ? isExecutable(command) : findExecutable(command, env) !== null;
}

/**
 * Registers the tslab kernel (`tslab install`) with the Python that runs Jupyter: system-wide
 * as root, per user otherwise. The kernel spec starts `tslab` from PATH.
 * @throws JupyterUnavailable when Jupyter is missing; Error when registration fails.
 * @example registerKernel() // 'Installing TypeScript kernel spec\nInstalling JavaScript kernel spec\n'
 */
export function registerKernel(env: NodeJS.ProcessEnv = notebookEnv()): string {
  const jupyter = findJupyter(env);
  const tslab = findExecutable('tslab', env);
  if (!tslab) throw new Error(`tslab is not installed in ${PACKAGE_ROOT}/node_modules (run npm ci)`);
  const python = jupyterPython(jupyter) ?? 'python3';
  return execFileSync(tslab, ['install', `--python=${python}`], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Finds Jupyter and registers the tslab kernel when it is not registered yet.
 * @returns the `jupyter` command.
 * @throws JupyterUnavailable when Jupyter or nbconvert is missing.
 * @example const jupyter = ensureKernel(notebookEnv()); // '/usr/bin/jupyter', kernel registered
 */
export function ensureKernel(env: NodeJS.ProcessEnv): string {
  const jupyter = findJupyter(env);
  if (!kernelRegistered(jupyter, env)) {
    registerKernel(env);
    if (!kernelRegistered(jupyter, env)) throw new JupyterUnavailable(`the ${KERNEL_NAME} kernel could not be registered`);
  }
  return jupyter;
}
