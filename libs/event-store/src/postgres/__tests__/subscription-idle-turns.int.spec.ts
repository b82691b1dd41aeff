import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { applySqlMigrations } from '../migrations';
import { eventStoreMigrationsDir } from '../../workspace-root';
import { PostgresEventStore } from '../postgres-event-store';
import { PostgresEventSubscription } from '../event-subscription';
import { START } from '../../port';

describe('event subscription: idle turns (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('idle');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
  });
  afterAll(() => db.drop());

  it('gives an idle handler that answers true another turn at once, and waits for an append once it answers nothing', async () => {
    const store = new PostgresEventStore(db.pool);
    // An hour's idle wait: only the "again" answer can bring the second and third turns within the test's time.
    const subscription = new PostgresEventSubscription(db.pool, store, { batchSize: 10, idleWaitMs: 3_600_000 });
    const turns: number[] = [];
    let reachedThird: () => void = () => undefined;
    const third = new Promise<void>((resolve) => { reachedThird = resolve; });
    const started = Date.now();
    const running = subscription.run(START, async () => undefined, async () => {
      turns.push(Date.now() - started);
      if (turns.length === 3) reachedThird();
      return turns.length < 3;
    });
    await third;
    // The third turn answered nothing: the subscription now sleeps on LISTEN; no fourth turn comes by itself.
    await new Promise((r) => setTimeout(r, 300));
    expect(turns).toHaveLength(3);
    expect(turns[2]).toBeLessThan(10_000);
    subscription.stop();
    await running;
  });
});
