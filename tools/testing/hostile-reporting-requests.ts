import { monthKeyOf } from '@idx/domain';

export interface ReportingRequest {
  readonly what: string;
  readonly path: string;
  readonly method?: 'GET' | 'POST';
  /** JSON-encoded unless already a string (sent as-is, as application/json). */
  readonly body?: unknown;
  readonly status: number;
}

/**
 * Every kind of malformed reporting parameter, each with the 4xx it owes (never a 500, never a
 * silent 200), for a registered unit `U`. Shared by the reporting e2e test and the hostile-input run.
 */
export function hostileReportingRequests(U: string, now = Date.now()): ReportingRequest[] {
  const GOOD = 'period=2025-03';
  const NOW = encodeURIComponent(new Date(now).toISOString());
  const CUR = monthKeyOf(now);
  const long = (n: number) => 'X'.repeat(n);
  return [

  // asOf: impossible, out of range, or without an offset
  { what: 'asOf in year 0', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=0000-03-01T00:00:00Z`, status: 400 },
  { what: 'asOf in a negative year', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=-0001-03-01T00:00:00Z`, status: 400 },
  { what: 'asOf with a six-digit negative year', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=-002025-03-01T00:00:00Z`, status: 400 },
  { what: 'asOf after 2100', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2101-01-01T00:00:00Z`, status: 400 },
  { what: 'asOf on 30 February', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-02-30T08:00:00%2B07:00`, status: 400 },
  { what: 'asOf on 29 February of a common year', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-02-29T08:00:00Z`, status: 400 },
  { what: 'asOf without an offset', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-03-01T08:00:00`, status: 400 },
  { what: 'asOf as a bare date', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-03-01`, status: 400 },
  { what: 'asOf with offset -23:59', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-03-01T08:00:00-23:59`, status: 400 },
  { what: 'asOf at hour 25', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-03-01T25:00:00Z`, status: 400 },
  { what: 'asOf as a word', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=yesterday`, status: 400 },
  { what: 'asOf given twice', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=${NOW}&asOf=${NOW}`, status: 400 },
  { what: 'asOf with a NUL', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=2025-03-01T08:00:00Z%00`, status: 400 },
  // period strings
  { what: 'period 0000-01', path: `/api/v1/units/${U}/scores?period=0000-01`, status: 400 },
  { what: 'period in a negative year', path: `/api/v1/units/${U}/scores?period=-2025-01`, status: 400 },
  { what: 'period 9999-12', path: `/api/v1/units/${U}/scores?period=9999-12`, status: 400 },
  { what: 'period month 13', path: `/api/v1/units/${U}/scores?period=2025-13`, status: 400 },
  { what: 'period quarter 5', path: `/api/v1/units/${U}/scores?period=2025-Q5`, status: 400 },
  { what: 'period year 2101', path: `/api/v1/rankings?period=2101`, status: 400 },
  { what: 'period half in 1999', path: `/api/v1/rankings?period=1999-H1`, status: 400 },
  { what: 'period with a NUL', path: `/api/v1/units/${U}/scores?period=2025-03%00`, status: 400 },
  { what: 'period 5,000 characters long', path: `/api/v1/rankings?period=${long(5000)}`, status: 400 },
  { what: 'period given twice', path: `/api/v1/units/${U}/scores?period=2025-03&period=2025-04`, status: 400 },
  // unit codes
  { what: 'unit code with a NUL', path: '/api/v1/units/a%00b/scores', status: 400 },
  { what: 'unit code with a control character', path: '/api/v1/units/a%01b/trend', status: 400 },
  { what: 'unit code with a right-to-left override', path: '/api/v1/units/HY%E2%80%AE/scores', status: 400 },
  { what: 'unit code with a lone surrogate', path: '/api/v1/units/HY%ED%A0%80/scores', status: 400 },
  { what: 'unit code 101 characters long', path: `/api/v1/units/${long(101)}/scores`, status: 400 },
  { what: 'unit code 3,000 characters long', path: `/api/v1/units/${long(3000)}/trend`, status: 400 },
  { what: 'unknown unit: scores', path: `/api/v1/units/NOPE-UNIT/scores?${GOOD}`, status: 404 },
  { what: 'unknown unit named toString', path: '/api/v1/units/toString/scores', status: 404 },
  { what: 'unknown unit named constructor: trend', path: '/api/v1/units/constructor/trend', status: 404 },
  { what: 'unknown unit: explain', path: `/api/v1/units/NOPE/explain?${GOOD}&criterion=5`, status: 404 },
  { what: 'unknown unit: as-of score', path: `/api/v1/units/NOPE/scores?${GOOD}&asOf=${NOW}`, status: 404 },
  { what: 'unknown unit: diff', path: `/api/v1/units/NOPE/scores/diff?${GOOD}&from=2025-03-01T00:00:00Z&to=${NOW}`, status: 404 },
  { what: 'unknown parent: rankings', path: `/api/v1/rankings?${GOOD}&parent=NOPE`, status: 404 },
  { what: 'unknown unit: PDF summary', path: `/api/v1/exports/monthly-summary.pdf?unit=NOPE&${GOOD}`, status: 404 },
  // trend
  { what: 'trend to=0000-01', path: `/api/v1/units/${U}/trend?to=0000-01`, status: 400 },
  { what: 'trend to=9999-12', path: `/api/v1/units/${U}/trend?to=9999-12`, status: 400 },
  { what: 'trend to=2025-3', path: `/api/v1/units/${U}/trend?to=2025-3`, status: 400 },
  { what: 'trend months=0', path: `/api/v1/units/${U}/trend?months=0`, status: 400 },
  { what: 'trend months=37', path: `/api/v1/units/${U}/trend?months=37`, status: 400 },
  { what: 'trend months=-1', path: `/api/v1/units/${U}/trend?months=-1`, status: 400 },
  { what: 'trend months=1e1', path: `/api/v1/units/${U}/trend?months=1e1`, status: 400 },
  { what: 'trend months=0x10', path: `/api/v1/units/${U}/trend?months=0x10`, status: 400 },
  { what: 'trend months=1000000000', path: `/api/v1/units/${U}/trend?months=1000000000`, status: 400 },
  // explain
  { what: 'explain criterion 0', path: `/api/v1/units/${U}/explain?${GOOD}&criterion=0`, status: 400 },
  { what: 'explain criterion 22', path: `/api/v1/units/${U}/explain?${GOOD}&criterion=22`, status: 400 },
  { what: 'explain criterion 5.5', path: `/api/v1/units/${U}/explain?${GOOD}&criterion=5.5`, status: 400 },
  { what: 'explain criterion abc', path: `/api/v1/units/${U}/explain?${GOOD}&criterion=abc`, status: 400 },
  { what: 'explain without criterion', path: `/api/v1/units/${U}/explain?${GOOD}`, status: 400 },
  { what: 'explain period 0000-01', path: `/api/v1/units/${U}/explain?period=0000-01&criterion=5`, status: 400 },
  // rankings
  { what: 'rankings level planet', path: `/api/v1/rankings?${GOOD}&level=planet`, status: 400 },
  { what: 'rankings asOf on 30 February', path: `/api/v1/rankings?${GOOD}&asOf=2025-02-30T00:00:00Z`, status: 400 },
  { what: 'rankings parent with a NUL', path: `/api/v1/rankings?${GOOD}&parent=HY%00`, status: 400 },
  // diff
  { what: 'diff from in year 0', path: `/api/v1/units/${U}/scores/diff?${GOOD}&from=0000-01-01T00:00:00Z&to=${NOW}`, status: 400 },
  { what: 'diff without from', path: `/api/v1/units/${U}/scores/diff?${GOOD}&to=${NOW}`, status: 400 },
  { what: 'diff from after to', path: `/api/v1/units/${U}/scores/diff?${GOOD}&from=${NOW}&to=2025-03-01T00:00:00Z`, status: 400 },
  // stream histories
  { what: 'stream id with a NUL', path: '/api/v1/streams/dossier-HY-a%00b/events', status: 400 },
  { what: 'stream id 300 characters long', path: `/api/v1/streams/${long(300)}/events`, status: 400 },
  { what: 'unknown stream id', path: '/api/v1/streams/dossier-NOPE-1/events', status: 404 },
  // closing months and snapshots
  { what: 'close 0000-01', method: 'POST', path: '/api/v1/periods/0000-01/close', status: 400 },
  { what: 'close 9999-12', method: 'POST', path: '/api/v1/periods/9999-12/close', status: 400 },
  { what: 'close the current month', method: 'POST', path: `/api/v1/periods/${CUR}/close`, status: 409 },
  { what: 'close a future month', method: 'POST', path: '/api/v1/periods/2099-12/close', status: 409 },
  { what: 'close month 13', method: 'POST', path: '/api/v1/periods/2025-13/close', status: 400 },
  { what: 'close a quarter', method: 'POST', path: '/api/v1/periods/2025-Q1/close', status: 400 },
  { what: 'snapshot of 0000-01', path: '/api/v1/periods/0000-01/snapshot', status: 400 },
  { what: 'snapshot of a month never closed', path: '/api/v1/periods/2025-04/snapshot', status: 404 },
  { what: 'snapshot check of 9999-12', path: '/api/v1/periods/9999-12/snapshot/check', status: 400 },
  // verify
  { what: 'verify without a body', method: 'POST', path: '/api/v1/audit/verify', body: {}, status: 400 },
  { what: 'verify an unknown unit', method: 'POST', path: '/api/v1/audit/verify', body: { unitCode: 'NOPE', period: '2025-03' }, status: 404 },
  { what: 'verify period 0000-01', method: 'POST', path: '/api/v1/audit/verify', body: { unitCode: U, period: '0000-01' }, status: 400 },
  { what: 'verify an unreadable JSON body', method: 'POST', path: '/api/v1/audit/verify', body: '{"unitCode":', status: 400 },
  { what: 'verify a unit code given as a list', method: 'POST', path: '/api/v1/audit/verify', body: { unitCode: [U], period: '2025-03' }, status: 400 },
  { what: 'verify a unit code with a NUL', method: 'POST', path: '/api/v1/audit/verify', body: { unitCode: 'a\u0000b', period: '2025-03' }, status: 400 },
  { what: 'verify a period given as an object', method: 'POST', path: '/api/v1/audit/verify', body: { unitCode: U, period: { $gt: '' } }, status: 400 },
  // exports
  { what: 'PDF summary for 0000-01', path: `/api/v1/exports/monthly-summary.pdf?unit=${U}&period=0000-01`, status: 400 },
  { what: 'appendix for a parent with a NUL', path: `/api/v1/exports/monthly-appendix.csv?parent=HY%00&${GOOD}`, status: 400 },
  { what: 'appendix for 9999-12', path: '/api/v1/exports/monthly-appendix.xlsx?parent=HY&period=9999-12', status: 400 },
  ];
}
