import type { CommandOutput, CommandParams } from '../commands/command';
import { hashInput } from './hash';
import { packageIdentity } from './manifest';

/**
 * The facts of a bundle's manifest that its outputs may show (the workbook's provenance sheet):
 * the command and its parameters, each input with its SHA-256, the rulebook, the software and the
 * seeds. Only facts that the same inputs and software reproduce: no filing time, machine or git
 * commit, so that `awb verify` gives the same bytes.
 */
export interface BundleProvenance {
  readonly command: { readonly name: string; readonly parameters: CommandParams };
  readonly inputs: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[];
  readonly rulebook: { readonly id: string; readonly version: string; readonly sha256: string } | null;
  readonly software: { readonly package: string; readonly version: string };
  readonly seeds: Readonly<Record<string, number>>;
}

/**
 * Collects the provenance of a command's output, hashing each input file once (paths as the
 * command read them, relative to the current folder).
 * @example (await bundleProvenance({ name: 'expense', parameters: { data: 'data/sample' } }, output)).inputs[0].path // 'data/sample/loadings.csv'
 */
export async function bundleProvenance(command: { readonly name: string; readonly parameters: CommandParams }, output: CommandOutput): Promise<BundleProvenance> {
  const inputs = [];
  for (const path of [...new Set(output.inputs)].sort()) {
    const hash = await hashInput(path);
    if (hash === null) throw new Error(`bundle provenance: the warehouse table ${path} cannot be checksummed`);
    inputs.push({ path, ...hash });
  }
  const rb = output.rulebook;
  const pkg = packageIdentity();
  return {
    command: { name: command.name, parameters: command.parameters },
    inputs,
    rulebook: rb ? { id: rb.id, version: rb.version, sha256: rb.sha256 } : null,
    software: { package: pkg.name, version: pkg.version },
    seeds: output.seeds ?? {},
  };
}
