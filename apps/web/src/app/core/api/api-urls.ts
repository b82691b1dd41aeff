/** The reporting app serves the API on the console's own origin. */
const API_BASE = '/api/v1';

/** Query string from the defined, non-empty values, in the given order. */
function query(params: Readonly<Record<string, string | number | null | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const unit = (code: string) => `${API_BASE}/units/${encodeURIComponent(code)}`;

export interface RankingScope {
  readonly level?: string | null;
  readonly parent?: string | null;
}

export const apiUrls = {
  ranking: (period: string, scope: RankingScope = {}) =>
    `${API_BASE}/rankings${query({ period, level: scope.level, parent: scope.parent })}`,
  unitScore: (code: string, period: string, asOf?: string | null) => `${unit(code)}/scores${query({ period, asOf })}`,
  unitTrend: (code: string, to: string, months = 12) => `${unit(code)}/trend${query({ to, months })}`,
  explain: (code: string, period: string, criterion: number) => `${unit(code)}/explain${query({ period, criterion })}`,
  streamEvents: (streamId: string) => `${API_BASE}/streams/${encodeURIComponent(streamId)}/events`,
  scoreDiff: (code: string, period: string, from: string, to: string) => `${unit(code)}/scores/diff${query({ period, from, to })}`,
  verify: `${API_BASE}/audit/verify`,
  closePeriod: (period: string) => `${API_BASE}/periods/${encodeURIComponent(period)}/close`,
  periodSnapshot: (period: string) => `${API_BASE}/periods/${encodeURIComponent(period)}/snapshot`,
  exports: {
    appendixXlsx: (period: string, parent: string) => `${API_BASE}/exports/monthly-appendix.xlsx${query({ period, parent })}`,
    appendixCsv: (period: string, parent: string) => `${API_BASE}/exports/monthly-appendix.csv${query({ period, parent })}`,
    summaryPdf: (unitCode: string, period: string) => `${API_BASE}/exports/monthly-summary.pdf${query({ unit: unitCode, period })}`,
  },
  stream: `${API_BASE}/stream`,
  auth: {
    me: `${API_BASE}/auth/me`,
    login: `${API_BASE}/auth/login`,
    logout: `${API_BASE}/auth/logout`,
  },
} as const;
