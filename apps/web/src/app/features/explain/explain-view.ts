import type { CriterionScoreDto, ExplainItemDto, StreamEventsDto } from '@idx/contracts';
import { formatDuration } from '../../core/format/duration';
import {
  formatCount,
  formatCriterionPoints,
  formatMax,
  formatRate,
  formatTarget,
} from '../../core/format/number-format';
import type { Language } from '../../core/i18n/language';
import type { ScoreText } from '../../core/i18n/score-text.i18n';
import { formatDateTime } from '../../core/time/vietnam-time';
import type { ExplainText } from './explain.i18n';

export interface ExplainViewContext {
  readonly language: Language;
  readonly locale: string;
  readonly text: ExplainText;
  readonly scoreText: ScoreText;
  readonly eventTypes: Readonly<Record<string, string>>;
}

export interface CriterionFigureView {
  readonly id: number;
  readonly name: string;
  readonly status: CriterionScoreDto['status'];
  readonly numeratorText: string;
  readonly denominatorText: string;
  readonly rateText: string;
  readonly targetText: string;
  readonly pointsText: string;
  readonly notes: readonly string[];
}

export function toFigureView(criterion: CriterionScoreDto, context: ExplainViewContext): CriterionFigureView {
  const { locale, scoreText } = context;
  const missing =
    criterion.status === 'not-applicable'
      ? criterion.flags.includes('no-fee-bearing-procedures')
        ? scoreText.noFeeProcedures
        : scoreText.notApplicable
      : criterion.status === 'no-data'
        ? scoreText.noData
        : null;
  return {
    id: criterion.id,
    name: context.language === 'vi' ? criterion.nameVi : criterion.nameEn,
    status: criterion.status,
    numeratorText: missing ? '—' : formatCount(criterion.numerator, locale),
    denominatorText: missing ? '—' : formatCount(criterion.denominator, locale),
    rateText: missing ?? (criterion.ratio === null ? '—' : formatRate(criterion.ratio, locale)),
    targetText: formatTarget(criterion.target, locale),
    pointsText: `${missing ?? (criterion.points === null ? '—' : formatCriterionPoints(criterion.points, locale))} / ${formatMax(criterion.max, locale)}`,
    notes: criterion.flags
      .filter((flag) => !(missing && (flag === 'no-fee-bearing-procedures' || flag.startsWith('not-applicable'))))
      .map((flag) => scoreText.flags[flag] ?? flag),
  };
}

export interface FactView {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

export interface ExplainItemView {
  readonly code: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly unitCode: string;
  readonly costsPoints: boolean;
  readonly reason: string | null;
  readonly lateText: string | null;
  readonly facts: readonly FactView[];
  readonly streamId: string;
}

/** "2025-03-20 09:00" as one-stop systems print local time (no offset). */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2})?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function factValue(value: string | number | boolean | null, context: ExplainViewContext): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? context.text.yes : context.text.no;
  if (typeof value === 'number') return formatCount(value, context.locale);
  const local = LOCAL_TIME.exec(value);
  if (local) return `${local[3]}/${local[2]}/${local[1]} ${local[4]}:${local[5]}`;
  if (INSTANT.test(value)) return formatDateTime(value, { seconds: false });
  return context.text.factValues[value] ?? value;
}

export function toItemView(item: ExplainItemDto, context: ExplainViewContext): ExplainItemView {
  const { text } = context;
  return {
    code: item.code,
    kind: item.kind,
    kindLabel: text.items.kinds[item.kind] ?? item.kind,
    unitCode: item.unitCode,
    costsPoints: item.costsPoints,
    reason: context.language === 'vi' ? item.reasonVi : item.reasonEn,
    lateText: item.lateByMs !== null && item.lateByMs > 0 ? text.items.late(formatDuration(item.lateByMs, text.duration)) : null,
    facts: Object.entries(item.facts)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => ({ key, label: text.facts[key] ?? key, value: factValue(value, context) })),
    streamId: item.streamId,
  };
}

export interface HistoryEventView {
  readonly position: string;
  readonly version: number;
  readonly type: string;
  readonly typeLabel: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly source: string;
  readonly hashShort: string;
  readonly hash: string;
}

export interface HistoryView {
  readonly chainIntact: boolean;
  readonly chainText: string;
  readonly events: readonly HistoryEventView[];
}

export function toHistoryView(history: StreamEventsDto, context: ExplainViewContext): HistoryView {
  const { text } = context;
  return {
    chainIntact: history.chainIntact,
    chainText: history.chainIntact ? text.history.chainIntact : text.history.chainBroken(history.brokenAt),
    events: history.events.map((e) => ({
      position: e.globalPosition,
      version: e.streamVersion,
      type: e.type,
      typeLabel: context.eventTypes[e.type] ?? e.type,
      occurredAt: formatDateTime(e.occurredAt),
      recordedAt: formatDateTime(e.recordedAt),
      source: e.sourceSystem,
      hashShort: e.hash.slice(0, 12),
      hash: e.hash,
    })),
  };
}
