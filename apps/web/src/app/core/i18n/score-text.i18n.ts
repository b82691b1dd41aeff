import type { Translations } from './language';

/**
 * Words shown where a number would mislead (DOMAIN §4): not applicable, no data and zero stay
 * distinct from ingestion to the screen.
 */
export interface ScoreText {
  readonly notApplicable: string;
  readonly noData: string;
  /** Payment criteria of a unit without fee-bearing procedures, as the letters print it. */
  readonly noFeeProcedures: string;
  readonly unranked: string;
  readonly noPreviousPeriod: string;
  /** Data-quality notes and policies behind a criterion's figure (CriterionScoreDto.flags). */
  readonly flags: Readonly<Record<string, string>>;
}

export const SCORE_TEXT: Translations<ScoreText> = {
  vi: {
    notApplicable: 'Không áp dụng',
    noData: 'Chưa có dữ liệu',
    noFeeProcedures: 'TTHC không có phí, lệ phí',
    unranked: 'Chưa xếp hạng',
    noPreviousPeriod: 'Chưa có số liệu kỳ trước',
    flags: {
      'empty-full-points': 'Không phát sinh trong kỳ: đạt điểm tối đa',
      'empty-zero': 'Không phát sinh hồ sơ trong kỳ: 0 điểm',
      'fallback-denominator': 'Tử số là hồ sơ đồng bộ trong kỳ, mẫu số lấy theo bình quân tháng của năm trước',
      'full-points-by-rule': 'Đạt điểm tối đa cho mọi đơn vị như Cổng DVCQG (theo bộ tiêu chí)',
      'no-fallback-average': 'Không có số liệu năm trước để thay mẫu số',
      'not-applicable-level': 'Không áp dụng cho cấp đơn vị này',
      'not-applicable-data': 'Không áp dụng theo dữ liệu của đơn vị',
      'no-fee-bearing-procedures': 'TTHC không có phí, lệ phí',
    },
  },
  en: {
    notApplicable: 'N/A',
    noData: 'No data',
    noFeeProcedures: 'No fee-bearing procedures',
    unranked: 'Not ranked',
    noPreviousPeriod: 'No figure for the previous period',
    flags: {
      'empty-full-points': 'Nothing in the period: full points',
      'empty-zero': 'No dossiers in the period: 0 points',
      'fallback-denominator': "Dossiers synced in the period over last year's monthly average",
      'full-points-by-rule': 'Full points for every unit, as the national portal gives (rule set)',
      'no-fallback-average': 'No figure from last year to stand in for the denominator',
      'not-applicable-level': "Does not apply at this unit's level",
      'not-applicable-data': "Does not apply according to the unit's data",
      'no-fee-bearing-procedures': 'No fee-bearing procedures',
    },
  },
};
