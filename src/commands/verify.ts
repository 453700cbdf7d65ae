import { InputError } from '../data/InputError';
import { displayPath, type VerifyReport, verifyBundle } from '../evidence/verify';
import { optionalText } from './args';
import { defineCommand } from './command';

const LABEL: Readonly<Record<string, string>> = {
  reproduced: 'reproduced',
  differs: 'DIFFERS',
  missing: 'MISSING',
  altered: 'ALTERED',
  'not-produced': 'NOT PRODUCED',
  unrecorded: 'UNRECORDED',
  unlisted: 'UNLISTED',
  'not-recomputed': 'not recomputed',
  unchanged: 'unchanged',
  changed: 'CHANGED',
  'not-recorded': 'NOT RECORDED',
};

/** What a person reads: each input and output with its status, then the verdict and why. */
function verifyText(r: VerifyReport): string {
  const lines = [`Verifying ${r.bundle}: awb ${r.command}, filed ${r.filed_at}`];
  lines.push(`Inputs (relative paths resolved against ${displayPath(r.inputs_root)}):`);
  if (r.inputs.length === 0) lines.push('  (none: the result depends on its parameters only)');
  for (const i of r.inputs) {
    const detail = i.status === 'changed' ? `  sha256 filed ${i.recorded_sha256?.slice(0, 12)}…, now ${i.sha256?.slice(0, 12)}…` : i.status === 'missing' ? `  (looked for ${displayPath(i.resolved)})` : '';
    lines.push(`  ${LABEL[i.status].padEnd(14)} ${i.path}${detail}`);
  }
  if (r.rulebook.recorded) {
    const rb = r.rulebook;
    const now = rb.status === 'changed' && rb.current ? `; now ${rb.current.id} ${rb.current.version} (sha256 ${rb.current.sha256.slice(0, 12)}…)` : '';
    lines.push(`Rulebook ${rb.recorded!.id} ${rb.recorded!.version} (sha256 ${rb.recorded!.sha256.slice(0, 12)}…): ${rb.status}${now}`);
  }
  lines.push('Outputs:');
  for (const o of r.outputs) {
    lines.push(`  ${LABEL[o.status].padEnd(14)} ${o.path}`);
    if (o.first_difference) {
      const d = o.first_difference;
      lines.push(`      line ${d.line}: filed      ${d.filed}`, `      line ${d.line}: recomputed ${d.recomputed}`);
    }
  }
  if (r.error) lines.push(`Could not recompute: ${r.error}`);
  for (const d of r.environment_differences) lines.push(`Note: ${d}`);
  if (r.reproduced) {
    lines.push(`REPRODUCED: all ${r.outputs.length} outputs are reproduced byte for byte from unchanged inputs.`);
  } else {
    const bad = r.outputs.filter((o) => o.status !== 'reproduced' && o.status !== 'not-recomputed');
    const changed = r.inputs.filter((i) => i.status !== 'unchanged');
    const why = [
      bad.length > 0 ? `${bad.length} of ${r.outputs.length} output files ${bad.length === 1 ? 'does' : 'do'} not match (${bad.map((o) => `${o.path}: ${o.status}`).join(', ')})` : '',
      changed.length > 0
        ? `the inputs themselves changed (${changed.map((i) => `${i.path}: ${i.status}`).join(', ')}), so a difference may come from the data rather than the computation`
        : 'the inputs are unchanged',
      r.rulebook.status === 'changed' ? 'the rulebook changed' : '',
      r.error ? 'the recomputation did not complete' : '',
    ].filter((s) => s !== '');
    lines.push(`NOT REPRODUCED: ${why.join('; ')}.`);
    if (r.renderings_only) {
      lines.push('Only files drawn by Chromium differ, and the Chromium verifying is not the one that filed the bundle (or one side had none): every figure reproduces; to reproduce the renderings too, verify with the recorded Chromium (manifest runtime.chromium).');
    }
  }
  return lines.join('\n');
}

/** `awb verify DIR`: recomputes a filed evidence bundle and compares every output byte for byte. */
export const verifyCommand = defineCommand({
  name: 'verify',
  summary: 'Recompute an evidence bundle from its recorded inputs and parameters and compare every output byte for byte',
  examples: ['awb verify output/review-2025Q4', 'awb verify archive/2025Q4/review --inputs-root /archive/2025Q4 --json'],
  files: false,
  configure: (c) =>
    c
      .argument('<dir>', 'the evidence bundle (a folder with manifest.json)')
      .option('--inputs-root <dir>', "resolve the manifest's relative input paths against this folder (default: the folder the command was run in, if it still exists, else the current one)"),
  parse: (o, args) => {
    const bundle = args[0];
    if (bundle === undefined || bundle.trim() === '') throw new InputError({ argument: 'DIR' }, 'the folder of an evidence bundle');
    return { bundle, inputs_root: optionalText(o, 'inputs-root') };
  },
  run: async (p, { progress, commands }) => {
    const report = await verifyBundle(p.bundle, { ...(p.inputs_root !== null ? { inputsRoot: p.inputs_root } : {}), progress, commands });
    return { json: { ...report }, text: verifyText(report), inputs: [], exitCode: report.reproduced ? 0 : 1 };
  },
});
