import { Query } from '@nestjs/cqrs';
import type { ExportResult } from './exported-file';

/** The monthly appendix (Phụ lục) of a province's or district's units, as XLSX or CSV. */
export class ExportMonthlyAppendixQuery extends Query<ExportResult> {
  constructor(readonly period: string, readonly parentCode: string, readonly format: 'xlsx' | 'csv') {
    super();
  }
}
