import { Command } from '@nestjs/cqrs';
import type { PeriodSnapshotDto } from '@idx/contracts';

export class ClosePeriodCommand extends Command<PeriodSnapshotDto> {
  constructor(readonly period: string, readonly closedBy: string) {
    super();
  }
}
