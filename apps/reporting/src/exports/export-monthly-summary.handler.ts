import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildMonthlySummary, summaryFileName, summaryPdf } from '@idx/exports';
import { type RankingFilter, ScoreQueries } from '@idx/read-models';
import { CONTENT_TYPES, type ExportResult } from './exported-file';
import { ExportMonthlySummaryQuery } from './export-monthly-summary.query';

/** The ranking whose average the summary prints: provinces nationally, else the unit's peers in its province. */
export function peerFilter(peerGroup: string): RankingFilter {
  if (peerGroup === 'national/province') return { level: 'province' };
  const cut = peerGroup.lastIndexOf('/');
  return { level: peerGroup.slice(cut + 1), parent: peerGroup.slice(0, cut) };
}

@QueryHandler(ExportMonthlySummaryQuery)
export class ExportMonthlySummaryHandler implements IQueryHandler<ExportMonthlySummaryQuery, ExportResult> {
  constructor(private readonly scores: ScoreQueries) {}

  async execute({ unitCode, period }: ExportMonthlySummaryQuery): Promise<ExportResult> {
    const generatedAt = Date.now();
    const score = await this.scores.unitScore(unitCode, period);
    if (!score) return { kind: 'unknown-unit', reason: `unit: ${unitCode} is not known and has no score for ${period}` };
    const peers = score.rank ? await this.scores.ranking(period, peerFilter(score.rank.peerGroup)) : null;
    const summary = buildMonthlySummary({ score, peers, generatedAt });
    return { kind: 'file', file: { fileName: summaryFileName(summary), contentType: CONTENT_TYPES.pdf, body: await summaryPdf(summary) } };
  }
}
