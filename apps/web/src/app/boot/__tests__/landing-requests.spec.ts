import { landingPlan } from '../landing-requests';

/** The current month in Vietnam (UTC+7), worked out here by hand rather than by the console's helpers. */
function vietnamMonthNow(): string {
  const local = new Date(Date.now() + 7 * 3_600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe('what a cold load asks for before the app boots', () => {
  it('the ranking (home and /xep-hang): who is signed in, then the ranking the page will request, from the main bundle', () => {
    expect(landingPlan('/xep-hang', '?ky=2025-03&cap=commune&thuoc=HY')).toEqual({
      chunk: null,
      requests: ['/api/v1/auth/me', '/api/v1/rankings?period=2025-03&level=commune&parent=HY'],
    });
    // No query: this month, provinces, nationwide — what the page shows for a bare URL.
    expect(landingPlan('/', '')).toEqual({
      chunk: null,
      requests: ['/api/v1/auth/me', `/api/v1/rankings?period=${vietnamMonthNow()}&level=province`],
    });
  });

  it('reads an unknown level or period as the page does: the default, not the text typed', () => {
    expect(landingPlan('/xep-hang', '?ky=2025-13&cap=hamlet&thuoc=%20')).toEqual({
      chunk: null,
      requests: ['/api/v1/auth/me', `/api/v1/rankings?period=${vietnamMonthNow()}&level=province`],
    });
  });

  it("a unit page: its chunk, its score and its 12-month trend ending with the period's last month", () => {
    expect(landingPlan('/don-vi/HY25-BQLKCN', '?ky=2025-Q1')).toEqual({
      chunk: 'unit',
      requests: [
        '/api/v1/auth/me',
        '/api/v1/units/HY25-BQLKCN/scores?period=2025-Q1',
        '/api/v1/units/HY25-BQLKCN/trend?to=2025-03&months=12',
      ],
    });
  });

  it('a unit page as of a moment asks for the figures as of it; an unreadable moment asks for live ones', () => {
    const asOf = '2025-03-20T10:00:00.000Z';
    expect(landingPlan('/don-vi/HY', `?ky=2025-03&asOf=${encodeURIComponent(asOf)}`).requests[1]).toBe(
      `/api/v1/units/HY/scores?period=2025-03&asOf=${encodeURIComponent(asOf)}`,
    );
    expect(landingPlan('/don-vi/HY', '?ky=2025-03&asOf=yesterday').requests[1]).toBe('/api/v1/units/HY/scores?period=2025-03');
  });

  it('a code with characters that need escaping is asked for escaped once, as the page asks', () => {
    expect(landingPlan('/don-vi/A%2FB', '?ky=2025-03').requests[1]).toBe('/api/v1/units/A%2FB/scores?period=2025-03');
  });

  it('other pages (explain, sign-in, search, a mistyped path or escape): only who is signed in', () => {
    expect(landingPlan('/don-vi/HY/tieu-chi/5', '?ky=2025-03')).toEqual({ chunk: 'explain', requests: ['/api/v1/auth/me'] });
    for (const path of ['/dang-nhap', '/tim-kiem', '/xep-hang/extra', '/don-vi/%E0%A4%A']) {
      expect(landingPlan(path, '')).toEqual({ chunk: null, requests: ['/api/v1/auth/me'] });
    }
  });
});
