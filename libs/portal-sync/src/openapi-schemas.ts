/**
 * JSON Schemas (OpenAPI 3) of the portal-compatible endpoints, so a vendor can generate a client.
 * Plain objects: the app hands them to @nestjs/swagger as they are.
 */
const portalTime = { type: 'string', pattern: '^\\d{14}$', example: '20250303080000', description: 'yyyyMMddHHmmss, Vietnam time (Asia/Ho_Chi_Minh); "" = absent' };
const flag = { oneOf: [{ type: 'integer', enum: [0, 1] }, { type: 'string', enum: ['0', '1', 'True', 'False', 'true', 'false'] }, { type: 'boolean' }] };
const intOrText = (min: number, max: number, description: string) => ({
  oneOf: [{ type: 'integer', minimum: min, maximum: max }, { type: 'string', pattern: '^\\d+$' }], description,
});

export const PORTAL_DOSSIER_SCHEMA = {
  type: 'object',
  required: ['MaHoSo', 'MaTTHC', 'TrangThaiHoSo'],
  properties: {
    MaHoSo: { type: 'string', example: 'H31.39-250303-0001', description: 'Dossier code; its prefix before the first "-" is the unit\'s national code' },
    MaTTHC: { type: 'string', example: '1.001612', description: 'Procedure code on the national procedure database' },
    TrangThaiHoSo: intOrText(1, 10, '1 new · 2 received · 3 not received · 4 processing · 5 supplement requested · 6 financial obligation · 7 withdrawn · 8 stopped · 9 processed · 10 returned'),
    KenhThucHien: intOrText(1, 3, '1 in person · 2 online · 3 public postal service; absent = in person'),
    NgayNopHoSo: portalTime,
    NgayTiepNhan: { ...portalTime, description: 'Reception time; required for statuses 2 and 4–10' },
    NgayHenTra: { ...portalTime, description: 'Due time; required for statuses 2 and 4–10' },
    NgayTuChoi: portalTime,
    NgayKetThucXuLy: { ...portalTime, description: 'End of handling; required for statuses 7, 8, 9' },
    NgayTra: { ...portalTime, description: 'Result returned; required for status 10' },
    DonViXuLy: { type: 'string', description: 'Handling unit: its national code (or its name, then MaHoSo names the unit)' },
    MaDonVi: { type: 'string', description: 'Handling unit\'s national code, when the system has a field for it' },
    DuocThanhToanTrucTuyen: intOrText(0, 2, '0 not paid online · 1 paid on the national portal · 2 paid on the local payment gateway'),
    HoSoCoThanhPhanSoHoa: flag,
    TaiKhoanDuocXacThucVoiVNeID: flag,
    TaiLieuNop: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          TepDinhKemId: { type: 'string' }, TenTepDinhKem: { type: 'string' }, MaThanhPhanHoSo: { type: 'string' },
          DuongDanTaiTepTin: { type: 'string', description: 'File link: the component is digitised' },
          IsDeleted: flag, DuocSoHoa: { ...flag, description: 're-uses digitised data' }, DuocLayTuKhoDMQG: { ...flag, description: 'taken from the citizen\'s store on the portal' },
        },
      },
    },
    DanhSachLePhi: {
      type: 'array',
      items: {
        type: 'object', required: ['Gia'],
        properties: {
          TenPhiLePhi: { type: 'string' }, MaPhiLePhi: { type: 'string' }, HinhThucThu: { type: 'string' }, LoaiPhiLePhi: { type: 'string' },
          Gia: { oneOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?$' }], description: 'Amount in VND; a list of only 0 is "no fee"' },
        },
      },
    },
    DanhSachHoSoBoSung: {
      type: 'array',
      items: {
        type: 'object', required: ['NgayBoSung'],
        properties: {
          HoSoBoSungId: { type: 'string' }, NguoiYeuCauBoSung: { type: 'string' }, NoiDungBoSung: { type: 'string' },
          NgayBoSung: { ...portalTime, description: 'When the supplement was requested' },
          NgayTiepNhanBoSung: { ...portalTime, description: 'When the supplement was received' },
          NgayHenTraTruoc: portalTime, NgayHenTraMoi: portalTime,
        },
      },
    },
    DanhSachGiayToKetQua: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          TenGiayTo: { type: 'string' }, MaThanhPhanHoSo: { type: 'string' }, GiayToId: { type: 'string' }, MaGiayToKetQua: { type: 'string' },
          DuongDanTepTinKetQua: { type: 'string', description: 'Link to the electronic result' },
        },
      },
    },
  },
  additionalProperties: true,
} as const;

export const PORTAL_PROGRESS_SCHEMA = {
  type: 'object',
  required: ['MaHoSo', 'ThoiDiemXuLy'],
  properties: {
    MaHoSo: { type: 'string' }, NguoiXuLy: { type: 'string' }, ChucDanh: { type: 'string' }, ThoiDiemXuLy: portalTime,
    PhongBanXuLy: { type: 'string' }, NoiDungXuLy: { type: 'string' }, TrangThai: intOrText(1, 10, 'National status after the step'),
    NgayBatDau: portalTime, NgayKetThucTheoQuyDinh: portalTime,
  },
  additionalProperties: true,
} as const;

export const PORTAL_SYNC_REQUEST_SCHEMA = {
  type: 'object',
  required: ['service', 'data'],
  properties: {
    service: { type: 'string', enum: ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'] },
    isUpdating: { oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['True', 'False', 'true', 'false'] }] },
    session: { type: 'string', description: 'Session token from /api/v1/portal/login (or send Authorization: Bearer)' },
    madonvi: { type: 'string', description: 'The one-stop system\'s unit code on the portal (fallback unit)' },
    data: { type: 'array', maxItems: 1000, items: { oneOf: [PORTAL_DOSSIER_SCHEMA, PORTAL_PROGRESS_SCHEMA] } },
  },
} as const;

const code = { type: 'string', enum: ['00', '01', '02', '03'], description: '00 success · 01 some dossiers rejected · 02 body refused · 03 no valid session' };

export const PORTAL_SYNC_ANSWER_SCHEMA = {
  type: 'object',
  required: ['error_code', 'message', 'accepted', 'unchanged', 'rejected', 'results'],
  properties: {
    error_code: code, message: { type: 'string' }, service: { type: 'string' },
    accepted: { type: 'integer' }, unchanged: { type: 'integer' }, rejected: { type: 'integer' },
    results: {
      type: 'array',
      items: {
        type: 'object', required: ['index', 'error_code', 'message', 'status'],
        properties: {
          index: { type: 'integer' }, MaHoSo: { type: 'string' }, error_code: code, message: { type: 'string' },
          status: { type: 'string', enum: ['accepted', 'unchanged', 'rejected'] }, unitCode: { type: 'string' },
          events: {
            type: 'array',
            items: {
              type: 'object', required: ['eventId', 'type', 'status'],
              properties: { eventId: { type: 'string', format: 'uuid' }, type: { type: 'string' }, status: { type: 'string', enum: ['accepted', 'duplicate', 'conflict'] }, reason: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

export const PORTAL_LOGIN_REQUEST_SCHEMA = {
  type: 'object',
  required: ['username', 'password'],
  properties: {
    username: { type: 'string', example: 'motcua-hungyen', description: 'The source-system name of your writer credential (or its credential id)' },
    password: { type: 'string', description: 'The API key of that credential (qd766_<id>_<secret>)' },
  },
} as const;

export const PORTAL_LOGIN_ANSWER_SCHEMA = {
  type: 'object',
  required: ['error_code', 'message'],
  properties: { error_code: code, message: { type: 'string' }, session: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
} as const;
