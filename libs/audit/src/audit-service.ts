import type { CutDto, LogVerifyReportDto, PeriodSnapshotDto, ScoreDiffDto, SnapshotCheckDto, UnitScoreDto, VerifyReportDto } from '@idx/contracts';
import { CRITERION_IDS, type Figure, parsePeriod, type Period, resolvePeriod, roundHalfUp, ruleSetInForce, type UnitTree } from '@idx/domain';
import { brokenAt, type Checkpoint, type LogAudit, type PostgresHistoryReader, START, type TrustedHead } from '@idx/event-store';
import type { ReadModelClient } from '@idx/read-models';
import { everyUnit, historyAt, poolOf, type ReplayCut, replayPeriodScores, toFigures, unitScoreView } from '@idx/score-queries';
import { type PartitionCheckpoint, type ProjectionAtCut, cutOfUnit, readProjectionAtCut } from './projection-at-cut';
import { replayRows } from './replayed-rows';
import { finishedRowDifferences, type RowDifference, rowDifferences } from './row-differences';
import { finishedRowOf, finishScore, type OwnFigures } from '@idx/scoring-projection';
import type { ReplayedRows } from './replayed-rows';

export type Progress = (stage: string, done: number, total: number) => void;

export class PeriodAlreadyClosedError extends Error {
  constructor(readonly period: string, readonly closedAt: Date) {
    super(`period ${period} was already closed at ${closedAt.toISOString()}; a published snapshot is never rewritten`);
  }
}

/** The projection still owes these unit-periods a recompute: its rows are not yet at its checkpoint. */
export class ProjectionNotSettledError extends Error {
  constructor(readonly period: string, readonly units: readonly string[], waitedMs: number) {
    super(`the scoring projection still owes a recompute of ${period} for ${units.slice(0, 5).join(', ')}${units.length > 5 ? ` and ${units.length - 5} more` : ''} `
      + `after ${waitedMs} ms; it recomputes quarters, halves and years on a cadence — try again shortly`);
  }
}

/** Close refused: at the same position the projection's month and the replay of the events differ. */
export class ProjectionDisagreesError extends Error {
  constructor(readonly period: string, readonly differences: readonly RowDifference[], readonly position: string) {
    const units = [...new Set(differences.map((d) => d.unitCode))];
    super(`period ${period} not closed: at position ${position} the projection and the events disagree for ${units.slice(0, 5).join(', ')}`
      + `${units.length > 5 ? ` and ${units.length - 5} more` : ''}; verify those units (POST /api/v1/audit/verify) before closing`);
  }
}

interface SnapshotRow {
  period: string; closedAt: Date; asOf: Date; position: bigint; closedBy: string; scores: unknown; sealSeq: bigint | null; sealHead: string | null; cuts: unknown;
}

function toSnapshotDto(row: SnapshotRow): PeriodSnapshotDto {
  return {
    period: row.period, closedAt: row.closedAt.toISOString(), asOf: row.asOf.toISOString(), position: row.position.toString(),
    closedBy: row.closedBy, scores: row.scores as UnitScoreDto[],
    seal: row.sealSeq === null || row.sealHead === null ? null : { seq: row.sealSeq.toString(), headHash: row.sealHead },
    ...(row.cuts ? { cuts: row.cuts as CutDto[] } : {}),
  };
}

const counts = (f: Figure | undefined) => (f ? { numerator: f.numerator, denominator: f.denominator } : null);
const same = (a: Figure | undefined, b: Figure | undefined) => (a?.numerator ?? 0) === (b?.numerator ?? 0) && (a?.denominator ?? 0) === (b?.denominator ?? 0);
const toCutDto = (c: PartitionCheckpoint): CutDto => ({ name: c.name, transactionId: c.checkpoint.transactionId.toString(), position: c.checkpoint.position.toString() });
const fromCutDto = (c: CutDto): PartitionCheckpoint => {
  const m = /-p(\d+)of(\d+)$/.exec(c.name);
  return { name: c.name, partition: m ? { index: Number(m[1]), count: Number(m[2]) } : { index: 0, count: 1 }, checkpoint: { transactionId: BigInt(c.transactionId), position: BigInt(c.position) }, updatedAt: new Date(0) };
};
const maxPosition = (cuts: readonly PartitionCheckpoint[]): bigint => cuts.reduce((m, c) => (c.checkpoint.position > m ? c.checkpoint.position : m), 0n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AuditLogOptions {
  /** The log seals: verify checks the whole log, close records the seal covering the month. */
  readonly log?: LogAudit;
  /** How long close waits for the sealer to cover the events it saw (default 5000 ms). */
  readonly sealWaitMs?: number;
  /** How long verify and close wait for the projection to settle owed recomputes (default 15000 ms). */
  readonly settleWaitMs?: number;
}

/** The auditors' tools: as-of differences, verification against the raw events, closed months. */
export class AuditService {
  constructor(
    private readonly prisma: ReadModelClient, private readonly history: PostgresHistoryReader,
    private readonly clock: () => number = Date.now, private readonly logOptions: AuditLogOptions = {},
  ) {}

  /** How a unit-period moved between two record-time moments, and the late events that moved it. */
  async diff(unitCode: string, periodKey: string, from: Date, to: Date): Promise<ScoreDiffDto> {
    const period = resolvePeriod(periodKey, this.clock()).period;
    // Each side pools over the unit tree as it stood at its own moment.
    const [before, after] = await Promise.all([
      replayPeriodScores(this.history, poolOf(unitCode), period.key, { recordedUntil: from }, from.getTime()),
      replayPeriodScores(this.history, poolOf(unitCode), period.key, { recordedUntil: to }, to.getTime()),
    ]);
    const b = unitScoreView(before.scores, unitCode, from);
    const a = unitScoreView(after.scores, unitCode, to);
    const members = [...new Set([...poolOf(unitCode)(before.tree, period), ...poolOf(unitCode)(after.tree, period)])];
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
   * What the projection held at one instant — checkpoints and rows from one snapshot — once it owes
   * no recompute for these unit-periods (else its rows lag its checkpoint by design). Retries
   * until `settleWaitMs`; the projection keeps running meanwhile, each attempt is a new snapshot.
   */
  private async settledProjection(period: Period, unitsOf: (tree: UnitTree) => readonly string[] | 'every unit'): Promise<ProjectionAtCut> {
    const limit = this.logOptions.settleWaitMs ?? 15_000;
    const started = Date.now();
    for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
      const at = await readProjectionAtCut(this.prisma, period.key, unitsOf);
      if (at.owed.length === 0) return at;
      if (Date.now() - started >= limit) throw new ProjectionNotSettledError(period.key, at.owed, Date.now() - started);
      await sleep(pause);
    }
  }

  /**
   * The projection's rows and the events' replay through the projector's own row function, both at
   * the projection's checkpoint: events appended meanwhile are in neither, so live load cannot
   * make them differ (docs/verify.md). Answers the stored rows' differences, per column.
   */
  private async compareAtCut(at: ProjectionAtCut, period: Period, progress: Progress) {
    const history = await historyAt(this.history, at.units, { cutOf: at.cutOf }, (d, t) => progress('replay', d, t));
    const replay = replayRows(history, at.units, period, this.clock());
    const differences = at.units.flatMap((unit) => rowDifferences(unit, at.rows.get(unit), replay.rows.get(unit)));
    return { history, replay, differences };
  }

  /**
   * The unit's stored finished row against finishScore over the replayed own rows of its pool (last
   * year's own rows, for criterion 4's fallback, as stored in the same snapshot): the one scoring
   * path, checked at the same position as the own rows.
   */
  private finishedDifferences(at: ProjectionAtCut, replayed: ReplayedRows['rows'], unitCode: string, period: Period): RowDifference[] {
    const source = {
      own: (code: string): OwnFigures | undefined => {
        const row = replayed.get(code);
        return row && 'figures' in row ? { figures: toFigures(row.figures), updatedAt: new Date(0) } : undefined;
      },
      lastYear: (code: string) => (at.lastYear.get(code) ?? []).map((r) => toFigures(r.figures)),
    };
    const finished = finishScore(at.tree, period, unitCode, source);
    // No member has a row: the projector stores no finished row either.
    const expected = finished.pooledUnits.some((m) => source.own(m)) ? finishedRowOf(finished, at.tree) : undefined;
    return finishedRowDifferences(unitCode, at.finished.get(unitCode), expected);
  }

  /**
   * Recomputes a unit-period from the raw events and compares it, unit by unit and column by
   * column, with what the projection stored at the same position; checks the hash chain of every
   * stream involved.
   */
  async verify(unitCode: string, periodKey: string, progress: Progress = () => undefined): Promise<VerifyReportDto> {
    const period = resolvePeriod(periodKey, this.clock()).period;
    const at = await this.settledProjection(period, (tree) => poolOf(unitCode)(tree, period));
    const { history, replay, differences: ownRows } = await this.compareAtCut(at, period, progress);
    const rows = [...ownRows, ...this.finishedDifferences(at, replay.rows, unitCode, period)];
    const differences: VerifyReportDto['differences'][number][] = [];
    for (const unit of at.units) {
      const mine = at.rows.has(unit) ? toFigures(at.rows.get(unit)?.figures) : undefined;
      const again = replay.rows.get(unit);
      const theirs = again && 'figures' in again ? toFigures(again.figures) : undefined;
      for (const criterion of CRITERION_IDS) {
        const s = mine?.get(criterion);
        const r = theirs?.get(criterion);
        if (!same(s, r)) differences.push({ unitCode: unit, criterion, stored: counts(s), recomputed: counts(r) });
      }
    }
    const brokenStreams: { streamId: string; brokenAt: number }[] = [];
    const ids = [...new Set(history.map((e) => e.streamId))];
    for (let i = 0; i < ids.length; i += 2000) {
      for (const [streamId, stream] of await this.history.streams(ids.slice(i, i + 2000))) {
        const broken = brokenAt(stream);
        if (broken !== null) brokenStreams.push({ streamId, brokenAt: broken });
      }
      progress('hash chains', Math.min(ids.length, i + 2000), ids.length);
    }
    const log = this.logOptions.log ? await this.verifyLog(progress) : undefined;
    // Figures are itemised per criterion above; the other columns (score, total, …) are listed here.
    const rowDifferencesBeyondFigures = rows.filter((d) => d.column !== 'figures');
    return {
      unitCode, period: period.key,
      match: differences.length === 0 && rows.length === 0 && brokenStreams.length === 0 && (log?.intact ?? true),
      eventsReplayed: history.length, streamsChecked: ids.length, brokenStreams, differences,
      position: at.cutOf(unitCode).position.toString(), cuts: at.checkpoints.map(toCutDto), rowDifferences: rowDifferencesBeyondFigures,
      ...(log ? { log } : {}),
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

  /**
   * Publishes a month at one fixed point: the projection's checkpoint. Every unit's stored month row
   * is compared with the replay of the events up to that checkpoint; on any difference nothing is
   * published. The scores published are the replay's, and the checkpoints are kept, so the check
   * replays exactly the same events however many arrive later.
   */
  async close(periodKey: string, closedBy: string, progress: Progress = () => undefined): Promise<PeriodSnapshotDto> {
    const period = parsePeriod(periodKey);
    const existing = await this.prisma.periodSnapshot.findUnique({ where: { period: period.key } });
    if (existing) throw new PeriodAlreadyClosedError(period.key, existing.closedAt);
    const at = await this.settledProjection(period, () => 'every unit');
    const position = maxPosition(at.checkpoints);
    const { differences } = await this.compareAtCut(at, period, progress);
    if (differences.length > 0) throw new ProjectionDisagreesError(period.key, differences, position.toString());
    const asOf = new Date(this.clock());
    const replay = await replayPeriodScores(this.history, everyUnit(at.units), period.key, { cutOf: at.cutOf }, asOf.getTime(), (d, t) => progress('replay', d, t));
    const scores = replay.scores.unitCodes().filter((u) => replay.scores.hasData(u)).sort().map((u) => unitScoreView(replay.scores, u, asOf));
    const seal = await this.logOptions.log?.sealCoveringNow(this.logOptions.sealWaitMs ?? 5000);
    const cuts = at.checkpoints.map(toCutDto);
    const row = await this.prisma.periodSnapshot.create({
      data: {
        period: period.key, closedAt: asOf, asOf, position, closedBy, scores: scores as unknown as object,
        sealSeq: seal ? BigInt(seal.seq) : null, sealHead: seal?.headHash ?? null, cuts: cuts as unknown as object,
      },
    });
    return { ...toSnapshotDto(row), scores };
  }

  /** Whether, when and by whom a month was closed, without its published scores (a few MB nationally). */
  async closeOf(periodKey: string): Promise<{ readonly asOf: string; readonly closedAt: string; readonly closedBy: string } | undefined> {
    const row = await this.prisma.periodSnapshot.findUnique({
      where: { period: parsePeriod(periodKey).key }, select: { asOf: true, closedAt: true, closedBy: true },
    });
    return row ? { asOf: row.asOf.toISOString(), closedAt: row.closedAt.toISOString(), closedBy: row.closedBy } : undefined;
  }

  async snapshot(periodKey: string): Promise<PeriodSnapshotDto | undefined> {
    const row = await this.prisma.periodSnapshot.findUnique({ where: { period: parsePeriod(periodKey).key } });
    return row ? toSnapshotDto(row) : undefined;
  }

  /** Replays the events within the snapshot's cut (its checkpoints; older ones: its instant) and compares every published total. */
  async checkSnapshot(periodKey: string, progress: Progress = () => undefined): Promise<SnapshotCheckDto | undefined> {
    const published = await this.snapshot(periodKey);
    if (!published) return undefined;
    const checkpoints = (published.cuts ?? []).map(fromCutDto);
    const cut: ReplayCut = published.cuts ? { cutOf: (u: string): Checkpoint => (checkpoints.length ? cutOfUnit(checkpoints, u) : START) } : { recordedUntil: new Date(published.asOf) };
    const asOf = new Date(published.asOf);
    const units = published.scores.map((s) => s.unit.code);
    const replay = await replayPeriodScores(this.history, everyUnit(units), published.period, cut, asOf.getTime(), (d, t) => progress('replay', d, t));
    const again = new Map(replay.scores.unitCodes().filter((u) => replay.scores.hasData(u)).map((u) => [u, unitScoreView(replay.scores, u, asOf).total]));
    const decimals = ruleSetInForce(parsePeriod(published.period).start).rounding.total;
    const differences = published.scores
      // Compared as displayed: snapshots closed before docs/one-score.md stored unrounded totals.
      .filter((s) => again.get(s.unit.code) === undefined || roundHalfUp(again.get(s.unit.code) as number, decimals) !== roundHalfUp(s.total, decimals))
      .map((s) => ({ unitCode: s.unit.code, published: s.total, recomputed: again.get(s.unit.code) ?? null }));
    return { period: published.period, asOf: published.asOf, match: differences.length === 0, unitsChecked: published.scores.length, differences };
  }
}
