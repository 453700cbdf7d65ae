import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quarter } from '../../src/data/period';
import { lossratioRun } from '../../src/report/reviewPlan';
import { openData } from '../../src/studies/openData';
import { reviewUltimateMethod } from '../../src/studies/review';

const SAMPLE = path.resolve(__dirname, '..', '..', 'data', 'sample');
const params = (data: string) => ({ data, quarter: '2025Q4' as Quarter, lang: 'en' as const, rules: null, survey_model: null });
const lossratioArgv = async (data: string) => lossratioRun(params(data), 2025, await reviewUltimateMethod(await openData(data))).argv;

describe('the review\'s loss-ratio section develops the immature years where an actuary would', () => {
  it('asks for Bornhuetter–Ferguson ultimates when the folder has a triangle and pricing loss ratios', async () => {
    expect(await lossratioArgv(SAMPLE)).toEqual(['--data', SAMPLE, '--year', '2025', '--ultimate', 'bf']);
  });

  it('falls back to Cape Cod when a short-term product has no pricing loss ratio, and asks for nothing without a triangle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'awb-plan-'));
    const products = readFileSync(path.join(SAMPLE, 'products.csv'), 'utf8').replace(/^(ACC01,.*),0\.45,$/m, '$1,,');
    writeFileSync(path.join(dir, 'products.csv'), products);
    expect(await lossratioArgv(dir)).toEqual(['--data', dir, '--year', '2025']);
    writeFileSync(path.join(dir, 'triangle.csv'), readFileSync(path.join(SAMPLE, 'triangle.csv')));
    expect(await lossratioArgv(dir)).toEqual(['--data', dir, '--year', '2025', '--ultimate', 'capecod']);
  });
});
