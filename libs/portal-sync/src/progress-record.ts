import { FieldReader } from './field-reader';

/** One item of `data` of a CapNhatTienDoHoSoMC body: a processing step of a dossier. */
export interface ProgressRecord {
  readonly dossierCode: string;
  readonly at: string;
  readonly handlerName?: string;
  readonly handlerTitle?: string;
  readonly department?: string;
  readonly content?: string;
  /** TrangThai: the dossier's national status after the step. */
  readonly status?: number;
  readonly startedAt?: string;
  readonly dueByRule?: string;
}

export type ProgressReading = { readonly ok: true; readonly record: ProgressRecord } | { readonly ok: false; readonly reason: string; readonly dossierCode?: string };

/**
 * Reads a processing step (fields as OpenCPS's createSyncDossierStatusBodyRequest sends them:
 * MaHoSo, NguoiXuLy, ChucDanh, ThoiDiemXuLy, PhongBanXuLy, NoiDungXuLy, TrangThai, NgayBatDau,
 * NgayKetThucTheoQuyDinh). ThoiDiemXuLy, the step's time, is required: without it the step
 * cannot be placed in time.
 */
export function readProgressRecord(item: unknown, path: string): ProgressReading {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, reason: `${path}: must be an object (one processing step)` };
  const r = new FieldReader(item as Record<string, unknown>, path);
  const dossierCode = r.code('MaHoSo', true);
  const at = r.time('ThoiDiemXuLy', true);
  const handlerName = r.text('NguoiXuLy', 300);
  const handlerTitle = r.text('ChucDanh', 300);
  const department = r.text('PhongBanXuLy', 300);
  const content = r.text('NoiDungXuLy', 2000);
  const status = r.int('TrangThai', 1, 10);
  const startedAt = r.time('NgayBatDau');
  const dueByRule = r.time('NgayKetThucTheoQuyDinh');
  if (r.problems.length > 0 || dossierCode === undefined || at === undefined) return { ok: false, reason: r.problems.join('; '), ...(dossierCode ? { dossierCode } : {}) };
  return {
    ok: true,
    record: {
      dossierCode, at, ...(handlerName ? { handlerName } : {}), ...(handlerTitle ? { handlerTitle } : {}), ...(department ? { department } : {}),
      ...(content ? { content } : {}), ...(status !== undefined ? { status } : {}), ...(startedAt ? { startedAt } : {}), ...(dueByRule ? { dueByRule } : {}),
    },
  };
}
