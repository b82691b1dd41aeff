import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { UnitScoreDto } from '@idx/contracts';
import { appendixCsv, appendixFileName, appendixXlsx, buildMonthlyAppendix } from '@idx/exports';
import { ScoreQueries } from '@idx/read-models';
import { CONTENT_TYPES, type ExportResult } from './exported-file';
import { ExportMonthlyAppendixQuery } from './export-monthly-appendix.query';
import { mapLimit } from './map-limit';

/** Levels listed under a parent, one appendix section each (empty ones are left out). */
const LEVELS = ['department', 'district', 'commune'] as const;
/** Units whose appendix makes sense: a province lists departments, districts, communes; a district its communes. */
const PARENT_LEVELS = new Set(['province', 'district']);
/** Unit-score reads in flight at once (each loads the period's scores). */
const CONCURRENCY = 4;

@QueryHandler(ExportMonthlyAppendixQuery)
export class ExportMonthlyAppendixHandler implements IQueryHandler<ExportMonthlyAppendixQuery, ExportResult> {
  constructor(private readonly scores: ScoreQueries) {}

  async execute({ period, parentCode, format }: ExportMonthlyAppendixQuery): Promise<ExportResult> {
    const generatedAt = Date.now();
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
}
