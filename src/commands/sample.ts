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
  run: async (p, { progress }) => {
    assertNewFolder(p.out);
    const folder = generateSample({ seed: p.seed, policies: p.policies }, progress);
    writeSampleFolder(p.out, folder.files);
    const files = [...folder.files.keys()];
    const lines = Object.entries(folder.rows).map(([name, n]) => `  ${`${name}.csv`.padEnd(18)} ${String(n).padStart(8)} rows`);
    return {
      json: { folder: p.out, seed: p.seed, policies: p.policies, study_end: STUDY_END, files, rows: folder.rows, planted_findings: PLANTED_FINDINGS },
      text: [
        `Sample company 恒泰人寿 (Hengtai Life) written to ${p.out} (seed ${p.seed}, study end ${STUDY_END}):`,
        ...lines,
        '  survey_model.json',
        `Planted findings${p.seed === DEFAULT_SEED && p.policies === DEFAULT_POLICIES ? '' : ' (calibrated for the default seed and size)'}:`,
        ...PLANTED_FINDINGS.map((f) => `  ${f.check.padEnd(30)} ${[f.product_code, f.period, ...Object.values(f.where ?? {})].filter(Boolean).join(' ')}`),
        'Figures: data/README.md.',
      ].join('\n'),
      inputs: [],
      seeds: { sample: p.seed },
    };
  },
});
