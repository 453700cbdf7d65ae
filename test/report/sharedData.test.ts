import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quarter } from '../../src/data/period';
import { SILENT_PROGRESS } from '../../src/progress';
import { InputError } from '../../src/data/InputError';
import { composeReview, presentReview, type SectionStandIns } from '../../src/report/composeReview';
import { type Data, openData } from '../../src/studies/openData';
import { review } from '../../src/studies/review';

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'review');

describe('composeReview() opens the data folder once', () => {
  it('the sections and the backtest annex share one Data, so each table is read once', async () => {
    const opened: Data[] = [];
    // Sections that only open the folder's products, as the studies do.
    const opening = async (_p: unknown, data: Data) => {
      opened.push(data);
      await data.table('products');
      return { runs: [], findings: [], backtest: { scope: [], cells: [], measures: [], findings: [] } };
    };
    const standIns: SectionStandIns = { backtest: opening, lossratio: opening, expense: opening, eligibility: opening };
    const review = await composeReview({ data: FIXTURE, quarter: '2025Q4' as Quarter, lang: 'en', rules: null, survey_model: null }, SILENT_PROGRESS, standIns);
    expect(review.sections.filter((s) => s.status === 'complete').map((s) => s.id)).toEqual(['backtest', 'lossratio', 'expense', 'eligibility', 'satisfaction']);
    expect(opened).toHaveLength(4);
    for (const data of opened) expect(data).toBe(opened[0]);
    // The annex read products and finance through the same folder: the products table is the one the sections loaded.
    expect(review.annex!.inputs.map((f) => f.split('/').pop())).toEqual(['products.csv', 'finance.csv']);
    expect(await opened[0].table('products')).toBe(await opened[0].table('products'));
  });
});

describe('presentReview() presents a review study already computed', () => {
  it('presents the sections studied, and refuses a study of another quarter than the parameters name', async () => {
    const data = await openData(FIXTURE);
    const study = await review(data, { quarter: '2025Q4' as Quarter, sections: ['eligibility'] });
    const params = { data: FIXTURE, quarter: '2025Q4' as Quarter, lang: 'en' as const, rules: null, survey_model: null };
    const presented = await presentReview(params, data, study);
    expect(presented.sections.map((s) => [s.id, s.runs.map((r) => r.argv.join(' '))])).toEqual([['eligibility', [`--data ${FIXTURE} --quarter 2025Q4`]]]);
    expect(presented.findings).toEqual(study.findings);
    await expect(presentReview({ ...params, quarter: '2025Q3' as Quarter }, data, study)).rejects.toThrow(InputError);
  });
});
