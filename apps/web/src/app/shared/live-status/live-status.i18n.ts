import type { Translations } from '../../core/i18n/language';
import type { LiveStatus } from '../../core/live/score-stream.service';

export interface LiveStatusText {
  readonly label: Readonly<Record<LiveStatus, string>>;
  readonly hint: Readonly<Record<LiveStatus, string>>;
}

export const LIVE_STATUS_TEXT: Translations<LiveStatusText> = {
  vi: {
    label: { connecting: 'Đang kết nối', live: 'Trực tuyến', offline: 'Mất kết nối' },
    hint: {
      connecting: 'Đang kết nối luồng cập nhật thời gian thực',
      live: 'Số liệu tự cập nhật khi điểm thay đổi',
      offline: 'Mất kết nối luồng cập nhật, đang thử kết nối lại',
    },
  },
  en: {
    label: { connecting: 'Connecting', live: 'Live', offline: 'Offline' },
    hint: {
      connecting: 'Connecting to the real-time update stream',
      live: 'Figures update by themselves when a score changes',
      offline: 'Update stream lost, reconnecting',
    },
  },
};
