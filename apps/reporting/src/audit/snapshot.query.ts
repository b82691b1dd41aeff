import { Query } from '@nestjs/cqrs';
import type { PeriodSnapshotDto, SnapshotCheckDto } from '@idx/contracts';

export class SnapshotQuery extends Query<PeriodSnapshotDto | undefined> {
  constructor(readonly period: string) {
    super();
  }
}

export class CheckSnapshotQuery extends Query<SnapshotCheckDto | undefined> {
  constructor(readonly period: string) {
    super();
  }
}
