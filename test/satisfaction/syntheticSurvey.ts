import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** Columns of the ICSI model's items (src/satisfaction/icsi-model.json). */
export const ICSI_ITEMS: Record<string, string[]> = {
  Image: ['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4'],
  Expectation: ['EXPE1', 'EXPE2', 'EXPE3'],
  Quality: ['QUAL1', 'QUAL2', 'QUAL3', 'QUAL4', 'QUAL5', 'QUAL6'],
  Value: ['VALU1', 'VALU2'],
  Satisfaction: ['SATI1', 'SATI2', 'SATI3'],
  Complaints: ['CRM1', 'CRM2', 'CRM3'],
  Loyalty: ['LOYA1', 'LOYA2', 'LOYA3'],
};

export const REGIONS = ['华东', '华北', '华南', '西北'];

/**
 * A synthetic ICSI survey (CSV text) generated from an ECSI-structured latent model, for tests:
 * respondent_id, a personal `phone` column that must never leak, company, region, stage, weight,
 * then the 24 items on 1–10. Region 西北 has lower Quality and Complaints. `missingEvery` blanks
 * every k-th answer (0: none).
 */
export function syntheticSurvey(n: number, seed: number, missingEvery = 0): string {
  const rng = xoroshiro128plus(seed);
  const uniform = () => (unsafeUniformIntDistribution(0, 2 ** 30 - 1, rng) + 0.5) / 2 ** 30;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const header = ['respondent_id', 'phone', 'company', 'region', 'stage', 'weight', ...Object.values(ICSI_ITEMS).flat()];
  const lines = [header.join(',')];
  let cell = 0;
  for (let i = 0; i < n; i++) {
    const region = REGIONS[i % REGIONS.length];
    const lag = region === '西北' ? -0.8 : 0;
    const image = normal();
    const expectation = 0.5 * image + 0.85 * normal();
    const quality = 0.6 * expectation + 0.8 * normal() + lag;
    const value = 0.2 * expectation + 0.5 * quality + 0.8 * normal();
    const satisfaction = 0.2 * image + 0.1 * expectation + 0.4 * quality + 0.2 * value + 0.6 * normal();
    const complaints = 0.5 * satisfaction + 0.8 * normal() + lag;
    const loyalty = 0.2 * image + 0.5 * satisfaction + 0.1 * complaints + 0.7 * normal();
    const latent: Record<string, number> = { Image: image, Expectation: expectation, Quality: quality, Value: value, Satisfaction: satisfaction, Complaints: complaints, Loyalty: loyalty };
    const answers = Object.entries(ICSI_ITEMS).flatMap(([construct, items]) =>
      items.map(() => {
        cell++;
        if (missingEvery > 0 && cell % missingEvery === 0) return '';
        return String(Math.min(10, Math.max(1, Math.round(7 + 1.3 * (0.85 * latent[construct] + 0.5 * normal())))));
      }),
    );
    const phone = `139${String(10000000 + i).padStart(8, '0')}`;
    const weight = (0.5 + (i % 5) * 0.25).toFixed(2);
    lines.push([`R${String(i + 1).padStart(5, '0')}`, phone, `Co${(i % 3) + 1}`, region, ['销售', '理赔', '保全'][i % 3], weight, ...answers].join(','));
  }
  return lines.join('\n') + '\n';
}
