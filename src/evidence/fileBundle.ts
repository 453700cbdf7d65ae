import type { CommandOutput, CommandParams } from '../commands/command';
import { buildManifest } from './manifest';
import { bundleProvenance } from './provenance';
import { renderBundle } from './renderBundle';
import { bundleTarget, type IfExists, writeBundle } from './writeBundle';

/**
 * Files a command's output as an evidence bundle in `dir`: renders the outputs, hashes
 * inputs and outputs into the manifest, checks that no personal data is filed, and writes
 * everything atomically.
 * @returns the folder written (a `-2`… suffix is added only when `ifExists` is 'suffix').
 * @throws InputError when `dir` exists and `ifExists` is 'error'.
 * @throws ConfidentialityError when an output holds personal data of an input (nothing is written).
 */
export async function fileBundle(
  dir: string,
  command: { name: string; parameters: CommandParams; argv?: readonly string[] },
  output: CommandOutput,
  ifExists: IfExists = 'error',
): Promise<string> {
  bundleTarget(dir, ifExists);
  const provenance = await bundleProvenance(command, output);
  const files = await renderBundle(output, provenance);
  const manifest = await buildManifest({ name: command.name, parameters: command.parameters, argv: command.argv ?? [] }, output, files, provenance.inputs);
  return writeBundle(dir, files, manifest, ifExists);
}
