import { deriveDossierEvents, deriveProgressEvents, KnownDossier, PORTAL_OBLIGATION_ID } from '../derive-dossier-events';
import { readDossierSnapshot } from '../dossier-snapshot';
import { readProgressRecord } from '../progress-record';
import type { DossierSnapshot } from '../dossier-snapshot';

const ctx = { unitCode: 'HY-STP', sourceSystem: 'motcua-hungyen' };

function snap(fields: Record<string, unknown>): DossierSnapshot {
  const read = readDossierSnapshot({ MaHoSo: 'H31.39-250303-0001', MaTTHC: '1.001612', ...fields }, 'data[0]');
  if (!read.ok) throw new Error(read.reason);
  return read.snapshot;
}

const types = (events: readonly { type: string }[]) => events.map((e) => e.type).sort();

describe('deriving dossier events from a DongBoHoSoMC snapshot', () => {
  it('a returned online dossier with a fee paid on the portal, files and an e-result gives each fact once, in Vietnam time', () => {
    const s = snap({
      TrangThaiHoSo: '10', KenhThucHien: '2', NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000',
      NgayKetThucXuLy: '20250305100000', NgayTra: '20250305150000', DuocThanhToanTrucTuyen: '1',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '50000', LoaiPhiLePhi: '2' }, { Gia: 0 }],
      TaiLieuNop: [{ DuongDanTaiTepTin: 'https://x/1.pdf' }, { DuongDanTaiTepTin: 'https://x/2.pdf', IsDeleted: 'True' }, { DuocLayTuKhoDMQG: 1, DuongDanTaiTepTin: 'https://x/3.pdf' }],
      DanhSachGiayToKetQua: [{ MaGiayToKetQua: 'KQ-1', DuongDanTepTinKetQua: 'https://x/kq.pdf' }],
      TaiKhoanDuocXacThucVoiVNeID: 1,
    });
    const events = deriveDossierEvents(s, ctx, new KnownDossier());
    expect(types(events)).toEqual([
      'dossier.citizen-store-linked', 'dossier.components-digitised', 'dossier.e-result-issued', 'dossier.fee-paid', 'dossier.financial-obligation',
      'dossier.population-data-used', 'dossier.processed', 'dossier.received', 'dossier.result-returned', 'dossier.synced',
    ]);
    const byType = new Map(events.map((e) => [e.type, e]));
    expect(byType.get('dossier.received')).toMatchObject({
      occurredAt: '2025-03-03T08:00:00+07:00', unitCode: 'HY-STP', dossierCode: 'H31.39-250303-0001', sourceSystem: 'motcua-hungyen',
      data: { procedureCode: '1.001612', channel: 'online', dueAt: '2025-03-10T17:00:00+07:00' },
    });
    expect(byType.get('dossier.processed')?.occurredAt).toBe('2025-03-05T10:00:00+07:00');
    expect(byType.get('dossier.result-returned')?.occurredAt).toBe('2025-03-05T15:00:00+07:00');
    // 2 files not deleted (the deleted one does not count), 1 from the citizen's store.
    expect(byType.get('dossier.components-digitised')?.data).toEqual({ components: 2 });
    expect(byType.get('dossier.citizen-store-linked')?.data).toEqual({ direction: 'taken-from', components: 1 });
    expect(byType.get('dossier.financial-obligation')?.data).toEqual({
      obligationId: PORTAL_OBLIGATION_ID, lines: [{ kind: 'fee', amount: 50000, description: 'Lệ phí' }, { kind: 'other', amount: 0 }],
    });
    expect(byType.get('dossier.fee-paid')?.data).toEqual({ method: 'national-portal', amount: 50000, obligationId: PORTAL_OBLIGATION_ID });
    expect(byType.get('dossier.e-result-issued')?.data).toEqual({ resultCode: 'KQ-1' });
  });

  it('derives the same ids from the same snapshot, and nothing once the store holds them', () => {
    const s = snap({ TrangThaiHoSo: 9, NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', NgayKetThucXuLy: '20250305100000' });
    const first = deriveDossierEvents(s, ctx, new KnownDossier());
    const again = deriveDossierEvents(s, ctx, new KnownDossier());
    expect(again.map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
    expect(deriveDossierEvents(s, ctx, new KnownDossier(first))).toEqual([]);
  });

  it('never moves a dossier back: an older snapshot after a newer one adds nothing', () => {
    const newer = snap({ TrangThaiHoSo: 10, NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', NgayKetThucXuLy: '20250305100000', NgayTra: '20250306090000' });
    const older = snap({ TrangThaiHoSo: 4, NgayTiepNhan: '20250303080000', NgayHenTra: '20250312170000' });
    const known = new KnownDossier(deriveDossierEvents(newer, ctx, new KnownDossier()));
    expect(deriveDossierEvents(older, ctx, known)).toEqual([]);
    // The other way round, the newer adds only what is new; the first due time stands.
    const fromOlder = deriveDossierEvents(older, ctx, new KnownDossier());
    const added = deriveDossierEvents(newer, ctx, new KnownDossier(fromOlder));
    expect(types(added)).toEqual(['dossier.processed', 'dossier.result-returned']);
  });

  it('turns each supplement round into a request and, once supplied, a supply with the new due time', () => {
    const round1 = { HoSoBoSungId: 'BS-1', NgayBoSung: '20250304090000', NgayTiepNhanBoSung: '20250306100000', NgayHenTraTruoc: '20250310170000', NgayHenTraMoi: '20250313170000' };
    const open = snap({ TrangThaiHoSo: 5, NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', DanhSachHoSoBoSung: [{ HoSoBoSungId: 'BS-1', NgayBoSung: '20250304090000' }] });
    const fromOpen = deriveDossierEvents(open, ctx, new KnownDossier());
    expect(types(fromOpen)).toEqual(['dossier.received', 'dossier.supplement-requested', 'dossier.synced']);
    // The vendor moved NgayHenTra to the new due time; the received event keeps the original (NgayHenTraTruoc).
    const closed = snap({ TrangThaiHoSo: 4, NgayTiepNhan: '20250303080000', NgayHenTra: '20250313170000', DanhSachHoSoBoSung: [round1] });
    const fromClosed = deriveDossierEvents(closed, ctx, new KnownDossier(fromOpen));
    expect(fromClosed.map((e) => [e.type, e.occurredAt, e.data])).toEqual([
      ['dossier.supplement-supplied', '2025-03-06T10:00:00+07:00', { newDueAt: '2025-03-13T17:00:00+07:00' }],
    ]);
    const fresh = deriveDossierEvents(closed, ctx, new KnownDossier());
    expect(fresh.find((e) => e.type === 'dossier.received')?.data).toMatchObject({ dueAt: '2025-03-10T17:00:00+07:00' });
    // A second round is a second request (two requests make the dossier late under qd766-2022).
    const twice = snap({ TrangThaiHoSo: 5, NgayTiepNhan: '20250303080000', NgayHenTra: '20250313170000', DanhSachHoSoBoSung: [round1, { HoSoBoSungId: 'BS-2', NgayBoSung: '20250307090000' }] });
    expect(types(deriveDossierEvents(twice, ctx, new KnownDossier([...fromOpen, ...fromClosed])))).toEqual(['dossier.supplement-requested']);
  });

  it('reads a fee list of only Gia = 0 as no fee data, and payment 2 as the local gateway', () => {
    const free = snap({ TrangThaiHoSo: 2, NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', DanhSachLePhi: [{ Gia: 0 }, { Gia: '0' }], DuocThanhToanTrucTuyen: 1 });
    expect(types(deriveDossierEvents(free, ctx, new KnownDossier()))).toEqual(['dossier.received', 'dossier.synced']);
    const local = snap({ TrangThaiHoSo: 6, NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', DanhSachLePhi: [{ Gia: 20000 }], DuocThanhToanTrucTuyen: '2' });
    expect(deriveDossierEvents(local, ctx, new KnownDossier()).find((e) => e.type === 'dossier.fee-paid')?.data).toMatchObject({ method: 'local-gateway', amount: 20000 });
  });

  it('maps statuses 1, 3, 7 and 8 to submission, refusal, withdrawal and stop', () => {
    expect(types(deriveDossierEvents(snap({ TrangThaiHoSo: 1, NgayNopHoSo: '20250303070000' }), ctx, new KnownDossier()))).toEqual(['dossier.submitted']);
    expect(types(deriveDossierEvents(snap({ TrangThaiHoSo: 3, NgayTuChoi: '20250303090000' }), ctx, new KnownDossier()))).toEqual(['dossier.refused']);
    const base = { NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', NgayKetThucXuLy: '20250304100000' };
    expect(types(deriveDossierEvents(snap({ TrangThaiHoSo: 7, ...base }), ctx, new KnownDossier()))).toEqual(['dossier.received', 'dossier.synced', 'dossier.withdrawn']);
    expect(types(deriveDossierEvents(snap({ TrangThaiHoSo: 8, ...base }), ctx, new KnownDossier()))).toEqual(['dossier.received', 'dossier.stopped', 'dossier.synced']);
  });

  it('makes a processing step of a CapNhatTienDoHoSoMC record, once', () => {
    const read = readProgressRecord({ MaHoSo: 'H31.39-250303-0001', NguoiXuLy: 'Nguyễn Văn An', ChucDanh: 'Chuyên viên', ThoiDiemXuLy: '20250303140000', PhongBanXuLy: 'Phòng Tư pháp', NoiDungXuLy: 'Thẩm định', TrangThai: '4' }, 'data[0]');
    if (!read.ok) throw new Error(read.reason);
    const events = deriveProgressEvents(read.record, ctx, new KnownDossier());
    expect(events).toEqual([expect.objectContaining({
      type: 'dossier.processing-step', occurredAt: '2025-03-03T14:00:00+07:00',
      data: { step: 'Phòng Tư pháp: Thẩm định', handlerName: 'Nguyễn Văn An', handlerTitle: 'Chuyên viên' },
    })]);
    expect(deriveProgressEvents(read.record, ctx, new KnownDossier(events))).toEqual([]);
  });
});

describe('reading snapshots: one reason per wrong field', () => {
  it('names every wrong field with its path', () => {
    const read = readDossierSnapshot({
      MaHoSo: 'H31 39', TrangThaiHoSo: 11, NgayTiepNhan: '20250230080000', KenhThucHien: 'online',
      DanhSachLePhi: [{ Gia: -5 }], DanhSachHoSoBoSung: [{ NgayBoSung: '2025-03-04' }],
    }, 'data[2]');
    expect(read.ok).toBe(false);
    const reason = (read as { reason: string }).reason;
    expect(reason).toContain('data[2].MaHoSo: "H31 39" is not a code');
    expect(reason).toContain('data[2].MaTTHC: is required');
    expect(reason).toContain('data[2].TrangThaiHoSo: must be a whole number from 1 to 10, not 11');
    expect(reason).toContain('data[2].NgayTiepNhan: is not a real date (20250230080000: month 2 of 2025 has 28 days)');
    expect(reason).toContain('data[2].KenhThucHien: must be a whole number from 1 to 3, not "online"');
    expect(reason).toContain('data[2].DanhSachLePhi[0].Gia: must be an amount in VND ≥ 0, not -5');
    expect(reason).toContain('data[2].DanhSachHoSoBoSung[0].NgayBoSung: must be a time written yyyyMMddHHmmss');
  });

  it('asks for the times a status needs', () => {
    const read = readDossierSnapshot({ MaHoSo: 'A-1', MaTTHC: 'P', TrangThaiHoSo: '9', NgayTiepNhan: '', NgayHenTra: null }, 'data[0]');
    expect((read as { reason: string }).reason).toBe(
      'data[0].NgayTiepNhan: is required for status 9: the reception time starts the clock; ' +
      'data[0].NgayHenTra: is required for status 9: the due time the on-time criterion judges against; ' +
      'data[0].NgayKetThucXuLy: is required for status 9: the time the handling ended',
    );
  });
});
