import type { Translations } from '../../core/i18n/language';

export interface RankingText {
  readonly heading: string;
  readonly periodCaption: (period: string, level: string, parent: string | null) => string;
  readonly levelPicker: string;
  readonly parentPicker: string;
  readonly parentPlaceholder: string;
  readonly parentApply: string;
  readonly parentClear: string;
  readonly lastUpdated: string;
  readonly loading: string;
  readonly empty: string;
  readonly error: string;
  readonly refreshFailed: string;
  readonly retry: string;
  readonly tableCaption: (period: string) => string;
  readonly sortHint: string;
  readonly openUnit: (name: string) => string;
  readonly average: string;
  readonly nationalAverage: string;
  readonly averageOf: (count: number) => string;
  /** A group's rank among the peers, beside its points: "hạng 03/34". */
  readonly groupRank: (rankText: string) => string;
  readonly changeTitle: { readonly up: string; readonly down: string; readonly same: string };
  readonly columns: {
    readonly rank: string;
    readonly unit: string;
    readonly level: string;
    readonly total: string;
    readonly band: string;
    readonly change: string;
  };
}

export const RANKING_TEXT: Translations<RankingText> = {
  vi: {
    heading: 'Bảng xếp hạng',
    periodCaption: (period, level, parent) =>
      `Kết quả đánh giá ${period}, ${level.toLowerCase()}${parent ? ` thuộc ${parent}` : ''}, thang điểm 100`,
    levelPicker: 'Cấp đơn vị',
    parentPicker: 'Thuộc đơn vị (mã)',
    parentPlaceholder: 'Ví dụ: HY',
    parentApply: 'Lọc',
    parentClear: 'Bỏ lọc',
    lastUpdated: 'Cập nhật lúc',
    loading: 'Đang tải dữ liệu…',
    empty: 'Chưa có dữ liệu cho kỳ này',
    error: 'Không tải được bảng xếp hạng. Vui lòng thử lại.',
    refreshFailed: 'Không tải được số liệu mới nhất; đang hiển thị lần cập nhật trước.',
    retry: 'Thử lại',
    tableCaption: (period) => `Xếp hạng các đơn vị, ${period}`,
    sortHint: 'Bấm vào tiêu đề cột để sắp xếp',
    openUnit: (name) => `Xem chi tiết ${name}`,
    average: 'Trung bình',
    nationalAverage: 'Trung bình cả nước',
    averageOf: (count) => `${count} đơn vị`,
    groupRank: (rankText) => `hạng ${rankText}`,
    changeTitle: { up: 'Tăng so với kỳ trước', down: 'Giảm so với kỳ trước', same: 'Không đổi so với kỳ trước' },
    columns: { rank: 'Hạng', unit: 'Đơn vị', level: 'Cấp', total: 'Tổng điểm', band: 'Xếp loại', change: 'So với kỳ trước' },
  },
  en: {
    heading: 'Ranking',
    periodCaption: (period, level, parent) =>
      `Results for ${period}, ${level.toLowerCase()} level${parent ? ` under ${parent}` : ''}, out of 100 points`,
    levelPicker: 'Level',
    parentPicker: 'Under unit (code)',
    parentPlaceholder: 'e.g. HY',
    parentApply: 'Filter',
    parentClear: 'Clear',
    lastUpdated: 'Updated at',
    loading: 'Loading…',
    empty: 'No data for this period yet',
    error: 'The ranking could not be loaded. Please try again.',
    refreshFailed: 'The latest figures could not be loaded; showing the previous update.',
    retry: 'Retry',
    tableCaption: (period) => `Ranking of units, ${period}`,
    sortHint: 'Click a column heading to sort',
    openUnit: (name) => `Open ${name}`,
    average: 'Average',
    nationalAverage: 'National average',
    averageOf: (count) => `${count} units`,
    groupRank: (rankText) => `rank ${rankText}`,
    changeTitle: { up: 'Up on the previous period', down: 'Down on the previous period', same: 'Same as the previous period' },
    columns: { rank: 'Rank', unit: 'Unit', level: 'Level', total: 'Total', band: 'Band', change: 'Change' },
  },
};
