import { oracleAgreement } from './oracle/agreement';

// The SQL engine against the oracle engine on the calendar-month basis (oracle.test.ts: the other bases), the longest: a file of its own, so the two test workers share the work.
oracleAgreement(['calendar-month']);
