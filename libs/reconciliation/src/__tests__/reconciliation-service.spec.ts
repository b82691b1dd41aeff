import type { ExplainDto, UnitScoreDto } from '@idx/contracts';
import type { DomainEvent, UnitTree } from '@idx/domain';
import type { AppendOutcome, DeadLetter, StoredEvent } from '@idx/event-store';
import { importRefusal } from '../imports/import-policy';
import { type ReconciliationPorts, ReconciliationService } from '../reconciliation-service';

const unit = (code: string, parentCode?: string) => ({ kind: 'unit', unitCode: code, firstSeenAt: 0, names: [{ at: 0, value: code }], ...(parentCode ? { parentCode } : {}) });
const TREE = { P: unit('P'), A: unit('A', 'P'), Q: unit('Q'), B: unit('B', 'Q') } as unknown as UnitTree;

/** In-memory ports: a stream store with the real duplicate rule (same id = one event), kept letters. */
function ports(): ReconciliationPorts & { letters: DeadLetter[]; events: DomainEvent[] } {
  const events: DomainEvent[] = [];
  const letters: DeadLetter[] = [];
  return {
    events, letters,
    store: {
      async appendToStream(_stream, batch): Promise<AppendOutcome[]> {
        return batch.map((e) => {
          if (events.some((x) => x.eventId === e.eventId)) return { status: 'duplicate' } as const;
          events.push(e);
          return { status: 'accepted', globalPosition: BigInt(events.length), streamVersion: events.length } as const;
        });
      },
      async readStream(stream): Promise<StoredEvent[]> {
        return events.filter((e) => `portal-evaluation-${e.unitCode}` === stream).map((event) => ({ event }) as unknown as StoredEvent);
      },
    },
    deadLetters: { keep: async (l) => void letters.push(...l) },
    units: { tree: async () => TREE, resolve: async (code) => ({ ok: false, reason: `unknown ${code}` }) },
    scores: { unitScore: async (): Promise<UnitScoreDto | undefined> => undefined },
    explain: { explain: async (): Promise<ExplainDto | undefined> => undefined },
    syncs: { synced: async () => new Set() },
    clock: () => Date.parse('2025-04-10T00:00:00Z'),
  };
}

const FILE = Buffer.from(JSON.stringify({ period: '2025-03', groups: [{ group: 'TDGQ', items: [{ departmentCode: 'A', totalReceived: 2, totalOnTime: 2 }, { departmentCode: 'B', totalReceived: 1, totalOnTime: 0 }] }] }));
const province = { username: 'vp-p', role: 'province' as const, unitCode: 'P' };

describe('the reconciliation service', () => {
  it('lets national, auditor and a province (its own area) import; refuses unit and admin accounts', () => {
    expect(importRefusal({ username: 'n', role: 'national', unitCode: null }, 'A', TREE)).toBeUndefined();
    expect(importRefusal({ username: 'a', role: 'auditor', unitCode: null }, 'Q', TREE)).toBeUndefined();
    expect(importRefusal(province, 'A', TREE)).toBeUndefined();
    expect(importRefusal(province, 'Q', TREE)).toBe('unit Q is outside your area: your account may import figures for unit P and the units below it');
    expect(importRefusal({ username: 'u', role: 'unit', unitCode: 'A' }, 'A', TREE)).toContain('role unit may not import');
    expect(importRefusal({ username: 'ad', role: 'admin', unitCode: null }, 'A', TREE)).toContain('role admin may not import');
  });

  it('stores one event per area, period and file, and answers the same bytes again as unchanged', async () => {
    const p = ports();
    const service = new ReconciliationService(p);
    const first = await service.importFile({ principal: province, unitCode: 'P', bytes: FILE });
    const again = await service.importFile({ principal: { username: 'other', role: 'national', unitCode: null }, unitCode: 'P', bytes: FILE, period: '2025-03' });
    expect(first).toMatchObject({ ok: true, value: { status: 'imported', import: { period: '2025-03', importedBy: 'vp-p' } } });
    expect(again).toMatchObject({ ok: true, value: { status: 'unchanged', import: { importedBy: 'vp-p' } } });
    expect(p.events).toHaveLength(1);
    expect(Buffer.from((p.events[0].data as { sourceBase64: string }).sourceBase64, 'base64').equals(FILE)).toBe(true);
  });

  it('keeps a refused file as a dead letter with its reasons, and refuses a period not begun', async () => {
    const p = ports();
    const service = new ReconciliationService(p);
    const bad = await service.importFile({ principal: province, unitCode: 'P', bytes: Buffer.from('{"groups": 7}') });
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(p.letters).toEqual([{ source: 'reconciliation:vp-p', reason: 'area P: groups: must be a list (of groups, or of units), found 7', raw: Buffer.from('{"groups": 7}') }]);
    const other = await service.importFile({ principal: province, unitCode: 'P', bytes: FILE, period: '2025-02' });
    expect(other).toMatchObject({ ok: false, status: 400, reason: expect.stringContaining('the request names 2025-02 but the file is for 2025-03') });
    const noPeriod = Buffer.from(JSON.stringify([{ group: 'TDGQ', items: [{ departmentCode: 'A', totalReceived: 1, totalOnTime: 1 }] }]));
    const future = await service.importFile({ principal: province, unitCode: 'P', bytes: noPeriod, period: '2025-05' });
    expect(future).toMatchObject({ ok: false, status: 400, reason: 'period: 2025-05 has not begun; the portal publishes figures for past or current periods' });
    expect(p.letters).toHaveLength(3);
    expect(p.events).toHaveLength(0);
  });

  it('marks a unit outside the area and refuses to drill into it', async () => {
    const p = ports();
    const service = new ReconciliationService(p);
    const imported = await service.importFile({ principal: province, unitCode: 'P', bytes: FILE });
    if (!imported.ok) throw new Error(imported.reason);
    const r = await service.reconcile('P', imported.value.import.importId, 'now');
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.units.map((u) => [u.departmentCode, u.status])).toEqual([['A', 'no-score'], ['B', 'outside-area']]);
    const drill = await service.drillDown('P', imported.value.import.importId, 'B', 5);
    expect(drill).toMatchObject({ ok: false, status: 404 });
    expect(await service.fetchAndImport({ principal: province, unitCode: 'P', period: '2025-03', portalProvinceId: '1' })).toMatchObject({ ok: false, status: 409, reason: expect.stringContaining('fetching from the portal is off') });
  });
});
