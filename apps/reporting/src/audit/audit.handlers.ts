import { ConflictException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditLog } from '@idx/access';
import type { LogSealsDto, PeriodSnapshotDto, ScoreDiffDto, SnapshotCheckDto, VerifyReportDto } from '@idx/contracts';
import { LogAudit } from '@idx/event-store';
import { AuditService, PeriodAlreadyClosedError, ProjectionDisagreesError, ProjectionNotSettledError } from '@idx/read-models';
import { LogSealsQuery } from './log-seals.query';
import { ClosePeriodCommand } from './close-period.command';
import { ScoreDiffQuery } from './score-diff.query';
import { CheckSnapshotQuery, SnapshotQuery } from './snapshot.query';
import { VerifyUnitPeriodCommand } from './verify-unit-period.command';

@QueryHandler(ScoreDiffQuery)
export class ScoreDiffHandler implements IQueryHandler<ScoreDiffQuery, ScoreDiffDto> {
  constructor(private readonly audit: AuditService) {}
  execute({ unitCode, period, from, to }: ScoreDiffQuery): Promise<ScoreDiffDto> {
    return this.audit.diff(unitCode, period, from, to);
  }
}

@CommandHandler(VerifyUnitPeriodCommand)
export class VerifyUnitPeriodHandler implements ICommandHandler<VerifyUnitPeriodCommand, VerifyReportDto> {
  constructor(private readonly audit: AuditService) {}
  async execute({ unitCode, period }: VerifyUnitPeriodCommand): Promise<VerifyReportDto> {
    try {
      return await this.audit.verify(unitCode, period);
    } catch (error) {
      // The projection still owes this period a recompute: no fixed point to compare at yet.
      if (error instanceof ProjectionNotSettledError) throw new ConflictException({ reason: error.message });
      throw error;
    }
  }
}

@CommandHandler(ClosePeriodCommand)
export class ClosePeriodHandler implements ICommandHandler<ClosePeriodCommand, PeriodSnapshotDto> {
  constructor(private readonly audit: AuditService, private readonly log: AuditLog) {}
  async execute({ period, closedBy }: ClosePeriodCommand): Promise<PeriodSnapshotDto> {
    try {
      const snapshot = await this.audit.close(period, closedBy);
      await this.log.record({ actor: closedBy, action: 'period.closed', target: period, details: { asOf: snapshot.asOf, position: snapshot.position } });
      return snapshot;
    } catch (error) {
      if (error instanceof PeriodAlreadyClosedError || error instanceof ProjectionNotSettledError || error instanceof ProjectionDisagreesError) {
        throw new ConflictException({ reason: error.message });
      }
      throw error;
    }
  }
}

@QueryHandler(SnapshotQuery)
export class SnapshotHandler implements IQueryHandler<SnapshotQuery, PeriodSnapshotDto | undefined> {
  constructor(private readonly audit: AuditService) {}
  execute({ period }: SnapshotQuery): Promise<PeriodSnapshotDto | undefined> {
    return this.audit.snapshot(period);
  }
}

@QueryHandler(CheckSnapshotQuery)
export class CheckSnapshotHandler implements IQueryHandler<CheckSnapshotQuery, SnapshotCheckDto | undefined> {
  constructor(private readonly audit: AuditService) {}
  execute({ period }: CheckSnapshotQuery): Promise<SnapshotCheckDto | undefined> {
    return this.audit.checkSnapshot(period);
  }
}

@QueryHandler(LogSealsQuery)
export class LogSealsHandler implements IQueryHandler<LogSealsQuery, LogSealsDto> {
  constructor(private readonly log: LogAudit) {}
  execute({ limit }: LogSealsQuery): Promise<LogSealsDto> {
    return this.log.latestSeals(limit);
  }
}

export const AUDIT_HANDLERS = [ScoreDiffHandler, VerifyUnitPeriodHandler, ClosePeriodHandler, SnapshotHandler, CheckSnapshotHandler, LogSealsHandler];
