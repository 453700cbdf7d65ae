import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandLookup, CommandOutput, CommandSpec } from '../../src/commands/command';
import { findCommand } from '../../src/commandRegistry';
import type { Quarter } from '../../src/data/period';
import { SILENT_PROGRESS } from '../../src/progress';
import { composeReview } from '../../src/report/composeReview';
import type { Data } from '../../src/studies/openData';

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'review');

describe('composeReview() opens the data folder once', () => {
  it('the sections and the backtest annex share one Data, so each table is read once', async () => {
    const opened: Data[] = [];
    // The real commands (their options and parsing), with a run that only opens the folder as the real ones do.
    const sectionOf = async (name: string): Promise<CommandSpec | undefined> => {
      if (!['backtest', 'lossratio', 'expense', 'eligibility'].includes(name)) return undefined;
      const spec = (await findCommand(name))!;
      return {
        ...spec,
        run: async (p: { data: string }, context) => {
          const data = await context.openData!(p.data, {});
          opened.push(data);
          await data.table('products');
          return { json: { scope: [], cells: [], measures: [], findings: [] }, text: '', inputs: [] } satisfies CommandOutput;
        },
      } as unknown as CommandSpec;
    };
    const lookup: CommandLookup = sectionOf;
    const review = await composeReview({ data: FIXTURE, quarter: '2025Q4' as Quarter, lang: 'en', rules: null, survey_model: null }, SILENT_PROGRESS, lookup);
    expect(review.sections.filter((s) => s.status === 'complete').map((s) => s.id)).toEqual(['backtest', 'lossratio', 'expense', 'eligibility']);
    expect(opened).toHaveLength(4);
    for (const data of opened) expect(data).toBe(opened[0]);
    // The annex read products and finance through the same folder: the products table is the one the sections loaded.
    expect(review.annex!.inputs.map((f) => f.split('/').pop())).toEqual(['products.csv', 'finance.csv']);
    expect(await opened[0].table('products')).toBe(await opened[0].table('products'));
  });
});
