import type { Channel, PaymentMethod } from '@idx/domain';
import { FieldReader } from './field-reader';

/** National dossier status codes (TrangThaiHoSo, DOMAIN.md §3). */
export const PORTAL_STATUS = {
  NEW: 1, RECEIVED: 2, NOT_RECEIVED: 3, PROCESSING: 4, SUPPLEMENT_REQUESTED: 5, FINANCIAL_OBLIGATION: 6,
  WITHDRAWN: 7, STOPPED: 8, PROCESSED: 9, RETURNED: 10,
} as const;

/** Statuses of a dossier the desk has received (every status but 1 new and 3 not received). */
export function isReceivedStatus(status: number): boolean {
  return status !== PORTAL_STATUS.NEW && status !== PORTAL_STATUS.NOT_RECEIVED;
}

export interface SupplementRound {
  /** HoSoBoSungId, when sent: the round's identity across snapshots. */
  readonly id?: string;
  /** NgayBoSung: when the authority asked for the supplement. */
  readonly requestedAt: string;
  /** NgayTiepNhanBoSung: when the supplement was received; absent while the citizen has not supplied it. */
  readonly suppliedAt?: string;
  /** NgayHenTraMoi: the new due time set after the supplement. */
  readonly newDueAt?: string;
  /** NgayHenTraTruoc: the due time before the supplement. */
  readonly previousDueAt?: string;
  readonly reason?: string;
}

export interface FeeLineSnapshot {
  readonly code?: string;
  readonly name?: string;
  readonly amount: number;
  /** LoaiPhiLePhi as sent (meaning of its values unsure: see docs/portal-sync.md). */
  readonly kindCode?: string;
}

/** One dossier of a DongBoHoSoMC body, read and checked: instants are ISO with +07:00. */
export interface DossierSnapshot {
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly status: number;
  readonly channel: Channel;
  /** DonViXuLy as sent (a national code in some systems, the unit's name in others). */
  readonly handlingUnit?: string;
  /** MaDonVi / MaCoQuan when a system sends the handling unit's code in its own field. */
  readonly unitCodeField?: string;
  readonly submittedAt?: string;
  readonly receivedAt?: string;
  readonly dueAt?: string;
  readonly refusedAt?: string;
  readonly endedAt?: string;
  readonly returnedAt?: string;
  readonly fees: readonly FeeLineSnapshot[];
  readonly onlinePayment?: PaymentMethod;
  readonly supplements: readonly SupplementRound[];
  /** Submitted components carrying a file (TaiLieuNop with DuongDanTaiTepTin, not deleted). */
  readonly digitisedComponents: number;
  /** HoSoCoThanhPhanSoHoa = 1, or a component with DuocSoHoa = 1: digitised data re-used. */
  readonly reusedComponents: number;
  /** Components with DuocLayTuKhoDMQG = 1: taken from the citizen's store on the portal. */
  readonly citizenStoreComponents: number;
  /** TaiKhoanDuocXacThucVoiVNeID = 1. */
  readonly vneidAuthenticated: boolean;
  /** Result documents with a file link (DanhSachGiayToKetQua[].DuongDanTepTinKetQua). */
  readonly resultFiles: readonly { readonly code?: string }[];
}

export type SnapshotReading = { readonly ok: true; readonly snapshot: DossierSnapshot } | { readonly ok: false; readonly reason: string; readonly dossierCode?: string };

const CHANNELS: Readonly<Record<number, Channel>> = { 1: 'in-person', 2: 'online', 3: 'postal' };
const PAYMENTS: Readonly<Record<number, PaymentMethod | undefined>> = { 0: undefined, 1: 'national-portal', 2: 'local-gateway' };
const MAX_LIST = 500;

/**
 * Reads one item of `data` of a DongBoHoSoMC body. Field names are the portal's (the HsDongBo class
 * of one-stop systems, OpenCPS's createSyncDossierBodyRequest); fields the index does not use
 * (ChuHoSo, Email, TrichYeuHoSo, …) are ignored. `path` prefixes every reason, e.g. `data[3]`.
 */
export function readDossierSnapshot(item: unknown, path: string): SnapshotReading {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, reason: `${path}: must be an object (one dossier)` };
  const r = new FieldReader(item as Record<string, unknown>, path);
  const dossierCode = r.code('MaHoSo', true);
  const procedureCode = r.code('MaTTHC', true);
  const status = r.int('TrangThaiHoSo', 1, 10, true);
  const channelCode = r.int('KenhThucHien', 1, 3);
  const payment = r.int('DuocThanhToanTrucTuyen', 0, 2);
  const submittedAt = r.time('NgayNopHoSo');
  const receivedAt = r.time('NgayTiepNhan');
  const dueAt = r.time('NgayHenTra');
  const refusedAt = r.time('NgayTuChoi');
  const endedAt = r.time('NgayKetThucXuLy');
  const returnedAt = r.time('NgayTra');
  const handlingUnit = r.text('DonViXuLy', 300);
  const unitCodeField = r.code('MaDonVi') ?? r.code('MaCoQuan');
  const reusedFlag = r.flag('HoSoCoThanhPhanSoHoa');
  const vneid = r.flag('TaiKhoanDuocXacThucVoiVNeID');

  if (status !== undefined) {
    // What each status needs to be derived into events; a reason names the missing time.
    if (isReceivedStatus(status)) {
      if (receivedAt === undefined && r.raw('NgayTiepNhan') === undefined) r.problem('NgayTiepNhan', `is required for status ${status}: the reception time starts the clock`);
      if (dueAt === undefined && r.raw('NgayHenTra') === undefined) r.problem('NgayHenTra', `is required for status ${status}: the due time the on-time criterion judges against`);
    }
    const endNeeded = status === PORTAL_STATUS.WITHDRAWN || status === PORTAL_STATUS.STOPPED || status === PORTAL_STATUS.PROCESSED;
    if (endNeeded && endedAt === undefined && r.raw('NgayKetThucXuLy') === undefined) r.problem('NgayKetThucXuLy', `is required for status ${status}: the time the handling ended`);
    if (status === PORTAL_STATUS.RETURNED && returnedAt === undefined && r.raw('NgayTra') === undefined) r.problem('NgayTra', 'is required for status 10: the time the result was returned');
    if (status === PORTAL_STATUS.NOT_RECEIVED && refusedAt === undefined && endedAt === undefined && r.raw('NgayTuChoi') === undefined && r.raw('NgayKetThucXuLy') === undefined) {
      r.problem('NgayTuChoi', 'is required for status 3 (or NgayKetThucXuLy): the time the desk refused the dossier');
    }
    if (status === PORTAL_STATUS.NEW && submittedAt === undefined && receivedAt === undefined && r.raw('NgayNopHoSo') === undefined) r.problem('NgayNopHoSo', 'is required for status 1: the time the citizen submitted');
  }

  const fees: FeeLineSnapshot[] = [];
  for (const { reader } of r.list('DanhSachLePhi', MAX_LIST)) {
    const amount = reader.amount('Gia');
    if (amount === undefined && reader.raw('Gia') === undefined) reader.problem('Gia', 'is required: the amount in VND (0 when free)');
    const code = reader.text('MaPhiLePhi', 100);
    const name = reader.text('TenPhiLePhi', 500);
    const kindCode = reader.text('LoaiPhiLePhi', 20);
    r.absorb(reader);
    if (amount !== undefined) fees.push({ amount, ...(code ? { code } : {}), ...(name ? { name } : {}), ...(kindCode ? { kindCode } : {}) });
  }

  const supplements: SupplementRound[] = [];
  for (const { reader } of r.list('DanhSachHoSoBoSung', MAX_LIST)) {
    const id = reader.text('HoSoBoSungId', 100);
    const requestedAt = reader.time('NgayBoSung', true);
    const suppliedAt = reader.time('NgayTiepNhanBoSung');
    const newDueAt = reader.time('NgayHenTraMoi');
    const previousDueAt = reader.time('NgayHenTraTruoc');
    const reason = reader.text('NoiDungBoSung', 2000);
    if (requestedAt && suppliedAt && Date.parse(suppliedAt) < Date.parse(requestedAt)) reader.problem('NgayTiepNhanBoSung', 'is before NgayBoSung: a supplement arrives after it was asked for');
    r.absorb(reader);
    if (requestedAt) supplements.push({ requestedAt, ...(id ? { id } : {}), ...(suppliedAt ? { suppliedAt } : {}), ...(newDueAt ? { newDueAt } : {}), ...(previousDueAt ? { previousDueAt } : {}), ...(reason ? { reason } : {}) });
  }

  let digitisedComponents = 0;
  let reusedComponents = 0;
  let citizenStoreComponents = 0;
  for (const { reader } of r.list('TaiLieuNop', MAX_LIST)) {
    const deleted = reader.flag('IsDeleted') === true;
    const file = reader.text('DuongDanTaiTepTin', 2000);
    const reused = reader.flag('DuocSoHoa') === true;
    const fromStore = reader.flag('DuocLayTuKhoDMQG') === true;
    r.absorb(reader);
    if (deleted) continue;
    if (file) digitisedComponents++;
    if (reused) reusedComponents++;
    if (fromStore) citizenStoreComponents++;
  }
  if (reusedFlag && reusedComponents === 0) reusedComponents = 1;

  const resultFiles: { code?: string }[] = [];
  for (const { reader } of r.list('DanhSachGiayToKetQua', MAX_LIST)) {
    const link = reader.text('DuongDanTepTinKetQua', 2000);
    const code = reader.code('MaGiayToKetQua') ?? reader.code('GiayToId');
    r.absorb(reader);
    if (link) resultFiles.push(code ? { code } : {});
  }

  if (r.problems.length > 0 || dossierCode === undefined || procedureCode === undefined || status === undefined) {
    return { ok: false, reason: r.problems.join('; '), ...(dossierCode ? { dossierCode } : {}) };
  }
  const onlinePayment = payment === undefined ? undefined : PAYMENTS[payment];
  return {
    ok: true,
    snapshot: {
      dossierCode, procedureCode, status, channel: channelCode === undefined ? 'in-person' : CHANNELS[channelCode],
      ...(handlingUnit ? { handlingUnit } : {}), ...(unitCodeField ? { unitCodeField } : {}),
      ...(submittedAt ? { submittedAt } : {}), ...(receivedAt ? { receivedAt } : {}), ...(dueAt ? { dueAt } : {}),
      ...(refusedAt ? { refusedAt } : {}), ...(endedAt ? { endedAt } : {}), ...(returnedAt ? { returnedAt } : {}),
      fees, ...(onlinePayment ? { onlinePayment } : {}), supplements,
      digitisedComponents, reusedComponents, citizenStoreComponents, vneidAuthenticated: vneid === true, resultFiles,
    },
  };
}
