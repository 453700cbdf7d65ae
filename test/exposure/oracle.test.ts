import { oracleAgreement } from './oracle/agreement';

// The SQL engine against the oracle engine on the calendar-quarter, calendar-year and policy-year bases (oracleMonthly.test.ts: calendar-month).
oracleAgreement(['calendar-quarter', 'calendar-year', 'policy-year']);
