import type { Translations } from '../../core/i18n/language';

export interface SearchText {
  readonly label: string;
  readonly placeholder: string;
  readonly submit: string;
  readonly heading: string;
  readonly caption: (query: string, total: number) => string;
  readonly prompt: string;
  readonly tooShort: string;
  readonly loading: string;
  readonly error: string;
  readonly retry: string;
  readonly notFound: (query: string) => string;
  readonly advice: readonly string[];
  readonly seeAll: (total: number) => string;
  readonly levelFilter: string;
  readonly allLevels: string;
  readonly code: string;
  readonly under: string;
  readonly since: (date: string) => string;
  readonly ended: (date: string) => string;
  readonly mergedInto: string;
  readonly page: (from: number, to: number, total: number) => string;
  readonly previous: string;
  readonly next: string;
  readonly resultsLabel: string;
}

export const SEARCH_TEXT: Translations<SearchText> = {
  vi: {
    label: 'Tìm đơn vị',
    placeholder: 'Tìm đơn vị (có dấu hoặc không dấu)…',
    submit: 'Tìm',
    heading: 'Tìm kiếm đơn vị',
    caption: (query, total) => `${total} đơn vị khớp với “${query}”`,
    prompt: 'Nhập tên đơn vị (có dấu hoặc không dấu), mã đơn vị hoặc mã định danh.',
    tooShort: 'Nhập ít nhất 2 ký tự.',
    loading: 'Đang tìm…',
    error: 'Không tìm được lúc này. Vui lòng thử lại.',
    retry: 'Thử lại',
    notFound: (query) => `Không tìm thấy đơn vị nào khớp với “${query}”.`,
    advice: [
      'Kiểm tra chính tả; có thể gõ không dấu, ví dụ “hung yen” cho Hưng Yên.',
      'Gõ một phần của tên, bỏ các chữ “UBND”, “tỉnh”, “xã”, “phường”.',
      'Tìm theo mã đơn vị (HY25) hoặc mã định danh (H31, 000.00.12.H31).',
      'Đơn vị đã sáp nhập từ 01/07/2025 vẫn tìm được theo tên cũ.',
    ],
    seeAll: (total) => `Xem tất cả ${total} kết quả`,
    levelFilter: 'Cấp đơn vị',
    allLevels: 'Tất cả các cấp',
    code: 'Mã',
    under: 'Thuộc',
    since: (date) => `Từ ${date}`,
    ended: (date) => `Đến ${date}`,
    mergedInto: 'Sáp nhập vào',
    page: (from, to, total) => `${from}–${to} trên ${total}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    resultsLabel: 'Kết quả tìm kiếm',
  },
  en: {
    label: 'Find a unit',
    placeholder: 'Find a unit (with or without diacritics)…',
    submit: 'Search',
    heading: 'Find a unit',
    caption: (query, total) => `${total} units match “${query}”`,
    prompt: 'Type a unit name (with or without diacritics), a unit code or a national code.',
    tooShort: 'Type at least 2 characters.',
    loading: 'Searching…',
    error: 'The search failed. Please try again.',
    retry: 'Retry',
    notFound: (query) => `No unit matches “${query}”.`,
    advice: [
      'Check the spelling; diacritics are optional, e.g. “hung yen” for Hưng Yên.',
      'Type part of the name, without “UBND”, “tỉnh”, “xã”, “phường”.',
      'Search by unit code (HY25) or national code (H31, 000.00.12.H31).',
      'Units merged on 1 July 2025 are still found by their old names.',
    ],
    seeAll: (total) => `See all ${total} results`,
    levelFilter: 'Level',
    allLevels: 'All levels',
    code: 'Code',
    under: 'Under',
    since: (date) => `From ${date}`,
    ended: (date) => `Until ${date}`,
    mergedInto: 'Merged into',
    page: (from, to, total) => `${from}–${to} of ${total}`,
    previous: 'Previous',
    next: 'Next',
    resultsLabel: 'Search results',
  },
};
