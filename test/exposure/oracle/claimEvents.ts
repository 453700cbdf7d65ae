import { InputError } from '../../../src/data/InputError';
import type { Table } from '../../../src/data/parseTable';
import type { PolicyColumns } from './policyColumns';
import type { ClaimRow } from '../../../src/data/rows';
import type { ClaimEvents } from './exposureStudy';

/**
 * Joins the claims table to a policy book by policy_id, as the incident events of an
 * incidence study; each claim's amount is its paid amount plus any open case reserve.
 * @throws InputError naming the claim row when its policy_id is not in the policies, or when the
 * policies were loaded without their ids.
 * @example claimEvents(claims, policies).length // number of claims
 */
export function claimEvents(claims: Table<ClaimRow>, policies: PolicyColumns): ClaimEvents {
  const ids = policies.policy_id;
  if (!ids) throw new InputError({ file: policies.file, column: 'policy_id' }, 'policies loaded with their policy_id to join the claims');
  const indexOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) indexOf.set(ids[i], i);
  const n = claims.rows.length;
  const events: ClaimEvents = {
    file: claims.file,
    length: n,
    policyIndex: new Int32Array(n),
    incidentDate: new Int32Array(n),
    amountCents: new Float64Array(n),
    sourceRow: new Int32Array(n),
  };
  claims.rows.forEach((c, j) => {
    const i = indexOf.get(c.policy_id);
    if (i === undefined) {
      throw new InputError({ file: claims.file, row: c.source_row, column: 'policy_id', header: claims.headers.policy_id }, `a policy listed in ${policies.file}`, c.policy_id);
    }
    events.policyIndex[j] = i;
    events.incidentDate[j] = c.incident_date;
    events.amountCents[j] = c.paid_amount + (c.case_reserve ?? 0);
    events.sourceRow[j] = c.source_row;
  });
  return events;
}
