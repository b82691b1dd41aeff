import { Query } from '@nestjs/cqrs';
import type { ExportResult } from './exported-file';

/** One unit's printable monthly summary (PDF). */
export class ExportMonthlySummaryQuery extends Query<ExportResult> {
  constructor(readonly unitCode: string, readonly period: string) {
    super();
  }
}
