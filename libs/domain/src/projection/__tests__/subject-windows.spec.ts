import { dossier, given, instant, petition, procedure, unit } from '../../__fixtures__/scenario';
import type { DomainEvent } from '../../events';
import { dossierProjection } from '../dossier-projection';
import { petitionProjection } from '../petition-projection';
import { procedureProjection } from '../procedure-projection';
import { projectionFor, SUBJECT_PROJECTIONS } from '../registry';
import { unitProjection } from '../unit-projection';

const due = '2025-03-31T17:00';

describe('subject projections', () => {
  it('route every event to exactly one projection, keyed by unit and subject code', () => {
    const events: DomainEvent[] = [
      dossier('D', 'U1').received('2025-03-03T08:00', due), dossier('D', 'U1').petitioned('2025-03-04T08:00', 'Q'),
      procedure('P', 'U1').fee('2025-03-03T08:00'), petition('Q', 'U1').received('2025-03-03T08:00'),
      unit('U1').competent('2025-03-03T08:00'), unit('U1').copies('2025-03-03T08:00'),
    ];
    const routed = events.map((e) => {
      const handlers = SUBJECT_PROJECTIONS.filter((p) => p.handles(e));
      expect(handlers).toHaveLength(1);
      return `${handlers[0].kind}:${handlers[0].keyOf(e)}`;
    });
    expect(routed).toEqual(['dossier:U1/D', 'dossier:U1/D', 'procedure:U1/P', 'petition:U1/Q', 'unit:U1', 'unit:U1']);
  });

  it('keep a dossier open while pending, and reach to the latest instant a criterion selects it by', () => {
    const pending = given(dossier('D').received('2025-03-03T08:00', due)).dossiers[0];
    expect(dossierProjection.windowOf(pending)).toEqual({ from: instant('2025-03-03T08:00') });
    // Paid online in May for a dossier processed in March: criterion 9 of May must still see it.
    const paidLater = given(
      dossier('D').received('2025-03-03T08:00', due), dossier('D').processed('2025-03-10T08:00'), dossier('D').paid('2025-05-02T08:00', 'local-gateway'),
    ).dossiers[0];
    expect(dossierProjection.windowOf(paidLater)).toEqual({ from: instant('2025-03-03T08:00'), to: instant('2025-05-02T08:00') });
    expect(dossierProjection.windowOf(given(dossier('X').submitted('2025-03-03T08:00')).dossiers[0])).toBeUndefined();
  });

  it('keep a procedure from its first known instant (its QĐCB date included) until it is abolished', () => {
    const p = given(procedure('P').online('2025-03-05T08:00', 'full'), procedure('P').announced('2025-03-06T08:00', 'QD', '2025-02-20', '2025-03-10')).procedures[0];
    expect(procedureProjection.windowOf(p)).toEqual({ from: instant('2025-02-20') });
    const gone = given(procedure('P').online('2025-03-05T08:00', 'full'), procedure('P').abolished('2025-06-01T00:00')).procedures[0];
    expect(procedureProjection.windowOf(gone)).toEqual({ from: instant('2025-03-05T08:00'), to: instant('2025-06-01T00:00') });
  });

  it('say which span a catalogue change can move, narrower than the window', () => {
    const before = given(procedure('P').online('2023-01-05T08:00', 'partial')).procedures[0];
    const event = procedure('P').online('2025-03-05T08:00', 'full');
    const after = procedureProjection.evolve(before, event);
    expect(procedureProjection.touchedBy?.(before, after, event)).toEqual({ from: instant('2025-03-05T08:00') });
  });

  it('keep a petition open while a round is open; a unit from registration until it ends, once it can count for criterion 15', () => {
    const open = given(petition('Q').received('2025-03-03T08:00'), petition('Q').answered('2025-03-05T08:00'), petition('Q').reopened('2025-03-06T08:00')).petitions[0];
    expect(petitionProjection.windowOf(open)).toEqual({ from: instant('2025-03-03T08:00') });
    const closed = given(petition('Q').received('2025-03-03T08:00'), petition('Q').answered('2025-03-05T08:00')).petitions[0];
    expect(petitionProjection.windowOf(closed)).toEqual({ from: instant('2025-03-03T08:00'), to: instant('2025-03-05T08:00') });
    const u = given(
      unit('U').registered('2021-12-20T00:00', 'UBND xã U', 'commune', 'D', '2022-01-01'), unit('U').competent('2021-12-20T00:00', true, '2022-01-01'),
      unit('U').merged('2025-06-01T00:00', 'V', '2025-07-01'),
    ).units[0];
    expect(unitProjection.windowOf(u)).toEqual({ from: instant('2022-01-01'), to: instant('2025-07-01') });
    // Never competent and no copies: no figure can read it, so it is in no period and touches none.
    const plain = given(unit('P').registered('2021-12-20T00:00', 'UBND xã P', 'commune', 'D', '2022-01-01'), unit('P').renamed('2023-01-01T00:00', 'UBND phường P')).units[0];
    expect(unitProjection.windowOf(plain)).toBeUndefined();
    const copying = given(unit('P').registered('2021-12-20T00:00', 'UBND xã P', 'commune', 'D', '2022-01-01'), unit('P').copies('2025-03-03T08:00')).units[0];
    expect(unitProjection.windowOf(copying)).toEqual({ from: instant('2022-01-01') });
    expect(projectionFor(unit('U').copies('2025-03-03T08:00'))?.kind).toBe('unit');
  });
});

describe('dossier fold details', () => {
  it('lets reception, not submission, decide channel and procedure, in any order', () => {
    const a = given(dossier('D').submitted('2025-03-02T20:00', 'P9', 'online'), dossier('D').received('2025-03-03T08:00', due, { procedure: 'P1', channel: 'postal' })).dossiers[0];
    const b = given(dossier('D').received('2025-03-03T08:00', due, { procedure: 'P1', channel: 'postal' }), dossier('D').submitted('2025-03-02T20:00', 'P9', 'online')).dossiers[0];
    expect([a.channel, a.procedureCode]).toEqual(['postal', 'P1']);
    expect([b.channel, b.procedureCode, b.submittedAt]).toEqual(['postal', 'P1', instant('2025-03-02T20:00')]);
  });

  it('keeps the latest rating, the earliest flags and each petition link once', () => {
    const d = given(
      dossier('D').received('2025-03-03T08:00', due),
      dossier('D').rated('2025-03-06T08:00', 'unsatisfied'), dossier('D').rated('2025-03-07T08:00', 'satisfied'),
      dossier('D').synced('2025-03-05T08:00'), dossier('D').synced('2025-03-04T08:00'),
      dossier('D').petitioned('2025-03-08T08:00', 'Q1'), dossier('D').petitioned('2025-03-09T08:00', 'Q1'),
    ).dossiers[0];
    expect(d.rating).toEqual({ level: 'satisfied', at: instant('2025-03-07T08:00') });
    expect(d.syncedAt).toBe(instant('2025-03-04T08:00'));
    expect(d.petitionCodes).toEqual(['Q1']);
  });
});
