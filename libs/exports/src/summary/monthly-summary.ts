import type { CriterionScoreDto, RankingDto, UnitRefDto, UnitScoreDto } from '@idx/contracts';
import { DISPLAY_TEXT_VI, formatGroup, formatNumberVi, formatRank, parsePeriod, RESCALED_NOTE_VI, ruleSetById, ruleSetForPeriod, type RuleSet } from '@idx/domain';
import { cellText, criterionRateCell } from '../text/cells';
import { asciiFileName, formatInstantVi, levelLabelVi, monthLabel, unicodeFileName } from '../text/vi-text';
import { INDEX_TITLE_VI } from '../appendix/monthly-appendix';

export interface SummaryGroupLine {
  readonly id: string;
  readonly name: string;
  /** "15,8/22" or N/A */
  readonly score: string;
  /** points ÷ applicable max, "71,82%" or N/A */
  readonly rate: string;
  /** The peers' mean points for the group ("14,2"), "—" when unknown. */
  readonly average: string;
}

export interface SummaryCriterionLine {
  readonly id: number;
  readonly groupId: string;
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
  /** "98,25%", N/A, "TTHC không có phí, lệ phí" or "Chưa có dữ liệu" */
  readonly rate: string;
  /** "19,65/20" or N/A */
  readonly points: string;
  /** Why the rule set decided the score when the plain ratio did not. */
  readonly note: string | null;
}

export interface MonthlySummary {
  readonly period: string;
  /** "03/2025" */
  readonly month: string;
  readonly unit: UnitRefDto;
  readonly levelLabel: string;
  readonly title: string;
  readonly generatedAt: number;
  /** "Số liệu tại thời điểm 08:05 ngày 05/04/2025" */
  readonly dataTime: string;
  /** "Sự kiện mới nhất được ghi nhận lúc …", null when nothing was recorded. */
  readonly latestEvent: string | null;
  readonly ruleSetId: string;
  /** "73,61/100", or "Chưa có dữ liệu" when the unit has no figure at all. */
  readonly total: string;
  readonly band: string;
  /** "Xếp hạng thứ 12/63 cả nước", null when the unit is not ranked. */
  readonly rank: string | null;
  /** "Trung bình cả nước" / "Trung bình khối sở, ban, ngành" */
  readonly averageLabel: string;
  readonly averageTotal: string;
  readonly rescaledNote: string | null;
  readonly groups: readonly SummaryGroupLine[];
  readonly criteria: readonly SummaryCriterionLine[];
}

export interface MonthlySummaryInput {
  readonly score: UnitScoreDto;
  /** The ranking of the unit's peer group (provinces nationally, else its level inside its province): averages. */
  readonly peers?: RankingDto | null;
  readonly generatedAt: number | Date;
}

const FLAG_NOTES: Readonly<Record<string, string>> = {
  'empty-full-points': 'Không phát sinh trong kỳ: tính điểm tối đa theo quy tắc.',
  'empty-zero': 'Không phát sinh hồ sơ trong kỳ: 0 điểm theo quy tắc.',
  'fallback-denominator': 'Không tiếp nhận hồ sơ trong kỳ: tử số là hồ sơ đồng bộ trong kỳ, mẫu số là số hồ sơ trung bình tháng của năm trước.',
  'full-points-by-rule': 'Tính điểm tối đa cho mọi đơn vị như Cổng DVCQG (quy tắc của bộ tiêu chí).',
  'no-fallback-average': 'Không tiếp nhận hồ sơ và không có số liệu năm trước: 0 điểm (cần kiểm tra dữ liệu).',
  'not-applicable-level': 'Không áp dụng với cấp đơn vị này.',
  'not-applicable-data': 'Không áp dụng với đơn vị theo dữ liệu.',
};

/** Criterion 15 is N/A from data when no pooled unit is competent to certify copies. */
const NOTE_OVERRIDES: Readonly<Record<string, string>> = {
  '15/not-applicable-data': 'Đơn vị không có thẩm quyền chứng thực bản sao.',
};

function noteOf(c: CriterionScoreDto): string | null {
  const notes = c.flags.map((f) => NOTE_OVERRIDES[`${c.id}/${f}`] ?? FLAG_NOTES[f]).filter((n): n is string => n !== undefined);
  return notes.length > 0 ? [...new Set(notes)].join(' ') : null;
}

function rulesOf(score: UnitScoreDto): RuleSet {
  try {
    return ruleSetById(score.ruleSetId);
  } catch {
    return ruleSetForPeriod(parsePeriod(score.period));
  }
}

/** "cả nước" for provinces; "khối sở, ban, ngành" inside a province. */
export function peerLabel(level: string, peerGroup: string | undefined): string {
  if (peerGroup === 'national/province' || level === 'province') return 'cả nước';
  return `khối ${levelLabelVi(level).toLocaleLowerCase('vi')}`;
}

/**
 * One unit's printable monthly summary: total /100, band and rank, the 6 groups as "x/max" beside
 * the peers' average (the national average for a province), and the 21 criteria with numerator,
 * denominator, rate and points. Pure: everything comes from the DTOs.
 */
export function buildMonthlySummary(input: MonthlySummaryInput): MonthlySummary {
  const { score, peers } = input;
  const month = monthLabel(score.period);
  const rules = rulesOf(score);
  const decimals = { rate: rules.rounding.rate, total: rules.rounding.total };
  const generatedAt = input.generatedAt instanceof Date ? input.generatedAt.getTime() : input.generatedAt;
  // THE activity rule, decided once by the scoring (docs/one-score.md): no activity, no total, band nor rank.
  const hasFigures = score.hasData;
  const label = peerLabel(score.unit.level, score.rank?.peerGroup);
  const updatedAt = Date.parse(score.updatedAt);

  // The group's applicable maximum, rate and status come with the DTO: the console prints the same cells.
  const groups = score.groups.map((g): SummaryGroupLine => {
    const average = peers?.average.groups[g.id];
    return { id: g.id, name: g.nameVi, ...formatGroup(g, rules), average: average === undefined ? '—' : formatNumberVi(average, rules.rounding.group) };
  });

  const criteria = [...score.criteria].sort((a, b) => a.id - b.id).map((c): SummaryCriterionLine => {
    const na = c.status === 'not-applicable';
    // A unit without activity prints no count nor points beside "Chưa có dữ liệu"; in an active
    // unit a criterion with nothing to count is a scored 0 out of its maximum (DOMAIN.md §4).
    const blank = na || !hasFigures;
    return {
      id: c.id,
      groupId: c.group,
      name: c.nameVi,
      numerator: blank ? '—' : formatNumberVi(c.numerator, 0),
      denominator: blank ? '—' : formatNumberVi(c.denominator, 0),
      rate: cellText(criterionRateCell(c), decimals, { percentSign: true }),
      points: na ? DISPLAY_TEXT_VI.notApplicable
        : !hasFigures ? DISPLAY_TEXT_VI.noData
          : c.points === null ? DISPLAY_TEXT_VI.notApplicable : `${formatNumberVi(c.points, 2)}/${formatNumberVi(c.max, 0)}`,
      note: noteOf(c),
    };
  });

  return {
    period: score.period,
    month,
    // Names arrive from one-stop systems, sometimes decomposed: composed letters render with the font's own glyphs.
    unit: { ...score.unit, name: score.unit.name.normalize('NFC') },
    levelLabel: levelLabelVi(score.unit.level, 'singular'),
    title: INDEX_TITLE_VI,
    generatedAt,
    dataTime: `Số liệu tại thời điểm ${formatInstantVi(generatedAt)}`,
    latestEvent: Number.isFinite(updatedAt) && updatedAt > 0 ? `Sự kiện mới nhất được ghi nhận lúc ${formatInstantVi(updatedAt)}` : null,
    ruleSetId: score.ruleSetId,
    total: hasFigures ? `${formatNumberVi(score.total, decimals.total)}/100` : DISPLAY_TEXT_VI.noData,
    band: hasFigures ? score.band.labelVi : DISPLAY_TEXT_VI.noData,
    rank: score.rank && score.rank.rank !== null ? `Xếp hạng thứ ${formatRank(score.rank.rank, score.rank.of)} ${label}` : null,
    averageLabel: `Trung bình ${label}`,
    averageTotal: peers && peers.average.total !== null ? formatNumberVi(peers.average.total, decimals.total) : '—',
    rescaledNote: score.rescaled && hasFigures
      ? `${RESCALED_NOTE_VI}: ${formatNumberVi(score.applicableMax, 1).replace(/,0$/, '')} điểm áp dụng; điểm các nhóm chưa quy đổi.`
      : null,
    groups,
    criteria,
  };
}

/** "Kết quả Bộ chỉ số 766 - Sở Tư pháp - tháng 03-2025.pdf", and its ASCII fallback. */
export function summaryFileName(summary: MonthlySummary): { readonly unicode: string; readonly ascii: string } {
  const month = summary.month.replace('/', '-');
  return {
    unicode: unicodeFileName(`Kết quả Bộ chỉ số 766 - ${summary.unit.name} - tháng ${month}.pdf`),
    ascii: asciiFileName(`Ket-qua-Bo-chi-so-766-${summary.unit.code}-${summary.period}.pdf`),
  };
}
