/**
 * The lazy chunks of the pages a reader lands on, one loader each: the router's `loadChildren` and
 * the landing load (landing-load.ts) call the same function, so the import started before the app
 * boots is the very one the router later awaits (a module is fetched and evaluated once). The
 * ranking, the console's home, is not lazy at all (app.routes.ts).
 */
export const routeChunks = {
  unit: () => import('../features/unit/unit.routes'),
  explain: () => import('../features/explain/explain.routes'),
} as const;

export type RouteChunk = keyof typeof routeChunks;
