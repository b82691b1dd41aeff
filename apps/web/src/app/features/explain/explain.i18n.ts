import type { Translations } from '../../core/i18n/language';

export interface ExplainText {
  readonly breadcrumb: string;
  readonly breadcrumbLabel: string;
  readonly heading: (id: number) => string;
  readonly periodCaption: (unit: string, period: string) => string;
  readonly loading: string;
  readonly notFound: string;
  readonly badCriterion: string;
  readonly error: string;
  readonly retry: string;
  readonly lastUpdated: string;
  readonly figure: {
    readonly numerator: string;
    readonly denominator: string;
    readonly rate: string;
    readonly target: string;
    readonly points: string;
    readonly group: string;
  };
  readonly items: {
    readonly heading: (count: number) => string;
    readonly costing: (count: number) => string;
    readonly onlyCosting: string;
    readonly empty: string;
    readonly noneCosting: string;
    readonly showMore: (count: number) => string;
    readonly moreError: string;
    readonly listChanged: string;
    readonly reload: string;
    readonly costsPoints: string;
    readonly counted: string;
    readonly late: (duration: string) => string;
    readonly showHistory: string;
    readonly hideHistory: string;
    readonly kinds: Readonly<Record<string, string>>;
    readonly unit: string;
  };
  readonly duration: {
    readonly day: (n: number) => string;
    readonly hour: (n: number) => string;
    readonly minute: (n: number) => string;
  };
  readonly facts: Readonly<Record<string, string>>;
  readonly factValues: Readonly<Record<string, string>>;
  readonly yes: string;
  readonly no: string;
  readonly history: {
    readonly loading: string;
    readonly unavailable: string;
    readonly error: string;
    readonly chainIntact: string;
    readonly chainBroken: (version: number | null) => string;
    readonly chainHint: string;
    readonly columns: {
      readonly version: string;
      readonly event: string;
      readonly occurredAt: string;
      readonly recordedAt: string;
      readonly source: string;
      readonly hash: string;
    };
    readonly empty: string;
  };
}

export const EXPLAIN_TEXT: Translations<ExplainText> = {
  vi: {
    breadcrumb: 'Bảng xếp hạng',
    breadcrumbLabel: 'Đường dẫn',
    heading: (id) => `Giải trình tiêu chí ${id}`,
    periodCaption: (unit, period) => `${unit} · Kỳ đánh giá ${period}`,
    loading: 'Đang tải dữ liệu…',
    notFound: 'Không có số liệu giải trình cho đơn vị và kỳ này.',
    badCriterion: 'Tiêu chí phải là số từ 1 đến 21.',
    error: 'Không tải được phần giải trình. Vui lòng thử lại.',
    retry: 'Thử lại',
    lastUpdated: 'Cập nhật lúc',
    figure: {
      numerator: 'Tử số',
      denominator: 'Mẫu số',
      rate: 'Tỷ lệ',
      target: 'Chỉ tiêu',
      points: 'Điểm',
      group: 'Nhóm chỉ số',
    },
    items: {
      heading: (count) => `Hồ sơ, đối tượng được tính (${count})`,
      costing: (count) => `${count} mục làm mất điểm`,
      onlyCosting: 'Chỉ hiện mục làm mất điểm',
      empty: 'Không có hồ sơ hay đối tượng nào được tính trong kỳ.',
      noneCosting: 'Không có mục nào làm mất điểm.',
      showMore: (count) => `Xem thêm (còn ${count})`,
      moreError: 'Không tải được trang tiếp theo. Bấm “Xem thêm” để thử lại.',
      listChanged: 'Số liệu vừa thay đổi; danh sách đang xem được giữ nguyên.',
      reload: 'Tải lại danh sách',
      costsPoints: 'Làm mất điểm',
      counted: 'Đạt',
      late: (duration) => `trễ ${duration}`,
      showHistory: 'Xem lịch sử sự kiện',
      hideHistory: 'Ẩn lịch sử',
      kinds: { dossier: 'Hồ sơ', procedure: 'Thủ tục', petition: 'Phản ánh, kiến nghị', unit: 'Đơn vị' },
      unit: 'Đơn vị',
    },
    duration: { day: (n) => `${n} ngày`, hour: (n) => `${n} giờ`, minute: (n) => `${n} phút` },
    facts: {
      procedureCode: 'Mã thủ tục',
      channel: 'Hình thức nộp',
      receivedAt: 'Tiếp nhận',
      dueAt: 'Hẹn trả',
      supplementRequests: 'Số lần yêu cầu bổ sung',
      processedAt: 'Xử lý xong',
      returnedAt: 'Trả kết quả',
      withdrawnAt: 'Rút hồ sơ',
      paidOnline: 'Thanh toán trực tuyến',
      digitised: 'Đã số hóa',
      eResult: 'Kết quả điện tử',
      synced: 'Đồng bộ Cổng DVCQG',
      rating: 'Đánh giá',
      name: 'Tên thủ tục',
      announcements: 'Số lần công bố',
      publications: 'Số lần công khai',
      onlineLevel: 'Mức DVCTT',
      abolishedAt: 'Bãi bỏ',
      withinCompetence: 'Thuộc thẩm quyền',
      rounds: 'Số lượt xử lý',
      lastAnsweredAt: 'Trả lời gần nhất',
      level: 'Cấp',
      parentCode: 'Đơn vị cấp trên',
      endedAt: 'Kết thúc hoạt động',
    },
    factValues: {
      online: 'Trực tuyến',
      'in-person': 'Trực tiếp',
      postal: 'Bưu chính công ích',
      'very-satisfied': 'Rất hài lòng',
      satisfied: 'Hài lòng',
      unsatisfied: 'Không hài lòng',
      partial: 'Một phần',
      full: 'Toàn trình',
    },
    yes: 'Có',
    no: 'Không',
    history: {
      loading: 'Đang tải lịch sử…',
      unavailable: 'Chưa lấy được lịch sử sự kiện từ máy chủ.',
      error: 'Không tải được lịch sử sự kiện.',
      chainIntact: 'Chuỗi băm toàn vẹn',
      chainBroken: (version) => `Chuỗi băm bị phá vỡ${version === null ? '' : ` tại phiên bản ${version}`}`,
      chainHint: 'Mỗi sự kiện mang mã băm của nội dung và của sự kiện trước: lịch sử không thể bị sửa mà không lộ.',
      columns: {
        version: 'Phiên bản',
        event: 'Sự kiện',
        occurredAt: 'Phát sinh lúc',
        recordedAt: 'Ghi nhận lúc',
        source: 'Hệ thống nguồn',
        hash: 'Mã băm',
      },
      empty: 'Chưa có sự kiện nào.',
    },
  },
  en: {
    breadcrumb: 'Ranking',
    breadcrumbLabel: 'Breadcrumb',
    heading: (id) => `Criterion ${id} explained`,
    periodCaption: (unit, period) => `${unit} · ${period}`,
    loading: 'Loading…',
    notFound: 'No explanation for this unit and period.',
    badCriterion: 'The criterion must be a number from 1 to 21.',
    error: 'The explanation could not be loaded. Please try again.',
    retry: 'Retry',
    lastUpdated: 'Updated at',
    figure: {
      numerator: 'Numerator',
      denominator: 'Denominator',
      rate: 'Rate',
      target: 'Target',
      points: 'Points',
      group: 'Group',
    },
    items: {
      heading: (count) => `Dossiers and subjects counted (${count})`,
      costing: (count) => `${count} cost points`,
      onlyCosting: 'Only those that cost points',
      empty: 'Nothing was counted in the period.',
      noneCosting: 'Nothing costs points.',
      showMore: (count) => `Show more (${count} left)`,
      moreError: 'The next page could not be loaded. Press “Show more” to try again.',
      listChanged: 'The figures just changed; the list you are reading is kept.',
      reload: 'Reload the list',
      costsPoints: 'Costs points',
      counted: 'Counted',
      late: (duration) => `${duration} late`,
      showHistory: 'Show event history',
      hideHistory: 'Hide history',
      kinds: { dossier: 'Dossier', procedure: 'Procedure', petition: 'Petition', unit: 'Unit' },
      unit: 'Unit',
    },
    duration: {
      day: (n) => `${n} day${n === 1 ? '' : 's'}`,
      hour: (n) => `${n} hour${n === 1 ? '' : 's'}`,
      minute: (n) => `${n} minute${n === 1 ? '' : 's'}`,
    },
    facts: {
      procedureCode: 'Procedure',
      channel: 'Channel',
      receivedAt: 'Received',
      dueAt: 'Due',
      supplementRequests: 'Supplement requests',
      processedAt: 'Processed',
      returnedAt: 'Result returned',
      withdrawnAt: 'Withdrawn',
      paidOnline: 'Paid online',
      digitised: 'Digitised',
      eResult: 'Electronic result',
      synced: 'Synced to the national portal',
      rating: 'Rating',
      name: 'Procedure name',
      announcements: 'Announcements',
      publications: 'Publications',
      onlineLevel: 'Online service level',
      abolishedAt: 'Abolished',
      withinCompetence: 'Within competence',
      rounds: 'Handling rounds',
      lastAnsweredAt: 'Last answered',
      level: 'Level',
      parentCode: 'Parent unit',
      endedAt: 'Ended',
    },
    factValues: {
      online: 'Online',
      'in-person': 'In person',
      postal: 'Public postal service',
      'very-satisfied': 'Very satisfied',
      satisfied: 'Satisfied',
      unsatisfied: 'Unsatisfied',
      partial: 'Partial',
      full: 'Full',
    },
    yes: 'Yes',
    no: 'No',
    history: {
      loading: 'Loading the history…',
      unavailable: 'The event history is not available from the server yet.',
      error: 'The event history could not be loaded.',
      chainIntact: 'Hash chain intact',
      chainBroken: (version) => `Hash chain broken${version === null ? '' : ` at version ${version}`}`,
      chainHint: 'Each event carries a hash of its content and of the previous event: history cannot be rewritten unnoticed.',
      columns: {
        version: 'Version',
        event: 'Event',
        occurredAt: 'Occurred at',
        recordedAt: 'Recorded at',
        source: 'Source system',
        hash: 'Hash',
      },
      empty: 'No event yet.',
    },
  },
};
