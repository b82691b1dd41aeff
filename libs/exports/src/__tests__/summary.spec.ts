import { figure } from '@idx/domain';
import { buildMonthlySummary, formatInstantVi, summaryFileName, summaryPdf } from '../index';
import { fullFigures, rankingDto, unit, unitScoreDto } from './fixtures';
import { pdfFacts } from './pdf-facts';

const generatedAt = Date.parse('2025-04-05T08:05:00+07:00');
const stp = unitScoreDto(unit('HY-STP', 'Sở Tư pháp', 'department'), fullFigures({ 19: figure(0, 0), 20: figure(0, 0) }), { rank: { rank: 1, of: 2, peerGroup: 'HY/department' } });
const syt = unitScoreDto(unit('HY-SYT', 'Sở Y tế', 'department'), fullFigures({
  5: figure(0, 0), 9: figure(0, 0, { notApplicable: true }), 10: figure(0, 0, { notApplicable: true }), 11: figure(0, 0, { notApplicable: true }), 15: figure(0, 0),
}), { rank: { rank: 2, of: 2, peerGroup: 'HY/department' } });
const peers = rankingDto('department', 'HY', [stp, syt]);

describe('monthly summary model', () => {
  const s = buildMonthlySummary({ score: syt, peers, generatedAt });

  it('prints total /100, band, rank and the data time as the letters do', () => {
    expect(s).toMatchObject({
      month: '03/2025',
      dataTime: 'Số liệu tại thời điểm 08:05 ngày 05/04/2025',
      latestEvent: 'Sự kiện mới nhất được ghi nhận lúc 09:30 ngày 01/04/2025',
      band: syt.band.labelVi,
      rank: 'Xếp hạng thứ 02/2 khối sở, ban, ngành',
      averageLabel: 'Trung bình khối sở, ban, ngành',
    });
    expect(s.total).toMatch(/^\d+,\d\d\/100$/);
    // criterion 2 (province only), 9–11 (no fees); 15 has full points for every unit (DOMAIN.md §4)
    expect(s.rescaledNote).toContain('86 điểm áp dụng');
  });

  it('shows groups as x/applicable max beside the peers average, N/A where nothing applies', () => {
    const byId = new Map(s.groups.map((g) => [g.id, g]));
    expect(byId.get('transparency')).toMatchObject({ score: '12,6/14', rate: '90,00%' });
    expect(byId.get('progress')).toMatchObject({ score: '0,0/20', rate: '0,00%' });
    expect(byId.get('online-payment')).toMatchObject({ score: 'N/A', rate: 'N/A', average: '6,0' }); // only Sở Tư pháp has fees
    const satisfaction = (score: typeof stp) => score.groups.find((g) => g.id === 'satisfaction')?.points ?? NaN;
    const avgSatisfaction = (satisfaction(stp) + satisfaction(syt)) / 2;
    expect(byId.get('satisfaction')?.average).toBe(avgSatisfaction.toFixed(1).replace('.', ','));
  });

  it('lists the 21 criteria with numerator, denominator, rate and points; words for N/A and no data', () => {
    expect(s.criteria).toHaveLength(21);
    const c = new Map(s.criteria.map((x) => [x.id, x]));
    expect(c.get(21)).toMatchObject({ numerator: '3.929', denominator: '4.000', rate: '98,23%', points: '6,00/6' });
    expect(c.get(5)).toMatchObject({ numerator: '0', denominator: '0', rate: 'Chưa có dữ liệu', points: '0,00/20' });
    expect(c.get(11)).toMatchObject({ numerator: '—', rate: 'TTHC không có phí, lệ phí', points: 'N/A' });
    expect(c.get(2)).toMatchObject({ rate: 'N/A', note: 'Không áp dụng với cấp đơn vị này.' });
    expect(c.get(15)).toMatchObject({ rate: '100,00%', points: '2,00/2', note: 'Tính điểm tối đa cho mọi đơn vị như Cổng DVCQG (quy tắc của bộ tiêu chí).' });
    const full = buildMonthlySummary({ score: stp, peers, generatedAt });
    expect(full.criteria.find((x) => x.id === 19)).toMatchObject({ rate: 'Chưa có dữ liệu', points: '6,00/6', note: 'Không phát sinh trong kỳ: tính điểm tối đa theo quy tắc.' });
  });

  it('says "cả nước" for a province and copes without peers', () => {
    const hy = unitScoreDto(unit('HY', 'Hưng Yên', 'province', null), fullFigures(), { rank: { rank: 12, of: 63, peerGroup: 'national/province' } });
    expect(buildMonthlySummary({ score: hy, peers: null, generatedAt })).toMatchObject({ rank: 'Xếp hạng thứ 12/63 cả nước', averageLabel: 'Trung bình cả nước', averageTotal: '—' });
  });

  it('names the file in Vietnamese with an ASCII fallback', () => {
    expect(summaryFileName(s)).toEqual({ unicode: 'Kết quả Bộ chỉ số 766 - Sở Y tế - tháng 03-2025.pdf', ascii: 'Ket-qua-Bo-chi-so-766-HY-SYT-2025-03.pdf' });
  });

  it('writes times in Asia/Ho_Chi_Minh', () => {
    expect(formatInstantVi('2025-03-31T17:00:00Z')).toBe('00:00 ngày 01/04/2025');
  });
});

describe('monthly summary as PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    // A decomposed (NFD) name, as some one-stop systems send it.
    const nfd = { ...syt, unit: { ...syt.unit, name: 'Sở Y tế Hưng Yên'.normalize('NFD') } };
    pdf = await summaryPdf(buildMonthlySummary({ score: nfd, peers, generatedAt }));
  });

  it('is a one- or two-page A4 PDF of sensible size', () => {
    const facts = pdfFacts(pdf);
    expect(facts.header).toMatch(/^%PDF-1\.\d/);
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(facts.pages).toBeGreaterThanOrEqual(1);
    expect(facts.pages).toBeLessThanOrEqual(2);
    expect(facts.mediaBoxes).toEqual(['0 0 595.28 841.89']);
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('embeds DejaVu Sans (subset) with glyphs for the Vietnamese letters it prints', () => {
    const facts = pdfFacts(pdf);
    expect(facts.baseFonts).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']);
    expect(facts.embeddedFontFiles).toBe(3);
    for (const ch of 'ởếưệốịạĐđảờấ'.normalize('NFC')) expect(facts.mappedCharacters.has(ch)).toBe(true);
    expect(pdf.toString('latin1')).not.toContain('Helvetica');
  });
});

describe('monthly summary of a unit without activity', () => {
  // No dossier, no petition: a catalogue (criteria 1, 3) and no fee-bearing procedure only.
  const idle = unitScoreDto(unit('HY-SNV', 'Sở Nội vụ', 'department'), {
    1: figure(4, 4), 2: figure(4, 4), 3: figure(4, 4), 5: figure(0, 0), 11: figure(0, 0, { notApplicable: true }), 19: figure(0, 0), 20: figure(0, 0),
  });
  const s = buildMonthlySummary({ score: idle, peers: null, generatedAt });

  it('prints "Chưa có dữ liệu" for the total, band and groups, never zeros nor "TTHC không có phí, lệ phí" beside it', () => {
    expect(s).toMatchObject({ total: 'Chưa có dữ liệu', band: 'Chưa có dữ liệu', rank: null, rescaledNote: null });
    expect(s.groups.filter((g) => g.score !== 'N/A').every((g) => g.score === 'Chưa có dữ liệu' && g.rate === 'Chưa có dữ liệu')).toBe(true);
    const c = new Map(s.criteria.map((x) => [x.id, x]));
    expect(c.get(5)).toMatchObject({ numerator: '—', denominator: '—', rate: 'Chưa có dữ liệu', points: 'Chưa có dữ liệu' });
    expect(c.get(11)).toMatchObject({ rate: 'Chưa có dữ liệu', points: 'Chưa có dữ liệu' });
    expect(c.get(2)).toMatchObject({ rate: 'N/A' }); // N/A at a department's level stays N/A
    expect(s.criteria.some((x) => /\d/.test(x.numerator) || /\d/.test(x.points))).toBe(false);
  });
});
