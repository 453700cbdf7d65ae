import type { CommandOutput, CommandParams } from '../cli/command';
import { buildManifest } from './manifest';
import { renderOutputs } from './renderOutputs';
import { bundleTarget, type IfExists, writeBundle } from './writeBundle';

/**
 * Files a command's output as an evidence bundle in `dir`: renders the outputs, hashes
 * inputs and outputs into the manifest, and writes everything atomically.
 * @returns the folder written (a `-2`… suffix is added only when `ifExists` is 'suffix').
 * @throws InputError when `dir` exists and `ifExists` is 'error'.
 */
export async function fileBundle(
  dir: string,
  command: { name: string; parameters: CommandParams; argv?: readonly string[] },
  output: CommandOutput,
  ifExists: IfExists = 'error',
): Promise<string> {
  const target = bundleTarget(dir, ifExists);
  const files = renderOutputs(output, `awb ${command.name}`);
  const manifest = await buildManifest({ name: command.name, parameters: command.parameters, argv: command.argv ?? [] }, output, files);
  return writeBundle(target, files, manifest);
}
