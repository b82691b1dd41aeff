import type { DossierFacts } from '../dossier/dossier-facts';
import { effectiveDueAt, judgedAt, supplementRequestsBy } from '../dossier/on-time';
import type { RuleSet } from '../rules/rule-set';
import type { SubjectOfAnyKind } from './subject-summary';

export interface Reason {
  readonly vi: string;
  readonly en: string;
  readonly lateByMs: number | null;
}

const HOUR = 3_600_000;

/** "2 ngày 3 giờ" / "2 days 3 hours" (calendar time; the due time already holds the working days). */
export function durationText(ms: number): { vi: string; en: string } {
  const days = Math.floor(ms / (24 * HOUR));
  const hours = Math.floor((ms % (24 * HOUR)) / HOUR);
  const minutes = Math.max(1, Math.round((ms % HOUR) / 60_000));
  if (days === 0 && hours === 0) return { vi: `${minutes} phút`, en: `${minutes} minute${minutes === 1 ? '' : 's'}` };
  const vi = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : ''].filter(Boolean).join(' ');
  const en = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} hour${hours === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ');
  return { vi, en };
}

function lateDossier(d: DossierFacts, evaluatedAt: number, rules: RuleSet): Reason {
  const { t, finished } = judgedAt(d, evaluatedAt);
  const requests = supplementRequestsBy(d, t);
  if (requests > rules.dossier.maxSupplementRequestsOnTime) {
    return { vi: `Yêu cầu bổ sung ${requests} lần (quá ${rules.dossier.maxSupplementRequestsOnTime} lần)`, en: `${requests} supplement requests (more than ${rules.dossier.maxSupplementRequestsOnTime})`, lateByMs: null };
  }
  if (rules.dossier.missingHandlerIsLate && (d.stepsWithoutHandler ?? 0) > 0) {
    return { vi: 'Có bước xử lý thiếu tên hoặc chức danh người xử lý', en: 'A processing step lacks the handler name or title', lateByMs: null };
  }
  const due = effectiveDueAt(d, t);
  const lateBy = due === undefined ? 0 : Math.max(0, t - due);
  const text = durationText(lateBy);
  return finished
    ? { vi: `Hoàn thành trễ hạn ${text.vi}`, en: `Finished ${text.en} after the due time`, lateByMs: lateBy }
    : { vi: `Chưa giải quyết, đã quá hạn ${text.vi}`, en: `Still pending, ${text.en} overdue`, lateByMs: lateBy };
}

const MISSING: Readonly<Record<number, { vi: string; en: string }>> = {
  1: { vi: 'Quyết định công bố ban hành muộn so với ngày hiệu lực của văn bản quy định', en: 'Announced less than 5 working days before the legal basis took effect' },
  2: { vi: 'Chưa công khai đúng hạn trên CSDL quốc gia về TTHC', en: 'Not published on the national database on time' },
  3: { vi: 'Công khai chưa đầy đủ các bộ phận của TTHC', en: 'Published without all mandatory parts' },
  4: { vi: 'Hồ sơ chưa đồng bộ lên Cổng DVCQG', en: 'Not synced to the national portal' },
  6: { vi: 'TTHC chưa cung cấp dịch vụ công trực tuyến', en: 'No online public service for the procedure' },
  7: { vi: 'DVCTT không phát sinh hồ sơ trực tuyến trong kỳ', en: 'No online dossier for the online service in the period' },
  8: { vi: 'Hồ sơ không nộp trực tuyến', en: 'Not filed online' },
  9: { vi: 'TTHC có phí chưa có giao dịch thanh toán trực tuyến', en: 'Fee-bearing procedure with no online payment in the period' },
  10: { vi: 'TTHC có nghĩa vụ tài chính chưa tích hợp thanh toán trực tuyến', en: 'Fee procedure not integrated for online payment' },
  11: { vi: 'Hồ sơ có phí chưa thanh toán trực tuyến', en: 'Fee dossier not paid online' },
  12: { vi: 'Hồ sơ chưa được cấp kết quả điện tử', en: 'No electronic result issued' },
  13: { vi: 'Hồ sơ chưa được số hóa', en: 'Dossier not digitised' },
  14: { vi: 'Hồ sơ không tái sử dụng dữ liệu số hóa', en: 'No digitised data re-used' },
  15: { vi: 'Đơn vị chưa có bản sao điện tử được chứng thực trong kỳ', en: 'No electronic certified copy issued in the period' },
  16: { vi: 'Hồ sơ chưa kết nối kho dữ liệu cá nhân trên Cổng DVCQG', en: "Not linked to the citizen's data store" },
  17: { vi: 'TTHC chưa có hồ sơ sử dụng dữ liệu dân cư', en: 'No dossier of the procedure used population data' },
  18: { vi: 'Hồ sơ không sử dụng dữ liệu dân cư', en: 'Population data not used' },
  19: { vi: 'Phản ánh, kiến nghị xử lý quá hạn', en: 'Petition handled late' },
  20: { vi: 'Người dân không hài lòng hoặc xử lý quá hạn', en: 'Rated unsatisfactory or handled late' },
  21: { vi: 'Không hài lòng, có phản ánh hoặc quá hạn', en: 'Rated unsatisfactory, petitioned or overdue' },
};

/** Why a subject in the denominator is missing from the numerator, in words a person can act on. */
export function whyNotCounted(criterion: number, s: SubjectOfAnyKind, evaluatedAt: number, rules: RuleSet): Reason {
  if (criterion === 5 && s.kind === 'dossier') return lateDossier(s, evaluatedAt, rules);
  const text = MISSING[criterion] ?? { vi: 'Không đạt yêu cầu của tiêu chí', en: 'Does not meet the criterion' };
  return { ...text, lateByMs: null };
}
