import { formatInstantVi } from '../text/vi-text';

/**
 * Which figures a monthly document prints: a closed month's (read as of the instant the month was
 * closed, so the letter can be printed again with the same figures), or the live projection's —
 * provisional, "Số liệu tạm tính", because late events still move them (DOMAIN.md §5).
 */
export type DataCut =
  | { readonly kind: 'live' }
  | { readonly kind: 'closed'; readonly asOf: string; readonly closedAt: string; readonly closedBy: string };

export const LIVE: DataCut = { kind: 'live' };

/** The banner of a provisional document. */
export const PROVISIONAL_VI = 'Số liệu tạm tính';

/** "Số liệu tạm tính tại thời điểm 08:05 ngày 05/04/2025 (tháng chưa chốt)" / "Số liệu chốt tháng tại thời điểm …". */
export function dataTimeVi(cut: DataCut, generatedAt: number): string {
  return cut.kind === 'closed'
    ? `Số liệu chốt tháng tại thời điểm ${formatInstantVi(cut.asOf)}`
    : `${PROVISIONAL_VI} tại thời điểm ${formatInstantVi(generatedAt)} (tháng chưa chốt)`;
}
