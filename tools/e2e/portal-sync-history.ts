import { randomUUID } from 'node:crypto';

/**
 * One month of a commune's dossiers (March 2025) written twice, by hand: as the national portal's
 * sync calls a one-stop system sends (snapshots over time, in Vietnam time yyyyMMddHHmmss), and as
 * the native events the same system would send for the same history. `tag` makes the dossier codes
 * of one copy of the history distinct from another's (benchmarks). Shared by the equality suite
 * and the benchmark. The two are written independently: neither is generated from the other.
 */
export const PORTAL_PROCEDURE = 'P-FEE';

type Item = Record<string, unknown>;

/** Native events of the history for `unitCode` (the portal's dossier codes, the same times). */
export function nativeHistory(unitCode: string, sourceSystem = 'test-one-stop', prefix = 'H31.39', tag = ''): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const ev = (type: string, code: string, at: string, data: Record<string, unknown> = {}) =>
    out.push({ eventId: randomUUID(), type, schemaVersion: 1, occurredAt: `${at}+07:00`, sourceSystem, unitCode, dossierCode: `${prefix}-${code}${tag}`, data });
  const received = (code: string, at: string, due: string, channel = 'in-person') => {
    ev('dossier.received', code, at, { procedureCode: PORTAL_PROCEDURE, channel, dueAt: `${due}+07:00` });
    ev('dossier.synced', code, at);
  };
  // D1: online, fee paid on the national portal, 2 files, VNeID, e-result, returned on time.
  received('250303-0001', '2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online');
  ev('dossier.financial-obligation', '250303-0001', '2025-03-03T08:30:00', { lines: [{ kind: 'fee', amount: 50000 }] });
  ev('dossier.fee-paid', '250303-0001', '2025-03-03T09:00:00', { method: 'national-portal', amount: 50000 });
  ev('dossier.components-digitised', '250303-0001', '2025-03-03T08:10:00', { components: 2 });
  ev('dossier.population-data-used', '250303-0001', '2025-03-03T08:00:00', { source: 'vneid' });
  ev('dossier.processed', '250303-0001', '2025-03-05T10:00:00');
  ev('dossier.e-result-issued', '250303-0001', '2025-03-05T10:00:00');
  ev('dossier.result-returned', '250303-0001', '2025-03-05T15:00:00');
  // D2: in person, processed after its due time.
  received('250304-0002', '2025-03-04T08:00:00', '2025-03-06T17:00:00');
  ev('dossier.processed', '250304-0002', '2025-03-07T09:00:00');
  ev('dossier.result-returned', '250304-0002', '2025-03-07T14:00:00');
  // D3: online, one supplement round with a new due time: on time.
  received('250305-0003', '2025-03-05T08:00:00', '2025-03-07T17:00:00', 'online');
  ev('dossier.supplement-requested', '250305-0003', '2025-03-06T09:00:00');
  ev('dossier.supplement-supplied', '250305-0003', '2025-03-10T09:00:00', { newDueAt: '2025-03-12T17:00:00+07:00' });
  ev('dossier.processed', '250305-0003', '2025-03-12T10:00:00');
  // D4: two supplement rounds: late under qd766-2022 though finished before its due time.
  received('250305-0004', '2025-03-05T09:00:00', '2025-03-12T17:00:00');
  ev('dossier.supplement-requested', '250305-0004', '2025-03-06T09:00:00');
  ev('dossier.supplement-supplied', '250305-0004', '2025-03-07T09:00:00');
  ev('dossier.supplement-requested', '250305-0004', '2025-03-08T09:00:00');
  ev('dossier.supplement-supplied', '250305-0004', '2025-03-09T09:00:00');
  ev('dossier.processed', '250305-0004', '2025-03-11T10:00:00');
  // D5 withdrawn, D6 stopped, D7 refused at the desk, D8 only submitted.
  received('250306-0005', '2025-03-06T08:00:00', '2025-03-13T17:00:00');
  ev('dossier.withdrawn', '250306-0005', '2025-03-07T10:00:00');
  received('250306-0006', '2025-03-06T09:00:00', '2025-03-13T17:00:00');
  ev('dossier.stopped', '250306-0006', '2025-03-08T10:00:00');
  ev('dossier.refused', '250306-0007', '2025-03-06T10:00:00');
  ev('dossier.submitted', '250307-0008', '2025-03-07T07:00:00', { procedureCode: PORTAL_PROCEDURE, channel: 'online' });
  // D9 pending, not yet due; D10 processing (a step with its handler), overdue.
  received('250320-0009', '2025-03-20T08:00:00', '2025-04-10T17:00:00');
  received('250303-0010', '2025-03-03T10:00:00', '2025-03-05T17:00:00');
  ev('dossier.processing-step', '250303-0010', '2025-03-04T09:00:00', { step: 'Phòng Tư pháp: Thẩm định', handlerName: 'Nguyễn Văn An', handlerTitle: 'Chuyên viên' });
  // D11: online, fee paid on the province's gateway. D12: fee list of only Gia = 0 (no fee data).
  received('250310-0011', '2025-03-10T08:00:00', '2025-03-17T17:00:00', 'online');
  ev('dossier.financial-obligation', '250310-0011', '2025-03-10T08:00:00', { lines: [{ kind: 'fee', amount: 20000 }] });
  ev('dossier.fee-paid', '250310-0011', '2025-03-11T10:00:00', { method: 'local-gateway', amount: 20000 });
  ev('dossier.processed', '250310-0011', '2025-03-12T10:00:00');
  ev('dossier.result-returned', '250310-0011', '2025-03-13T09:00:00');
  received('250311-0012', '2025-03-11T08:00:00', '2025-03-18T17:00:00');
  ev('dossier.processed', '250311-0012', '2025-03-14T10:00:00');
  ev('dossier.result-returned', '250311-0012', '2025-03-14T16:00:00');
  return out;
}

/**
 * The same history as portal calls, in the order a one-stop system sends them: early snapshots,
 * progress steps, later snapshots, then a resend of everything and an out-of-date snapshot.
 */
export function portalCalls(prefix = 'H31.39', tag = ''): { service: string; isUpdating?: string; data: Item[] }[] {
  const hs = (code: string, fields: Item): Item => ({ MaHoSo: `${prefix}-${code}${tag}`, MaTTHC: PORTAL_PROCEDURE, TenTTHC: 'Thủ tục có phí', ChuHoSo: 'Nguyễn Thị B', DonViXuLy: 'UBND xã Lạc Hồng', ...fields });
  const d1Received = hs('250303-0001', { TrangThaiHoSo: '2', KenhThucHien: '2', NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', NgayKetThucXuLy: '', NgayTra: '' });
  const d1Processing = { ...d1Received, TrangThaiHoSo: '4' };
  const d1Done = hs('250303-0001', {
    TrangThaiHoSo: '10', KenhThucHien: '2', NgayTiepNhan: '20250303080000', NgayHenTra: '20250310170000', NgayKetThucXuLy: '20250305100000', NgayTra: '20250305150000',
    DuocThanhToanTrucTuyen: '1', TaiKhoanDuocXacThucVoiVNeID: '1',
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp giấy', MaPhiLePhi: 'LP1', HinhThucThu: '1', Gia: '50000', LoaiPhiLePhi: '2' }],
    TaiLieuNop: [
      { TepDinhKemId: '1', TenTepDinhKem: 'Tờ khai.pdf', IsDeleted: 'False', MaThanhPhanHoSo: 'TP1', DuongDanTaiTepTin: 'https://motcua.example/1.pdf' },
      { TepDinhKemId: '2', TenTepDinhKem: 'CCCD.pdf', IsDeleted: 'False', MaThanhPhanHoSo: 'TP2', DuongDanTaiTepTin: 'https://motcua.example/2.pdf' },
    ],
    DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy xác nhận', MaThanhPhanHoSo: 'KQ', GiayToId: '9', DuongDanTepTinKetQua: 'https://motcua.example/kq.pdf' }],
  });
  const first = [
    d1Received,
    hs('250304-0002', { TrangThaiHoSo: 4, KenhThucHien: 1, NgayTiepNhan: '20250304080000', NgayHenTra: '20250306170000' }),
    hs('250305-0003', { TrangThaiHoSo: 5, KenhThucHien: 2, NgayTiepNhan: '20250305080000', NgayHenTra: '20250307170000', DanhSachHoSoBoSung: [{ HoSoBoSungId: 'BS-3-1', NoiDungBoSung: 'Bổ sung bản sao', NgayBoSung: '20250306090000' }] }),
    hs('250306-0007', { TrangThaiHoSo: 3, NgayTuChoi: '20250306100000' }),
    hs('250307-0008', { TrangThaiHoSo: 1, KenhThucHien: 2, NgayNopHoSo: '20250307070000' }),
    hs('250320-0009', { TrangThaiHoSo: 2, NgayTiepNhan: '20250320080000', NgayHenTra: '20250410170000' }),
    hs('250303-0010', { TrangThaiHoSo: 4, NgayTiepNhan: '20250303100000', NgayHenTra: '20250305170000' }),
  ];
  const later = [
    d1Done,
    hs('250304-0002', { TrangThaiHoSo: 10, KenhThucHien: 1, NgayTiepNhan: '20250304080000', NgayHenTra: '20250306170000', NgayKetThucXuLy: '20250307090000', NgayTra: '20250307140000' }),
    hs('250305-0003', {
      TrangThaiHoSo: 9, KenhThucHien: 2, NgayTiepNhan: '20250305080000', NgayHenTra: '20250312170000', NgayKetThucXuLy: '20250312100000',
      DanhSachHoSoBoSung: [{ HoSoBoSungId: 'BS-3-1', NoiDungBoSung: 'Bổ sung bản sao', NgayBoSung: '20250306090000', NgayTiepNhanBoSung: '20250310090000', NgayHenTraTruoc: '20250307170000', NgayHenTraMoi: '20250312170000' }],
    }),
    hs('250305-0004', {
      TrangThaiHoSo: 9, NgayTiepNhan: '20250305090000', NgayHenTra: '20250312170000', NgayKetThucXuLy: '20250311100000',
      DanhSachHoSoBoSung: [
        { HoSoBoSungId: 'BS-4-1', NgayBoSung: '20250306090000', NgayTiepNhanBoSung: '20250307090000' },
        { HoSoBoSungId: 'BS-4-2', NgayBoSung: '20250308090000', NgayTiepNhanBoSung: '20250309090000' },
      ],
    }),
    hs('250306-0005', { TrangThaiHoSo: 7, NgayTiepNhan: '20250306080000', NgayHenTra: '20250313170000', NgayKetThucXuLy: '20250307100000' }),
    hs('250306-0006', { TrangThaiHoSo: 8, NgayTiepNhan: '20250306090000', NgayHenTra: '20250313170000', NgayKetThucXuLy: '20250308100000' }),
    hs('250310-0011', {
      TrangThaiHoSo: 10, KenhThucHien: 2, NgayTiepNhan: '20250310080000', NgayHenTra: '20250317170000', NgayKetThucXuLy: '20250312100000', NgayTra: '20250313090000',
      DanhSachLePhi: [{ TenPhiLePhi: 'Phí thẩm định', Gia: 20000, LoaiPhiLePhi: '1' }], DuocThanhToanTrucTuyen: 2,
    }),
    hs('250311-0012', {
      TrangThaiHoSo: 10, NgayTiepNhan: '20250311080000', NgayHenTra: '20250318170000', NgayKetThucXuLy: '20250314100000', NgayTra: '20250314160000',
      DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: 0 }], DuocThanhToanTrucTuyen: '0',
    }),
  ];
  const steps = [{ MaHoSo: `${prefix}-250303-0010${tag}`, NguoiXuLy: 'Nguyễn Văn An', ChucDanh: 'Chuyên viên', ThoiDiemXuLy: '20250304090000', PhongBanXuLy: 'Phòng Tư pháp', NoiDungXuLy: 'Thẩm định', TrangThai: '4', NgayBatDau: '20250303100000', NgayKetThucTheoQuyDinh: '20250305170000' }];
  return [
    { service: 'DongBoHoSoMC', isUpdating: 'False', data: first },
    { service: 'CapNhatTienDoHoSoMC', data: steps },
    { service: 'DongBoHoSoMC', isUpdating: 'True', data: later },
    // A resend of everything, and D1's processing snapshot arriving after its final one.
    { service: 'DongBoHoSoMC', isUpdating: 'True', data: [...first.filter((d) => d !== d1Received), ...later, d1Processing] },
    { service: 'CapNhatTienDoHoSoMC', data: steps },
  ];
}
