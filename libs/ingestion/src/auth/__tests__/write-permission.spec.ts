import type { DomainEvent, UnitEvent } from '@idx/domain';
import { dossierEvents, unitRegistered } from '@idx/testing';
import { BatchUnitView } from '../unit-directory';
import { writeRefusal } from '../write-permission';
import type { Writer } from '../writer';

const event = (type: string, unitCode: string, occurredAt: string, data: object): UnitEvent =>
  ({ ...unitRegistered(unitCode, 'x', 'commune', undefined, occurredAt), type, data } as UnitEvent);

/** HY with a department and a district with a commune; TTH beside it; HY-OLD merged into HY-STP on 2025-03-01; HY ends 2025-07-01. */
function tree(): BatchUnitView {
  const view = new BatchUnitView({ get: () => undefined });
  for (const e of [
    unitRegistered('HY', 'Hưng Yên', 'province'),
    unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
    unitRegistered('HY-OLD', 'Sở cũ', 'department', 'HY'),
    unitRegistered('HY-VL', 'Văn Lâm', 'district', 'HY'),
    unitRegistered('HY-VL-LD', 'Lạc Đạo', 'commune', 'HY-VL'),
    unitRegistered('TTH', 'Thừa Thiên Huế', 'province'),
    unitRegistered('TTH-STP', 'Sở Tư pháp', 'department', 'TTH'),
    event('unit.merged', 'HY-OLD', '2025-03-01T00:00:00', { successorCode: 'HY-STP', effectiveFrom: '2025-03-01' }),
    event('unit.dissolved', 'HY', '2025-07-01T00:00:00', { effectiveFrom: '2025-07-01' }),
  ] as UnitEvent[]) view.apply(e);
  return view;
}

const writer = (units: string[], manageUnits = false): Writer => ({ credentialId: 'wtest', sourceSystem: 'test-one-stop', units, manageUnits });
const received = (unit: string, at = '2025-04-01T08:00:00') => dossierEvents(unit, 'D1').received(at, '2025-04-08T17:00:00');

describe('writeRefusal: what a credential may write', () => {
  const units = tree();

  it('lets a writer write for its units and every unit below them, at the event time', () => {
    for (const code of ['HY', 'HY-STP', 'HY-VL', 'HY-VL-LD']) expect(writeRefusal(received(code), writer(['HY']), units)).toBeUndefined();
    expect(writeRefusal(received('HY-VL-LD'), writer(['HY-VL']), units)).toBeUndefined();
    expect(writeRefusal(received('TTH-STP'), writer(['*']), units)).toBeUndefined();
  });

  it('refuses a unit outside its subtrees, naming the credential and its units', () => {
    expect(writeRefusal(received('TTH-STP'), writer(['HY']), units)).toBe(
      'unit "TTH-STP" is outside the units of credential wtest (HY): events for it must come from the one-stop system that serves it',
    );
    expect(writeRefusal(received('HY-STP'), writer(['HY-VL']), units)).toContain('outside the units');
    // HY-STP outlives HY in this tree: after HY ended, HY-STP is no longer below it.
    expect(writeRefusal(received('HY-STP', '2025-08-01T08:00:00'), writer(['HY']), units)).toContain('outside the units');
  });

  it('refuses an import of the portal\'s evaluation figures from any one-stop system, even one for every unit', () => {
    const imported = {
      eventId: '6f1c2a40-8d3e-4b7a-9c21-000000000040', type: 'portal.evaluation-imported', schemaVersion: 1, occurredAt: '2025-04-01T08:00:00+07:00',
      sourceSystem: 'test-one-stop', unitCode: 'HY', data: { period: '2025-03', sourceBase64: 'e30=', sourceSha256: '0'.repeat(64), importedBy: 'x' },
    } as DomainEvent;
    expect(writeRefusal(imported, writer(['*'], true), units)).toContain('is recorded by the reporting service when an official imports');
  });

  it('refuses an event carrying another source system than the credential', () => {
    const other = { ...received('HY-STP'), sourceSystem: 'mot-cua-khac' } as DomainEvent;
    expect(writeRefusal(other, writer(['HY']), units)).toContain('sourceSystem "mot-cua-khac" is not "test-one-stop", the source system of credential wtest');
  });

  it('refuses units that are not registered, prototype names included', () => {
    for (const code of ['NOPE', 'toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(writeRefusal(received(code), writer(['*'], true), units)).toBe(
        `unit "${code}" is not a registered unit: check the code, or have the unit registry send unit.registered for it first`,
      );
    }
  });

  it('refuses an event for a unit that did not exist at occurredAt, saying when it did and its successor', () => {
    expect(writeRefusal(received('HY-OLD', '2025-02-27T08:00:00'), writer(['HY']), units)).toBeUndefined();
    expect(writeRefusal(received('HY-OLD', '2025-03-02T08:00:00'), writer(['HY']), units)).toMatch(
      /^unit "HY-OLD" did not exist at 2025-03-02T01:00:00.000Z: it is valid from .* until 2025-02-28T17:00:00.000Z \(then merged into "HY-STP"\)/,
    );
    expect(writeRefusal(received('HY-STP', '2023-06-01T08:00:00'), writer(['HY']), units)).toContain('did not exist');
  });

  it('lets only a credential with the manage-units right change units, and only inside its subtrees', () => {
    const commune = unitRegistered('HY-VL-NEW', 'Xã mới', 'commune', 'HY-VL', '2025-01-01T00:00:00');
    expect(writeRefusal(commune, writer(['HY']), units)).toContain('unit.registered changes the unit tree, which credential wtest may not do');
    expect(writeRefusal(commune, writer(['HY'], true), units)).toBeUndefined();
    expect(writeRefusal(commune, writer(['TTH'], true), units)).toContain('parent unit "HY-VL" is outside the units of credential wtest');
    expect(writeRefusal(unitRegistered('X', 'X', 'commune', 'toString'), writer(['HY'], true), units)).toContain('parent unit "toString" is not a registered unit');
    expect(writeRefusal(unitRegistered('HN', 'Hà Nội', 'province'), writer(['HY'], true), units)).toContain('only the national unit registry');
    expect(writeRefusal(unitRegistered('HN', 'Hà Nội', 'province'), writer(['*'], true), units)).toBeUndefined();

    const dissolveTTH = event('unit.dissolved', 'TTH', '2025-07-01T00:00:00', { effectiveFrom: '2025-07-01' });
    expect(writeRefusal(dissolveTTH, writer(['HY']), units)).toContain('may not do');
    expect(writeRefusal(dissolveTTH, writer(['HY'], true), units)).toContain('unit "TTH" is outside the units');
    expect(writeRefusal(dissolveTTH, writer(['TTH'], true), units)).toBeUndefined();
    expect(writeRefusal(event('unit.renamed', 'toString', '2025-01-01T00:00:00', { name: 'x' }), writer(['*'], true), units)).toContain('not a registered unit');
  });

  it('recognises a re-sent merge after it took effect (checked at the unit\'s last valid instant)', () => {
    const merged = event('unit.merged', 'HY-OLD', '2025-03-01T00:00:00', { successorCode: 'HY-STP', effectiveFrom: '2025-03-01' });
    expect(writeRefusal(merged, writer(['HY'], true), units)).toBeUndefined();
  });

  it('cuts a long echoed value short in the reason', () => {
    const reason = writeRefusal({ ...received('HY-STP'), sourceSystem: 'x'.repeat(5000) } as DomainEvent, writer(['HY']), units) as string;
    expect(reason.length).toBeLessThan(300);
  });
});
