import { watchPool } from '@idx/event-store';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type ReadModelClient = InstanceType<typeof PrismaClient>;

const pools = new WeakMap<ReadModelClient, Pool>();

/**
 * The pg pool under a client made by createReadModelClient: hot paths that run many small raw
 * statements in one transaction (the scoring projector) use it directly, without Prisma's per-statement cost.
 */
export const poolOfReadModels = (client: ReadModelClient): Pool | undefined => pools.get(client);

/** Prisma over a pool of our own, watched: a dropped connection is logged, never a crash (watchPool). */
export function createReadModelClient(databaseUrl: string, maxConnections = 10): ReadModelClient {
  const pool = watchPool(new Pool({ connectionString: databaseUrl, max: maxConnections }));
  // The adapter is typed against its own copy of pg's types; the pool is the same pg Pool.
  const adapter = new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0], { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}
