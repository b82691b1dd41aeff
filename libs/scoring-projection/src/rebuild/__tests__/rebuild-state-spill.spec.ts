import type { DomainEvent } from '@idx/domain';
import { dossierEvents, poisonedAnnouncement, unitRegistered } from '@idx/testing';
import { RebuildState, type SpilledSubject } from '../rebuild-state';

const NOW = Date.parse('2025-05-10T12:00:00+07:00');

/** The spill table as a map (what ProjectionRebuild keeps in subject_facts_next): one row per subject. */
function table() {
  const rows = new Map<string, SpilledSubject>();
  return {
    rows,
    write: (records: readonly { kind: string; key: string; facts: unknown; lastPosition: bigint }[]) => {
      for (const r of records) {
        const id = `${r.kind} ${r.key}`;
        if (rows.has(id)) throw new Error(`${id} written twice`);
        // Through JSON, as through the jsonb column.
        rows.set(id, { kind: r.kind, key: r.key, facts: JSON.parse(JSON.stringify(r.facts)), lastPosition: r.lastPosition });
      }
    },
    takeBack: (keys: readonly { kind: string; key: string }[]) => keys.flatMap((k) => {
      const row = rows.get(`${k.kind} ${k.key}`);
      rows.delete(`${k.kind} ${k.key}`);
      return row ? [row] : [];
    }),
  };
}

/** The spilled subjects among these events' targets (what a page's fold asks before applying them). */
const spilledAmong = (state: RebuildState, events: readonly DomainEvent[]) => state.spilledAmong(events.map((e) => state.targetOf(e)));

describe('RebuildState spilling (bookkeeping, no database)', () => {
  it('spills the least recently folded dossiers beyond the bound, never the catalogue, and asks back only spilled, unparked ones', () => {
    const state = new RebuildState(undefined, new Set(), NOW, { resident: 2 });
    let position = 0n;
    const apply = (e: Parameters<RebuildState['apply']>[0]) => state.apply(e, ++position);
    apply(unitRegistered('HY-A', 'Sở A', 'department', 'HY', '2025-01-01T00:00:00'));
    for (const code of ['D1', 'D2', 'D3']) apply(dossierEvents('HY-A', code).received('2025-03-03T08:00:00', '2025-03-06T17:00:00'));
    expect(spilledAmong(state, [dossierEvents('HY-A', 'D9').processed('2025-03-04T08:00:00')])).toEqual([]); // nothing spilled yet: no question asked
    apply(dossierEvents('HY-A', 'D1').processed('2025-03-04T08:00:00')); // D1 folded again: D2 is now the least recent
    expect(state.spill().map((s) => s.key)).toEqual(['HY-A/D2']);
    expect(state.spill()).toEqual([]);
    expect(state.spilled).toBe(1);
    apply(poisonedAnnouncement('HY-A', 'P-BAD'));
    const asked = spilledAmong(state, [
      dossierEvents('HY-A', 'D1').returned('2025-03-05T08:00:00'), // in memory
      dossierEvents('HY-A', 'D2').processed('2025-03-05T08:00:00'), // spilled
      dossierEvents('HY-A', 'D2').returned('2025-03-06T08:00:00'), // asked once
      dossierEvents('HY-A', 'D7').received('2025-03-05T08:00:00', '2025-03-09T17:00:00'), // never spilled (the filter says so)
      unitRegistered('HY-B', 'Sở B', 'department', 'HY'), // catalogue: never spilled
      poisonedAnnouncement('HY-A', 'P-BAD'), // parked (and a procedure)
    ]);
    expect(asked).toEqual([{ kind: 'dossier', key: 'HY-A/D2' }]);
    expect(state.subjectCount).toBe(4);
    expect(state.subjectRecords().map((s) => s.key).sort()).toEqual(['HY-A', 'HY-A/D1', 'HY-A/D3']);
  });

  it('ends with the scores, tallies and subjects of a state that held everything, however often subjects left and came back', () => {
    const events = [
      unitRegistered('HY-A', 'Sở A', 'department', 'HY', '2025-01-01T00:00:00'),
      ...[1, 2, 3, 4, 5, 6].map((i) => dossierEvents(i % 2 ? 'HY-A' : 'HY-B', `D${i}`).received(`2025-03-0${i}T08:00:00`, `2025-03-0${i + 2}T17:00:00`, i % 3 ? 'online' : 'in-person')),
      ...[1, 2, 3, 4, 5, 6].map((i) => dossierEvents(i % 2 ? 'HY-A' : 'HY-B', `D${i}`).processed(`2025-03-${i % 2 ? '0' + (i + 1) : 20}T08:00:00`)),
      // D3 corrected into April, D4 moved to HY-A's neighbour's month: windows that leave periods.
      dossierEvents('HY-A', 'D3').received('2025-04-02T08:00:00', '2025-04-12T17:00:00'),
      dossierEvents('HY-B', 'D4').received('2025-02-10T08:00:00', '2025-02-12T17:00:00'),
    ];
    const whole = new RebuildState(undefined, new Set(), NOW);
    events.forEach((e, i) => whole.apply(e, BigInt(i + 1)));
    const all = whole.finish();

    const spilling = new RebuildState(undefined, new Set(), NOW, { resident: 1 });
    const t = table();
    // One event a page: the bound is enforced after each, so every later event of a dossier reads it back.
    events.forEach((e, i) => {
      spilling.reload(t.takeBack(spilledAmong(spilling, [e])));
      spilling.apply(e, BigInt(i + 1));
      t.write(spilling.spill());
    });
    expect(spilling.reloaded).toBe(8);
    t.write(spilling.finish());
    const sortById = <T extends { kind: string; key: string }>(xs: readonly T[]) => [...xs].sort((a, b) => `${a.kind} ${a.key}`.localeCompare(`${b.kind} ${b.key}`));
    expect(sortById([...t.rows.values()]).map((r) => [r.kind, r.key, r.lastPosition])).toEqual(sortById(all).map((r) => [r.kind, r.key, r.lastPosition]));
    const scoresOf = (s: RebuildState) => [...s.scores()].map((r) => [r.unitCode, r.period.key, r.figures, r.total]).sort((a, b) => String(a).localeCompare(String(b)));
    const expected = scoresOf(whole);
    expect(expected.length).toBeGreaterThan(0);
    expect(scoresOf(spilling)).toEqual(expected);
    // Compared as values (stored as jsonb, the counters' order plays no part).
    const talliesOf = (s: RebuildState) => [...s.tallyRows].sort((a, b) => `${a.unitCode} ${a.period}`.localeCompare(`${b.unitCode} ${b.period}`));
    expect(talliesOf(spilling)).toEqual(talliesOf(whole));
    // HY-A's March by hand: D1 and D5 received and processed the next day (on time), D3 moved to April.
    const march = spilling.tallyRows.find((r) => r.unitCode === 'HY-A' && r.period === '2025-03');
    expect(march?.subjects).toBe(2);
    expect(march?.tallies.dossiers['=P-1']).toMatchObject({ received: 2, c5d: 2, c5n: 2, online: 2, completed: 2 });
  });
});
