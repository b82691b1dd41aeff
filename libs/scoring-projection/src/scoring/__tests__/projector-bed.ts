import { PostgresEventStore } from '@idx/event-store';
import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { createReadModelClient, migrateDatabase, type ReadModelClient } from '@idx/read-models';
import { ScoringProjector } from '../scoring-projector';

/** What a projector suite works on; filled before its tests run. */
export interface ProjectorBed {
  db: TestDatabase;
  prisma: ReadModelClient;
  store: PostgresEventStore;
  projector: ScoringProjector;
}

/**
 * A suite's own migrated database (on the run's real PostgreSQL), a read-model client, the store and
 * a projector whose clock stands at `now`, made before the suite's tests (after `prepare`, given the
 * migrated database) and dropped after them.
 */
export function projectorBed(name: string, now: number, prepare?: (db: TestDatabase) => Promise<void>): ProjectorBed {
  const bed = {} as ProjectorBed;
  beforeAll(async () => {
    bed.db = await createTestDatabase(name);
    await migrateDatabase(bed.db.pool);
    await prepare?.(bed.db);
    bed.prisma = createReadModelClient(bed.db.url, 2);
    bed.store = new PostgresEventStore(bed.db.pool);
    bed.projector = new ScoringProjector(bed.prisma, { clock: () => now });
  });
  afterAll(async () => {
    await bed.prisma?.$disconnect();
    await bed.db?.drop();
  });
  return bed;
}
