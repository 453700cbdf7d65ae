import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../fixtures/reference';
import { awb } from './run';
import { shareChromiumInFile } from '../support/sharedChromium';

shareChromiumInFile();

const RAA = referencePath('raa.csv');
const PREMIUMS = path.resolve(__dirname, '..', 'fixtures', 'raa-premiums.csv');

describe('awb reserve', () => {
  it('prints origins and the total as DOMAIN.md, money rounded to the cent', async () => {
    const { code, stdout } = await awb('reserve', '--triangle', RAA, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // R ChainLadder documentation, MackChainLadder(RAA): totals 160,987.00 / 213,122.23 / 52,135.23 / 26,880.74.
    expect(json.total).toMatchObject({ latest: 160987, ultimate: 213122.23, ibnr: 52135.23, mack_se: 26880.74 });
    expect(json.origins[9]).toMatchObject({ origin: 1990, latest: 2063, ultimate: 18402.44, ibnr: 16339.44, mack_se: 24565.78 });
    expect(Object.keys(json.origins[0])).toEqual(expect.arrayContaining(['origin', 'latest', 'ultimate', 'ibnr', 'mack_se']));
    expect(json.sigma).toMatchObject({ requested: 'auto', used: 'loglinear', filled_ages: [9] });
  });

  it('gives ultimate loss ratios when premiums are given', async () => {
    const json = JSON.parse((await awb('reserve', '--triangle', RAA, '--premiums', PREMIUMS, '--json')).stdout);
    expect(json.origins[9].premium).toBe(40000);
    expect(json.origins[9].ultimate_loss_ratio).toBeCloseTo(18402.44 / 40000, 6);
  });

  it('takes the σ rule and tail actuaries choose', async () => {
    const json = JSON.parse((await awb('reserve', '--triangle', RAA, '--sigma', 'mack', '--tail', 'loglinear', '--json')).stdout);
    expect(json.sigma.used).toBe('mack');
    expect(json.tail.factor).toBeCloseTo(1.0094357515812302, 12);
    expect(json.factors[9]).toMatchObject({ from_age: 10, to_age: 'ultimate' });
  });

  it('exits 2 for an option it cannot use', async () => {
    expect((await awb('reserve', '--triangle', RAA, '--sigma', 'median')).code).toBe(2);
    const tail = await awb('reserve', '--triangle', RAA, '--tail', '0.9');
    expect(tail.code).toBe(2);
    expect(tail.stderr).toContain('argument --tail: expected none, loglinear or a number of at least 1, found "0.9"');
  });

  it('files the origins, factors, projected triangle and charts', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'awb-reserve-')), 'bundle');
    expect((await awb('reserve', '--triangle', RAA, '--out', out)).code).toBe(0);
    expect(readFileSync(path.join(out, 'tables', 'origins.csv'), 'utf8').split('\n')[0]).toBe(
      '\uFEFForigin,method,latest_age,latest,development_to_date,apriori,apriori_loss_ratio,ultimate,ibnr,mack_se,process_se,parameter_se,cv',
    );
    const projected = readFileSync(path.join(out, 'tables', 'projected.csv'), 'utf8').trim().split('\n');
    expect(projected).toHaveLength(1 + 100);
    const charts = JSON.parse(readFileSync(path.join(out, 'charts', 'ultimates.json'), 'utf8'));
    expect(charts.data[1].error_y.array[9]).toBeCloseTo(24565.78, 1);
    expect(JSON.parse(readFileSync(path.join(out, 'charts', 'residuals.json'), 'utf8')).data).toHaveLength(7);
    expect(readFileSync(path.join(out, 'tables', 'link_ratios.csv'), 'utf8').split('\n')[0]).toBe('\uFEFForigin,from_age,to_age,ratio,used,excluded');
  });

  it('gives Bornhuetter–Ferguson with a given a priori loss ratio (chainladder-python docs: RAA, 0.7 × 40,000, IBNR 75,203.24)', async () => {
    const { code, stdout } = await awb('reserve', '--triangle', RAA, '--premiums', PREMIUMS, '--method', 'bf', '--apriori-loss-ratio', '0.7', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.method).toBe('bf');
    expect(json.total.ibnr).toBe(75203.24);
    expect(json.origins[9]).toMatchObject({ method: 'bf', apriori: 28000, apriori_loss_ratio: 0.7 });
    expect(json.se_basis).toMatch(/^Mack-style/);
    expect(json.chain_ladder).toEqual({ ultimate: 213122.23, ibnr: 52135.23, mack_se: 26880.74 });
  });

  it('needs premiums and an a priori for Bornhuetter–Ferguson, and says which', async () => {
    const none = await awb('reserve', '--triangle', RAA, '--method', 'bf');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('argument --premiums');
    const noRatio = await awb('reserve', '--triangle', RAA, '--premiums', PREMIUMS, '--method', 'bf');
    expect(noRatio.code).toBe(2);
    expect(noRatio.stderr).toContain('column expected_loss_ratio');
    expect(noRatio.stderr).toContain('origin 1981 has none');
  });

  it('takes the link-ratio choices and reports Mack\'s tests and the residuals', async () => {
    const json = JSON.parse((await awb('reserve', '--triangle', RAA, '--exclude', '1982:1', '--exclude-valuation', '1988', '--json')).stdout);
    // chainladder-python docs: Development(drop=('1982', 12), drop_valuation='1988').ldf_[0] = 2.662527.
    expect(json.factors[0].factor).toBeCloseTo(2.662527, 6);
    expect(json.link_ratio_choices).toMatchObject({ exclude: ['1982:1'], exclude_valuation: [1988] });
    expect(json.tests.calendar_year).toMatchObject({ z: 14, effect: false });
    expect(json.tests.factor_correlation.correlated).toBe(false);
    expect(json.residuals.length).toBeGreaterThan(40);
    const bad = await awb('reserve', '--triangle', RAA, '--exclude', '1982-1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('argument --exclude: expected link ratios as ORIGIN:AGE');
  });
});
