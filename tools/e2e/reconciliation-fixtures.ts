import { randomUUID } from 'node:crypto';
import { unitRegistered } from '@idx/testing';

/**
 * One commune's March 2025, the way issue 12's reconciliation is tried: seven dossiers of ours, of
 * which four reached the national portal through the sync format (DongBoHoSoMC) and three only as
 * native events — the portal never got them — and the portal's own evaluation file, which counts
 * only the four. Written by hand, figures derived by hand (DOMAIN.md §2, criterion 5):
 * - ours: received 7 (S1–S4, N1–N3), on time 5 (S1–S3, N1, N2) → 71.43 % → 20 × 5/7 = 14.29 points;
 * - portal: received 4, on time 3, overdue 1 → 75 % → 15 points;
 * - difference (ours − portal's): numerator +2, denominator +3, ratio −3.57, points −0.71;
 *   the three dossiers the portal never got, N1–N3, explain it.
 */
export const RC_PROVINCE = 'RC';
export const RC_COMMUNE = 'RC-X';
export const RC_OTHER_PROVINCE = 'RC-OTHER';
/** The commune's mã định danh: how the portal names it in its sync snapshots and its evaluation file. */
export const RC_COMMUNE_NATIONAL = '000.39.31.H31';
export const NATIVE_ONLY = ['H31.39-250312-0101', 'H31.39-250313-0102', 'H31.39-250314-0103'];

export function reconciliationUnits(): object[] {
  const commune = unitRegistered(RC_COMMUNE, 'UBND xã Hòa Bình', 'commune', RC_PROVINCE);
  return [
    unitRegistered(RC_PROVINCE, 'Tỉnh Hòa Bình (thử)', 'province'),
    unitRegistered(RC_OTHER_PROVINCE, 'Tỉnh khác (thử)', 'province'),
    { ...commune, data: { ...commune.data, nationalCodes: [RC_COMMUNE_NATIONAL] } },
  ];
}

/** The four dossiers sent as a one-stop system sends them to the portal: S1–S3 finished on time, S4 late. */
export function syncedDossiers(): { service: string; isUpdating: string; madonvi: string; data: Record<string, unknown>[] } {
  const hs = (code: string, received: string, due: string, finished: string) => ({
    MaHoSo: `H31.39-${code}`, MaDonVi: RC_COMMUNE_NATIONAL, MaTTHC: '1.001612', TrangThaiHoSo: '9', KenhThucHien: '1',
    NgayTiepNhan: received, NgayHenTra: due, NgayKetThucXuLy: finished,
  });
  return {
    service: 'DongBoHoSoMC', isUpdating: 'False', madonvi: RC_COMMUNE_NATIONAL,
    data: [
      hs('250303-0001', '20250303080000', '20250310170000', '20250305100000'),
      hs('250304-0002', '20250304080000', '20250311170000', '20250306100000'),
      hs('250305-0003', '20250305080000', '20250312170000', '20250310100000'),
      hs('250306-0004', '20250306080000', '20250307170000', '20250311100000'),
    ],
  };
}

/** The three dossiers sent only as native events: N1, N2 on time, N3 late. */
export function nativeOnlyDossiers(sourceSystem = 'test-one-stop'): Record<string, unknown>[] {
  const ev = (type: string, dossierCode: string, at: string, data: Record<string, unknown> = {}) =>
    ({ eventId: randomUUID(), type, schemaVersion: 1, occurredAt: `${at}+07:00`, sourceSystem, unitCode: RC_COMMUNE, dossierCode, data });
  const [n1, n2, n3] = NATIVE_ONLY;
  return [
    ev('dossier.received', n1, '2025-03-12T08:00:00', { procedureCode: '1.001612', dueAt: '2025-03-19T17:00:00+07:00' }),
    ev('dossier.processed', n1, '2025-03-14T10:00:00'),
    ev('dossier.received', n2, '2025-03-13T08:00:00', { procedureCode: '1.001612', dueAt: '2025-03-20T17:00:00+07:00' }),
    ev('dossier.processed', n2, '2025-03-17T10:00:00'),
    ev('dossier.received', n3, '2025-03-14T08:00:00', { procedureCode: '1.001612', dueAt: '2025-03-17T17:00:00+07:00' }),
    ev('dossier.processed', n3, '2025-03-20T10:00:00'),
  ];
}

/**
 * The portal's evaluation figures for March 2025 in the shape its evaluation API answers per group
 * (departmentCode, totalReceived, totalOnTime, totalOverdue, ratio, score), with a unit we do not
 * know (a code no unit of ours carries).
 */
export function portalEvaluationFile(): string {
  return JSON.stringify({
    period: '2025-03',
    groups: [
      {
        group: 'Tiến độ giải quyết',
        items: [
          { departmentCode: RC_COMMUNE_NATIONAL, departmentName: 'UBND xã Hòa Bình', totalReceived: 4, totalOnTime: 3, totalOverdue: 1, ratio: 75, score: 15 },
          { departmentCode: '000.99.99.H99', departmentName: 'Đơn vị lạ', totalReceived: 2, totalOnTime: 2, totalOverdue: 0, ratio: 100, score: 20 },
        ],
      },
    ],
  }, null, 2);
}
