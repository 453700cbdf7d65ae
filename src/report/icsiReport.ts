import type { ReadOptions } from '../data/readTable';
import type { Progress } from '../progress';
import { type IcsiStudy, icsi } from '../studies/icsi';
import type { Lang } from './labels';

/** What `awb icsi-report` is asked for. */
export interface IcsiReportOptions {
  readonly survey: string;
  readonly model: string;
  /** Last year's survey on the same model, or null. */
  readonly previous: string | null;
  readonly lang: Lang;
  /** The year the survey reports on, and that of the previous wave (shown in titles and sentences), or null. */
  readonly year: number | null;
  readonly previousYear: number | null;
  /** Whose report it is (the cover), or null for the industry survey. */
  readonly company: string | null;
  readonly bootstrap: number;
  readonly permutations: number;
  readonly seed: number;
  readonly minGroup: number;
  readonly read?: ReadOptions;
  readonly threads?: number;
  readonly progress?: Progress;
}

/** A composed satisfaction report: its options and the study it shows. */
export interface IcsiReport {
  readonly options: Omit<IcsiReportOptions, 'progress' | 'read' | 'threads'>;
  readonly study: IcsiStudy;
  /** Every file read. */
  readonly inputs: readonly string[];
}

/**
 * Composes the customer satisfaction report analysts publish (S3 art. 22–23, 29) from the ICSI
 * study (`icsi`): indices with intervals, groups, drivers, group differences, and the change since
 * the previous wave when one is given.
 * @throws InputError for bad survey data or model, or a previous wave that cannot be compared.
 * @example (await composeIcsiReport({ survey: 'data/sample/survey.csv', model: 'data/sample/survey_model.json', previous: null, lang: 'en', year: 2025, previousYear: null, company: null, bootstrap: 1000, permutations: 1000, seed: 1, minGroup: 30 })).study.headline.index
 */
export async function composeIcsiReport(o: IcsiReportOptions): Promise<IcsiReport> {
  const study = await icsi(o.survey, o.model, {
    previous: o.previous ?? undefined,
    bootstrap: o.bootstrap,
    permutations: o.permutations,
    seed: o.seed,
    minGroup: o.minGroup,
    read: o.read,
    threads: o.threads,
    progress: o.progress,
  });
  const options = { survey: o.survey, model: o.model, previous: o.previous, lang: o.lang, year: o.year, previousYear: o.previousYear, company: o.company, bootstrap: o.bootstrap, permutations: o.permutations, seed: o.seed, minGroup: o.minGroup };
  return { options, study, inputs: [...new Set(study.inputs)].sort() };
}
