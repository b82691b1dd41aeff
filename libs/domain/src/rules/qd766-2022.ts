import type { CriterionRule, GroupRule, RuleSet } from './rule-set';
import { VIETNAM_WORKING_CALENDAR_2022_2026 } from './vietnam-working-calendar';

const groups: GroupRule[] = [
  { id: 'transparency', nameVi: 'Công khai, minh bạch', nameEn: 'Publicity and transparency', max: 18 },
  { id: 'progress', nameVi: 'Tiến độ giải quyết', nameEn: 'Processing progress', max: 20 },
  { id: 'online-service', nameVi: 'Dịch vụ công trực tuyến', nameEn: 'Online public services', max: 12 },
  { id: 'online-payment', nameVi: 'Thanh toán trực tuyến', nameEn: 'Online payment', max: 10 },
  { id: 'satisfaction', nameVi: 'Mức độ hài lòng', nameEn: 'Satisfaction', max: 18 },
  { id: 'digitisation', nameVi: 'Số hóa hồ sơ', nameEn: 'Dossier digitisation', max: 22 },
];

type Row = [number, CriterionRule['group'], string, string, number, number, CriterionRule['whenEmpty']?];

// DOMAIN.md §2 table, row for row: id, group, Vietnamese name, English name, max, target, empty-denominator policy.
// Criterion 4's empty denominator falls back to last year's monthly average (§4). Criterion 15's
// denominator counts units competent to certify: none means the criterion does not concern the unit
// (used only where the rule set scores 15 as a ratio, see QD766_2022_COUNTED_COPIES).
const rows: Row[] = [
  [1, 'transparency', 'Tỷ lệ TTHC công bố đúng hạn', 'Procedures announced on time', 6, 1],
  [2, 'transparency', 'Tỷ lệ TTHC được cập nhật, công khai đúng hạn', 'Procedures published on time', 4, 1],
  [3, 'transparency', 'Tỷ lệ TTHC công khai đầy đủ nội dung', 'Procedures published in full', 2, 1],
  [4, 'transparency', 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG', 'Dossiers synced to the national portal', 6, 1, 'fallback-average'],
  [5, 'progress', 'Tỷ lệ hồ sơ xử lý đúng hạn', 'Dossiers processed on time', 20, 1],
  [6, 'online-service', 'Tỷ lệ TTHC cung cấp DVCTT', 'Procedures offered online', 2, 0.8],
  [7, 'online-service', 'Tỷ lệ DVCTT có phát sinh hồ sơ', 'Online services actually used', 4, 1],
  [8, 'online-service', 'Tỷ lệ hồ sơ nộp trực tuyến', 'Dossiers filed online', 6, 0.5],
  [9, 'online-payment', 'Tỷ lệ TTHC có giao dịch thanh toán trực tuyến', 'Fee procedures with an online payment', 2, 0.8],
  [10, 'online-payment', 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến', 'Fee procedures integrated for online payment', 2, 0.8],
  [11, 'online-payment', 'Tỷ lệ hồ sơ thanh toán trực tuyến', 'Dossiers paid online', 6, 1],
  [12, 'digitisation', 'Tỷ lệ hồ sơ có cấp kết quả điện tử', 'Dossiers with an electronic result', 6, 1],
  [13, 'digitisation', 'Tỷ lệ hồ sơ thực hiện số hóa', 'Dossiers digitised', 4, 1],
  [14, 'digitisation', 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', 'Dossiers re-using digitised data', 2, 0.8],
  [15, 'digitisation', 'Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính', 'Units issuing e-certified copies', 2, 1, 'not-applicable'],
  [16, 'digitisation', 'Tỷ lệ hồ sơ số hóa kết nối, đồng bộ với kho dữ liệu cá nhân trên Cổng DVCQG', "Dossiers linked to the citizen's data store", 4, 1],
  [17, 'digitisation', 'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư', 'Procedures using the population database', 2, 1],
  [18, 'digitisation', 'Tỷ lệ hồ sơ TTHC có sử dụng dữ liệu dân cư', 'Dossiers using population data', 2, 1],
  [19, 'satisfaction', 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', 'Petitions handled on time', 6, 1, 'full-points'],
  [20, 'satisfaction', 'Tỷ lệ hài lòng trong xử lý PAKN', 'Satisfaction with petition handling', 6, 1, 'full-points'],
  [21, 'satisfaction', 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC', 'Satisfaction with dossier handling', 6, 0.9, 'zero'],
];

/**
 * §4 policies beyond the table: criterion 2 is a provincial duty; payment criteria need fees;
 * criterion 15 follows the national portal's 2026 evaluation — full points for every unit
 * (province, department, commune) — by default.
 */
const policies: Readonly<Record<number, Pick<CriterionRule, 'appliesToLevels' | 'notApplicableWhen' | 'scoredAs'>>> = {
  2: { appliesToLevels: ['province'] },
  9: { notApplicableWhen: 'no-fee-bearing-procedures' },
  10: { notApplicableWhen: 'no-fee-bearing-procedures' },
  11: { notApplicableWhen: 'no-fee-bearing-procedures' },
  15: { scoredAs: 'full-points' },
};

const criteria: CriterionRule[] = rows.map(([id, group, nameVi, nameEn, max, target, whenEmpty]) => ({
  id, group, nameVi, nameEn, max, target, whenEmpty: whenEmpty ?? 'no-data', ...policies[id],
}));

/** Decision 766/QĐ-TTg of 23 June 2022, as DOMAIN.md describes it: the default rule set. */
export const QD766_2022: RuleSet = {
  id: 'qd766-2022',
  effectiveFrom: '2022-06-23',
  groups,
  criteria,
  dossier: { maxSupplementRequestsOnTime: 1, missingHandlerIsLate: false },
  deadlines: { announcementLeadWorkingDays: 5, publicationWorkingDays: 5, petitionDefaultWorkingDays: 10 },
  procedure: {
    // Decree 63/2010 art. 8 items a–g: the seven parts every published procedure must show.
    mandatoryParts: ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority'],
    // Most procedures end in a document (licence, certificate, decision); say otherwise per procedure.
    resultIsDocumentByDefault: true,
    // Counting a procedure as citizen-facing needs a statement; unknown ones stay out of criterion 17.
    citizenFacingByDefault: false,
    paymentIntegrationEvidence: 'dossier-fee-data',
  },
  calendar: VIETNAM_WORKING_CALENDAR_2022_2026,
  rescaleNotApplicable: true,
  bands: [
    { labelVi: 'Xuất sắc', labelEn: 'Excellent', min: 90 },
    { labelVi: 'Tốt', labelEn: 'Good', min: 80 },
    { labelVi: 'Khá', labelEn: 'Fair', min: 70 },
    { labelVi: 'Trung bình', labelEn: 'Average', min: 50 },
    { labelVi: 'Yếu', labelEn: 'Weak', min: Number.NEGATIVE_INFINITY },
  ],
  rounding: { group: 1, total: 2, rate: 2 },
};

/**
 * The same rules with criterion 15 counted strictly (DOMAIN.md §4's rule-set option): units with
 * ≥ 1 completed e-certified copy in the period / units competent to certify; N/A for a unit with no
 * competent unit. Not registered (its dates equal qd766-2022's): register it in RULE_SETS in place of
 * QD766_2022 to score this way. See docs/criteria-rules.md.
 */
export const QD766_2022_COUNTED_COPIES: RuleSet = {
  ...QD766_2022,
  id: 'qd766-2022-counted-copies',
  criteria: QD766_2022.criteria.map((c) => (c.id === 15 ? { ...c, scoredAs: 'ratio' } : c)),
};
