import { textTable } from '../present/textTable';
import { DEFAULT_POLICIES, DEFAULT_SEED, STUDY_END } from '../sample/company';
import { PLANTED_FINDINGS } from '../sample/plantedFindings';
import { generateSample } from '../sample/generateSample';
import { assertNewFolder, writeSampleFolder } from '../sample/writeSampleFolder';
import { integerArg, requiredText } from './args';
import { defineCommand } from './command';

/** `awb sample`: writes the sample company's data folder (恒泰人寿 Hengtai Life) with its planted findings. */
export const sampleCommand = defineCommand({
  name: 'sample',
  summary: 'Write the sample company (恒泰人寿 Hengtai Life): a complete, deterministic data folder with planted findings',
  examples: ['awb sample --out my-sample', 'awb sample --out small --policies 20000 --seed 7 --json'],
  files: false,
  configure: (c) =>
    c
      .requiredOption('--out <dir>', 'the data folder to create (must not exist yet)')
      .option('--seed <n>', `seed of the random streams (default ${DEFAULT_SEED}: the committed data/sample)`)
      .option('--policies <n>', `number of policies (default ${DEFAULT_POLICIES}; the planted findings are calibrated for the default)`),
  parse: (o) => ({
    out: requiredText(o, 'out', 'a folder to create'),
    seed: integerArg(o, 'seed', { min: 0, max: 2 ** 31 - 1 }, DEFAULT_SEED),
    policies: integerArg(o, 'policies', { min: 100, max: 5_000_000 }, DEFAULT_POLICIES),
  }),
  run: async (p, { progress, lang = 'en' }) => {
    assertNewFolder(p.out);
    const folder = generateSample({ seed: p.seed, policies: p.policies }, progress);
    writeSampleFolder(p.out, folder.files);
    const files = [...folder.files.keys()];
    const calibrated = p.seed === DEFAULT_SEED && p.policies === DEFAULT_POLICIES;
    const rows = Object.entries(folder.rows).map(([name, n]) => ({ file: `${name}.csv`, rows: n }));
    const planted = PLANTED_FINDINGS.map((f) => ({ check: f.check, where: [f.product_code, f.period, ...Object.values(f.where ?? {})].filter(Boolean).join(' ') }));
    const text =
      lang === 'zh'
        ? [
            `样本公司恒泰人寿已写入 ${p.out}（随机种子 ${p.seed}，研究截止日 ${STUDY_END}）：`,
            textTable([...rows.map((r) => ({ 文件: r.file, 行数: r.rows })), { 文件: 'survey_model.json', 行数: null }]),
            `预置的发现${calibrated ? '' : '（按默认随机种子和规模校准）'}：`,
            textTable(planted.map((f) => ({ 检查: f.check, 位置: f.where }))),
            '数据说明：data/README.md。',
          ].join('\n')
        : [
            `Sample company 恒泰人寿 (Hengtai Life) written to ${p.out} (seed ${p.seed}, study end ${STUDY_END}):`,
            ...rows.map((r) => `  ${r.file.padEnd(18)} ${String(r.rows).padStart(8)} rows`),
            '  survey_model.json',
            `Planted findings${calibrated ? '' : ' (calibrated for the default seed and size)'}:`,
            ...planted.map((f) => `  ${f.check.padEnd(30)} ${f.where}`),
            'Figures: data/README.md.',
          ].join('\n');
    return {
      json: { folder: p.out, seed: p.seed, policies: p.policies, study_end: STUDY_END, files, rows: folder.rows, planted_findings: PLANTED_FINDINGS },
      text,
      inputs: [],
      seeds: { sample: p.seed },
    };
  },
});
