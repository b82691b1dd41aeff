/** The reporting app serves the API on the console's own origin. */
const API_BASE = '/api/v1';

export const apiUrls = {
  ranking: (period: string) => `${API_BASE}/rankings?period=${encodeURIComponent(period)}`,
  stream: `${API_BASE}/stream`,
} as const;
