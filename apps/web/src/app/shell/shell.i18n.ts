import type { Translations } from '../core/i18n/language';

export interface ShellText {
  readonly title: string;
  readonly subtitle: string;
  readonly documentTitle: string;
  readonly nav: {
    readonly label: string;
    readonly ranking: string;
    readonly search: string;
    readonly map: string;
    readonly wall: string;
    readonly reconcile: string;
    readonly audit: string;
  };
  readonly footer: string;
  readonly account: { readonly login: string; readonly logout: string; readonly signedInAs: string };
}

export const SHELL_TEXT: Translations<ShellText> = {
  vi: {
    title: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)',
    subtitle: 'Đánh giá chất lượng giải quyết thủ tục hành chính, dịch vụ công theo thời gian thực',
    documentTitle: 'Bộ chỉ số 766',
    nav: {
      label: 'Điều hướng chính',
      ranking: 'Xếp hạng',
      search: 'Tìm kiếm',
      map: 'Bản đồ',
      wall: 'Trình chiếu',
      reconcile: 'Đối soát',
      audit: 'Kiểm toán',
    },
    footer: 'Điểm tối đa 100 · Số liệu cập nhật theo thời gian thực từ hệ thống một cửa điện tử',
    account: { login: 'Đăng nhập', logout: 'Đăng xuất', signedInAs: 'Đang đăng nhập' },
  },
  en: {
    title: 'Citizen and business service index (Decision 766/QĐ-TTg)',
    subtitle: 'Real-time quality of administrative procedures and public services',
    documentTitle: 'Index 766',
    nav: {
      label: 'Main navigation',
      ranking: 'Ranking',
      search: 'Search',
      map: 'Map',
      wall: 'Wall display',
      reconcile: 'Reconciliation',
      audit: 'Audit',
    },
    footer: 'Out of 100 points · Figures update in real time from the one-stop systems',
    account: { login: 'Sign in', logout: 'Sign out', signedInAs: 'Signed in' },
  },
};
