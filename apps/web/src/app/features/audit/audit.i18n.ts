import type { Translations } from '../../core/i18n/language';

export interface AuditText {
  readonly heading: string;
  readonly intro: string;
  readonly unitCode: string;
  readonly unitPlaceholder: string;
  readonly month: string;
  readonly unavailable: string;
  readonly auditorOnly: string;
  readonly signIn: string;
  readonly error: (reason: string | null) => string;
  readonly verify: {
    readonly heading: string;
    readonly help: string;
    readonly run: string;
    readonly running: string;
    readonly match: string;
    readonly mismatch: string;
    readonly replayed: (events: string, streams: string) => string;
    readonly brokenHeading: string;
    readonly brokenAt: (streamId: string, version: number) => string;
    readonly differencesHeading: string;
    readonly columns: { readonly unit: string; readonly criterion: string; readonly stored: string; readonly recomputed: string };
    readonly none: string;
  };
  readonly close: {
    readonly heading: string;
    readonly help: string;
    readonly run: string;
    readonly confirm: (period: string) => string;
    readonly cancel: string;
    readonly running: string;
    readonly done: (period: string) => string;
  };
  readonly snapshot: {
    readonly heading: string;
    readonly help: string;
    readonly run: string;
    readonly running: string;
    readonly notClosed: (period: string) => string;
    readonly meta: (closedAt: string, asOf: string, position: string, closedBy: string) => string;
    readonly columns: { readonly unit: string; readonly level: string; readonly total: string; readonly band: string; readonly rank: string };
    readonly empty: string;
  };
}

export const AUDIT_TEXT: Translations<AuditText> = {
  vi: {
    heading: 'Kiểm toán số liệu',
    intro: 'Đối chiếu điểm đã lưu với kết quả tính lại từ toàn bộ sự kiện gốc, khóa sổ tháng và xem số liệu đã công bố.',
    unitCode: 'Mã đơn vị',
    unitPlaceholder: 'Ví dụ: HY-STP',
    month: 'Tháng',
    unavailable: 'Chức năng này chưa sẵn sàng trên máy chủ.',
    auditorOnly: 'Chỉ kiểm toán viên mới được đối chiếu và khóa sổ. Đăng nhập bằng tài khoản kiểm toán viên để thực hiện.',
    signIn: 'Đăng nhập',
    error: (reason) => `Không thực hiện được${reason ? `: ${reason}` : '. Vui lòng thử lại.'}`,
    verify: {
      heading: 'Đối chiếu một đơn vị – tháng',
      help: 'Tính lại điểm từ các sự kiện gốc và kiểm tra chuỗi băm của từng hồ sơ, so với số liệu đang lưu.',
      run: 'Đối chiếu',
      running: 'Đang đối chiếu…',
      match: 'Khớp: số liệu lưu trữ đúng bằng kết quả tính lại',
      mismatch: 'Có chênh lệch giữa số liệu lưu trữ và kết quả tính lại',
      replayed: (events, streams) => `Đã tính lại từ ${events} sự kiện, kiểm tra ${streams} chuỗi sự kiện`,
      brokenHeading: 'Chuỗi băm bị phá vỡ',
      brokenAt: (streamId, version) => `${streamId}: từ phiên bản ${version}`,
      differencesHeading: 'Các tiêu chí chênh lệch',
      columns: { unit: 'Đơn vị', criterion: 'Tiêu chí', stored: 'Đang lưu (tử số/mẫu số)', recomputed: 'Tính lại (tử số/mẫu số)' },
      none: '—',
    },
    close: {
      heading: 'Khóa sổ tháng',
      help: 'Chốt số liệu của tháng tại thời điểm này để công bố; có thể tái lập bất cứ lúc nào từ các sự kiện.',
      run: 'Khóa sổ',
      confirm: (period) => `Xác nhận khóa sổ tháng ${period}`,
      cancel: 'Hủy',
      running: 'Đang khóa sổ…',
      done: (period) => `Đã khóa sổ tháng ${period}.`,
    },
    snapshot: {
      heading: 'Số liệu đã công bố',
      help: 'Số liệu của tháng đã khóa sổ, đúng như tại thời điểm khóa.',
      run: 'Xem',
      running: 'Đang tải…',
      notClosed: (period) => `Tháng ${period} chưa được khóa sổ.`,
      meta: (closedAt, asOf, position, closedBy) =>
        `Khóa sổ lúc ${closedAt} bởi ${closedBy} · số liệu tại thời điểm ${asOf} · đến sự kiện số ${position}`,
      columns: { unit: 'Đơn vị', level: 'Cấp', total: 'Tổng điểm', band: 'Xếp loại', rank: 'Hạng' },
      empty: 'Không có đơn vị nào trong bản chốt.',
    },
  },
  en: {
    heading: 'Audit',
    intro: 'Check stored scores against a recomputation from the raw events, close a month and read published figures.',
    unitCode: 'Unit code',
    unitPlaceholder: 'e.g. HY-STP',
    month: 'Month',
    unavailable: 'This is not available on the server yet.',
    auditorOnly: 'Only auditors may verify and close months. Sign in with an auditor account to do so.',
    signIn: 'Sign in',
    error: (reason) => `That failed${reason ? `: ${reason}` : '. Please try again.'}`,
    verify: {
      heading: 'Verify a unit-month',
      help: "Recompute the score from the raw events and check every dossier's hash chain, against the stored figures.",
      run: 'Verify',
      running: 'Verifying…',
      match: 'Match: the stored figures equal the recomputation',
      mismatch: 'The stored figures differ from the recomputation',
      replayed: (events, streams) => `Recomputed from ${events} events, ${streams} streams checked`,
      brokenHeading: 'Broken hash chains',
      brokenAt: (streamId, version) => `${streamId}: from version ${version}`,
      differencesHeading: 'Criteria that differ',
      columns: { unit: 'Unit', criterion: 'Criterion', stored: 'Stored (numerator/denominator)', recomputed: 'Recomputed (numerator/denominator)' },
      none: '—',
    },
    close: {
      heading: 'Close a month',
      help: "Freeze the month's figures as of now for publication; they can be reproduced from the events at any time.",
      run: 'Close',
      confirm: (period) => `Confirm closing ${period}`,
      cancel: 'Cancel',
      running: 'Closing…',
      done: (period) => `${period} is closed.`,
    },
    snapshot: {
      heading: 'Published figures',
      help: 'The figures of a closed month, exactly as they were when it was closed.',
      run: 'Show',
      running: 'Loading…',
      notClosed: (period) => `${period} has not been closed.`,
      meta: (closedAt, asOf, position, closedBy) => `Closed at ${closedAt} by ${closedBy} · figures as of ${asOf} · up to event ${position}`,
      columns: { unit: 'Unit', level: 'Level', total: 'Total', band: 'Band', rank: 'Rank' },
      empty: 'The snapshot lists no unit.',
    },
  },
};
