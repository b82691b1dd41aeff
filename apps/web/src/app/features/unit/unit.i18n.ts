import type { Translations } from '../../core/i18n/language';

export interface UnitText {
  readonly breadcrumb: string;
  readonly breadcrumbLabel: string;
  readonly levelAndCode: (level: string, code: string) => string;
  readonly periodCaption: (period: string) => string;
  readonly lastUpdated: string;
  readonly loading: string;
  readonly notFound: (code: string) => string;
  readonly error: string;
  readonly retry: string;
  readonly refreshFailed: string;
  readonly summary: {
    readonly heading: string;
    readonly total: string;
    readonly outOf: string;
    readonly band: string;
    readonly rank: (rank: string, peers: string) => string;
    readonly peersOf: (peers: string, parent: string) => string;
    readonly rescaled: (applicableMax: string) => string;
    readonly pooled: (count: number) => string;
    readonly ruleSet: (id: string) => string;
    readonly updatedAt: (when: string) => string;
  };
  readonly groups: {
    readonly heading: string;
    readonly rate: (rate: string) => string;
    /** The group's rank among the peers: "Hạng 03/34". */
    readonly rank: (rankText: string) => string;
    /** The peers' average beside the group: national for a province. */
    readonly average: (national: boolean, points: string) => string;
  };
  readonly criteria: {
    readonly heading: string;
    readonly caption: string;
    readonly columns: {
      readonly id: string;
      readonly name: string;
      readonly numerator: string;
      readonly denominator: string;
      readonly rate: string;
      readonly target: string;
      readonly points: string;
      readonly max: string;
      readonly status: string;
    };
    readonly status: { readonly met: string; readonly unmet: string; readonly scored: string };
    readonly explain: (id: number) => string;
    readonly groupRow: (points: string) => string;
  };
  readonly trend: {
    readonly heading: string;
    readonly series: string;
    readonly empty: string;
    readonly unavailable: string;
    readonly summary: (points: string) => string;
  };
  readonly radar: {
    readonly heading: string;
    readonly series: string;
    readonly summary: (points: string) => string;
    readonly tooltip: (rate: string, points: string) => string;
  };
  readonly subUnits: {
    readonly heading: string;
    readonly caption: (level: string) => string;
    readonly empty: string;
    readonly unavailable: string;
    readonly columns: { readonly rank: string; readonly unit: string; readonly total: string; readonly band: string; readonly change: string };
  };
  readonly exports: {
    readonly heading: string;
    readonly xlsx: string;
    readonly csv: string;
    readonly pdf: string;
    readonly appendixNote: string;
    readonly monthlyOnly: string;
  };
  readonly asOf: {
    readonly heading: string;
    readonly help: string;
    readonly input: string;
    readonly apply: string;
    readonly clear: string;
    readonly banner: (when: string) => string;
    readonly recomputing: (when: string) => string;
    readonly invalid: string;
  };
  readonly compare: {
    readonly heading: string;
    readonly help: string;
    readonly from: string;
    readonly to: string;
    readonly run: string;
    readonly running: string;
    readonly invalid: string;
    readonly unavailable: string;
    readonly error: string;
    readonly totals: (before: string, after: string, change: string) => string;
    readonly criteriaHeading: string;
    readonly noCriteria: string;
    readonly eventsHeading: (count: number) => string;
    readonly noEvents: string;
    readonly columns: {
      readonly criterion: string;
      readonly before: string;
      readonly after: string;
      readonly change: string;
      readonly recordedAt: string;
      readonly occurredAt: string;
      readonly event: string;
      readonly subject: string;
      readonly unit: string;
    };
  };
}

export const UNIT_TEXT: Translations<UnitText> = {
  vi: {
    breadcrumb: 'Bảng xếp hạng',
    breadcrumbLabel: 'Đường dẫn',
    levelAndCode: (level, code) => `${level} · Mã ${code}`,
    periodCaption: (period) => `Kết quả đánh giá ${period}`,
    lastUpdated: 'Cập nhật lúc',
    loading: 'Đang tải dữ liệu…',
    notFound: (code) => `Không tìm thấy đơn vị ${code} hoặc đơn vị chưa có điểm trong kỳ này.`,
    error: 'Không tải được điểm của đơn vị. Vui lòng thử lại.',
    retry: 'Thử lại',
    refreshFailed: 'Không tải được số liệu mới nhất; đang hiển thị lần cập nhật trước.',
    summary: {
      heading: 'Tổng quan',
      total: 'Tổng điểm',
      outOf: '/100',
      band: 'Xếp loại',
      rank: (rank, peers) => `Xếp hạng ${rank} ${peers}`,
      peersOf: (peers, parent) => `${peers} thuộc ${parent}`,
      rescaled: (applicableMax) => `Tổng điểm đã quy đổi về thang 100 từ ${applicableMax} điểm của các tiêu chí áp dụng; điểm các nhóm chưa quy đổi nên không cộng bằng tổng`,
      pooled: (count) => `Tổng hợp số liệu của ${count} đơn vị (đơn vị và các đơn vị trực thuộc)`,
      ruleSet: (id) => `Bộ quy tắc tính điểm: ${id}`,
      updatedAt: (when) => `Sự kiện mới nhất ghi nhận lúc ${when}`,
    },
    groups: {
      heading: 'Điểm theo nhóm chỉ số',
      rate: (rate) => `Tỷ lệ đạt ${rate}`,
      rank: (rankText) => `Hạng ${rankText}`,
      average: (national, points) => `${national ? 'Trung bình cả nước' : 'Trung bình cùng cấp'} ${points}`,
    },
    criteria: {
      heading: 'Chi tiết 21 tiêu chí',
      caption: 'Tử số, mẫu số, tỷ lệ và điểm của từng tiêu chí; bấm tên tiêu chí để xem giải trình',
      columns: {
        id: 'TT',
        name: 'Tiêu chí',
        numerator: 'Tử số',
        denominator: 'Mẫu số',
        rate: 'Tỷ lệ',
        target: 'Chỉ tiêu',
        points: 'Điểm',
        max: 'Tối đa',
        status: 'Đánh giá',
      },
      status: { met: 'Đạt chỉ tiêu', unmet: 'Chưa đạt', scored: 'Đã tính điểm' },
      explain: (id) => `Giải trình tiêu chí ${id}`,
      groupRow: (points) => `Điểm nhóm: ${points}`,
    },
    trend: {
      heading: 'Diễn biến tổng điểm 12 tháng',
      series: 'Tổng điểm',
      empty: 'Chưa có số liệu các tháng trước.',
      unavailable: 'Chưa lấy được số liệu diễn biến.',
      summary: (points) => `Tổng điểm theo tháng: ${points}`,
    },
    radar: {
      heading: 'Tỷ lệ đạt theo nhóm (điểm nhóm ÷ điểm tối đa áp dụng)',
      series: 'Tỷ lệ đạt',
      summary: (points) => `Tỷ lệ đạt theo nhóm: ${points}`,
      tooltip: (rate, points) => `${rate} (${points})`,
    },
    subUnits: {
      heading: 'Đơn vị trực thuộc',
      caption: (level) => `Xếp hạng ${level.toLowerCase()}`,
      empty: 'Không có đơn vị trực thuộc có điểm trong kỳ này.',
      unavailable: 'Chưa lấy được điểm của các đơn vị trực thuộc.',
      columns: { rank: 'Hạng', unit: 'Đơn vị', total: 'Tổng điểm', band: 'Xếp loại', change: 'So với kỳ trước' },
    },
    exports: {
      heading: 'Xuất báo cáo',
      xlsx: 'Phụ lục (Excel)',
      csv: 'Phụ lục (CSV)',
      pdf: 'Báo cáo tóm tắt (PDF)',
      appendixNote: 'Phụ lục kết quả của các đơn vị trực thuộc',
      monthlyOnly: 'Báo cáo được xuất theo tháng: hãy chọn kỳ đánh giá là một tháng.',
    },
    asOf: {
      heading: 'Số liệu tại một thời điểm',
      help: 'Dành cho kiểm toán: tính lại điểm chỉ từ các sự kiện đã ghi nhận đến thời điểm chọn (giờ Việt Nam).',
      input: 'Thời điểm ghi nhận',
      apply: 'Tính lại',
      clear: 'Về số liệu hiện tại',
      banner: (when) => `Đang xem điểm tính lại từ các sự kiện ghi nhận đến ${when} (giờ Việt Nam). Cập nhật trực tuyến tạm dừng.`,
      recomputing: (when) => `Đang tính lại điểm từ các sự kiện ghi nhận đến ${when}…`,
      invalid: 'Chọn ngày và giờ hợp lệ.',
    },
    compare: {
      heading: 'So sánh hai thời điểm',
      help: 'Những gì các sự kiện ghi nhận muộn đã thay đổi trong kỳ giữa hai thời điểm ghi nhận.',
      from: 'Từ thời điểm',
      to: 'Đến thời điểm',
      run: 'So sánh',
      running: 'Đang so sánh…',
      invalid: 'Thời điểm đầu phải trước thời điểm cuối.',
      unavailable: 'Chức năng so sánh chưa sẵn sàng trên máy chủ.',
      error: 'Không so sánh được. Vui lòng thử lại.',
      totals: (before, after, change) => `Tổng điểm: ${before} → ${after} (${change})`,
      criteriaHeading: 'Tiêu chí thay đổi',
      noCriteria: 'Không tiêu chí nào thay đổi.',
      eventsHeading: (count) => `Sự kiện ghi nhận muộn (${count})`,
      noEvents: 'Không có sự kiện nào được ghi nhận trong khoảng này.',
      columns: {
        criterion: 'Tiêu chí',
        before: 'Trước (tử số/mẫu số · điểm)',
        after: 'Sau (tử số/mẫu số · điểm)',
        change: 'Chênh lệch điểm',
        recordedAt: 'Ghi nhận lúc',
        occurredAt: 'Phát sinh lúc',
        event: 'Sự kiện',
        subject: 'Hồ sơ/đối tượng',
        unit: 'Đơn vị',
      },
    },
  },
  en: {
    breadcrumb: 'Ranking',
    breadcrumbLabel: 'Breadcrumb',
    levelAndCode: (level, code) => `${level} · Code ${code}`,
    periodCaption: (period) => `Results for ${period}`,
    lastUpdated: 'Updated at',
    loading: 'Loading…',
    notFound: (code) => `Unit ${code} is not known or has no score for this period.`,
    error: "The unit's score could not be loaded. Please try again.",
    retry: 'Retry',
    refreshFailed: 'The latest figures could not be loaded; showing the previous update.',
    summary: {
      heading: 'Overview',
      total: 'Total',
      outOf: '/100',
      band: 'Band',
      rank: (rank, peers) => `Rank ${rank} among ${peers}`,
      peersOf: (peers, parent) => `${peers} of ${parent}`,
      rescaled: (applicableMax) => `Total rescaled to 100 from the ${applicableMax} points of the applicable criteria; group points are not rescaled, so they do not add up to it`,
      pooled: (count) => `Pooled data of ${count} units (the unit and its sub-units)`,
      ruleSet: (id) => `Rule set: ${id}`,
      updatedAt: (when) => `Newest event recorded at ${when}`,
    },
    groups: {
      heading: 'Points by group',
      rate: (rate) => `${rate} of the maximum`,
      rank: (rankText) => `Rank ${rankText}`,
      average: (national, points) => `${national ? 'National average' : 'Peers\' average'} ${points}`,
    },
    criteria: {
      heading: 'The 21 criteria',
      caption: "Each criterion's numerator, denominator, rate and points; open a criterion to see what is behind it",
      columns: {
        id: 'No.',
        name: 'Criterion',
        numerator: 'Numerator',
        denominator: 'Denominator',
        rate: 'Rate',
        target: 'Target',
        points: 'Points',
        max: 'Max',
        status: 'Assessment',
      },
      status: { met: 'Target met', unmet: 'Below target', scored: 'Scored' },
      explain: (id) => `Explain criterion ${id}`,
      groupRow: (points) => `Group points: ${points}`,
    },
    trend: {
      heading: 'Total over 12 months',
      series: 'Total',
      empty: 'No figures for earlier months yet.',
      unavailable: 'The trend could not be loaded.',
      summary: (points) => `Total by month: ${points}`,
    },
    radar: {
      heading: 'Share of each group achieved (group points ÷ applicable maximum)',
      series: 'Achieved',
      summary: (points) => `Share achieved by group: ${points}`,
      tooltip: (rate, points) => `${rate} (${points})`,
    },
    subUnits: {
      heading: 'Sub-units',
      caption: (level) => `Ranking, ${level.toLowerCase()} level`,
      empty: 'No sub-unit has a score for this period.',
      unavailable: 'The sub-units could not be loaded.',
      columns: { rank: 'Rank', unit: 'Unit', total: 'Total', band: 'Band', change: 'Change' },
    },
    exports: {
      heading: 'Reports',
      xlsx: 'Appendix (Excel)',
      csv: 'Appendix (CSV)',
      pdf: 'Summary (PDF)',
      appendixNote: "Appendix of the unit's sub-units",
      monthlyOnly: 'Reports are monthly: pick a month as the period.',
    },
    asOf: {
      heading: 'Figures as of a moment',
      help: 'For auditors: recompute the score from the events recorded up to the chosen moment (Vietnam time).',
      input: 'Recorded up to',
      apply: 'Recompute',
      clear: 'Back to current figures',
      banner: (when) => `Showing the score recomputed from the events recorded up to ${when} (Vietnam time). Live updates paused.`,
      recomputing: (when) => `Recomputing the score from the events recorded up to ${when}…`,
      invalid: 'Pick a valid date and time.',
    },
    compare: {
      heading: 'Compare two moments',
      help: 'What late-arriving events changed in the period between two record-time moments.',
      from: 'From',
      to: 'To',
      run: 'Compare',
      running: 'Comparing…',
      invalid: 'The first moment must come before the second.',
      unavailable: 'Comparison is not available on the server yet.',
      error: 'The comparison failed. Please try again.',
      totals: (before, after, change) => `Total: ${before} → ${after} (${change})`,
      criteriaHeading: 'Criteria that changed',
      noCriteria: 'No criterion changed.',
      eventsHeading: (count) => `Events recorded late (${count})`,
      noEvents: 'No event was recorded in between.',
      columns: {
        criterion: 'Criterion',
        before: 'Before (numerator/denominator · points)',
        after: 'After (numerator/denominator · points)',
        change: 'Change in points',
        recordedAt: 'Recorded at',
        occurredAt: 'Occurred at',
        event: 'Event',
        subject: 'Dossier/subject',
        unit: 'Unit',
      },
    },
  },
};
