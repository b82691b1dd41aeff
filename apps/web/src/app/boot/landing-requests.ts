import { apiUrls } from '../core/api/api-urls';
import { rankingSelectionOf } from '../features/ranking/ranking-selection';
import { trendWindowOf, unitSelectionOf } from '../features/unit/unit-selection';
import type { RouteChunk } from './route-chunks';

/** What a cold load of a URL will need first: the page's lazy chunk (none for the home page, in main) and the API reads its first paint waits for. */
export interface LandingPlan {
  readonly chunk: RouteChunk | null;
  /** GET URLs, exactly as the page's own requests will spell them. */
  readonly requests: readonly string[];
}

function queryOf(search: string): (name: string) => string | null {
  const params = new URLSearchParams(search);
  return (name) => params.get(name);
}

/**
 * The landing page's plan, from its path and query alone (the paths of app.routes.ts). Every page
 * first asks who is signed in; the ranking asks for its ranking, the unit page for its score and
 * trend — the same selection functions the pages use, so the URLs are the ones they will request.
 * Nothing here decides access: the API answers these requests as it answers the page's own, and the
 * answers are handed over only to the requests the page makes once its guard has let it in.
 */
export function landingPlan(pathname: string, search: string): LandingPlan {
  const query = queryOf(search);
  const segments = pathname.split('/').filter((s) => s !== '');
  const auth = apiUrls.auth.me;
  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'xep-hang')) {
    const selection = rankingSelectionOf({ ky: query('ky'), cap: query('cap'), thuoc: query('thuoc') });
    return { chunk: null, requests: [auth, apiUrls.ranking(selection.period, { level: selection.level, parent: selection.parent })] };
  }
  if (segments[0] === 'don-vi' && segments.length === 2) {
    const code = safeDecode(segments[1] ?? '');
    if (code === null) return { chunk: null, requests: [auth] };
    const selection = unitSelectionOf(code, { ky: query('ky'), asOf: query('asOf') });
    const trend = trendWindowOf(selection);
    return {
      chunk: 'unit',
      requests: [
        auth,
        apiUrls.unitScore(selection.code, selection.period, selection.asOf),
        apiUrls.unitTrend(selection.code, trend.to, trend.months),
      ],
    };
  }
  if (segments[0] === 'don-vi' && segments.length === 4 && segments[2] === 'tieu-chi') return { chunk: 'explain', requests: [auth] };
  return { chunk: null, requests: [auth] };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
