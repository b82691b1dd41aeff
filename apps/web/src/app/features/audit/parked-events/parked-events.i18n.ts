import type { Translations } from '../../../core/i18n/language';

export interface ParkedEventsText {
  readonly heading: string;
  readonly help: string;
  readonly refresh: string;
  readonly loading: string;
  readonly none: string;
  readonly failedRecomputes: (count: number) => string;
  readonly columns: { readonly subject: string; readonly unit: string; readonly error: string; readonly events: string; readonly since: string; readonly actions: string };
  readonly retry: string;
  readonly skip: string;
  readonly reasonLabel: string;
  readonly reasonPlaceholder: string;
  readonly retried: (events: number) => string;
  readonly skipped: string;
  readonly error: (reason: string | null) => string;
}

export const PARKED_EVENTS_TEXT: Translations<ParkedEventsText> = {
  vi: {
    heading: 'Sự kiện bị tạm giữ',
    help: 'Sự kiện mà hệ thống chấm điểm không xử lý được được tạm giữ theo từng đối tượng (hồ sơ, thủ tục…); các đơn vị khác vẫn được chấm điểm bình thường. Thử lại sau khi đã khắc phục, hoặc bỏ qua kèm lý do.',
    refresh: 'Tải lại',
    loading: 'Đang tải…',
    none: 'Không có sự kiện nào bị tạm giữ.',
    failedRecomputes: (count) => `${count} lượt tính lại điểm đơn vị – kỳ bị lỗi (giữ số liệu tốt gần nhất).`,
    columns: { subject: 'Đối tượng', unit: 'Đơn vị', error: 'Lỗi', events: 'Số sự kiện', since: 'Từ lúc', actions: 'Xử lý' },
    retry: 'Thử lại',
    skip: 'Bỏ qua',
    reasonLabel: 'Lý do bỏ qua',
    reasonPlaceholder: 'Bắt buộc, được lưu làm hồ sơ',
    retried: (events) => `Đã áp dụng ${events} sự kiện.`,
    skipped: 'Đã bỏ qua; đối tượng được xử lý lại từ sự kiện tiếp theo.',
    error: (reason) => `Không thực hiện được${reason ? `: ${reason}` : '. Vui lòng thử lại.'}`,
  },
  en: {
    heading: 'Parked events',
    help: 'Events scoring could not fold are held per subject (dossier, procedure…); every other unit keeps scoring. Retry once the cause is fixed, or skip them with a reason.',
    refresh: 'Reload',
    loading: 'Loading…',
    none: 'Nothing is parked.',
    failedRecomputes: (count) => `${count} unit-period recompute(s) failed (the last good figures are kept).`,
    columns: { subject: 'Subject', unit: 'Unit', error: 'Error', events: 'Events', since: 'Since', actions: 'Action' },
    retry: 'Retry',
    skip: 'Skip',
    reasonLabel: 'Reason to skip',
    reasonPlaceholder: 'Required, kept on record',
    retried: (events) => `${events} event(s) applied.`,
    skipped: 'Skipped; the subject folds again from its next event.',
    error: (reason) => `That failed${reason ? `: ${reason}` : '. Please try again.'}`,
  },
};
