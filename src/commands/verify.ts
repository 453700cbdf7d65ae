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

/** The statuses in Chinese. */
const LABEL_ZH: Readonly<Record<string, string>> = {
  reproduced: '已再现',
  differs: '不一致',
  missing: '缺失',
  altered: '已被改动',
  'not-produced': '未生成',
  unrecorded: '未记录',
  unlisted: '未列入清单',
  'not-recomputed': '未重新计算',
  unchanged: '未改变',
  changed: '已改变',
  'not-recorded': '未记录',
};

/** The verification in Chinese: each input and output with its status, then the verdict and why. */
function verifyTextZh(r: VerifyReport): string {
  const pad = (label: string) => label + '　'.repeat(Math.max(0, 6 - label.length));
  const lines = [`核验 ${r.bundle}：awb ${r.command}，存档于 ${r.filed_at}`, `输入文件（相对路径按 ${displayPath(r.inputs_root)} 解析）：`];
  if (r.inputs.length === 0) lines.push('  （无：结果仅取决于参数）');
  for (const i of r.inputs) {
    const detail = i.status === 'changed' ? `  存档时 sha256 ${i.recorded_sha256?.slice(0, 12)}…，现为 ${i.sha256?.slice(0, 12)}…` : i.status === 'missing' ? `  （查找位置 ${displayPath(i.resolved)}）` : '';
    lines.push(`  ${pad(LABEL_ZH[i.status])} ${i.path}${detail}`);
  }
  if (r.rulebook.recorded) {
    const rb = r.rulebook;
    const now = rb.status === 'changed' && rb.current ? `；现为 ${rb.current.id} ${rb.current.version}（sha256 ${rb.current.sha256.slice(0, 12)}…）` : '';
    lines.push(`规则库 ${rb.recorded!.id} ${rb.recorded!.version}（sha256 ${rb.recorded!.sha256.slice(0, 12)}…）：${LABEL_ZH[rb.status] ?? rb.status}${now}`);
  }
  lines.push('输出文件：');
  for (const o of r.outputs) {
    lines.push(`  ${pad(LABEL_ZH[o.status])} ${o.path}`);
    if (o.first_difference) {
      const d = o.first_difference;
      lines.push(`      第 ${d.line} 行 存档：    ${d.filed}`, `      第 ${d.line} 行 重新计算：${d.recomputed}`);
    }
  }
  if (r.error) lines.push(`无法重新计算：${r.error}`);
  for (const d of r.environment_differences) lines.push(`注：${d}`);
  if (r.reproduced) {
    lines.push(`已再现：全部 ${r.outputs.length} 个输出文件均由未改变的输入逐字节再现。`);
  } else {
    const bad = r.outputs.filter((o) => o.status !== 'reproduced' && o.status !== 'not-recomputed');
    const changed = r.inputs.filter((i) => i.status !== 'unchanged');
    const why = [
      bad.length > 0 ? `${r.outputs.length} 个输出文件中有 ${bad.length} 个不一致（${bad.map((o) => `${o.path}：${LABEL_ZH[o.status]}`).join('，')}）` : '',
      changed.length > 0 ? `输入文件本身已改变（${changed.map((i) => `${i.path}：${LABEL_ZH[i.status]}`).join('，')}），差异可能来自数据而非计算` : '输入文件未改变',
      r.rulebook.status === 'changed' ? '规则库已改变' : '',
      r.error ? '重新计算未完成' : '',
    ].filter((s) => s !== '');
    lines.push(`未能再现：${why.join('；')}。`);
    if (r.renderings_only) lines.push('仅由 Chromium 绘制的文件不一致，且核验所用的 Chromium 与存档时不同（或一方没有）：全部数据均已再现；如需再现图像，请使用清单中记录的 Chromium（manifest runtime.chromium）核验。');
  }
  return lines.join('\n');
}

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
  run: async (p, { progress, commands, lang = 'en' }) => {
    const report = await verifyBundle(p.bundle, { ...(p.inputs_root !== null ? { inputsRoot: p.inputs_root } : {}), progress, commands });
    return { json: { ...report }, text: lang === 'zh' ? verifyTextZh(report) : verifyText(report), inputs: [], exitCode: report.reproduced ? 0 : 1 };
  },
});
