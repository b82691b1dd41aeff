import type { Translations } from '../../core/i18n/language';

export interface WallText {
  readonly heading: string;
  readonly caption: (period: string, level: string, parent: string | null) => string;
  readonly dataTime: string;
  readonly fetchedAt: string;
  readonly fullscreen: string;
  readonly exitFullscreen: string;
  readonly pause: string;
  readonly resume: string;
  readonly page: (page: number, pages: number) => string;
  readonly exit: string;
  readonly loading: string;
  readonly empty: string;
  readonly error: string;
  readonly refreshFailed: string;
  readonly retry: string;
  readonly average: string;
  readonly columns: { readonly rank: string; readonly unit: string; readonly total: string; readonly band: string; readonly change: string };
}

export const WALL_TEXT: Translations<WallText> = {
  vi: {
    heading: 'Bảng xếp hạng',
    caption: (period, level, parent) => `${period} · ${level}${parent ? ` thuộc ${parent}` : ''} · thang điểm 100`,
    dataTime: 'Số liệu đến',
    fetchedAt: 'Cập nhật lúc',
    fullscreen: 'Toàn màn hình',
    exitFullscreen: 'Thoát toàn màn hình',
    pause: 'Tạm dừng',
    resume: 'Tiếp tục',
    page: (page, pages) => `Trang ${page}/${pages}`,
    exit: 'Thoát trình chiếu',
    loading: 'Đang tải dữ liệu…',
    empty: 'Chưa có dữ liệu cho kỳ này',
    error: 'Không tải được bảng xếp hạng.',
    refreshFailed: 'Không tải được số liệu mới nhất; đang hiển thị lần cập nhật trước.',
    retry: 'Thử lại',
    average: 'Trung bình',
    columns: { rank: 'Hạng', unit: 'Đơn vị', total: 'Tổng điểm', band: 'Xếp loại', change: 'So với kỳ trước' },
  },
  en: {
    heading: 'Ranking',
    caption: (period, level, parent) => `${period} · ${level}${parent ? ` under ${parent}` : ''} · out of 100`,
    dataTime: 'Figures up to',
    fetchedAt: 'Updated at',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    pause: 'Pause',
    resume: 'Resume',
    page: (page, pages) => `Page ${page}/${pages}`,
    exit: 'Leave the wall display',
    loading: 'Loading…',
    empty: 'No data for this period yet',
    error: 'The ranking could not be loaded.',
    refreshFailed: 'The latest figures could not be loaded; showing the previous update.',
    retry: 'Retry',
    average: 'Average',
    columns: { rank: 'Rank', unit: 'Unit', total: 'Total', band: 'Band', change: 'Change' },
  },
};
