import type { LogVerifyReportDto, PeriodSnapshotDto, ScoreDiffDto, SnapshotCheckDto, UnitScoreDto, VerifyReportDto } from '@idx/contracts';
import { CRITERION_IDS, type Figure, parsePeriod, poolMembersAt, resolvePeriod, type UnitTree } from '@idx/domain';
import { brokenAt, type LogAudit, type PostgresHistoryReader, type TrustedHead } from '@idx/event-store';
import type { ReadModelClient } from '../prisma-client';
import { PeriodScores, toFigures } from '../queries/period-scores';
import { unitScoreView } from '../queries/score-views';
import { loadUnitTree } from '../queries/unit-tree-loader';
import { replayPeriodScores } from './replayed-period-scores';

export type Progress = (stage: string, done: number, total: number) => void;

export class PeriodAlreadyClosedError extends Error {
  constructor(readonly period: string, readonly closedAt: Date) {
    super(`period ${period} was already closed at ${closedAt.toISOString()}; a published snapshot is never rewritten`);
  }
}

interface SnapshotRow {
  period: string; closedAt: Date; asOf: Date; position: bigint; closedBy: string; scores: unknown; sealSeq: bigint | null; sealHead: string | null;
}

function toSnapshotDto(row: SnapshotRow): PeriodSnapshotDto {
  return {
    period: row.period, closedAt: row.closedAt.toISOString(), asOf: row.asOf.toISOString(), position: row.position.toString(),
    closedBy: row.closedBy, scores: row.scores as UnitScoreDto[],
    seal: row.sealSeq === null || row.sealHead === null ? null : { seq: row.sealSeq.toString(), headHash: row.sealHead },
  };
}

const counts = (f: Figure | undefined) => (f ? { numerator: f.numerator, denominator: f.denominator } : null);
const same = (a: Figure | undefined, b: Figure | undefined) => (a?.numerator ?? 0) === (b?.numerator ?? 0) && (a?.denominator ?? 0) === (b?.denominator ?? 0);

export interface AuditLogOptions {
  /** The log seals: verify checks the whole log, close records the seal covering the month. */
  readonly log?: LogAudit;
  /** How long close waits for the sealer to cover the events it saw (default 5000 ms). */
  readonly sealWaitMs?: number;
}

/** The auditors' tools: as-of differences, verification against the raw events, closed months. */
export class AuditService {
  constructor(
    private readonly prisma: ReadModelClient, private readonly history: PostgresHistoryReader,
    private readonly clock: () => number = Date.now, private readonly logOptions: AuditLogOptions = {},
  ) {}

  private membersOf(tree: UnitTree, unitCode: string, periodKey: string): string[] {
    const period = parsePeriod(periodKey);
    return tree[unitCode] ? poolMembersAt(tree, unitCode, Math.min(period.end - 1, this.clock())) : [unitCode];
  }

  /** How a unit's period moved between two record-time moments, and the late events that moved it. */
  async diff(unitCode: string, periodKey: string, from: Date, to: Date): Promise<ScoreDiffDto> {
    const period = resolvePeriod(periodKey, this.clock()).period;
    const tree = await loadUnitTree(this.prisma);
    const members = this.membersOf(tree, unitCode, period.key);
    const [before, after] = await Promise.all([
      replayPeriodScores(this.history, tree, members, period.key, from),
      replayPeriodScores(this.history, tree, members, period.key, to),
    ]);
    const b = unitScoreView(before.scores, unitCode, from);
    const a = unitScoreView(after.scores, unitCode, to);
    const late = await this.history.read({ unitCodes: members, recordedAfter: from, recordedUntil: to });
    return {
      unitCode, period: period.key, from: from.toISOString(), to: to.toISOString(), totalBefore: b.total, totalAfter: a.total,
      criteria: a.criteria
        .map((ac) => ({ ac, bc: b.criteria.find((c) => c.id === ac.id) }))
        .filter(({ ac, bc }) => !bc || bc.numerator !== ac.numerator || bc.denominator !== ac.denominator || bc.points !== ac.points)
        .map(({ ac, bc }) => ({
          id: ac.id,
          before: { numerator: bc?.numerator ?? 0, denominator: bc?.denominator ?? 0, points: bc?.points ?? null },
          after: { numerator: ac.numerator, denominator: ac.denominator, points: ac.points },
        })),
      events: late
        .filter((e) => { const t = Date.parse(e.event.occurredAt); return t >= period.start && t < period.end; })
        .map((e) => ({
          recordedAt: e.recordedAt.toISOString(), occurredAt: e.event.occurredAt, type: e.event.type, unitCode: e.event.unitCode,
          subject: e.event.dossierCode ?? e.event.procedureCode ?? e.event.petitionCode ?? null, globalPosition: e.globalPosition.toString(),
        })),
    };
  }

  /**
   * Recomputes a unit-period from the raw events and compares it, unit by unit and criterion by
   * criterion, with what the projection stored; checks the hash chain of every stream involved.
   */
  async verify(unitCode: string, periodKey: string, progress: Progress = () => undefined): Promise<VerifyReportDto> {
    const period = resolvePeriod(periodKey, this.clock()).period;
    const tree = await loadUnitTree(this.prisma);
    const members = this.membersOf(tree, unitCode, period.key);
    const replay = await replayPeriodScores(this.history, tree, members, period.key, new Date(this.clock()), (d, t) => progress('replay', d, t));
    const stored = new Map((await this.prisma.unitPeriodScore.findMany({ where: { period: period.key, unitCode: { in: members } } }))
      .map((r) => [r.unitCode, toFigures(r.figures)]));
    const differences: VerifyReportDto['differences'][number][] = [];
    for (const unit of members) {
      const mine = stored.get(unit);
      const again = replay.scores.ownFigures(unit);
      for (const criterion of CRITERION_IDS) {
        const s = mine?.get(criterion);
        const r = again?.get(criterion);
        if (!same(s, r)) differences.push({ unitCode: unit, criterion, stored: counts(s), recomputed: counts(r) });
      }
    }
    const brokenStreams: { streamId: string; brokenAt: number }[] = [];
    const ids = replay.streamIds;
    for (let i = 0; i < ids.length; i += 2000) {
      for (const [streamId, stream] of await this.history.streams(ids.slice(i, i + 2000))) {
        const at = brokenAt(stream);
        if (at !== null) brokenStreams.push({ streamId, brokenAt: at });
      }
      progress('hash chains', Math.min(ids.length, i + 2000), ids.length);
    }
    const log = this.logOptions.log ? await this.verifyLog(progress) : undefined;
    return {
      unitCode, period: period.key, match: differences.length === 0 && brokenStreams.length === 0 && (log?.intact ?? true),
      eventsReplayed: replay.eventsReplayed, streamsChecked: ids.length, brokenStreams, differences, ...(log ? { log } : {}),
    };
  }

  /**
   * The whole log: every event's hash recomputed, every stream chain and seal checked, and each
   * closed month's recorded seal still stored as it was.
   */
  async verifyLog(progress: Progress = () => undefined, fromSeal?: { seq: string; headHash: string }): Promise<LogVerifyReportDto> {
    if (!this.logOptions.log) throw new Error('this audit service was built without the log seals');
    const months = await this.prisma.periodSnapshot.findMany({ where: { sealSeq: { not: null } }, select: { period: true, sealSeq: true, sealHead: true } });
    const trustedHeads: TrustedHead[] = months.map((m) => ({ seq: String(m.sealSeq), headHash: m.sealHead as string, source: `closed month ${m.period}` }));
    return this.logOptions.log.verify({ trustedHeads, fromSeal, onProgress: (d, t) => progress('log', d, t) });
  }

  /** Publishes a month: every unit's score recomputed from the events recorded until now, kept as is. */
  async close(periodKey: string, closedBy: string, progress: Progress = () => undefined): Promise<PeriodSnapshotDto> {
    const period = parsePeriod(periodKey);
    const existing = await this.prisma.periodSnapshot.findUnique({ where: { period: period.key } });
    if (existing) throw new PeriodAlreadyClosedError(period.key, existing.closedAt);
    const head = await this.prisma.$queryRawUnsafe<{ p: bigint | null; at: Date }[]>('SELECT max(global_position) AS p, now() AS at FROM events');
    const asOf = head[0].at;
    const scores = await this.scoresAsOf(period.key, asOf, progress);
    const seal = await this.logOptions.log?.sealCoveringNow(this.logOptions.sealWaitMs ?? 5000);
    const row = await this.prisma.periodSnapshot.create({
      data: {
        period: period.key, closedAt: new Date(this.clock()), asOf, position: head[0].p ?? 0n, closedBy, scores: scores as unknown as object,
        sealSeq: seal ? BigInt(seal.seq) : null, sealHead: seal?.headHash ?? null,
      },
    });
    return { ...toSnapshotDto(row), scores };
  }

  async snapshot(periodKey: string): Promise<PeriodSnapshotDto | undefined> {
    const row = await this.prisma.periodSnapshot.findUnique({ where: { period: parsePeriod(periodKey).key } });
    return row ? toSnapshotDto(row) : undefined;
  }

  /** Replays the events up to the snapshot's instant and compares every published total. */
  async checkSnapshot(periodKey: string, progress: Progress = () => undefined): Promise<SnapshotCheckDto | undefined> {
    const published = await this.snapshot(periodKey);
    if (!published) return undefined;
    const again = new Map((await this.scoresAsOf(published.period, new Date(published.asOf), progress)).map((s) => [s.unit.code, s.total]));
    const differences = published.scores
      .filter((s) => again.get(s.unit.code) === undefined || Math.abs((again.get(s.unit.code) as number) - s.total) > 1e-9)
      .map((s) => ({ unitCode: s.unit.code, published: s.total, recomputed: again.get(s.unit.code) ?? null }));
    return { period: published.period, asOf: published.asOf, match: differences.length === 0, unitsChecked: published.scores.length, differences };
  }

  private async scoresAsOf(periodKey: string, asOf: Date, progress: Progress): Promise<UnitScoreDto[]> {
    const tree = await loadUnitTree(this.prisma);
    const units = [...new Set([...Object.keys(tree), ...(await this.prisma.unitPeriodScore.findMany({ select: { unitCode: true }, distinct: ['unitCode'] })).map((r) => r.unitCode)])];
    const replay = await replayPeriodScores(this.history, tree, units, periodKey, asOf, (d, t) => progress('replay', d, t));
    const scores: PeriodScores = replay.scores;
    return units.filter((u) => scores.hasData(u)).sort().map((u) => unitScoreView(scores, u, asOf));
  }
}
