import { runCli } from '../../../src/cli/runCli';

/** Runs `awb` in-process and captures its exit code, stdout and stderr. */
export async function awb(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'awb', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
