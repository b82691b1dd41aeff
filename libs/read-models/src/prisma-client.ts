import { watchPool } from '@idx/event-store';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type ReadModelClient = InstanceType<typeof PrismaClient>;

/** Where a client made by createReadModelClient keeps its pool: a property, so a wrapper (a Proxy forwarding reads) finds it too. */
const POOL = Symbol('read-models pool');

/**
 * The pg pool under a client made by createReadModelClient: hot paths that run many small raw
 * statements in one transaction (the scoring projector) or write by COPY (explain's builds) use it
 * directly, without Prisma's per-statement cost.
 */
export const poolOfReadModels = (client: ReadModelClient): Pool | undefined => (client as unknown as { [POOL]?: Pool })[POOL];

/** Prisma over a pool of our own, watched: a dropped connection is logged, never a crash (watchPool). */
export function createReadModelClient(databaseUrl: string, maxConnections = 10): ReadModelClient {
  const pool = watchPool(new Pool({ connectionString: databaseUrl, max: maxConnections }));
  // The adapter is typed against its own copy of pg's types; the pool is the same pg Pool.
  const adapter = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0], { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}
