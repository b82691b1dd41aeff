import type { CriterionScoreDto, RankingDto, RankingRowDto, UnitRefDto, UnitScoreDto } from '@idx/contracts';
import { parsePeriod, ruleSetById, ruleSetForPeriod, type RuleSet } from '@idx/domain';
import {
  type CellDecimals, criterionFractionCell, criterionRateCell, criterionShortfallCell, type ExportCell, noData, text,
} from '../text/cells';
import { asciiFileName, levelLabelVi, monthLabel, unicodeFileName } from '../text/vi-text';
import { type DataCut, dataTimeVi, LIVE } from '../cut/data-cut';

/** The columns of the monthly appendix, in the order the provinces' letters print them. */
export type AppendixColumnKey =
  | 'rank' | 'code' | 'name' | 'onTime' | 'overdue' | 'satisfaction' | 'onlinePayment' | 'onlineFiling' | 'digitised' | 'eCertifiedCopies'
  | 'total' | 'band';

export interface AppendixColumn {
  readonly key: AppendixColumnKey;
  readonly header: string;
  /** The criterion a value comes from (DOMAIN.md §2), for notes and tests. */
  readonly criterion?: number;
  /** Spreadsheet width in characters. */
  readonly width: number;
}

export const APPENDIX_COLUMNS: readonly AppendixColumn[] = [
  { key: 'rank', header: 'Xếp hạng', width: 9 },
  { key: 'code', header: 'Mã đơn vị', width: 14 },
  { key: 'name', header: 'Tên đơn vị', width: 36 },
  { key: 'onTime', header: 'Tỷ lệ hồ sơ xử lý đúng hạn (%)', criterion: 5, width: 14 },
  { key: 'overdue', header: 'Số hồ sơ quá hạn', criterion: 5, width: 11 },
  { key: 'satisfaction', header: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC (%)', criterion: 21, width: 16 },
  { key: 'onlinePayment', header: 'Tỷ lệ hồ sơ thanh toán trực tuyến (%)', criterion: 11, width: 16 },
  { key: 'onlineFiling', header: 'Tỷ lệ hồ sơ nộp trực tuyến (%)', criterion: 8, width: 14 },
  { key: 'digitised', header: 'Tỷ lệ hồ sơ thực hiện số hóa (%)', criterion: 13, width: 14 },
  { key: 'eCertifiedCopies', header: 'Chứng thực bản sao điện tử từ bản chính (số đơn vị đã cấp/có thẩm quyền)', criterion: 15, width: 18 },
  { key: 'total', header: 'Điểm tổng hợp (/100)', width: 12 },
  { key: 'band', header: 'Xếp loại', width: 12 },
];

/** What the columns mean, printed under each table. */
export const APPENDIX_NOTES: readonly string[] = [
  'Tỷ lệ hồ sơ xử lý đúng hạn: Tiêu chí 5 (hồ sơ xử lý trước/đúng hạn và chưa đến hạn ÷ hồ sơ tiếp nhận, xử lý trong kỳ).',
  'Số hồ sơ quá hạn: mẫu số − tử số của Tiêu chí 5 (hồ sơ đã giải quyết quá hạn và hồ sơ đang giải quyết đã quá hạn).',
  'Tỷ lệ hài lòng: Tiêu chí 21. Thanh toán trực tuyến: Tiêu chí 11; "TTHC không có phí, lệ phí" khi đơn vị không có TTHC có phí, lệ phí.',
  'Nộp trực tuyến: Tiêu chí 8. Số hóa: Tiêu chí 13. Chứng thực bản sao điện tử: Tiêu chí 15, "x/y" = số đơn vị đã cấp ít nhất một bản sao điện tử trong tháng / số đơn vị có thẩm quyền chứng thực (của đơn vị và các đơn vị trực thuộc); N/A khi không có đơn vị có thẩm quyền.',
  'Dòng in đậm đầu mỗi bảng: chính đơn vị công bố (số liệu tổng hợp của đơn vị và các đơn vị trực thuộc), xếp hạng trong khối của đơn vị đó (cấp tỉnh: cả nước).',
  '"Chưa có dữ liệu": không phát sinh số liệu trong kỳ (không phải 0). Điểm tổng hợp quy đổi về thang 100 khi có tiêu chí không áp dụng.',
];

export interface AppendixRow {
  readonly unit: UnitRefDto;
  /** The publishing unit's own row (the province above its departments and communes; itself in the national table). */
  readonly own?: boolean;
  readonly cells: Readonly<Record<AppendixColumnKey, ExportCell>>;
}

export interface AppendixSection {
  readonly level: string;
  /** Roman numeral of the appendix: I, II, III. */
  readonly numeral: string;
  /** "Sở, ban, ngành" … */
  readonly levelLabel: string;
  readonly heading: string;
  readonly subheading: string;
  readonly rows: readonly AppendixRow[];
}

export interface MonthlyAppendix {
  readonly period: string;
  /** "03/2025" */
  readonly month: string;
  readonly parent: UnitRefDto;
  readonly title: string;
  /** When the figures were read (the "số liệu tại thời điểm" of the letter), epoch ms. */
  readonly generatedAt: number;
  /** Closed month or live (provisional) figures. */
  readonly cut: DataCut;
  /** "Số liệu tạm tính tại thời điểm …" / "Số liệu chốt tháng tại thời điểm …" */
  readonly dataTime: string;
  /** Record time of the newest event reflected in any row; null when no row has data. */
  readonly latestEventAt: number | null;
  readonly ruleSetIds: readonly string[];
  readonly decimals: CellDecimals;
  readonly columns: readonly AppendixColumn[];
  readonly sections: readonly AppendixSection[];
  readonly notes: readonly string[];
}

export interface MonthlyAppendixInput {
  /** YYYY-MM */
  readonly period: string;
  /** The province (or district) whose units are listed. */
  readonly parent: UnitRefDto;
  /**
   * The parent's own (pooled) score and its row in its peers' ranking (provinces nationally): printed
   * first in every table. Absent: no own row.
   */
  readonly own?: { readonly score: UnitScoreDto; readonly row: RankingRowDto | undefined };
  /** One ranking per level (department, district, commune) under the parent; empty ones are left out. */
  readonly rankings: readonly RankingDto[];
  /** The provinces nationally (the national appendix, last); their scores are in `unitScores`. */
  readonly national?: RankingDto;
  /** Each listed unit's score for the period (criteria come from here); a missing one prints "Chưa có dữ liệu". */
  readonly unitScores: ReadonlyMap<string, UnitScoreDto>;
  readonly generatedAt: number | Date;
  /** Default: live (provisional). */
  readonly cut?: DataCut;
}

const LEVEL_ORDER = ['department', 'district', 'commune'];
const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export const INDEX_TITLE_VI = 'KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP';

const byId = (score: UnitScoreDto | undefined, id: number): CriterionScoreDto | undefined => score?.criteria.find((c) => c.id === id);

/**
 * A unit without activity (THE rule, decided by the scoring: UnitScoreDto.hasData) has nothing
 * behind its points: "Chưa có dữ liệu", never a total like 13,95 "Yếu".
 */
const hasFigures = (score: UnitScoreDto | undefined): score is UnitScoreDto => score !== undefined && score.hasData;

/** A ranked unit's row; `own` marks the publishing province in the national table (bold, its number rank kept). */
function rowOf(r: RankingRowDto, score: UnitScoreDto | undefined, own = false): AppendixRow {
  return { unit: r.unit, ...(own ? { own } : {}), cells: { ...unitFigureCells(r.unit, score), rank: rankCell(r.rank, r.of, false) } };
}

/** A ranked unit's place: its number in its table; above its sub-units, the publishing unit's "12/34" among its own peers. */
function rankCell(rank: number | null, of: number, amongOtherPeers: boolean): ExportCell {
  if (rank === null) return text('Chưa xếp hạng');
  return amongOtherPeers ? text(`${rank}/${of}`) : { kind: 'rank', rank, of };
}

/** A unit's figures as the appendix prints them; the letter's key rates are the same cells of the publishing unit. */
export function unitFigureCells(unit: UnitRefDto, score: UnitScoreDto | undefined): Omit<AppendixRow['cells'], 'rank'> {
  const c = (id: number) => byId(score, id);
  return {
    code: text(unit.code),
    name: text(unit.name.normalize('NFC')),
    onTime: criterionRateCell(c(5)),
    overdue: criterionShortfallCell(c(5)),
    satisfaction: criterionRateCell(c(21)),
    onlinePayment: criterionRateCell(c(11)),
    onlineFiling: criterionRateCell(c(8)),
    digitised: criterionRateCell(c(13)),
    eCertifiedCopies: criterionFractionCell(c(15)),
    total: hasFigures(score) ? { kind: 'score', value: score.total } : noData(),
    band: hasFigures(score) ? text(score.band.labelVi) : noData(),
  };
}

/** The publishing unit's row: its pooled figures, its rank among its peers (from their ranking). */
function ownRow(own: NonNullable<MonthlyAppendixInput['own']>): AppendixRow {
  const row = own.row;
  return { unit: own.score.unit, own: true, cells: { ...unitFigureCells(own.score.unit, own.score), rank: rankCell(row?.rank ?? null, row?.of ?? 0, true) } };
}

function rulesOf(period: string, scores: readonly UnitScoreDto[]): RuleSet {
  const ids = [...new Set(scores.map((s) => s.ruleSetId))];
  if (ids.length === 1) {
    try {
      return ruleSetById(ids[0]);
    } catch {
      // an id this build does not know: fall back to the rules in force for the period
    }
  }
  return ruleSetForPeriod(parsePeriod(period));
}

/**
 * The monthly appendix (Phụ lục) of a province's — or a district's — units, as the letters
 * "V/v Công bố kết quả đánh giá Bộ chỉ số … tháng MM/YYYY" attach it: one section per level
 * (departments, districts, communes), units in rank order. Pure: everything comes from the DTOs.
 */
export function buildMonthlyAppendix(input: MonthlyAppendixInput): MonthlyAppendix {
  const month = monthLabel(input.period);
  const generatedAt = input.generatedAt instanceof Date ? input.generatedAt.getTime() : input.generatedAt;
  const cut = input.cut ?? LIVE;
  const rankings = [...input.rankings]
    .filter((r) => r.rows.length > 0)
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  const national = input.national && input.national.rows.length > 0 ? input.national : undefined;
  const listedScores = [...rankings, ...(national ? [national] : [])]
    .flatMap((r) => r.rows.map((row) => input.unitScores.get(row.unit.code)))
    .concat(input.own ? [input.own.score] : [])
    .filter((s): s is UnitScoreDto => s !== undefined);
  const ruleSet = rulesOf(input.period, listedScores);
  const title = `${INDEX_TITLE_VI} THÁNG ${month}`;
  const ownCode = input.own?.score.unit.code;
  const sections = rankings.map((ranking, i): AppendixSection => {
    const levelLabel = levelLabelVi(ranking.level);
    return {
      level: ranking.level,
      numeral: NUMERALS[i] ?? String(i + 1),
      levelLabel,
      heading: title,
      subheading: `Khối ${levelLabel.toLocaleLowerCase('vi')} thuộc ${input.parent.name} (${input.parent.code})`,
      rows: [...(input.own ? [ownRow(input.own)] : []), ...ranking.rows.map((r) => rowOf(r, input.unitScores.get(r.unit.code)))],
    };
  });
  if (national) {
    const levelLabel = levelLabelVi('province');
    sections.push({
      level: 'province',
      numeral: NUMERALS[sections.length] ?? String(sections.length + 1),
      levelLabel,
      heading: title,
      subheading: `${levelLabel} (toàn quốc)`,
      rows: national.rows.map((r) => rowOf(r, input.unitScores.get(r.unit.code) ?? (r.unit.code === ownCode ? input.own?.score : undefined), r.unit.code === ownCode)),
    });
  }
  const eventTimes = listedScores.filter(hasFigures).map((s) => Date.parse(s.updatedAt)).filter((t) => Number.isFinite(t) && t > 0);
  return {
    period: input.period,
    month,
    parent: input.parent,
    title,
    generatedAt,
    cut,
    dataTime: dataTimeVi(cut, generatedAt),
    latestEventAt: eventTimes.length > 0 ? Math.max(...eventTimes) : null,
    ruleSetIds: [...new Set(listedScores.map((s) => s.ruleSetId))].sort(),
    decimals: { rate: ruleSet.rounding.rate, total: ruleSet.rounding.total },
    columns: APPENDIX_COLUMNS,
    sections,
    notes: APPENDIX_NOTES,
  };
}

/** "Phụ lục Bộ chỉ số 766 - Hưng Yên - tháng 03-2025.xlsx", and its ASCII fallback. */
export function appendixFileName(appendix: MonthlyAppendix, extension: 'xlsx' | 'csv'): { readonly unicode: string; readonly ascii: string } {
  const month = appendix.month.replace('/', '-');
  const unicode = unicodeFileName(`Phụ lục Bộ chỉ số 766 - ${appendix.parent.name} - tháng ${month}.${extension}`);
  return { unicode, ascii: asciiFileName(`Phu-luc-Bo-chi-so-766-${appendix.parent.code}-${appendix.period}.${extension}`) };
}
