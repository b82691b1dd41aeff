import { Command } from '@nestjs/cqrs';
import type { VerifyReportDto } from '@idx/contracts';

export class VerifyUnitPeriodCommand extends Command<VerifyReportDto> {
  constructor(readonly unitCode: string, readonly period: string) {
    super();
  }
}
