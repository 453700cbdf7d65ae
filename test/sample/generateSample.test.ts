import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SILENT_PROGRESS } from '../../src/progress';
import { DEFAULT_POLICIES, DEFAULT_SEED, PRODUCTS } from '../../src/sample/company';
import { generateSample } from '../../src/sample/generateSample';
import { simulateClaims } from '../../src/sample/claims';
import { scaledVolumes, simulateBook } from '../../src/sample/policies';
import { RandomSource } from '../../src/sample/random';
import { addMonths, parseDayText } from '../../src/data/dates';

const COMMITTED = resolve(__dirname, '..', '..', 'data', 'sample');

describe('generateSample()', () => {
  it('gives identical bytes for the same seed', () => {
    const a = generateSample({ seed: 5, policies: 3000 }, SILENT_PROGRESS);
    const b = generateSample({ seed: 5, policies: 3000 }, SILENT_PROGRESS);
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    for (const [name, text] of a.files) expect(b.files.get(name), name).toBe(text);
  });

  it('gives different policies, claims, finance, survey and service events for a different seed, and the same pricing tables', () => {
    const a = generateSample({ seed: 5, policies: 3000 }, SILENT_PROGRESS);
    const b = generateSample({ seed: 6, policies: 3000 }, SILENT_PROGRESS);
    for (const name of ['policies.csv', 'claims.csv', 'finance.csv', 'survey.csv', 'service_events.csv']) expect(b.files.get(name), name).not.toBe(a.files.get(name));
    for (const name of ['products.csv', 'loadings.csv', 'assumptions.csv', 'solvency.csv', 'survey_model.json', 'service_innovations.csv']) expect(b.files.get(name), name).toBe(a.files.get(name));
  });

  it('writes every input table of DOMAIN.md and the survey model', () => {
    const folder = generateSample({ seed: 1, policies: 1000 }, SILENT_PROGRESS);
    expect([...folder.files.keys()].sort()).toEqual(
      [
        'assumptions.csv', 'claims.csv', 'finance.csv', 'loadings.csv', 'policies.csv', 'products.csv', 'solvency.csv', 'survey.csv', 'survey_2024.csv', 'survey_model.json', 'triangle.csv',
        'service_events.csv', 'service_innovations.csv',
        'sales_staff_registry.csv', 'sales_staff_statistics.csv', 'sales_staff_hr.csv', 'sales_staff_disclosure.csv', 'applications.csv', 'recordings.csv',
        'insured_persons.csv', 'channels.csv', 'outlets.csv', 'product_events.csv', 'reinsurance.csv',
      ].sort(),
    );
    expect(folder.rows.policies).toBe(1000);
  });

  it('reproduces the committed data/sample byte for byte with the default seed (no hand edits)', () => {
    const folder = generateSample({ seed: DEFAULT_SEED, policies: DEFAULT_POLICIES }, SILENT_PROGRESS);
    expect(readdirSync(COMMITTED).sort()).toEqual([...folder.files.keys()].sort());
    for (const [name, text] of folder.files) {
      const committed = readFileSync(join(COMMITTED, name), 'utf8');
      expect(committed === text, `${name} differs from the generator's output`).toBe(true);
    }
  });
});

describe('scaledVolumes()', () => {
  it('adds up to the requested number of policies exactly, keeping each product-year near its share', () => {
    const base = PRODUCTS.reduce((s, p) => s + p.volumes.reduce((a, b) => a + b, 0), 0);
    for (const total of [100, 12_345, 200_000]) {
      const volumes = scaledVolumes(total);
      let sum = 0;
      for (const p of PRODUCTS) {
        volumes.get(p.code)!.forEach((n, y) => {
          expect(Math.abs(n - (p.volumes[y] * total) / base)).toBeLessThan(1);
          sum += n;
        });
      }
      expect(sum).toBe(total);
    }
  });
});

describe('simulateBook() and simulateClaims() for any seed', () => {
  it('incur every claim while its policy is in force, and end every policy by the study end or leave it in force', () => {
    const end = parseDayText('2025-12-31')!;
    for (const seed of [1, 2, 3]) {
      const book = simulateBook(new RandomSource(seed, 'policies'), 20_000, SILENT_PROGRESS);
      const claims = simulateClaims(new RandomSource(seed, 'claims'), book.policies, book.events);
      const outside = claims.filter((c) => {
        const p = c.policy;
        const last = p.product.kind === 'short' ? Math.min(addMonths(p.issue, 12) - 1, end) : (p.exit ?? end);
        return c.incident < p.issue || c.incident > last || p.exitReason === 'cancel' || c.report <= c.incident || c.paid < c.report;
      });
      expect(outside.map((c) => `${c.policy.id} ${c.incident}`), `seed ${seed}`).toEqual([]);
      const badExits = book.policies.filter((p) => (p.exit === null) !== (p.exitReason === null) || (p.exit !== null && (p.exit < p.issue || p.exit > end)));
      expect(badExits.map((p) => p.id), `seed ${seed}`).toEqual([]);
    }
  });
});
