import { resolveDossierUnit, TableUnitCodeResolver, unitCodeCandidates, unitPrefixOfDossierCode } from '../unit-code-resolver';
import { readPortalTime, toPortalTime } from '../portal-time';
import { readSyncRequest } from '../sync-request';

describe('naming units by national code', () => {
  const table = new TableUnitCodeResolver({ 'H15.50.05.13': 'LC-XA-A', '000.00.12.H31': 'HY-STP' });

  it('takes the prefix of MaHoSo, a code in DonViXuLy, MaDonVi and the body madonvi, most specific first', async () => {
    expect(unitPrefixOfDossierCode('H15.50.05.13-261008-0975')).toBe('H15.50.05.13');
    expect(unitPrefixOfDossierCode('HS-2025-1')).toBeUndefined();
    const candidates = unitCodeCandidates({ handlingUnit: 'Sở Tư pháp tỉnh Hưng Yên', dossierCode: 'H15.50.05.13-261008-0975', bodyUnitCode: '000.00.12.H31' });
    expect(candidates).toEqual(['H15.50.05.13', '000.00.12.H31']);
    expect(await resolveDossierUnit(table, candidates)).toEqual({ ok: true, unitCode: 'LC-XA-A', nationalCode: 'H15.50.05.13' });
    expect(unitCodeCandidates({ unitCodeField: 'X.1', handlingUnit: '000.00.12.H31', dossierCode: 'H15.50.05.13-1' })).toEqual(['X.1', '000.00.12.H31', 'H15.50.05.13']);
  });

  it('rejects with the codes it tried when none resolves', async () => {
    const r = await resolveDossierUnit(table, ['H99.1']);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('national code "H99.1" names no registered unit') });
  });
});

describe('portal timestamps', () => {
  it('reads yyyyMMddHHmmss as Vietnam time and refuses impossible ones', () => {
    expect(readPortalTime('20250303080000')).toEqual({ ok: true, iso: '2025-03-03T08:00:00+07:00', epochMs: Date.UTC(2025, 2, 3, 1) });
    expect(readPortalTime('20250303240000').ok).toBe(false);
    expect(readPortalTime('2025-03-03').ok).toBe(false);
    expect(toPortalTime(Date.UTC(2025, 2, 3, 1))).toBe('20250303080000');
  });
});

describe('the sync envelope', () => {
  it('accepts .NET "True", a session in the body and madonvi; refuses an unknown service', () => {
    expect(readSyncRequest({ service: 'DongBoHoSoMC', isUpdating: 'True', session: 's1', madonvi: '000.00.12.H31', data: [{}] })).toEqual({
      ok: true, request: { service: 'DongBoHoSoMC', isUpdating: true, session: 's1', unitCode: '000.00.12.H31', items: [{}] },
    });
    expect(readSyncRequest({ type: 'dossier.received' })).toEqual({ ok: false, reason: 'service: must be one of DongBoHoSoMC, CapNhatTienDoHoSoMC, not null; data: is required: the list of dossiers (or processing steps)' });
  });
});
