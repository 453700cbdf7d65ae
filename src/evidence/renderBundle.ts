import type { CommandOutput } from '../cli/command';
import { renderOutputs, type BundleFiles } from './renderOutputs';

/**
 * Renders the files a command's bundle holds: what `fileBundle` writes and what `verify`
 * recomputes and compares, so both always go through this one function.
 * @example const files = await renderBundle('cash-value', output); [...files.keys()] // ['result.json', 'tables/minimum_cash_value.csv', …]
 */
export async function renderBundle(commandName: string, output: CommandOutput): Promise<BundleFiles> {
  return renderOutputs(output, `awb ${commandName}`);
}
