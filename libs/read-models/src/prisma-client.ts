import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type ReadModelClient = InstanceType<typeof PrismaClient>;

export function createReadModelClient(databaseUrl: string, maxConnections = 10): ReadModelClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) });
}
