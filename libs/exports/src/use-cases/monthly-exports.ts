import type { RankingDto, UnitRefDto, UnitScoreDto } from '@idx/contracts';
import { appendixCsv } from '../appendix/appendix-csv';
import { appendixXlsx } from '../appendix/appendix-xlsx';
import { appendixFileName, buildMonthlyAppendix, type MonthlyAppendix } from '../appendix/monthly-appendix';
import { type DataCut, LIVE } from '../cut/data-cut';
import { letterDocx } from '../letter/letter-docx';
import { letterPdf } from '../letter/letter-pdf';
import { buildMonthlyLetter, letterFileName } from '../letter/monthly-letter';
import { buildMonthlySummary, summaryFileName } from '../summary/monthly-summary';
import { summaryPdf } from '../summary/summary-pdf';
import { CONTENT_TYPES, type ExportResult } from './exported-file';
import { mapLimit } from './map-limit';

/** Which ranking: a level, inside a parent unit. */
export interface ExportRankingFilter {
  readonly level?: string;
  readonly parent?: string;
}

/**
 * The score reads the exports are made of (the read models' ScoreQueries serve them). With `asOf`,
 * the figures as they stood at that record-time instant (a closed month's).
 */
export interface ExportScoreReader {
  unitScore(unitCode: string, periodKey: string, asOf?: Date): Promise<UnitScoreDto | undefined>;
  ranking(periodKey: string, filter: ExportRankingFilter, asOf?: Date): Promise<RankingDto>;
}

/** Whether a month was closed (audit: closeMonthOnRecord), and when: a closed month's documents print its figures. */
export interface ClosedMonthReader {
  closedMonth(period: string): Promise<{ readonly asOf: string; readonly closedAt: string; readonly closedBy: string } | undefined>;
}

/** Which appendices a letter carries: every level under the unit (and the provinces), or its communes only. */
export type LetterScope = 'all' | 'communes';

/** Levels listed under a parent, one appendix section each (empty ones are left out). */
const LEVELS = ['department', 'district', 'commune'] as const;
/** Units whose appendix makes sense: a province lists departments, districts, communes; a district its communes. */
const PARENT_LEVELS = new Set(['province', 'district']);
/** Unit-score reads in flight at once (each loads the period's scores). */
const CONCURRENCY = 4;
/** The national appendix's heading unit. */
const NATION: UnitRefDto = { code: 'VN', name: 'Toàn quốc', level: 'national', parentCode: null };

/** The ranking whose average the summary prints: provinces nationally, else the unit's peers in its province. */
export function peerFilter(peerGroup: string): ExportRankingFilter {
  if (peerGroup === 'national/province') return { level: 'province' };
  const cut = peerGroup.lastIndexOf('/');
  return { level: peerGroup.slice(cut + 1), parent: peerGroup.slice(0, cut) };
}

/** The peers of an unranked unit (no activity): provinces nationally, else its level inside its parent. */
function peersOf(score: UnitScoreDto): ExportRankingFilter {
  if (score.rank) return peerFilter(score.rank.peerGroup);
  return score.unit.level === 'province' ? { level: 'province' } : { level: score.unit.level, parent: score.unit.parentCode ?? undefined };
}

type Failure = Extract<ExportResult, { kind: 'unknown-unit' | 'invalid' }>;

/** What a letter and its appendices are built from, read once. */
interface PublisherFigures {
  readonly own: UnitScoreDto;
  readonly peers: RankingDto;
  readonly appendix: MonthlyAppendix;
}

/** The monthly files people download: the letter (DOCX/PDF), the appendix (XLSX/CSV) of a parent's units, a unit's summary (PDF). */
export class MonthlyExports {
  constructor(
    private readonly scores: ExportScoreReader,
    private readonly clock: () => number = Date.now,
    private readonly closed: ClosedMonthReader = { closedMonth: async () => undefined },
  ) {}

  /** The closed month's cut, or live (provisional). */
  private async cutOf(period: string): Promise<DataCut> {
    const closed = await this.closed.closedMonth(period);
    return closed ? { kind: 'closed', ...closed } : LIVE;
  }

  private async scoresOf(codes: readonly string[], period: string, asOf: Date | undefined): Promise<Map<string, UnitScoreDto>> {
    // N+1: the ranking rows carry groups but not criteria, so each listed unit's score is read on
    // its own (each read loads the period once). Fine for a province's ~40 departments and
    // districts; a pre-2025 province with a few hundred communes takes proportionally longer.
    const scores = await mapLimit([...new Set(codes)], CONCURRENCY, (code) => this.scores.unitScore(code, period, asOf));
    return new Map(scores.filter((s): s is UnitScoreDto => s !== undefined).map((s) => [s.unit.code, s]));
  }

  /**
   * The publishing unit's score, its peers' ranking and the appendices (its row first in each; for a
   * province with every level, the national appendix last): one read for the letter and the files.
   */
  private async publisherFigures(period: string, unitCode: string, scope: LetterScope, what: string): Promise<PublisherFigures | Failure> {
    const generatedAt = this.clock();
    const cut = await this.cutOf(period);
    const asOf = cut.kind === 'closed' ? new Date(cut.asOf) : undefined;
    const own = await this.scores.unitScore(unitCode, period, asOf);
    if (!own) return { kind: 'unknown-unit', reason: `${what}: unit ${unitCode} is not known and has no score for ${period}` };
    if (!PARENT_LEVELS.has(own.unit.level)) {
      return { kind: 'invalid', reason: `${what}: ${unitCode} is a ${own.unit.level}; the letter and appendix are published by a province or a district for its units` };
    }
    const levels = scope === 'communes' ? (['commune'] as const) : LEVELS;
    const [peers, ...rankings] = await Promise.all([
      this.scores.ranking(period, peersOf(own), asOf),
      ...levels.map((level) => this.scores.ranking(period, { level, parent: unitCode }, asOf)),
    ]);
    const national = own.unit.level === 'province' && scope === 'all' ? peers : undefined;
    const listed = [...rankings, ...(national ? [national] : [])].flatMap((r) => r.rows.map((row) => row.unit.code)).filter((c) => c !== unitCode);
    const unitScores = await this.scoresOf(listed, period, asOf);
    unitScores.set(unitCode, own);
    const appendix = buildMonthlyAppendix({
      period, parent: own.unit, own: { score: own, row: peers.rows.find((r) => r.unit.code === unitCode) }, rankings, national, unitScores, generatedAt, cut,
    });
    return { own, peers, appendix };
  }

  /** The monthly appendix (Phụ lục) of a province's or district's units, as XLSX or CSV: the letter's own appendices. */
  async appendix(period: string, parentCode: string, format: 'xlsx' | 'csv'): Promise<ExportResult> {
    const figures = await this.publisherFigures(period, parentCode, 'all', 'parent');
    if ('kind' in figures) return figures;
    return this.appendixFile(figures.appendix, format);
  }

  /** The provinces nationally (the national appendix), as XLSX or CSV. */
  async nationalAppendix(period: string, format: 'xlsx' | 'csv'): Promise<ExportResult> {
    const generatedAt = this.clock();
    const cut = await this.cutOf(period);
    const asOf = cut.kind === 'closed' ? new Date(cut.asOf) : undefined;
    const national = await this.scores.ranking(period, { level: 'province' }, asOf);
    const unitScores = await this.scoresOf(national.rows.map((r) => r.unit.code), period, asOf);
    return this.appendixFile(buildMonthlyAppendix({ period, parent: NATION, rankings: [], national, unitScores, generatedAt, cut }), format);
  }

  private async appendixFile(appendix: MonthlyAppendix, format: 'xlsx' | 'csv'): Promise<ExportResult> {
    const body = format === 'xlsx' ? await appendixXlsx(appendix) : appendixCsv(appendix);
    return { kind: 'file', file: { fileName: appendixFileName(appendix, format), contentType: CONTENT_TYPES[format], body } };
  }

  /** The monthly letter of a province's (or district's) People's Committee office with its appendices, as DOCX or PDF. */
  async letter(period: string, unitCode: string, format: 'docx' | 'pdf', scope: LetterScope = 'all'): Promise<ExportResult> {
    const figures = await this.publisherFigures(period, unitCode, scope, 'unit');
    if ('kind' in figures) return figures;
    const letter = buildMonthlyLetter({ score: figures.own, peers: figures.peers, appendix: figures.appendix, cut: figures.appendix.cut, generatedAt: figures.appendix.generatedAt });
    const body = format === 'docx' ? await letterDocx(letter) : await letterPdf(letter);
    return { kind: 'file', file: { fileName: letterFileName(letter, format), contentType: CONTENT_TYPES[format], body } };
  }

  /** One unit's printable monthly summary (PDF). */
  async summary(unitCode: string, period: string): Promise<ExportResult> {
    const generatedAt = this.clock();
    const score = await this.scores.unitScore(unitCode, period);
    if (!score) return { kind: 'unknown-unit', reason: `unit: ${unitCode} is not known and has no score for ${period}` };
    const peers = score.rank ? await this.scores.ranking(period, peerFilter(score.rank.peerGroup)) : null;
    const summary = buildMonthlySummary({ score, peers, generatedAt });
    return { kind: 'file', file: { fileName: summaryFileName(summary), contentType: CONTENT_TYPES.pdf, body: await summaryPdf(summary) } };
  }
}
