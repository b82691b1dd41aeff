import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { type Figure, figure } from '@idx/domain';
import type { RankingDto } from '@idx/contracts';
import {
  APPENDIX_HEADER_ROW, appendixCsv, appendixXlsx, buildMonthlyAppendix, buildMonthlyLetter, type DataCut, formalName, letterDocx, letterFileName, letterPdf, type MonthlyLetter,
} from '../index';
import { rankingDto, unit, unitScoreDto, withGroupRanks } from './fixtures';
import { pdfFacts } from './pdf-facts';
import { parseCsv, pdfText } from '@idx/testing';

/**
 * Hưng Yên's pooled figures for March 2025, chosen so every figure can be derived by hand from
 * DOMAIN.md §2 (points = max × min(1, ratio / target)):
 *  transparency  1: 10/10 → 6 · 2: 8/10 → 3,2 · 3: 10/10 → 2 · 4: 9/10 → 5,4          = 16,6/18 (92,22%)
 *  progress      5: 90/100 → 18                                                         = 18/20 (90,00%)
 *  online        6: 8/10 (target 80%) → 2 · 7: 5/10 → 2 · 8: 30/100 (target 50%) → 3,6 = 7,6/12 (63,33%)
 *  payment       9: 4/10 (80%) → 1 · 10: 8/10 (80%) → 2 · 11: 50/100 → 3               = 6/10 (60,00%)
 *  digitisation 12: 50/100 → 3 · 13: 80/100 → 3,2 · 14: 40/100 (80%) → 1 · 15: 171/171 → 2
 *               16: 50/100 → 2 · 17: 10/10 → 2 · 18: 50/100 → 1                        = 14,2/22 (64,55%)
 *  satisfaction 19: 10/10 → 6 · 20: 10/10 → 6 · 21: 90/100 (target 90%) → 6            = 18/18
 *  total 16,6 + 18 + 7,6 + 6 + 14,2 + 18 = 80,40 → Tốt (80–<90).
 */
const HY_FIGURES: Record<number, Figure> = {
  1: figure(10, 10), 2: figure(8, 10), 3: figure(10, 10), 4: figure(9, 10),
  5: figure(90, 100),
  6: figure(8, 10), 7: figure(5, 10), 8: figure(30, 100),
  9: figure(4, 10), 10: figure(8, 10), 11: figure(50, 100),
  12: figure(50, 100), 13: figure(80, 100), 14: figure(40, 100), 15: figure(171, 171), 16: figure(50, 100), 17: figure(10, 10), 18: figure(50, 100),
  19: figure(10, 10), 20: figure(10, 10), 21: figure(90, 100),
};
const allMet: Record<number, Figure> = Object.fromEntries(Object.keys(HY_FIGURES).map((id) => [Number(id), figure(10, 10)]));

const province = unit('HY', 'Hưng Yên', 'province', null);
const hy = unitScoreDto(province, HY_FIGURES);
// Hà Nội meets everything (100); Bắc Ninh is Hưng Yên with half its dossiers late (progress 10): 72,40.
const hn = unitScoreDto(unit('HN', 'Hà Nội', 'province', null), allMet);
const bn = unitScoreDto(unit('BN', 'Bắc Ninh', 'province', null), { ...HY_FIGURES, 5: figure(50, 100) });
// A department without fee-bearing procedures, and a commune whose criterion 15 counts itself (1 of 1).
const stp = unitScoreDto(unit('HY-STP', 'Sở Tư pháp', 'department'), { ...allMet, 5: figure(39, 40), 9: figure(0, 0, { notApplicable: true }), 10: figure(0, 0, { notApplicable: true }), 11: figure(0, 0, { notApplicable: true }), 15: figure(0, 0) });
const commune = unitScoreDto(unit('HY-PH', 'Phường Phố Hiến', 'commune'), { ...allMet, 15: figure(1, 1) });

/**
 * Hưng Yên's group ranks among the 3 provinces and the national averages, as the "ranks" read path
 * answers them (by hand: transparency HN 18, HY 16,6, BN 16,6 → 2/3 shared, mean 17,07; progress
 * HN 20, HY 18, BN 10 → 2/3, mean 16; online 12, 7,6, 7,6 → 2/3, mean 9,07; payment 10, 6, 6 → 2/3,
 * mean 7,33; digitisation 22, 14,2, 14,2 → 2/3, mean 16,8; satisfaction 18 × 3 → 1/3, mean 18).
 */
const HY_GROUP_RANKS = {
  transparency: { rank: 2, of: 3, peerAverage: 17.0667 },
  progress: { rank: 2, of: 3, peerAverage: 16 },
  'online-service': { rank: 2, of: 3, peerAverage: 9.0667 },
  'online-payment': { rank: 2, of: 3, peerAverage: 7.3333 },
  digitisation: { rank: 2, of: 3, peerAverage: 16.8 },
  satisfaction: { rank: 1, of: 3, peerAverage: 18 },
};

const generatedAt = Date.parse('2025-04-05T08:05:00+07:00');

function nationalRanking(): RankingDto {
  const ranking = rankingDto('province', 'national', [hy, hn, bn]);
  return { ...ranking, rows: ranking.rows.map((r) => (r.unit.code === 'HY' ? withGroupRanks(r, HY_GROUP_RANKS) : r)) };
}

function letterOf(cut: DataCut = { kind: 'live' }, peers: RankingDto = nationalRanking()): MonthlyLetter {
  const appendix = buildMonthlyAppendix({
    period: '2025-03', parent: province, own: { score: hy, row: peers.rows.find((r) => r.unit.code === 'HY') },
    rankings: [rankingDto('department', 'HY', [stp]), rankingDto('commune', 'HY', [commune])], national: peers,
    unitScores: new Map([hy, hn, bn, stp, commune].map((s) => [s.unit.code, s])), generatedAt, cut,
  });
  return buildMonthlyLetter({ score: hy, peers, appendix, cut, generatedAt });
}

describe('monthly letter model (figures derived by hand)', () => {
  const letter = letterOf();

  it('states the total, band, national rank x/N and the national average', () => {
    expect(hy.total).toBe(80.4);
    expect(letter).toMatchObject({ total: '80,40', band: 'Tốt', rank: { rank: 2, of: 3 }, peers: 'cả nước', averageTotal: '84,27' }); // (100 + 80,4 + 72,4) / 3
    expect(letter.body.map((p) => p.text)).toContain('Tỉnh Hưng Yên đạt 80,40/100 điểm, xếp loại Tốt, xếp hạng thứ 2/3 cả nước (trung bình cả nước đạt 84,27 điểm).');
  });

  it('prints each group as x/max beside the national average and its own rank', () => {
    expect(letter.groups.map((g) => [g.name, g.score, g.rate, g.average, g.rank && `${g.rank.rank}/${g.rank.of}`])).toEqual([
      ['Công khai, minh bạch', '16,6/18', '92,22%', '17,1', '2/3'],
      ['Tiến độ giải quyết', '18,0/20', '90,00%', '16,0', '2/3'],
      ['Dịch vụ công trực tuyến', '7,6/12', '63,33%', '9,1', '2/3'],
      ['Thanh toán trực tuyến', '6,0/10', '60,00%', '7,3', '2/3'],
      ['Mức độ hài lòng', '18,0/18', '100,00%', '18,0', '1/3'],
      ['Số hóa hồ sơ', '14,2/22', '64,55%', '16,8', '2/3'],
    ]);
    expect(letter.groups[0].sentence).toBe('- Công khai, minh bạch: 16,6/18 điểm (đạt 92,22%), trung bình cả nước 17,1 điểm, xếp hạng thứ 2/3.');
  });

  it('prints the key rates and the units offering e-certified copies as x/y', () => {
    expect(Object.fromEntries(letter.keyRates.map((k) => [k.key, k.value]))).toEqual({
      onTime: '90,00%', satisfaction: '90,00%', onlineFiling: '30,00%', onlinePayment: '50,00%', digitised: '80,00%', eCertifiedCopies: '171/171 đơn vị',
    });
    expect(letter.keyRates[0].sentence).toBe('- Tỷ lệ hồ sơ xử lý đúng hạn: 90,00% (10 hồ sơ quá hạn).');
    expect(letter.eCertifiedCopies).toBe('171/171 đơn vị');
  });

  it('has the letterhead, the number placeholder and the V/v line of the provinces\' letters', () => {
    expect(letter.header).toEqual({
      authority: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN', sender: 'Văn phòng UBND tỉnh Hưng Yên', office: 'VĂN PHÒNG', number: 'Số: ……/VP-KSTT',
      nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc', placeAndDate: 'Hưng Yên, ngày …… tháng …… năm 2025',
    });
    // Registries name a province "UBND tỉnh Hưng Yên" (shared/data) or "Hưng Yên": the letter names it the same way.
    expect(formalName(unit('HY', 'UBND tỉnh Hưng Yên', 'province', null))).toBe('Tỉnh Hưng Yên');
    expect(formalName(unit('HN', 'Thành phố Hà Nội', 'province', null))).toBe('Thành phố Hà Nội');
    expect(formalName(unit('AT', 'UBND huyện Ân Thi', 'district'))).toBe('Huyện Ân Thi');
    expect(letter.subject).toMatch(/^V\/v Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp .* tháng 03\/2025$/);
  });

  it('marks a live month provisional and a closed one with its cut', () => {
    expect(letter).toMatchObject({ provisional: true, banner: 'SỐ LIỆU TẠM TÍNH — tháng 03/2025 chưa chốt, số liệu có thể thay đổi' });
    expect(letterFileName(letter, 'docx')).toEqual({ unicode: 'Công văn Bộ chỉ số 766 - Hưng Yên - tháng 03-2025 (tạm tính).docx', ascii: 'Cong-van-Bo-chi-so-766-HY-2025-03-tam-tinh.docx' });
    const closed = letterOf({ kind: 'closed', asOf: '2025-04-02T01:00:00.000Z', closedAt: '2025-04-02T01:00:00.000Z', closedBy: 'auditor' });
    expect(closed).toMatchObject({ provisional: false, banner: null });
    expect(closed.appendix.dataTime).toBe('Số liệu chốt tháng tại thời điểm 08:00 ngày 02/04/2025');
  });

  it('says "TTHC không có phí, lệ phí" from the group flag, and falls back to the ranking average without "ranks"', () => {
    const dept = unitScoreDto(unit('HY-X', 'Huyện X', 'district'), { ...allMet, 9: figure(0, 0, { notApplicable: true }), 10: figure(0, 0, { notApplicable: true }), 11: figure(0, 0, { notApplicable: true }) });
    const peers = rankingDto('district', 'HY', [dept]);
    const appendix = buildMonthlyAppendix({ period: '2025-03', parent: dept.unit, own: { score: dept, row: peers.rows[0] }, rankings: [], unitScores: new Map(), generatedAt });
    const l = buildMonthlyLetter({ score: dept, peers, appendix, cut: { kind: 'live' }, generatedAt });
    const payment = l.groups.find((g) => g.id === 'online-payment');
    expect(payment).toMatchObject({ score: 'TTHC không có phí, lệ phí', rank: null });
    expect(l.keyRates.find((k) => k.key === 'onlinePayment')?.value).toBe('TTHC không có phí, lệ phí');
    // No GroupScoreDto.rank / peerAverage (before "ranks"): no group rank printed, the ranking's average instead.
    expect(l.groups.find((g) => g.id === 'progress')).toMatchObject({ rank: null, average: '20,0' });
    expect(l.header).toMatchObject({ authority: 'ỦY BAN NHÂN DÂN HUYỆN X', sender: 'Văn phòng HĐND và UBND huyện X', office: 'VĂN PHÒNG HĐND VÀ UBND' });
    expect(l.peers).toBe('khối huyện, thị xã, thành phố');
  });
});

describe('appendices of the letter', () => {
  const a = letterOf().appendix;

  it('lists departments and communes with the province first, then the provinces nationally', () => {
    expect(a.sections.map((s) => [s.numeral, s.level, s.rows.map((r) => r.unit.code)])).toEqual([
      ['I', 'department', ['HY', 'HY-STP']],
      ['II', 'commune', ['HY', 'HY-PH']],
      ['III', 'province', ['HN', 'HY', 'BN']],
    ]);
    const own = a.sections[0].rows[0];
    expect(own.own).toBe(true);
    expect(own.cells).toMatchObject({
      rank: { kind: 'text', text: '2/3' }, onTime: { kind: 'rate', ratio: 0.9 }, overdue: { kind: 'count', value: 10 },
      eCertifiedCopies: { kind: 'fraction', numerator: 171, denominator: 171 }, total: { kind: 'score', value: 80.4 },
    });
    expect(a.sections[2].rows[1]).toMatchObject({ own: true, cells: { rank: { kind: 'rank', rank: 2, of: 3 } } });
    expect(a.sections[0].rows[1].cells.onlinePayment).toMatchObject({ kind: 'text', text: 'TTHC không có phí, lệ phí' });
    expect(a.sections[1].rows[1].cells.eCertifiedCopies).toEqual({ kind: 'fraction', numerator: 1, denominator: 1 });
  });

  it('agrees in the XLSX and CSV files', async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await appendixXlsx(a)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PL I - Sở, ban, ngành', 'PL II - Cấp xã', 'PL III - Cấp tỉnh']);
    const first = (wb.worksheets[0].getRow(APPENDIX_HEADER_ROW + 1).values as unknown[]).slice(1);
    expect(first).toEqual(['2/3', 'HY', 'Hưng Yên', 0.9, 10, 0.9, 0.5, 0.3, 0.8, '171/171', 80.4, 'Tốt']);
    expect(wb.worksheets[0].getCell(APPENDIX_HEADER_ROW + 1, 3).font?.bold).toBe(true);
    const csv = parseCsv(appendixCsv(a).toString('utf8').slice(1));
    expect(csv.find((r) => r[0] === 'I' && r[4] === 'HY')).toEqual(['I', 'Sở, ban, ngành', '03/2025', '2/3', 'HY', 'Hưng Yên', '90,00', '10', '90,00', '50,00', '30,00', '80,00', '171/171', '80,40', 'Tốt', 'Tạm tính']);
    expect(csv.filter((r) => r[0] === 'III').map((r) => [r[3], r[4], r[13]])).toEqual([['1', 'HN', '100,00'], ['2', 'HY', '80,40'], ['3', 'BN', '72,40']]);
  });
});

/** The text Word shows: every w:t of word/document.xml, paragraphs on their own lines. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('')).join('\n');
}

describe('the letter as DOCX and PDF, read back', () => {
  const letter = letterOf();
  const expectedLines = [
    'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
    'Số: ……/VP-KSTT',
    'SỐ LIỆU TẠM TÍNH — tháng 03/2025 chưa chốt, số liệu có thể thay đổi',
    'Tỉnh Hưng Yên đạt 80,40/100 điểm, xếp loại Tốt, xếp hạng thứ 2/3 cả nước (trung bình cả nước đạt 84,27 điểm).',
    '- Công khai, minh bạch: 16,6/18 điểm (đạt 92,22%), trung bình cả nước 17,1 điểm, xếp hạng thứ 2/3.',
    '- Số hóa hồ sơ: 14,2/22 điểm (đạt 64,55%), trung bình cả nước 16,8 điểm, xếp hạng thứ 2/3.',
    '- Tỷ lệ hồ sơ xử lý đúng hạn: 90,00% (10 hồ sơ quá hạn).',
    '- Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính: 171/171 đơn vị.',
    'PHỤ LỤC III',
  ];

  it('DOCX: opens as a Word document whose text carries every figure', async () => {
    const bytes = await letterDocx(letter);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = await docxText(bytes);
    for (const line of expectedLines) expect(text).toContain(line);
    expect(text).toContain(letter.subject);
    // The appendix tables: the province's own row first in PL I (rank x/N, e-certified copies x/y).
    const lines = text.split('\n');
    const own = lines.indexOf('2/3');
    expect(lines.slice(own, own + 12)).toEqual(['2/3', 'HY', 'Hưng Yên', '90,00', '10', '90,00', '50,00', '30,00', '80,00', '171/171', '80,40', 'Tốt']);
    expect(text).toContain('TTHC không có phí, lệ phí');
  });

  it('PDF: embeds DejaVu Sans and shows every figure', async () => {
    const bytes = await letterPdf(letter);
    const facts = pdfFacts(bytes);
    expect(facts.header.startsWith('%PDF-')).toBe(true);
    expect(facts.baseFonts).toContain('DejaVuSans');
    // Letter on A4 portrait, appendices on A4 landscape.
    expect(facts.mediaBoxes).toEqual(expect.arrayContaining(['0 0 595.28 841.89', '0 0 841.89 595.28']));
    const text = pdfText(bytes);
    for (const line of expectedLines) expect(text).toContain(line);
    expect(text).toContain('2/3 HY Hưng Yên 90,00 10 90,00 50,00 30,00 80,00 171/171 80,40 Tốt');
    expect(text).toContain('Số liệu tạm tính · Trang 1/');
  });
});
