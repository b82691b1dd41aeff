import { startEarlyRequests } from './early-answers';
import { landingPlan } from './landing-requests';
import { routeChunks } from './route-chunks';

/**
 * A cold load used to be a chain: scripts → boot → /auth/me → the page's chunk → its API reads →
 * paint. Called first thing in main.ts, this starts the page's chunk and its first reads at once,
 * so they travel while the app boots; the router and the page then find them done or on the way.
 */
export function startLandingLoad(location: Pick<Location, 'pathname' | 'search'>): void {
  const plan = landingPlan(location.pathname, location.search);
  startEarlyRequests(plan.requests);
  // The router's loadChildren awaits the same import; a failure here is the router's to report.
  if (plan.chunk) routeChunks[plan.chunk]().catch(() => undefined);
}
