import { yearOf } from '../data/dates';
import type { TableRow } from '../evidence/csv';
import { PRODUCTS } from './company';
import type { SamplePolicy } from './policies';

/**
 * Persons insured per policy, by product, as a fraction (numerator, denominator): the family
 * medical plan covers on average 1.3 persons per policy, every other product one.
 */
const PERSONS_PER_POLICY: Readonly<Record<string, readonly [number, number]>> = { MED01: [13, 10] };

/**
 * Rows of insured_persons.csv (S1 annex 2 一: 承保人数): for every product and year, the policies
 * issued in the year times the persons per policy, rounded down to a whole person.
 * @example insuredPersonRows(book.policies)[0] // { product_code: 'ACC01', year: 2021, insured_persons: 4929 } for the default sample
 */
export function insuredPersonRows(policies: readonly SamplePolicy[]): TableRow[] {
  const issued = new Map<string, number>();
  for (const p of policies) {
    const key = `${p.product.code}\u0000${yearOf(p.issue)}`;
    issued.set(key, (issued.get(key) ?? 0) + 1);
  }
  const rows: TableRow[] = [];
  for (const product of PRODUCTS) {
    const [num, den] = PERSONS_PER_POLICY[product.code] ?? [1, 1];
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const count = issued.get(`${product.code}\u0000${year}`) ?? 0;
      if (count > 0) rows.push({ product_code: product.code, year, insured_persons: Math.floor((count * num) / den) });
    }
  }
  return rows;
}

/**
 * Rows of channels.csv: where each channel of the policies sells. The app is the company's own
 * platform; online partners are intermediaries' platforms; agency, bancassurance and brokers sell
 * offline.
 * @example channelRows()[1] // { channel: 'online_partner', platform: 'intermediary' }
 */
export function channelRows(): TableRow[] {
  return [
    { channel: 'app', platform: 'own' },
    { channel: 'online_partner', platform: 'intermediary' },
    { channel: 'agency', platform: 'offline' },
    { channel: 'bancassurance', platform: 'offline' },
    { channel: 'broker', platform: 'offline' },
  ];
}

/**
 * Rows of outlets.csv (S1 §13): provincial branches with their service outlets in five regions,
 * and two regions served through a partner's outlets.
 * @example outletRows()[0] // { region: '华东', provincial_branch: true, outlets: 12, partner: null }
 */
export function outletRows(): TableRow[] {
  return [
    { region: '华东', provincial_branch: true, outlets: 12, partner: null },
    { region: '华北', provincial_branch: true, outlets: 8, partner: null },
    { region: '华南', provincial_branch: true, outlets: 7, partner: null },
    { region: '华中', provincial_branch: true, outlets: 5, partner: null },
    { region: '西南', provincial_branch: true, outlets: 4, partner: null },
    { region: '西北', provincial_branch: false, outlets: 3, partner: '西部健康服务合作网络（虚构）' },
    { region: '东北', provincial_branch: false, outlets: 2, partner: '北方医疗服务联盟（虚构）' },
  ];
}

/**
 * Rows of product_events.csv (S1 annex 2 二(三)): the filings of the internet products' launches,
 * and in 2025 two new filings (products not yet on the ledger) and the withdrawal of ACC03 at the
 * year end, replaced by an upgraded accident product.
 * @example productEventRows().at(-1) // { product_code: 'ACC03', event: 'withdrawn', date: '2025-12-31', … }
 */
export function productEventRows(): TableRow[] {
  const launches = PRODUCTS.filter((p) => p.internet).map((p) => ({ product_code: p.code, event: 'filed', date: p.launch_date, reason: null, reference: `HT-${p.launch_date.slice(0, 4)}-${p.code}` }));
  return [
    ...launches,
    { product_code: 'MED03', event: 'filed', date: '2025-06-18', reason: null, reference: 'HT-2025-MED03' },
    { product_code: 'ACC06', event: 'filed', date: '2025-11-20', reason: null, reference: 'HT-2025-ACC06' },
    { product_code: 'ACC03', event: 'withdrawn', date: '2025-12-31', reason: '产品升级，由ACC06替代 (replaced by the upgraded ACC06)', reference: null },
  ];
}

/**
 * Rows of reinsurance.csv (S1 annex 2 三(二)): a quota-share treaty for every product that cedes
 * (its `quota_share` in the catalogue: the share of earned premium and incurred claims that the
 * finance ledger cedes).
 * @example reinsuranceRows().map((r) => r.product_code) // ['MED01', 'TRM01', 'CI01']
 */
export function reinsuranceRows(): TableRow[] {
  return PRODUCTS.filter((p) => p.quota_share > 0).map((p) => ({
    product_code: p.code,
    reinsurer: '恒达再保险股份有限公司（虚构）',
    arrangement: 'quota share 成数分保',
    ceded_share: String(p.quota_share),
    start_date: p.launch_date,
    end_date: null,
  }));
}
