import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { assumptionRates, type AssumptionRates, type KeyValues } from '../../../src/backtest/assumptionRates';
import { dayOf } from '../../../src/data/dates';
import type { Table } from '../../../src/data/parseTable';
import { loadTable } from '../../../src/data/readTable';
import type { AssumptionRow, ClaimRow } from '../../../src/data/rows';
import type { ExitReason } from '../../../src/data/schema';
import type { ExposureCell } from '../../../src/exposure/exposureCell';
import type { StudyBasis } from '../../../src/exposure/studyBasis';
import { GENERATED_POLICIES } from '../../support/generatedCompany';
import { censusPolicies } from '../census';
import { censusCsv, study } from '../study';
import { claimEvents } from './claimEvents';
import { exposureStudy, type RateAssignment } from './exposureStudy';
import { policyColumnsFromTable, type PolicyColumns } from './policyColumns';

/**
 * The SQL engine against the workbench's first engine, kept as an oracle in test/exposure/oracle:
 * a different algorithm (each policy stepped through its periods in JavaScript) on the same
 * conventions. Every cell — exposure, counts, claim amounts, expected counts — must agree, on
 * every basis, with and without anniversary splits, groupings and assumption keys.
 * oracle.test.ts and oracleMonthly.test.ts (the calendar-month basis, the longest) run these
 * tests, one file on each of the two test workers.
 */

/** The oracle's rate lookup over the SQL engine's assumption rates (the tie rules are shared): one slot per assumption row. */
function oracleRates(rates: AssumptionRates, rows: readonly AssumptionRow[], policies: PolicyColumns): RateAssignment {
  const own = rows.filter((r) => r.indicator === rates.indicator);
  const slotOfRow = new Map(own.map((r, slot) => [r.source_row, slot]));
  const decode = (name: string, i: number) => {
    if (name === 'age_at_issue') return Number.isNaN(policies.age_at_issue[i]) ? null : policies.age_at_issue[i];
    const column = name === 'product_code' ? policies.product_code : policies.attributes.get(name);
    return !column || column.codes[i] < 0 ? null : column.levels[column.codes[i]];
  };
  return {
    rates: Float64Array.from(own, (r) => r.rate.toNumber()),
    dependsOnDuration: rates.dependsOnDuration,
    slotOf(i, policyYear, attainedAge) {
      const v: Record<string, string | number | null> = { age_at_issue: decode('age_at_issue', i) };
      for (const c of rates.fixedColumns) v[c] = decode(c, i);
      return slotOfRow.get(rates.rateFor(v as KeyValues, policyYear, attainedAge).sourceRow)!;
    },
  };
}

function expectSameCells(sql: readonly ExposureCell[], oracle: readonly ExposureCell[], label: string) {
  expect(sql.map((c) => [c.product_code, c.period, c.policy_year, c.by]), label).toEqual(oracle.map((c) => [c.product_code, c.period, c.policy_year, c.by]));
  sql.forEach((c, i) => {
    const o = oracle[i];
    const where = `${label}: ${c.product_code} ${c.period ?? c.policy_year} ${JSON.stringify(c.by)}`;
    expect(c.actual, where).toBe(o.actual);
    expect(Math.abs(c.exposure - o.exposure), where).toBeLessThanOrEqual(1e-9 * Math.max(1, o.exposure));
    if (o.expected === null) expect(c.expected, where).toBeNull();
    else expect(Math.abs(c.expected! - o.expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, o.expected));
    if (o.claim_amount === null) expect(c.claim_amount, where).toBeNull();
    else expect(Math.abs(c.claim_amount! - o.claim_amount), where).toBeLessThanOrEqual(1e-6);
  });
}

/** The generated company's tables, parsed once for the file: policies (also as the oracle's columns), claims, assumptions. */
interface Company {
  readonly folder: string;
  readonly policies: PolicyColumns;
  readonly claims: Table<ClaimRow>;
  readonly assumptions: Table<AssumptionRow>;
}

/**
 * Registers the agreement tests on the given bases: on census_dat (actxps), and on the company
 * generated for the run (the sample's generator and seed, GENERATED_POLICIES policies, see
 * test/support/generatedCompany.ts: the same products, channels, regions, exits and claims as
 * the sample, whose size adds nothing to an agreement check).
 */
export function oracleAgreement(bases: readonly StudyBasis[]): void {
  describe('the SQL engine gives the oracle engine\'s cells', () => {
    let company: Company;
    beforeAll(async () => {
      const folder = inject('generatedCompany');
      const policiesTable = await loadTable(resolve(folder, 'policies.csv'), 'policies');
      company = {
        folder,
        policies: policyColumnsFromTable(policiesTable),
        claims: await loadTable(resolve(folder, 'claims.csv'), 'claims'),
        assumptions: await loadTable(resolve(folder, 'assumptions.csv'), 'assumptions'),
      };
    });

    // One test per basis and grouping (each runs the study from the first issue and from a later start), so that none nears the time limit on a slow machine.
    const censusCases = bases.flatMap((basis) =>
      (basis === 'policy-year' ? [[], ['inc_guar', 'attained_age'], ['age_at_issue', 'gender']] : [[], ['policy_year'], ['inc_guar', 'attained_age'], ['qual']]).map((by): [StudyBasis, string, readonly string[]] => [basis, by.join(', ') || 'product', by]),
    );
    it.each(censusCases)('on census_dat, %s basis, by %s, with a policy-year assumption table', async (basis, _label, by) => {
      const census = censusPolicies('census_dat.csv');
      const csv = censusCsv('census_dat.csv');
      const asOf = dayOf(2019, 12, 31);
      const assumptions = await loadTable(resolve(__dirname, '..', '..', 'fixtures', 'reference', 'census-surrender-assumptions.csv'), 'assumptions');
      const rates = assumptionRates(assumptions.rows, 'surrender', { file: 'assumptions', policyAttributes: [...census.attributes.keys()] });
      for (const from of [undefined, dayOf(2012, 7, 15)]) {
        const options = { basis, asOf, from, by, decrements: ['surrender'] as ExitReason[] };
        const oracle = exposureStudy(census, { ...options, rates: oracleRates(rates, assumptions.rows, census) });
        const sql = await study(csv, { ...options, rates });
        expectSameCells(sql.cells, oracle.cells, `${basis} by ${by.join(',') || 'product'} from ${from ?? 'first issue'}`);
      }
    });

    it.each(bases)(`on a generated company of ${GENERATED_POLICIES.toLocaleString('en')} policies, %s basis: lapses by channel, deaths by attained age and gender, claims`, async (basis) => {
      const { folder, policies, claims: claimsTable, assumptions } = company;
      const attributes = ['gender', 'channel', 'region'];
      const asOf = dayOf(2025, 12, 31);
      const from = dayOf(2023, 4, 1);
      const cases: { indicator: 'lapse' | 'death' | 'incidence'; by: readonly string[]; products: string[] }[] = [
        { indicator: 'lapse', by: basis === 'policy-year' ? ['channel'] : ['channel', 'policy_year'], products: ['TRM01', 'CI01', 'WL01'] },
        { indicator: 'death', by: ['gender'], products: ['TRM01', 'WL02', 'END01'] },
        { indicator: 'incidence', by: ['region'], products: ['CI01', 'MED01', 'ACC01'] },
      ];
      for (const c of cases) {
        const rates = assumptionRates(assumptions.rows, c.indicator, { file: 'assumptions', policyAttributes: attributes });
        const products = new Set(c.products.filter((p) => rates.appliesTo(p)));
        const decrements: ExitReason[] = c.indicator === 'lapse' ? ['lapse'] : c.indicator === 'death' ? ['death'] : [];
        const claims = c.indicator === 'incidence' ? claimEvents(claimsTable, policies) : undefined;
        const oracle = exposureStudy(policies, { basis, asOf, from, by: c.by, decrements, products, claims, rates: oracleRates(rates, assumptions.rows, policies) });
        const sql = await study(resolve(folder, 'policies.csv'), { basis, asOf, from, by: c.by, decrements, products, rates, claims: claims !== undefined, claimsFile: resolve(folder, 'claims.csv') });
        expectSameCells(sql.cells, oracle.cells, `${basis} ${c.indicator} by ${c.by.join(',')}`);
      }
    });
  });
}
