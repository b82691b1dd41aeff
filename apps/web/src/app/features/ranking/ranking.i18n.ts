import type { Translations } from '../../core/i18n/language';

export interface RankingText {
  readonly heading: string;
  readonly periodCaption: (month: string) => string;
  readonly periodPicker: string;
  readonly lastUpdated: string;
  readonly loading: string;
  readonly empty: string;
  readonly error: string;
  readonly refreshFailed: string;
  readonly retry: string;
  readonly tableCaption: (month: string) => string;
  readonly columns: {
    readonly rank: string;
    readonly unit: string;
    readonly level: string;
    readonly total: string;
    readonly band: string;
  };
}

export const RANKING_TEXT: Translations<RankingText> = {
  vi: {
    heading: 'Bảng xếp hạng',
    periodCaption: (month) => `Kết quả đánh giá tháng ${month}, thang điểm 100`,
    periodPicker: 'Kỳ đánh giá',
    lastUpdated: 'Cập nhật lúc',
    loading: 'Đang tải dữ liệu…',
    empty: 'Chưa có dữ liệu cho kỳ này',
    error: 'Không tải được bảng xếp hạng. Vui lòng thử lại.',
    refreshFailed: 'Không tải được số liệu mới nhất; đang hiển thị lần cập nhật trước.',
    retry: 'Thử lại',
    tableCaption: (month) => `Xếp hạng các đơn vị, tháng ${month}`,
    columns: { rank: 'Hạng', unit: 'Đơn vị', level: 'Cấp', total: 'Tổng điểm', band: 'Xếp loại' },
  },
  en: {
    heading: 'Ranking',
    periodCaption: (month) => `Results for ${month}, out of 100 points`,
    periodPicker: 'Period',
    lastUpdated: 'Updated at',
    loading: 'Loading…',
    empty: 'No data for this period yet',
    error: 'The ranking could not be loaded. Please try again.',
    refreshFailed: 'The latest figures could not be loaded; showing the previous update.',
    retry: 'Retry',
    tableCaption: (month) => `Ranking of units, ${month}`,
    columns: { rank: 'Rank', unit: 'Unit', level: 'Level', total: 'Total', band: 'Band' },
  },
};
