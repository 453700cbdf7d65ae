import type { TableRow } from '../evidence/csv';
import { COMPANY } from './company';
import { LAGGING_REGION, PREVIOUS_WAVE } from './plantedFindings';
import type { RandomSource } from './random';

/** The ICSI constructs (S3 art. 22–24), their items and Chinese names, in model order. */
export const ICSI_CONSTRUCTS = [
  { name: 'Image', name_zh: '企业形象', items: ['IMAG1', 'IMAG2', 'IMAG3', 'IMAG4'] },
  { name: 'Expectation', name_zh: '客户期望', items: ['EXPE1', 'EXPE2', 'EXPE3'] },
  { name: 'Quality', name_zh: '感知质量', items: ['QUAL1', 'QUAL2', 'QUAL3', 'QUAL4', 'QUAL5', 'QUAL6'] },
  { name: 'Value', name_zh: '感知价值', items: ['VALU1', 'VALU2'] },
  { name: 'Satisfaction', name_zh: '客户满意度', items: ['SATI1', 'SATI2', 'SATI3'] },
  { name: 'Complaints', name_zh: '客户关系管理', items: ['CRM1', 'CRM2', 'CRM3'] },
  { name: 'Loyalty', name_zh: '客户忠诚度', items: ['LOYA1', 'LOYA2', 'LOYA3'] },
] as const;

type Construct = (typeof ICSI_CONSTRUCTS)[number]['name'];

/** The ECSI structure (DOMAIN.md): predecessor → successor. */
export const ICSI_PATHS: readonly (readonly [Construct, Construct])[] = [
  ['Image', 'Expectation'],
  ['Image', 'Satisfaction'],
  ['Image', 'Loyalty'],
  ['Expectation', 'Quality'],
  ['Expectation', 'Value'],
  ['Expectation', 'Satisfaction'],
  ['Quality', 'Value'],
  ['Quality', 'Satisfaction'],
  ['Value', 'Satisfaction'],
  ['Satisfaction', 'Complaints'],
  ['Satisfaction', 'Loyalty'],
  ['Complaints', 'Loyalty'],
];

/**
 * The survey model file (survey_model.json) in the format of DOMAIN.md, with the item scale and Chinese names.
 * @example surveyModel() // { name: 'ICSI', scale: { min: 1, max: 10 }, constructs: { Image: { items: ['IMAG1', …], mode: 'A', name_zh: '企业形象' }, … }, paths: [['Image', 'Expectation'], …] }
 */
export function surveyModel(): object {
  return {
    name: 'ICSI',
    scale: { min: 1, max: 10 },
    constructs: Object.fromEntries(ICSI_CONSTRUCTS.map((c) => [c.name, { items: [...c.items], mode: 'A', name_zh: c.name_zh }])),
    paths: ICSI_PATHS.map(([a, b]) => [a, b]),
  };
}

/** Respondents in the survey. */
export const SURVEY_RESPONDENTS = 3000;
/** Share of item answers left blank. */
export const MISSING_SHARE = 0.02;

/** The industry survey's companies (all fictional) with shifts of their image and quality, in latent standard deviations. */
const COMPANIES: readonly (readonly [string, number, number])[] = [
  [COMPANY.name, 0.15, 0.1],
  ['瑞安人寿', 0.1, 0.05],
  ['华信人寿', -0.1, -0.05],
  ['长宁人寿', 0.05, 0],
  ['福临人寿', -0.15, -0.1],
  ['嘉和人寿', 0, 0.05],
  ['盛世人寿', 0.2, 0.1],
  ['德润人寿', -0.05, -0.1],
];

/** Survey regions and their shares of respondents (the north-west is oversampled to be readable). */
const SURVEY_REGIONS: readonly (readonly [string, number])[] = [
  ['华东', 0.22],
  ['华北', 0.16],
  ['华南', 0.16],
  ['华中', 0.13],
  ['西南', 0.12],
  ['西北', 0.12],
  ['东北', 0.09],
];

/** Business stages (S3): sales, underwriting, policy service, claims, consultation and return visits, complaints. */
export const STAGES = ['销售', '承保', '保全', '理赔', '咨询回访', '投诉'] as const;

/** Outer loadings of the items, construct by construct, in item order. */
const ITEM_LOADINGS: Readonly<Record<Construct, readonly number[]>> = {
  Image: [0.82, 0.78, 0.85, 0.74],
  Expectation: [0.8, 0.76, 0.83],
  Quality: [0.86, 0.82, 0.79, 0.84, 0.77, 0.81],
  Value: [0.88, 0.85],
  Satisfaction: [0.9, 0.87, 0.85],
  Complaints: [0.84, 0.8, 0.86],
  Loyalty: [0.83, 0.79, 0.75],
};

/** Answer scale: items are centred on this level with this spread per latent standard deviation. */
const ITEM_CENTRE = 7.2;
const ITEM_SPREAD = 1.5;

/** What differs between the survey's waves: the lagging region's shifts and the respondent identifiers' prefix. */
export interface SurveyWave {
  readonly region: string;
  readonly qualityShift: number;
  readonly complaintsShift: number;
  readonly idPrefix: string;
}

/** The 2025 survey (survey.csv). */
export const CURRENT_WAVE: SurveyWave = { region: LAGGING_REGION.region, qualityShift: LAGGING_REGION.qualityShift, complaintsShift: LAGGING_REGION.complaintsShift, idPrefix: 'RSP' };

/** The 2024 survey (survey_2024.csv): 西北's gap was small (`PREVIOUS_WAVE`). */
export const PREVIOUS_SURVEY_WAVE: SurveyWave = { region: LAGGING_REGION.region, qualityShift: PREVIOUS_WAVE.qualityShift, complaintsShift: PREVIOUS_WAVE.complaintsShift, idPrefix: 'R24' };

/**
 * Rows of survey.csv (or, with `PREVIOUS_SURVEY_WAVE`, of survey_2024.csv): an ECSI-structured latent model drawn respondent by respondent, then
 * 24 items on the 1–10 scale (centre 7.2 + 1.5·(λ·η + √(1 − λ²)·ε), rounded and clipped to 1–10),
 * with about 2% of answers left blank. Structural equations in latent standard deviations:
 *   Expectation = 0.55 Image; Quality = 0.65 Expectation; Value = 0.25 Expectation + 0.55 Quality;
 *   Satisfaction = 0.2 Image + 0.05 Expectation + 0.45 Quality + 0.25 Value;
 *   Complaints = 0.6 Satisfaction; Loyalty = 0.25 Image + 0.45 Satisfaction + 0.15 Complaints,
 * each plus an independent normal disturbance. Companies shift Image and Quality a little, the
 * complaints stage lowers Complaints by 0.3, and the lagging region (西北) lowers Quality and
 * Complaints by 0.8. Columns: respondent_id, phone (a fake personal column, 000-xxxx-xxxx, that
 * must never reach a report), company, region, stage, weight (positive design weights), items.
 *
 * @param random the 'survey' stream ('survey_2024' for the previous wave)
 * @param wave the wave's lagging-region shifts (default: 2025's)
 * @example surveyRows(new RandomSource(20251231, 'survey'))[0] // { respondent_id: 'RSP-000001', phone: '000-0299-6349', company: '盛世人寿', region: '华北', stage: '承保', weight: '0.8300', IMAG1: 6, … }
 */
export function surveyRows(random: RandomSource, wave: SurveyWave = CURRENT_WAVE): TableRow[] {
  const rows: TableRow[] = [];
  const companies = COMPANIES.map((_, i) => [i, i === 0 ? 0.2 : 0.8 / 7] as const);
  for (let n = 1; n <= SURVEY_RESPONDENTS; n++) {
    const company = random.pick(companies);
    const region = random.pick(SURVEY_REGIONS);
    const stage = STAGES[random.int(0, STAGES.length - 1)];
    const [companyName, imageShift, qualityShift] = COMPANIES[company];
    const lagging = region === wave.region;
    const image = imageShift + random.normal();
    const expectation = 0.55 * image + 0.835 * random.normal();
    const quality = 0.65 * expectation + qualityShift + (lagging ? wave.qualityShift : 0) + 0.76 * random.normal();
    const value = 0.25 * expectation + 0.55 * quality + 0.7 * random.normal();
    const satisfaction = 0.2 * image + 0.05 * expectation + 0.45 * quality + 0.25 * value + 0.55 * random.normal();
    const complaints = 0.6 * satisfaction + (lagging ? wave.complaintsShift : 0) + (stage === '投诉' ? -0.3 : 0) + 0.8 * random.normal();
    const loyalty = 0.25 * image + 0.45 * satisfaction + 0.15 * complaints + 0.65 * random.normal();
    const latent: Record<Construct, number> = { Image: image, Expectation: expectation, Quality: quality, Value: value, Satisfaction: satisfaction, Complaints: complaints, Loyalty: loyalty };
    const row: Record<string, string | number> = {
      respondent_id: `${wave.idPrefix}-${String(n).padStart(6, '0')}`,
      phone: `000-${String(random.int(0, 9999)).padStart(4, '0')}-${String(random.int(0, 9999)).padStart(4, '0')}`,
      company: companyName,
      region,
      stage,
      weight: Math.exp(0.3 * random.normal() - 0.045).toFixed(4),
    };
    for (const construct of ICSI_CONSTRUCTS) {
      construct.items.forEach((item, j) => {
        const loading = ITEM_LOADINGS[construct.name][j];
        const answer = ITEM_CENTRE + ITEM_SPREAD * (loading * latent[construct.name] + Math.sqrt(1 - loading * loading) * random.normal());
        const missing = random.bernoulli(MISSING_SHARE);
        row[item] = missing ? '' : Math.min(10, Math.max(1, Math.round(answer)));
      });
    }
    rows.push(row);
  }
  return rows;
}
