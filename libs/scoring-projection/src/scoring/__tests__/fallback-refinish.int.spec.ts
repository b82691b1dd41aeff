import { type DomainEvent, streamIdOf } from '@idx/domain';
import { type Checkpoint, START } from '@idx/event-store';
import { dossierEvents, unitRegistered } from '@idx/testing';
import { projectorBed } from './projector-bed';

const NOW = Date.parse('2025-03-20T12:00:00+07:00');

/**
 * Criterion 4's fallback is folded into the stored finished score, so a late dossier of last year
 * must re-finish this year's months. By hand: with 12 dossiers received in 2024 the monthly average
 * is 12 / 12 = 1, so an empty month of 2025 gets fallback denominator 1; with 24, it gets 2.
 */
describe('criterion 4 fallback re-finishes next year when last year moves (real PostgreSQL)', () => {
  const bed = projectorBed('fallback', NOW);
  let checkpoint: Checkpoint = START;

  const append = async (events: readonly DomainEvent[]) => {
    await bed.store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
    const head = BigInt((await bed.db.pool.query<{ p: string }>('SELECT max(global_position)::text AS p FROM events')).rows[0].p);
    for (let seen = checkpoint.position; seen < head;) {
      const batch = await bed.store.readAll(checkpoint, 500);
      if (batch.events.length === 0) {
        await new Promise((r) => setTimeout(r, 10)); // another suite's open transaction can hold the head back
        continue;
      }
      seen = batch.events.reduce((max, e) => (e.globalPosition > max ? e.globalPosition : max), seen);
      await bed.projector.handle(batch);
      checkpoint = batch.checkpoint;
    }
    await bed.projector.flushPending();
  };
  const monthly = (code: string, day: string) =>
    Array.from({ length: 12 }, (_, i) => dossierEvents('HY-A', `${code}${i}`).received(`2024-${String(i + 1).padStart(2, '0')}-${day}T08:00:00`, `2024-${String(i + 1).padStart(2, '0')}-28T17:00:00`));
  const fallbackOf = async (period: string) =>
    ((await bed.prisma.finishedScore.findUnique({ where: { unitCode_period: { unitCode: 'HY-A', period } } }))?.figures as Record<string, { fallbackDenominator?: number }>)['4']?.fallbackDenominator;

  it('stores the fallback, and moves it when a dossier of last year arrives late', async () => {
    await append([unitRegistered('HY-A', 'Sở A', 'department', undefined, '2024-01-01T00:00:00'), ...monthly('D', '05')]);
    expect(await fallbackOf('2025-02')).toBe(1);
    expect(await fallbackOf('2025-Q1')).toBe(3);
    await append(monthly('L', '06')); // twelve more dossiers of 2024, recorded now
    expect(await fallbackOf('2025-02')).toBe(2);
    expect(await fallbackOf('2025-Q1')).toBe(6);
  });
});
