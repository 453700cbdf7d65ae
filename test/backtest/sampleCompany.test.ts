import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtest, type BacktestCell, type BacktestData } from '../../src/backtest/backtest';
import { loadDataFolder } from '../../src/data/dataFolder';
import { dayOf } from '../../src/data/dates';
import { openFileSource, type FileStudySource } from '../../src/engine/fileSource';
import { loadRulebook } from '../../src/rules/rulebook';

/**
 * The planted lapse drift of the sample company (data/README.md, planted finding 5), whose figures
 * the sample's author computed independently of this engine: TRM01 calendar-year lapse A/E 2021
 * 0.96, 2022 0.97, 2023 1.01, 2024 1.19, 2025 1.48 (1,263 lapses against 850.7 expected); in 2025
 * online_partner 2.05 (policy years 1–2: 2.34, 595 against 254.6; later years 1.38), app 1.06
 * (years 1–2: 1.04); the other long-term products within 0.85–1.15 over 2021–2025.
 */
const SAMPLE = resolve(__dirname, '..', '..', 'data', 'sample');
const rulebook = loadRulebook();
let data: BacktestData;
let experience: FileStudySource;

beforeAll(async () => {
  const folder = await loadDataFolder(SAMPLE, ['products', 'assumptions'], ['finance']);
  experience = await openFileSource({ policies: resolve(SAMPLE, 'policies.csv'), claims: resolve(SAMPLE, 'claims.csv') });
  data = { products: folder.products, experience, assumptions: folder.assumptions, finance: folder.finance };
});
afterAll(async () => experience.close());

function total(cells: readonly BacktestCell[], pick: (c: BacktestCell) => boolean) {
  let actual = 0;
  let expected = 0;
  for (const c of cells.filter(pick)) {
    actual += c.actual ?? 0;
    expected += c.expected ?? 0;
  }
  return { actual, expected, ae: actual / expected };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('the sample company: the planted lapse drift of TRM01', () => {
  it('gives the documented calendar-year A/E', async () => {
    const r = await backtest(data, { basis: 'calendar-year', asOf: dayOf(2025, 12, 31), indicators: ['lapse'], products: ['TRM01'], rulebook });
    const byYear = ['2021', '2022', '2023', '2024', '2025'].map((y) => round2(total(r.cells, (c) => c.period === y).ae));
    expect(byYear).toEqual([0.96, 0.97, 1.01, 1.19, 1.48]);
    const y2025 = total(r.cells, (c) => c.period === '2025');
    expect(y2025.actual).toBe(1263);
    expect(Math.abs(y2025.expected - 850.7)).toBeLessThan(0.5);
  });

  it('finds it in online_partner and in policy years 1–2', async () => {
    const r = await backtest(data, { basis: 'calendar-year', asOf: dayOf(2025, 12, 31), from: dayOf(2025, 1, 1), by: ['channel', 'policy_year'], indicators: ['lapse'], products: ['TRM01'], rulebook });
    const online = (c: BacktestCell) => c.by.channel === 'online_partner';
    const early = (c: BacktestCell) => Number(c.by.policy_year) <= 2;
    expect(round2(total(r.cells, online).ae)).toBe(2.05);
    const onlineEarly = total(r.cells, (c) => online(c) && early(c));
    expect([onlineEarly.actual, round2(onlineEarly.ae)]).toEqual([595, 2.34]);
    expect(Math.abs(onlineEarly.expected - 254.6)).toBeLessThan(0.1);
    expect(round2(total(r.cells, (c) => online(c) && !early(c)).ae)).toBe(1.38);
    expect(round2(total(r.cells, (c) => c.by.channel === 'app').ae)).toBe(1.06);
    expect(round2(total(r.cells, (c) => c.by.channel === 'app' && early(c)).ae)).toBe(1.04);
  });

  it('keeps the other long-term products within 0.85–1.15 over 2021–2025', async () => {
    const r = await backtest(data, { basis: 'calendar-year', asOf: dayOf(2025, 12, 31), indicators: ['lapse', 'surrender'], rulebook, products: ['CI01', 'WL02', 'LAC01', 'LAC02', 'ANN01', 'WL01', 'END01'] });
    for (const product of new Set(r.cells.map((c) => c.product_code))) {
      for (const indicator of ['lapse', 'surrender']) {
        const t = total(r.cells, (c) => c.product_code === product && c.indicator === indicator);
        if (t.expected === 0) continue;
        expect(t.ae, `${product} ${indicator}`).toBeGreaterThanOrEqual(0.85);
        expect(t.ae, `${product} ${indicator}`).toBeLessThanOrEqual(1.15);
      }
    }
  });

  it('raises a BT-MEASURE finding for TRM01 lapse in the quarterly backtest', async () => {
    const r = await backtest(data, { basis: 'calendar-quarter', asOf: dayOf(2025, 12, 31), rulebook });
    expect(r.scope).toContain('TRM01');
    const finding = r.findings.find((f) => f.product_code === 'TRM01' && f.values.indicator === 'lapse');
    expect(finding?.period).toBe('2025Q4');
    expect(['adjust', 'report', 'disclose']).toContain(finding?.values.measure);
    // Quarterly product totals add up to the yearly ones: 1,263 lapses in 2025.
    expect(total(r.cells, (c) => c.product_code === 'TRM01' && c.indicator === 'lapse' && c.period!.startsWith('2025')).actual).toBe(1263);
  });
});
