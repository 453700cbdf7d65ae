import type { DayNumber } from '../data/dates';
import { InputError } from '../data/InputError';
import { enumLookup } from '../data/parseCell';
import type { Table } from '../data/parseTable';
import type { ApplicationRow, PolicyRow, ProductRow } from '../data/rows';
import { CHANNEL_TYPES, type ChannelType, normaliseKey } from '../data/schema';

/** Where a sale's application date came from. */
export type ApplicationDateSource = 'policies' | 'applications' | 'issue_date';

/** Where a sale's channel type came from: the column, or the channel's name when it names a type (银保, bancassurance). */
export type ChannelTypeSource = 'channel_type' | 'channel';

/** One policy as a sale: what the sales-recording rules (S4) look at. */
export interface PolicySale {
  readonly policy_id: string;
  /** Spreadsheet row in the policies file. */
  readonly row: number;
  readonly product: ProductRow;
  readonly issue_date: DayNumber;
  /** The application date; the issue date when neither policies nor applications give one. */
  readonly application_date: DayNumber;
  readonly application_date_source: ApplicationDateSource;
  /** The policyholder's age on the application date; null when unknown. */
  readonly policyholder_age: number | null;
  readonly channel: string | null;
  readonly channel_type: ChannelType | null;
  readonly channel_type_source: ChannelTypeSource | null;
  readonly branch: string | null;
  readonly region: string | null;
}

const CHANNEL_TYPE_OF_NAME = enumLookup(CHANNEL_TYPES);

/**
 * A sale's channel type: the channel_type column when given, else the channel's name when it is a
 * channel type or one of its Chinese names (`bancassurance`, `银保`, `个险`), else unknown.
 * @example channelTypeOf(null, '银保') // { type: 'bancassurance', source: 'channel' }
 * @example channelTypeOf(null, 'online_partner') // { type: null, source: null }
 */
export function channelTypeOf(channelType: ChannelType | null, channel: string | null): { readonly type: ChannelType | null; readonly source: ChannelTypeSource | null } {
  if (channelType !== null) return { type: channelType, source: 'channel_type' };
  const named = channel === null ? undefined : CHANNEL_TYPE_OF_NAME.get(normaliseKey(channel));
  return named === undefined ? { type: null, source: null } : { type: named as ChannelType, source: 'channel' };
}

const FIELDS = ['application_date', 'policyholder_age', 'channel_type', 'branch'] as const;

/**
 * The policies as sales: each policy with its product and its sales columns — application date,
 * the policyholder's age on it, channel type and branch — from the policies table, or from an
 * applications table beside it (one row per policy) for a folder whose policy extract lacks
 * them. A policy with no application date is taken to have applied on its issue date (and says so).
 * @throws InputError for a policy whose product is not in the products table, an applications row
 * that names a policy not in the policies table, or one whose value disagrees with the policies
 * table's own (naming the file, row and column).
 * @example policySales(folder.policies, folder.products, folder.applications)[0].application_date_source // 'applications'
 */
export function policySales(policies: Table<PolicyRow>, products: Table<ProductRow>, applications?: Table<ApplicationRow>): PolicySale[] {
  const productOf = new Map(products.rows.map((p) => [p.product_code, p]));
  const applicationOf = new Map<string, ApplicationRow>();
  if (applications) {
    const known = new Map(policies.rows.map((p) => [p.policy_id, p]));
    for (const a of applications.rows) {
      const policy = known.get(a.policy_id);
      if (!policy) throw new InputError({ file: applications.file, row: a.source_row, column: 'policy_id', header: applications.headers.policy_id }, `a policy listed in ${policies.file}`, a.policy_id);
      for (const field of FIELDS) {
        const own = policy[field];
        if (own !== null && a[field] !== null && own !== a[field]) {
          throw new InputError({ file: applications.file, row: a.source_row, column: field, header: applications.headers[field] }, `the same ${field} as ${policies.file} row ${policy.source_row} (${String(own)})`, String(a[field]));
        }
      }
      applicationOf.set(a.policy_id, a);
    }
  }
  return policies.rows.map((p) => {
    const product = productOf.get(p.product_code);
    if (!product) throw new InputError({ file: policies.file, row: p.source_row, column: 'product_code', header: policies.headers.product_code }, `a product listed in ${products.file}`, p.product_code);
    const a = applicationOf.get(p.policy_id);
    const pick = <F extends (typeof FIELDS)[number]>(field: F) => p[field] ?? a?.[field] ?? null;
    const date = pick('application_date');
    const channel = channelTypeOf(pick('channel_type'), p.channel);
    return {
      policy_id: p.policy_id,
      row: p.source_row,
      product,
      issue_date: p.issue_date,
      application_date: date ?? p.issue_date,
      application_date_source: p.application_date !== null ? 'policies' : a !== undefined && a.application_date !== null ? 'applications' : 'issue_date',
      policyholder_age: pick('policyholder_age'),
      channel: p.channel,
      channel_type: channel.type,
      channel_type_source: channel.source,
      branch: pick('branch'),
      region: p.region,
    };
  });
}
