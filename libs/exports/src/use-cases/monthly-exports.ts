import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { appendixCsv } from '../appendix/appendix-csv';
import { appendixXlsx } from '../appendix/appendix-xlsx';
import { appendixFileName, buildMonthlyAppendix } from '../appendix/monthly-appendix';
import { buildMonthlySummary, summaryFileName } from '../summary/monthly-summary';
import { summaryPdf } from '../summary/summary-pdf';
import { CONTENT_TYPES, type ExportResult } from './exported-file';
import { mapLimit } from './map-limit';

/** Which ranking: a level, inside a parent unit. */
export interface ExportRankingFilter {
  readonly level?: string;
  readonly parent?: string;
}

/** The score reads the exports are made of (the read models' ScoreQueries serve them). */
export interface ExportScoreReader {
  unitScore(unitCode: string, periodKey: string): Promise<UnitScoreDto | undefined>;
  ranking(periodKey: string, filter: ExportRankingFilter): Promise<RankingDto>;
}

/** Levels listed under a parent, one appendix section each (empty ones are left out). */
const LEVELS = ['department', 'district', 'commune'] as const;
/** Units whose appendix makes sense: a province lists departments, districts, communes; a district its communes. */
const PARENT_LEVELS = new Set(['province', 'district']);
/** Unit-score reads in flight at once (each loads the period's scores). */
const CONCURRENCY = 4;

/** The ranking whose average the summary prints: provinces nationally, else the unit's peers in its province. */
export function peerFilter(peerGroup: string): ExportRankingFilter {
  if (peerGroup === 'national/province') return { level: 'province' };
  const cut = peerGroup.lastIndexOf('/');
  return { level: peerGroup.slice(cut + 1), parent: peerGroup.slice(0, cut) };
}

/** The monthly files people download: the appendix (XLSX/CSV) of a parent's units, a unit's summary (PDF). */
export class MonthlyExports {
  constructor(private readonly scores: ExportScoreReader, private readonly clock: () => number = Date.now) {}

  /** The monthly appendix (Phụ lục) of a province's or district's units, as XLSX or CSV. */
  async appendix(period: string, parentCode: string, format: 'xlsx' | 'csv'): Promise<ExportResult> {
    const generatedAt = this.clock();
    const parent = await this.scores.unitScore(parentCode, period);
    if (!parent) return { kind: 'unknown-unit', reason: `parent: unit ${parentCode} is not known and has no score for ${period}` };
    if (!PARENT_LEVELS.has(parent.unit.level)) {
      return { kind: 'invalid', reason: `parent: ${parentCode} is a ${parent.unit.level}; the appendix lists the units of a province or a district` };
    }
    const rankings = await Promise.all(LEVELS.map((level) => this.scores.ranking(period, { level, parent: parentCode })));
    // N+1: the ranking rows carry groups but not criteria, so each listed unit's score is read on
    // its own (each read loads the period once). Fine for a province's ~40 departments and
    // districts; a pre-2025 province with a few hundred communes takes proportionally longer.
    const codes = [...new Set(rankings.flatMap((r) => r.rows.map((row) => row.unit.code)))];
    const scores = await mapLimit(codes, CONCURRENCY, (code) => this.scores.unitScore(code, period));
    const unitScores = new Map(scores.filter((s): s is UnitScoreDto => s !== undefined).map((s) => [s.unit.code, s]));
    const appendix = buildMonthlyAppendix({ period, parent: parent.unit, rankings, unitScores, generatedAt });
    const body = format === 'xlsx' ? await appendixXlsx(appendix) : appendixCsv(appendix);
    return { kind: 'file', file: { fileName: appendixFileName(appendix, format), contentType: CONTENT_TYPES[format], body } };
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
