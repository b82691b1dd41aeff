import type { GroupScoreDto, RankingDto, RankingRowDto, UnitRefDto, UnitScoreDto } from '@idx/contracts';
import { DISPLAY_TEXT_VI, formatGroup, formatNumberVi, parsePeriod, ruleSetById, ruleSetForPeriod, type RuleSet, VIETNAM_OFFSET_MS } from '@idx/domain';
import { type MonthlyAppendix, unitFigureCells } from '../appendix/monthly-appendix';
import { type DataCut, PROVISIONAL_VI } from '../cut/data-cut';
import { peerLabel } from '../summary/monthly-summary';
import { cellText, type ExportCell } from '../text/cells';
import { asciiFileName, monthLabel, unicodeFileName } from '../text/vi-text';

/** A group of the letter's "Kết quả theo nhóm chỉ số". */
export interface LetterGroupLine {
  readonly id: string;
  readonly name: string;
  /** "15,8/18", N/A, "TTHC không có phí, lệ phí" or "Chưa có dữ liệu". */
  readonly score: string;
  /** points ÷ applicable max, "87,78%" (a display figure, DOMAIN.md §2), or the same words as `score`. */
  readonly rate: string;
  /** The peers' mean points ("14,2"; the national average for a province), null when unknown. */
  readonly average: string | null;
  /** The group's own rank among the same peers as the total ("3/34"), null when not ranked or not yet known. */
  readonly rank: { readonly rank: number; readonly of: number } | null;
  /** The line as printed. */
  readonly sentence: string;
}

/** One of the letter's key rates, the same cell the appendix prints in the unit's own row. */
export interface LetterKeyRate {
  readonly key: 'onTime' | 'satisfaction' | 'onlineFiling' | 'onlinePayment' | 'digitised' | 'eCertifiedCopies';
  readonly label: string;
  readonly value: string;
  readonly sentence: string;
}

/** A paragraph of the body, in reading order. */
export interface LetterParagraph {
  readonly text: string;
  readonly kind: 'heading' | 'text' | 'item';
}

export interface MonthlyLetter {
  readonly period: string;
  /** "03/2025" */
  readonly month: string;
  readonly unit: UnitRefDto;
  readonly cut: DataCut;
  readonly provisional: boolean;
  /** The provisional banner ("SỐ LIỆU TẠM TÍNH …"), null for a closed month. */
  readonly banner: string | null;
  readonly generatedAt: number;
  /** Left and right of the national letterhead (Decree 30/2020 layout). */
  readonly header: {
    readonly authority: string;
    /** "Văn phòng UBND tỉnh Hưng Yên": who sends the letter, as the appendices name it. */
    readonly sender: string;
    readonly office: string;
    /** "Số: ……/VP-KSTT": the office fills the number and sign when it registers the letter. */
    readonly number: string;
    readonly nation: string;
    readonly motto: string;
    readonly placeAndDate: string;
  };
  /** "V/v Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp … tháng 03/2025" */
  readonly subject: string;
  readonly recipients: readonly string[];
  /** "73,61" or "Chưa có dữ liệu" */
  readonly total: string;
  readonly band: string;
  /** "12/34" among the unit's peers, null when unranked. */
  readonly rank: { readonly rank: number; readonly of: number } | null;
  /** "cả nước" / "khối huyện, thị xã, thành phố" */
  readonly peers: string;
  /** The peers' mean total ("70,12"), null when unknown. */
  readonly averageTotal: string | null;
  readonly groups: readonly LetterGroupLine[];
  readonly keyRates: readonly LetterKeyRate[];
  /** Criterion 15 of the unit (pooled): "171/171 đơn vị", or N/A. */
  readonly eCertifiedCopies: string;
  readonly body: readonly LetterParagraph[];
  readonly signature: { readonly recipientsLabel: string; readonly recipients: readonly string[]; readonly title: readonly string[]; readonly note: string };
  readonly appendix: MonthlyAppendix;
}

export interface MonthlyLetterInput {
  /** The publishing unit's own score (pooled): total, groups, criteria. */
  readonly score: UnitScoreDto;
  /** Its peers' ranking (provinces nationally; districts inside the province): rank, group ranks, averages. */
  readonly peers: RankingDto | null;
  /** The appendices, built from the same reads (buildMonthlyAppendix with `own`). */
  readonly appendix: MonthlyAppendix;
  readonly cut: DataCut;
  readonly generatedAt: number;
}

export const LETTER_SUBJECT_VI = 'V/v Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử';

const NO_FEE = 'no-fee-bearing-procedures';

function rulesOf(score: UnitScoreDto): RuleSet {
  try {
    return ruleSetById(score.ruleSetId);
  } catch {
    return ruleSetForPeriod(parsePeriod(score.period));
  }
}

const PEOPLES_COMMITTEE = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu;
const KIND = /^(Tỉnh|Thành phố|TP\.?|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+/iu;

/**
 * The unit as a letter names it: "UBND tỉnh Hưng Yên" and "Hưng Yên" (a province) → "Tỉnh Hưng Yên";
 * "UBND huyện Ân Thi" → "Huyện Ân Thi". Registries name units either way.
 */
export function formalName(unit: UnitRefDto): string {
  const bare = unit.name.normalize('NFC').trim().replace(PEOPLES_COMMITTEE, '');
  const name = bare.charAt(0).toLocaleUpperCase('vi') + bare.slice(1);
  if (unit.level === 'province' && !KIND.test(name)) return `Tỉnh ${name}`;
  return name;
}

/** "Tỉnh Hưng Yên" → "Hưng Yên": the place in "Hưng Yên, ngày … tháng … năm 2025". */
function placeName(unit: UnitRefDto): string {
  return formalName(unit).replace(KIND, '');
}

/** "Tỉnh Hưng Yên" → "tỉnh Hưng Yên" (inside a sentence: "Văn phòng UBND tỉnh Hưng Yên"). */
const inSentence = (name: string) => (KIND.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name);

function yearAt(ms: number): number {
  return new Date(ms + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/**
 * The group's rank and average come from the ScoreQueries answers ("ranks": GroupScoreDto.rank,
 * peerAverage), the peers' ranking row first — it is ranked among the peers even for a closed month
 * read as of its close — then the unit score; the average falls back to the ranking's own average.
 */
function groupLine(g: GroupScoreDto, fromRow: GroupScoreDto | undefined, peers: RankingDto | null, rules: RuleSet, peerWords: string): LetterGroupLine {
  const shown = formatGroup(g, rules);
  const noFee = g.status === 'not-applicable' && g.flags.includes(NO_FEE);
  const score = noFee ? DISPLAY_TEXT_VI.noFeeProcedures : shown.score;
  const rate = noFee ? DISPLAY_TEXT_VI.noFeeProcedures : shown.rate;
  const rankOf = fromRow?.rank ?? g.rank ?? null;
  const rank = rankOf && rankOf.rank !== null ? { rank: rankOf.rank, of: rankOf.of } : null;
  const averageOf = fromRow?.peerAverage ?? g.peerAverage ?? peers?.average.groups[g.id] ?? null;
  const average = averageOf === null ? null : formatNumberVi(averageOf, rules.rounding.group);
  const measured = g.status === 'ok';
  const parts = [measured ? `${score} điểm (đạt ${rate})` : score];
  if (average !== null) parts.push(`trung bình ${peerWords} ${average} điểm`);
  if (measured && rank) parts.push(`xếp hạng thứ ${rank.rank}/${rank.of}`);
  return { id: g.id, name: g.nameVi, score, rate, average, rank, sentence: `- ${g.nameVi}: ${parts.join(', ')}.` };
}

const KEY_RATES: readonly { readonly key: LetterKeyRate['key']; readonly label: string }[] = [
  { key: 'onTime', label: 'Tỷ lệ hồ sơ xử lý đúng hạn' },
  { key: 'satisfaction', label: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC' },
  { key: 'onlineFiling', label: 'Tỷ lệ hồ sơ nộp trực tuyến' },
  { key: 'onlinePayment', label: 'Tỷ lệ hồ sơ thanh toán trực tuyến' },
  { key: 'digitised', label: 'Tỷ lệ hồ sơ thực hiện số hóa' },
  { key: 'eCertifiedCopies', label: 'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính' },
];

/**
 * The monthly letter of a province's People's Committee office (or a district's), as the provinces
 * send it: letterhead, số/ký hiệu placeholder, V/v line, the total with the rank x/N and the peers'
 * average, each group x/max beside the average and its own rank, the key rates, the units offering
 * e-certified copies (x/y), then the appendices. Pure: every figure comes from the DTOs, and the key
 * rates are the very cells the appendix prints in the unit's own row, so letter and appendix agree.
 */
export function buildMonthlyLetter(input: MonthlyLetterInput): MonthlyLetter {
  const { score, peers, appendix, cut, generatedAt } = input;
  const rules = rulesOf(score);
  const decimals = { rate: rules.rounding.rate, total: rules.rounding.total };
  const month = monthLabel(score.period);
  const unit = { ...score.unit, name: score.unit.name.normalize('NFC') };
  const row: RankingRowDto | undefined = peers?.rows.find((r) => r.unit.code === unit.code);
  const peerWords = peerLabel(unit.level, row?.peerGroup ?? score.rank?.peerGroup);
  const measured = score.hasData;
  // The peers' ranking ranks the unit among them even for a closed month read as of its close.
  const rankOf = row ?? score.rank;
  const rank = measured && rankOf && rankOf.rank !== null ? { rank: rankOf.rank, of: rankOf.of } : null;
  const averageTotal = peers && peers.average.total !== null ? formatNumberVi(peers.average.total, decimals.total) : null;
  const total = measured ? formatNumberVi(score.total, decimals.total) : DISPLAY_TEXT_VI.noData;
  const band = measured ? score.band.labelVi : DISPLAY_TEXT_VI.noData;

  const groups = score.groups.map((g) => groupLine(g, row?.groups.find((x) => x.id === g.id), peers, rules, peerWords));
  const cells = unitFigureCells(unit, score);
  const overdue = cells.overdue.kind === 'count' ? ` (${cellText(cells.overdue, decimals)} hồ sơ quá hạn)` : '';
  const valueOf = (key: LetterKeyRate['key'], cell: ExportCell): string =>
    key === 'eCertifiedCopies' && cell.kind === 'fraction' ? `${cellText(cell, decimals)} đơn vị` : cellText(cell, decimals, { percentSign: true });
  const keyRates = KEY_RATES.map(({ key, label }): LetterKeyRate => {
    const value = valueOf(key, cells[key]);
    return { key, label, value, sentence: `- ${label}: ${value}${key === 'onTime' ? overdue : ''}.` };
  });
  const eCertifiedCopies = keyRates.find((k) => k.key === 'eCertifiedCopies')?.value ?? DISPLAY_TEXT_VI.noData;

  const isProvince = unit.level === 'province';
  const who = formalName(unit);
  const officeShort = isProvince ? 'Văn phòng UBND tỉnh' : 'Văn phòng HĐND và UBND';
  const appendixList = appendix.sections.map((s) => `Phụ lục ${s.numeral} (${s.levelLabel}${s.level === 'province' ? ', toàn quốc' : ''})`);
  const totalSentence = measured
    ? `${who} đạt ${total}/100 điểm, xếp loại ${band}${rank ? `, xếp hạng thứ ${rank.rank}/${rank.of} ${peerWords}` : ''}${averageTotal !== null ? ` (trung bình ${peerWords} đạt ${averageTotal} điểm)` : ''}.`
    : `${who}: ${DISPLAY_TEXT_VI.noData} trong tháng ${month}.`;
  const body: LetterParagraph[] = [
    {
      kind: 'text',
      text: `Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử, ${officeShort} công bố kết quả đánh giá Bộ chỉ số tháng ${month} của ${who} như sau (${appendix.dataTime.charAt(0).toLocaleLowerCase('vi')}${appendix.dataTime.slice(1)}):`,
    },
    { kind: 'heading', text: '1. Kết quả chung' },
    { kind: 'text', text: totalSentence },
    ...(score.rescaled && measured ? [{ kind: 'text' as const, text: `Ghi chú: ${score.rescaledNoteVi ?? 'tổng điểm đã quy đổi về thang 100'}; điểm các nhóm chưa quy đổi.` }] : []),
    { kind: 'heading', text: '2. Kết quả theo nhóm chỉ số' },
    ...groups.map((g) => ({ kind: 'item' as const, text: g.sentence })),
    { kind: 'heading', text: '3. Một số chỉ tiêu chủ yếu' },
    ...keyRates.map((k) => ({ kind: 'item' as const, text: k.sentence })),
    { kind: 'heading', text: '4. Kết quả của các cơ quan, đơn vị' },
    {
      kind: 'text',
      text: appendixList.length > 0 ? `Chi tiết tại ${appendixList.join(', ')} kèm theo.` : 'Không có đơn vị trực thuộc có số liệu trong tháng.',
    },
    {
      kind: 'text',
      text: `${officeShort} đề nghị các cơ quan, đơn vị căn cứ kết quả đánh giá, chỉ đạo khắc phục các chỉ số chưa đạt, bảo đảm đồng bộ đầy đủ, kịp thời dữ liệu lên Cổng Dịch vụ công quốc gia.`,
    },
  ];
  const recipients = isProvince
    ? ['Các sở, ban, ngành tỉnh;', 'UBND các xã, phường, đặc khu;']
    : ['UBND các xã, phường, thị trấn;'];
  return {
    period: score.period,
    month,
    unit,
    cut,
    provisional: cut.kind === 'live',
    banner: cut.kind === 'live' ? `${PROVISIONAL_VI.toLocaleUpperCase('vi')} — tháng ${month} chưa chốt, số liệu có thể thay đổi` : null,
    generatedAt,
    header: {
      authority: `ỦY BAN NHÂN DÂN ${who.toLocaleUpperCase('vi')}`,
      sender: `${isProvince ? 'Văn phòng UBND' : 'Văn phòng HĐND và UBND'} ${inSentence(who)}`,
      office: isProvince ? 'VĂN PHÒNG' : 'VĂN PHÒNG HĐND VÀ UBND',
      number: 'Số: ……/VP-KSTT',
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeAndDate: `${placeName(unit)}, ngày …… tháng …… năm ${yearAt(generatedAt)}`,
    },
    subject: `${LETTER_SUBJECT_VI} tháng ${month}`,
    recipients,
    total,
    band,
    rank,
    peers: peerWords,
    averageTotal,
    groups,
    keyRates,
    eCertifiedCopies,
    body,
    signature: {
      recipientsLabel: 'Nơi nhận:',
      recipients: ['- Như trên;', isProvince ? '- Chủ tịch, các PCT UBND tỉnh (để b/c);' : '- Chủ tịch, các PCT UBND (để b/c);', '- Lưu: VT.'],
      title: ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
      note: '(Ký, ghi rõ họ tên)',
    },
    appendix,
  };
}

/** "Công văn Bộ chỉ số 766 - Hưng Yên - tháng 03-2025.docx", and its ASCII fallback. */
export function letterFileName(letter: MonthlyLetter, extension: 'docx' | 'pdf'): { readonly unicode: string; readonly ascii: string } {
  const month = letter.month.replace('/', '-');
  const draft = letter.provisional ? ' (tạm tính)' : '';
  return {
    unicode: unicodeFileName(`Công văn Bộ chỉ số 766 - ${letter.unit.name} - tháng ${month}${draft}.${extension}`),
    ascii: asciiFileName(`Cong-van-Bo-chi-so-766-${letter.unit.code}-${letter.period}${letter.provisional ? '-tam-tinh' : ''}.${extension}`),
  };
}

