import { computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { PeriodSnapshotDto, VerifyReportDto } from '@idx/contracts';
import { Subject, switchMap } from 'rxjs';
import { dataOf, IDLE, type Loadable, loadable } from '../../core/api/loadable';
import { formatCount, formatRank, formatTotal } from '../../core/format/number-format';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { formatDateTime, formatMonthKey } from '../../core/time/vietnam-time';
import { AuditApiService } from './audit-api.service';
import { AUDIT_TEXT } from './audit.i18n';

/** The auditor's page: verify a unit-month, close a month, read a closed month's snapshot. */
@Injectable()
export class AuditStore {
  private readonly api = inject(AuditApiService);
  private readonly language = inject(LanguageService);
  private readonly text = injectTranslations(AUDIT_TEXT);
  private readonly scoreText = injectTranslations(SCORE_TEXT);
  private readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);

  private readonly verifyState = signal<Loadable<VerifyReportDto>>(IDLE);
  private readonly closeState = signal<Loadable<PeriodSnapshotDto>>(IDLE);
  private readonly snapshotState = signal<Loadable<PeriodSnapshotDto>>(IDLE);
  private readonly snapshotPeriod = signal<string | null>(null);

  private readonly verifications = new Subject<{ readonly unitCode: string; readonly period: string }>();
  private readonly closings = new Subject<string>();
  private readonly snapshots = new Subject<string>();

  readonly verifyStatus = computed(() => this.verifyState().status);
  readonly closeStatus = computed(() => this.closeState().status);
  readonly snapshotStatus = computed(() => this.snapshotState().status);
  readonly requestedSnapshotPeriod = this.snapshotPeriod.asReadonly();

  readonly verifyError = computed(() => this.errorText(this.verifyState()));
  readonly closeError = computed(() => this.errorText(this.closeState()));
  readonly snapshotError = computed(() => {
    const state = this.snapshotState();
    return state.status === 'error' ? this.text().error(state.reason) : null;
  });

  readonly verifyReport = computed(() => {
    const report = dataOf(this.verifyState());
    if (!report) return null;
    const locale = this.language.locale();
    const counts = (figure: { readonly numerator: number; readonly denominator: number } | null) =>
      figure ? `${formatCount(figure.numerator, locale)}/${formatCount(figure.denominator, locale)}` : this.text().verify.none;
    return {
      match: report.match,
      summary: this.text().verify.replayed(formatCount(report.eventsReplayed, locale), formatCount(report.streamsChecked, locale)),
      broken: report.brokenStreams.map((b) => this.text().verify.brokenAt(b.streamId, b.brokenAt)),
      differences: report.differences.map((d) => ({
        key: `${d.unitCode}/${d.criterion}`,
        unitCode: d.unitCode,
        criterion: d.criterion,
        stored: counts(d.stored),
        recomputed: counts(d.recomputed),
      })),
    };
  });

  readonly closedPeriod = computed(() => dataOf(this.closeState())?.period ?? null);

  readonly snapshot = computed(() => {
    const snapshot = dataOf(this.snapshotState());
    if (!snapshot) return null;
    const locale = this.language.locale();
    const language = this.language.current();
    return {
      period: snapshot.period,
      meta: this.text().snapshot.meta(formatDateTime(snapshot.closedAt), formatDateTime(snapshot.asOf), snapshot.position, snapshot.closedBy),
      rows: snapshot.scores.map((score) => ({
        code: score.unit.code,
        name: score.unit.name,
        level: this.levelLabels()[score.unit.level] ?? score.unit.level,
        total: formatTotal(score.total, locale),
        band: language === 'vi' ? score.band.labelVi : score.band.labelEn,
        rank: score.rank && score.rank.rank !== null ? formatRank(score.rank.rank, score.rank.of) : this.scoreText().unranked,
      })),
    };
  });

  constructor() {
    this.verifications
      .pipe(switchMap(({ unitCode, period }) => loadable(this.api.verify(unitCode, period))), takeUntilDestroyed())
      .subscribe((state) => this.verifyState.set(state));
    this.closings
      .pipe(switchMap((period) => loadable(this.api.close(period))), takeUntilDestroyed())
      .subscribe((state) => {
        this.closeState.set(state);
        // The snapshot just made is what "published figures" shows.
        if (state.status === 'ready') {
          this.snapshotPeriod.set(state.data.period);
          this.snapshotState.set(state);
        }
      });
    this.snapshots
      .pipe(switchMap((period) => loadable(this.api.snapshot(period))), takeUntilDestroyed())
      .subscribe((state) => this.snapshotState.set(state));
  }

  verify(unitCode: string, period: string): void {
    this.verifications.next({ unitCode, period });
  }

  close(period: string): void {
    this.closings.next(period);
  }

  loadSnapshot(period: string): void {
    this.snapshotPeriod.set(period);
    this.snapshots.next(period);
  }

  /** "06/2025" for messages. */
  monthLabel(period: string): string {
    return formatMonthKey(period);
  }

  private errorText(state: Loadable<unknown>): string | null {
    if (state.status === 'missing') return state.reason ?? this.text().unavailable;
    if (state.status === 'error') return this.text().error(state.reason);
    return null;
  }
}
