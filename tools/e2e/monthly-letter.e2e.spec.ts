import JSZip from 'jszip';
import type { CriterionScoreDto, GroupScoreDto, PeriodSnapshotDto, RankingDto, UnitScoreDto } from '@idx/contracts';
import { monthKeyOf, parsePeriod, REFERENCE_SOURCE_SYSTEM } from '@idx/domain';
import { parseCsv, pdfText, waitFor } from '@idx/testing';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';
import { historyMonths } from '../simulator/history';
import { REALISTIC_RATES } from '../simulator/rates';
import { simulate } from '../simulator/simulation';
import { createWriterKey } from '../testing/writer-key';
import { createConsoleAccount, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

// Two provinces of the reformed country (Hà Nội and the new Hưng Yên), their departments and 3 communes each, one whole month.
const PROVINCES = ['T01', 'HY25'];
const UNIT = 'HY25';
const NOW = parsePeriod(monthKeyOf(Date.now())).start - 3_600_000;
const [MONTH] = historyMonths(NOW, 1);
const MONTH_LABEL = `${MONTH.slice(5)}/${MONTH.slice(0, 4)}`;

/**
 * Vietnamese numbers written independently of the code under test: half-up to `decimals`, decimal
 * comma, dots between thousands ("1.234,50").
 */
function vi(value: number, decimals: number): string {
  const scaled = Math.round(Math.abs(value) * 10 ** decimals + 1e-7) / 10 ** decimals;
  const [whole, fraction] = scaled.toFixed(decimals).split('.');
  return `${value < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction ? `,${fraction}` : ''}`;
}

/** DOMAIN.md §4: a rate, N/A, "TTHC không có phí, lệ phí" or "Chưa có dữ liệu" — never 0 for nothing. */
function rateText(c: CriterionScoreDto | undefined): string {
  if (!c || c.status === 'no-data' || (c.status === 'ok' && c.ratio === null)) return 'Chưa có dữ liệu';
  if (c.status === 'not-applicable') return c.flags.includes('no-fee-bearing-procedures') ? 'TTHC không có phí, lệ phí' : 'N/A';
  return vi((c.ratio as number) * 100, 2);
}

function copiesText(c: CriterionScoreDto | undefined): string {
  if (!c || c.status === 'no-data') return 'Chưa có dữ liệu';
  if (c.status === 'not-applicable' || c.denominator === 0) return 'N/A';
  return `${c.numerator}/${c.denominator}`;
}

const criterion = (s: UnitScoreDto, id: number) => s.criteria.find((c) => c.id === id);

/** The lines the letter must print for a province, from the API's unit-score and ranking answers. */
function expectedLetterLines(score: UnitScoreDto, ranking: RankingDto): string[] {
  const row = ranking.rows.find((r) => r.unit.code === score.unit.code);
  if (!row || row.rank === null || ranking.average.total === null) throw new Error(`${score.unit.code} is not ranked in ${MONTH}`);
  const lines = [
    `đạt ${vi(score.total, 2)}/100 điểm, xếp loại ${score.band.labelVi}, xếp hạng thứ ${row.rank}/${row.of} cả nước (trung bình cả nước đạt ${vi(ranking.average.total, 2)} điểm).`,
  ];
  for (const g of score.groups.filter((x) => x.status === 'ok')) {
    const fromRow = row.groups.find((x) => x.id === g.id) as GroupScoreDto;
    const average = fromRow.peerAverage ?? g.peerAverage ?? ranking.average.groups[g.id];
    const max = Number.isInteger(g.applicableMax) ? String(g.applicableMax) : vi(g.applicableMax, 1);
    // Group ranks ("ranks"): printed exactly as the API ranks the group; absent before it lands.
    const rank = fromRow.rank ?? g.rank;
    if (g.rank && fromRow.rank) expect(fromRow.rank).toEqual(g.rank);
    lines.push(`- ${g.nameVi}: ${vi(g.points, 1)}/${max} điểm (đạt ${vi((g.rate as number) * 100, 2)}%), trung bình cả nước ${vi(average, 1)} điểm${rank && rank.rank !== null ? `, xếp hạng thứ ${rank.rank}/${rank.of}` : ''}.`);
  }
  const pct = (text: string) => (/^[\d.,]+$/.test(text) ? `${text}%` : text);
  const onTime = criterion(score, 5) as CriterionScoreDto;
  const overdue = onTime.status === 'ok' && onTime.denominator > 0 ? ` (${vi(onTime.denominator - onTime.numerator, 0)} hồ sơ quá hạn)` : '';
  lines.push(`- Tỷ lệ hồ sơ xử lý đúng hạn: ${pct(rateText(onTime))}${overdue}.`);
  lines.push(`- Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC: ${pct(rateText(criterion(score, 21)))}.`);
  lines.push(`- Tỷ lệ hồ sơ nộp trực tuyến: ${pct(rateText(criterion(score, 8)))}.`);
  lines.push(`- Tỷ lệ hồ sơ thanh toán trực tuyến: ${pct(rateText(criterion(score, 11)))}.`);
  lines.push(`- Tỷ lệ hồ sơ thực hiện số hóa: ${pct(rateText(criterion(score, 13)))}.`);
  const copies = copiesText(criterion(score, 15));
  lines.push(`- Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính: ${/^\d+\/\d+$/.test(copies) ? `${copies} đơn vị` : copies}.`);
  return lines;
}

/** An appendix row as printed: rank, code, name, on time, overdue, satisfaction, payment, online, digitised, copies, total, band. */
function expectedRow(score: UnitScoreDto, rank: string): string[] {
  const onTime = criterion(score, 5);
  if (!score.hasData) return [rank, score.unit.code, score.unit.name, ...Array(9).fill('Chưa có dữ liệu')];
  return [
    rank, score.unit.code, score.unit.name, rateText(onTime),
    onTime && onTime.status === 'ok' && onTime.denominator > 0 ? vi(onTime.denominator - onTime.numerator, 0) : rateText(onTime),
    rateText(criterion(score, 21)), rateText(criterion(score, 11)), rateText(criterion(score, 8)), rateText(criterion(score, 13)),
    copiesText(criterion(score, 15)), vi(score.total, 2), score.band.labelVi,
  ];
}

/** word/document.xml as paragraphs of text, and its table rows as cell texts. */
async function docx(bytes: Buffer): Promise<{ readonly text: string; readonly rows: string[][] }> {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const textOf = (part: string) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');
  return {
    text: xml.split('</w:p>').map(textOf).join('\n'),
    rows: [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]))),
  };
}

// Each test generates letters (PDF font subsetting) and reads every listed unit's score; a closed month replays the events: minutes on a loaded machine.
jest.setTimeout(240_000);

describe('end to end: the monthly letter of a simulated month, read back figure by figure against the API', () => {
  let platform: RunningPlatform;
  const url = (path: string) => `${platform.reportingUrl}${path}`;
  const json = async <T>(path: string): Promise<T> => {
    const res = await fetch(url(path));
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const download = async (path: string): Promise<Buffer> => {
    const res = await fetch(url(path));
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return Buffer.from(await res.arrayBuffer());
  };
  const asOfQuery = (asOf?: string) => (asOf ? `&asOf=${encodeURIComponent(asOf)}` : '');
  const unitScore = (code: string, asOf?: string) => json<UnitScoreDto>(`/api/v1/units/${code}/scores?period=${MONTH}${asOfQuery(asOf)}`);
  const ranking = (query: string, asOf?: string) => json<RankingDto>(`/api/v1/rankings?period=${MONTH}&${query}${asOfQuery(asOf)}`);

  beforeAll(async () => {
    platform = await startPlatform();
    const registryKey = await createWriterKey(platform.db.pool, { sourceSystem: REFERENCE_SOURCE_SYSTEM, units: ['*'], manageUnits: true });
    const apiKey = await createWriterKey(platform.db.pool, { sourceSystem: SIMULATOR_SOURCE_SYSTEM, units: ['*'], manageUnits: false });
    const report = await simulate({
      ingestUrl: platform.ingestUrl, apiKey, registryKey, sample: { provinces: PROVINCES, communesPerProvince: 3 }, months: 1,
      dossiersPerUnitMonth: 5, rates: REALISTIC_RATES, sourceSystem: SIMULATOR_SOURCE_SYSTEM, liveRate: 0, now: NOW, log: () => undefined,
    });
    expect(report.rejected).toBe(0);
    await waitFor(async () => {
      const scoring = (await (await fetch(`${platform.scoringUrl}/health`)).json()) as { checkpoint?: { eventsWaiting: boolean } };
      if (scoring.checkpoint?.eventsWaiting !== false) return undefined;
      const provinces = await ranking('level=province');
      return provinces.rows.filter((r) => r.hasData).length === PROVINCES.length || undefined;
    }, { what: 'scoring to catch up with the simulated month', timeoutMs: 300_000, intervalMs: 500 });
  }, 600_000);
  afterAll(() => platform?.stop());

  /** Checks a downloaded letter (text and appendix rows) against the API's answers at `asOf` (live when absent). */
  async function checkAgainstApi(text: string, rows: string[][] | undefined, asOf?: string): Promise<void> {
    const [score, national, departments, communes] = await Promise.all([
      unitScore(UNIT, asOf), ranking('level=province', asOf), ranking(`level=department&parent=${UNIT}`, asOf), ranking(`level=commune&parent=${UNIT}`, asOf),
    ]);
    for (const line of expectedLetterLines(score, national)) expect(text).toContain(line);
    if (!rows) return;
    const own = national.rows.find((r) => r.unit.code === UNIT);
    const ownRow = expectedRow(score, `${own?.rank}/${own?.of}`);
    // The province's own row heads the departments' and the communes' tables.
    expect(rows.filter((r) => r[1] === UNIT && r[0].includes('/'))).toEqual([ownRow, ownRow]);
    for (const r of [...departments.rows, ...communes.rows, ...national.rows]) {
      const printed = rows.filter((x) => x[1] === r.unit.code && !x[0].includes('/'));
      expect(printed).toHaveLength(1);
      const s = r.unit.code === UNIT ? score : await unitScore(r.unit.code, asOf);
      // Ranks come from the ranking (for a closed month: the ranking as of the close).
      expect(printed[0]).toEqual(expectedRow(s, r.rank === null ? 'Chưa xếp hạng' : String(r.rank)));
    }
    expect(departments.rows.length + communes.rows.length).toBeGreaterThan(5);
  }

  it('DOCX (provisional, the month not closed): every figure of the letter and its appendices is the API\'s', async () => {
    const { text, rows } = await docx(await download(`/api/v1/exports/monthly-letter.docx?unit=${UNIT}&period=${MONTH}`));
    expect(text).toContain(`SỐ LIỆU TẠM TÍNH — tháng ${MONTH_LABEL} chưa chốt`);
    expect(text).toContain(`V/v Công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp`);
    expect(text).toContain(`tháng ${MONTH_LABEL}`);
    await checkAgainstApi(text, rows);
  });

  it('PDF: the same figures, read back through the embedded fonts', async () => {
    const res = await fetch(url(`/api/v1/exports/monthly-letter.pdf?unit=${UNIT}&period=${MONTH}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename="Cong-van-Bo-chi-so-766-${UNIT}-${MONTH}-tam-tinh.pdf"`);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('SỐ LIỆU TẠM TÍNH');
    await checkAgainstApi(text, undefined);
    const score = await unitScore(UNIT);
    expect(text).toContain(expectedRow(score, `${score.rank?.rank}/${score.rank?.of}`).join(' '));
  });

  it('the appendix XLSX/CSV and the national appendix agree with the letter', async () => {
    const csv = parseCsv((await download(`/api/v1/exports/monthly-appendix.csv?parent=${UNIT}&period=${MONTH}`)).toString('utf8').slice(1));
    const { rows } = await docx(await download(`/api/v1/exports/monthly-letter.docx?unit=${UNIT}&period=${MONTH}`));
    const letterRows = rows.filter((r) => r.length === 12 && r[0] !== 'Xếp hạng');
    // Same rows, same order, same text: the CSV without its section, month and cut columns.
    const ungrouped = (x: string) => x.replace(/(\d)\.(?=\d{3}\b)/g, '$1');
    expect(csv.slice(1).map((r) => r.slice(3, 15).map((x) => x.replace(/^'/, '')))).toEqual(letterRows.map((r) => r.map(ungrouped)));
    const national = parseCsv((await download(`/api/v1/exports/national-appendix.csv?period=${MONTH}`)).toString('utf8').slice(1));
    const ranking = await json<RankingDto>(`/api/v1/rankings?period=${MONTH}&level=province`);
    expect(national.slice(1).map((r) => [r[3], r[4], r[13]])).toEqual(ranking.rows.map((r) => [String(r.rank), r.unit.code, vi(r.total, 2)]));
  });

  it('answers 400 with a reason for a bad scope or a unit that publishes no letter, 404 for an unknown one', async () => {
    const reasonOf = async (path: string) => {
      const r = await fetch(url(path));
      return { status: r.status, reason: ((await r.json()) as { reason: string }).reason };
    };
    expect(await reasonOf(`/api/v1/exports/monthly-letter.docx?unit=${UNIT}&period=${MONTH}&scope=everything`)).toMatchObject({ status: 400, reason: expect.stringContaining('scope:') });
    expect(await reasonOf(`/api/v1/exports/monthly-letter.pdf?period=${MONTH}`)).toMatchObject({ status: 400, reason: expect.stringContaining('unit: is required') });
    const commune = (await ranking(`level=commune&parent=${UNIT}`)).rows[0].unit.code;
    expect(await reasonOf(`/api/v1/exports/monthly-letter.pdf?unit=${commune}&period=${MONTH}`)).toMatchObject({ status: 400, reason: expect.stringContaining('province or a district') });
    expect(await reasonOf(`/api/v1/exports/monthly-letter.docx?unit=NOPE&period=${MONTH}`)).toMatchObject({ status: 404, reason: expect.stringContaining('NOPE') });
    expect(await reasonOf('/api/v1/exports/national-appendix.xlsx?period=2025-Q1')).toMatchObject({ status: 400, reason: expect.stringContaining('YYYY-MM') });
  });

  it('documents the letter and national appendix endpoints in OpenAPI, with their 400 and 404 answers', async () => {
    const docs = await json<{ paths: Record<string, { get?: { responses: Record<string, unknown>; parameters?: { name: string }[] } }> }>('/api/docs-json');
    for (const path of ['/api/v1/exports/monthly-letter.docx', '/api/v1/exports/monthly-letter.pdf']) {
      expect(Object.keys(docs.paths[path]?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404']));
      expect(docs.paths[path]?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['unit', 'period', 'scope']));
    }
    for (const path of ['/api/v1/exports/national-appendix.xlsx', '/api/v1/exports/national-appendix.csv']) {
      expect(Object.keys(docs.paths[path]?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    }
  });

  it('the communes-only letter lists the communes, the province first', async () => {
    const { rows } = await docx(await download(`/api/v1/exports/monthly-letter.docx?unit=${UNIT}&period=${MONTH}&scope=communes`));
    const communes = await ranking(`level=commune&parent=${UNIT}`);
    const listed = rows.filter((r) => r.length === 12 && r[0] !== 'Xếp hạng').map((r) => r[1]);
    expect(listed).toEqual([UNIT, ...communes.rows.map((r) => r.unit.code)]);
  });

  it('once the month is closed, prints the closed figures (as of the close) and no longer says provisional', async () => {
    const auditor = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'letter-auditor', 'auditor'));
    const closed = await auditor.fetch(`/api/v1/periods/${MONTH}/close`, { method: 'POST' });
    expect(closed.status).toBe(201);
    const snapshot = (await closed.json()) as PeriodSnapshotDto;
    const res = await fetch(url(`/api/v1/exports/monthly-letter.docx?unit=${UNIT}&period=${MONTH}`));
    expect(res.headers.get('content-disposition')).toContain(`filename="Cong-van-Bo-chi-so-766-${UNIT}-${MONTH}.docx"`);
    const { text, rows } = await docx(Buffer.from(await res.arrayBuffer()));
    expect(text).not.toContain('SỐ LIỆU TẠM TÍNH');
    expect(text).toContain('số liệu chốt tháng tại thời điểm');
    await checkAgainstApi(text, rows, snapshot.asOf);
    // The published snapshot's own figure for the province is the one printed.
    const published = snapshot.scores.find((s) => s.unit.code === UNIT) as UnitScoreDto;
    expect(text).toContain(`đạt ${vi(published.total, 2)}/100 điểm`);
  });
});
