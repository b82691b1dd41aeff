import type { CriterionScoreDto, GroupScoreDto, RankingDto, ScoreDiffDto, UnitScoreDto, UnitTrendDto } from '@idx/contracts';
import {
  formatCount,
  formatCriterionPoints,
  formatGroupPoints,
  formatMax,
  formatPoints1,
  formatRank,
  formatRate,
  formatTarget,
  formatTotal,
  formatTotalChange,
  roundHalfUp,
} from '../../core/format/number-format';
import type { Language } from '../../core/i18n/language';
import type { ScoreText } from '../../core/i18n/score-text.i18n';
import { formatDateTime, formatMonthKey } from '../../core/time/vietnam-time';
import type { UnitText } from './unit.i18n';

export interface UnitViewContext {
  readonly language: Language;
  readonly locale: string;
  readonly text: UnitText;
  readonly scoreText: ScoreText;
  readonly levelLabels: Readonly<Record<string, string>>;
  readonly peerLabels: Readonly<Record<string, string>>;
}

const name = (item: { readonly nameVi: string; readonly nameEn: string }, language: Language) =>
  language === 'vi' ? item.nameVi : item.nameEn;

/** The words for a criterion that is not scored, or null when it has a number (DOMAIN §4). */
function missingText(criterion: CriterionScoreDto, scoreText: ScoreText): string | null {
  if (criterion.status === 'not-applicable') {
    return criterion.flags.includes('no-fee-bearing-procedures') ? scoreText.noFeeProcedures : scoreText.notApplicable;
  }
  if (criterion.status === 'no-data') return scoreText.noData;
  return null;
}

// ---- summary -------------------------------------------------------------------------------

export interface UnitSummaryView {
  readonly code: string;
  readonly name: string;
  readonly levelLabel: string;
  readonly level: string;
  readonly totalText: string;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly rankText: string;
  readonly notes: readonly string[];
  readonly asOfText: string | null;
}

/** "HY/department" → "sở, ban, ngành thuộc HY"; "national/province" → "tỉnh, thành phố trong cả nước". */
function peerText(peerGroup: string, context: UnitViewContext): string {
  const [scope = '', level = ''] = peerGroup.split('/');
  const peers = context.peerLabels[level] ?? level;
  return scope === 'national' || scope === '' ? peers : context.text.summary.peersOf(peers, scope);
}

export function toSummaryView(score: UnitScoreDto, context: UnitViewContext): UnitSummaryView {
  const { text, locale, scoreText } = context;
  const rank = score.rank;
  const notes = [
    // Groups are points out of their applicable maximum; the total is rescaled to 100 over it: say so.
    ...(score.rescaled && score.hasData ? [text.summary.rescaled(formatMax(score.applicableMax, locale))] : []),
    ...(score.pooledUnits.length > 1 ? [text.summary.pooled(score.pooledUnits.length)] : []),
    text.summary.ruleSet(score.ruleSetId),
    text.summary.updatedAt(formatDateTime(score.updatedAt)),
  ];
  return {
    code: score.unit.code,
    name: score.unit.name,
    level: score.unit.level,
    levelLabel: context.levelLabels[score.unit.level] ?? score.unit.level,
    // A unit without activity (the one rule, decided by the scoring) shows no number and no band.
    totalText: score.hasData ? formatTotal(score.total, locale) : scoreText.noData,
    band: score.hasData ? score.band : { labelVi: scoreText.noData, labelEn: scoreText.noData },
    rankText:
      rank && rank.rank !== null ? text.summary.rank(formatRank(rank.rank, rank.of), peerText(rank.peerGroup, context)) : scoreText.unranked,
    notes,
    asOfText: score.asOf ? formatDateTime(score.asOf) : null,
  };
}

// ---- groups --------------------------------------------------------------------------------

export interface GroupCardView {
  readonly id: string;
  readonly name: string;
  readonly pointsText: string;
  /** Group points ÷ group max, the "tỷ lệ" letters print beside a group (a display figure, DOMAIN §2). */
  readonly rateText: string;
  /** 0..1 for the bar and the radar; null when the group does not apply. */
  readonly fraction: number | null;
  /** "Hạng 03/34": the group's rank among the same peers as the total; null when unranked or N/A. */
  readonly rankText: string | null;
  /** "Trung bình cả nước 15,2/20" (the peers' average for other levels); null when there is none. */
  readonly averageText: string | null;
}

/** The group's rank and its peers' average, as the letters print them beside the group. */
function groupStanding(group: GroupScoreDto, level: string, context: UnitViewContext): Pick<GroupCardView, 'rankText' | 'averageText'> {
  const { text, locale } = context;
  const rank = group.rank && group.rank.rank !== null ? text.groups.rank(formatRank(group.rank.rank, group.rank.of)) : null;
  const average = typeof group.peerAverage === 'number'
    ? text.groups.average(level === 'province', formatGroupPoints(group.peerAverage, group.applicableMax > 0 ? group.applicableMax : group.max, locale))
    : null;
  return { rankText: rank, averageText: average };
}

function groupIsNoFee(group: GroupScoreDto, criteria: readonly CriterionScoreDto[]): boolean {
  const own = criteria.filter((c) => c.group === group.id);
  return own.length > 0 && own.every((c) => c.flags.includes('no-fee-bearing-procedures'));
}

/**
 * A group's words when it has no number: N/A ("TTHC không có phí, lệ phí" for the payment group of
 * a unit without fee-bearing procedures), or no data for a unit without activity; null otherwise.
 */
function groupWords(group: GroupScoreDto, criteria: readonly CriterionScoreDto[], scoreText: ScoreText): string | null {
  if (group.status === 'no-data') return scoreText.noData;
  if (group.status === 'not-applicable' || group.notApplicable || group.applicableMax <= 0) {
    return groupIsNoFee(group, criteria) ? scoreText.noFeeProcedures : scoreText.notApplicable;
  }
  return null;
}

export function toGroupCards(score: UnitScoreDto, context: UnitViewContext): readonly GroupCardView[] {
  const { locale, scoreText, text } = context;
  return score.groups.map((group) => {
    const words = groupWords(group, score.criteria, scoreText);
    const standing = groupStanding(group, score.unit.level, context);
    if (words !== null) return { id: group.id, name: name(group, context.language), pointsText: words, rateText: '', fraction: null, ...standing };
    // Out of the APPLICABLE maximum, with the rate the scoring computed: the PDF prints the same.
    const fraction = group.rate ?? group.points / group.applicableMax;
    return {
      id: group.id,
      name: name(group, context.language),
      pointsText: formatGroupPoints(group.points, group.applicableMax, locale),
      rateText: text.groups.rate(formatRate(fraction, locale)),
      fraction,
      ...standing,
    };
  });
}

// ---- criteria ------------------------------------------------------------------------------

export type CriterionTone = 'met' | 'unmet' | 'scored' | 'no-data' | 'not-applicable';

export interface CriterionRowView {
  readonly id: number;
  readonly name: string;
  readonly numeratorText: string;
  readonly denominatorText: string;
  readonly rateText: string;
  readonly targetText: string;
  readonly pointsText: string;
  readonly maxText: string;
  readonly status: CriterionScoreDto['status'];
  readonly tone: CriterionTone;
  readonly statusText: string;
  readonly notes: readonly string[];
}

export interface CriteriaGroupView {
  readonly id: string;
  readonly name: string;
  readonly pointsText: string;
  readonly rows: readonly CriterionRowView[];
}

function toneOf(criterion: CriterionScoreDto): CriterionTone {
  if (criterion.status !== 'ok') return criterion.status;
  if (criterion.ratio === null || criterion.points === null) return 'scored';
  return criterion.points >= criterion.max ? 'met' : 'unmet';
}

export function toCriterionRow(criterion: CriterionScoreDto, context: UnitViewContext): CriterionRowView {
  const { locale, scoreText, text } = context;
  const missing = missingText(criterion, scoreText);
  const tone = toneOf(criterion);
  const statusText =
    missing ?? (tone === 'met' ? text.criteria.status.met : tone === 'unmet' ? text.criteria.status.unmet : text.criteria.status.scored);
  // Flags already said by the status words are not repeated as notes.
  const notes = criterion.flags
    .filter((flag) => !(missing && (flag === 'no-fee-bearing-procedures' || flag.startsWith('not-applicable'))))
    .map((flag) => scoreText.flags[flag] ?? flag);
  return {
    id: criterion.id,
    name: name(criterion, context.language),
    // Counts of a criterion that is not scored would read as zeros: show none (DOMAIN §4).
    numeratorText: missing ? '—' : formatCount(criterion.numerator, locale),
    denominatorText: missing ? '—' : formatCount(criterion.denominator, locale),
    rateText: missing ?? (criterion.ratio === null ? '—' : formatRate(criterion.ratio, locale)),
    targetText: formatTarget(criterion.target, locale),
    pointsText: missing ?? (criterion.points === null ? '—' : formatCriterionPoints(criterion.points, locale)),
    maxText: formatMax(criterion.max, locale),
    status: criterion.status,
    tone,
    statusText,
    notes,
  };
}

export function toCriteriaGroups(score: UnitScoreDto, context: UnitViewContext): readonly CriteriaGroupView[] {
  const groups = score.groups.map((group) => ({
    id: group.id,
    name: name(group, context.language),
    pointsText: groupWords(group, score.criteria, context.scoreText) ?? formatGroupPoints(group.points, group.applicableMax, context.locale),
    rows: score.criteria
      .filter((c) => c.group === group.id)
      .sort((a, b) => a.id - b.id)
      .map((c) => toCriterionRow(c, context)),
  }));
  // A criterion whose group the unit's groups do not list still shows, under its own id.
  const listed = new Set(score.groups.map((g) => g.id));
  const orphans = score.criteria.filter((c) => !listed.has(c.group)).map((c) => toCriterionRow(c, context));
  return orphans.length > 0 ? [...groups, { id: 'other', name: '—', pointsText: '', rows: orphans }] : groups;
}

// ---- charts --------------------------------------------------------------------------------

export interface ChartPoint {
  readonly label: string;
  readonly value: number | null;
  /** What a tooltip and the accessible summary say about the point. */
  readonly valueText: string;
}

export function toTrendPoints(trend: UnitTrendDto, context: UnitViewContext): readonly ChartPoint[] {
  return trend.points.map((point) => ({
    label: formatMonthKey(point.period),
    value: point.total === null ? null : roundHalfUp(point.total, 2),
    valueText: point.total === null ? context.scoreText.noData : formatTotal(point.total, context.locale),
  }));
}

export function toRadarPoints(cards: readonly GroupCardView[], score: UnitScoreDto, context: UnitViewContext): readonly ChartPoint[] {
  return cards.map((card) => {
    const group = score.groups.find((g) => g.id === card.id);
    return {
      label: card.name,
      value: card.fraction === null ? null : roundHalfUp(card.fraction * 100, 2),
      valueText:
        card.fraction === null || !group
          ? card.pointsText
          : context.text.radar.tooltip(formatRate(card.fraction, context.locale), `${formatPoints1(group.points, context.locale)}/${formatMax(group.applicableMax, context.locale)}`),
    };
  });
}

// ---- sub-units -----------------------------------------------------------------------------

export interface SubUnitRowView {
  readonly code: string;
  readonly name: string;
  readonly rankText: string;
  readonly totalText: string;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
  readonly changeText: string;
  readonly changeTone: 'up' | 'down' | 'same' | 'unknown';
}

export interface SubUnitLevelView {
  readonly level: string;
  readonly levelLabel: string;
  readonly rows: readonly SubUnitRowView[];
}

export function toSubUnitLevel(ranking: RankingDto, context: UnitViewContext): SubUnitLevelView {
  const { locale, scoreText } = context;
  return {
    level: ranking.level,
    levelLabel: context.levelLabels[ranking.level] ?? ranking.level,
    rows: ranking.rows.map((row) => {
      const change =
        !row.hasData || row.previousTotal === null || row.previousTotal === undefined
          ? null
          : roundHalfUp(roundHalfUp(row.total, 2) - roundHalfUp(row.previousTotal, 2), 2);
      return {
        code: row.unit.code,
        name: row.unit.name,
        rankText: row.rank === null ? scoreText.unranked : formatRank(row.rank, row.of),
        totalText: row.hasData ? formatTotal(row.total, locale) : scoreText.noData,
        band: row.hasData ? row.band : { labelVi: scoreText.noData, labelEn: scoreText.noData },
        changeText: change === null ? '—' : formatTotalChange(change, locale),
        changeTone: change === null ? 'unknown' : change > 0 ? 'up' : change < 0 ? 'down' : 'same',
      };
    }),
  };
}

// ---- diff ----------------------------------------------------------------------------------

export interface DiffCriterionView {
  readonly id: number;
  readonly name: string;
  readonly beforeText: string;
  readonly afterText: string;
  readonly changeText: string;
}

export interface DiffEventView {
  readonly position: string;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly typeLabel: string;
  readonly subject: string;
  readonly unitCode: string;
}

export interface DiffView {
  readonly totalsText: string;
  readonly criteria: readonly DiffCriterionView[];
  readonly events: readonly DiffEventView[];
}

export function toDiffView(
  diff: ScoreDiffDto,
  criteria: readonly CriterionScoreDto[],
  eventTypes: Readonly<Record<string, string>>,
  context: UnitViewContext,
): DiffView {
  const { locale, text } = context;
  const side = (s: ScoreDiffDto['criteria'][number]['before']) =>
    `${formatCount(s.numerator, locale)}/${formatCount(s.denominator, locale)} · ${s.points === null ? context.scoreText.notApplicable : formatCriterionPoints(s.points, locale)}`;
  return {
    totalsText: text.compare.totals(
      formatTotal(diff.totalBefore, locale),
      formatTotal(diff.totalAfter, locale),
      formatTotalChange(diff.totalAfter - diff.totalBefore, locale),
    ),
    criteria: diff.criteria.map((c) => {
      const known = criteria.find((k) => k.id === c.id);
      const delta = c.before.points === null || c.after.points === null ? null : c.after.points - c.before.points;
      return {
        id: c.id,
        name: known ? name(known, context.language) : `#${c.id}`,
        beforeText: side(c.before),
        afterText: side(c.after),
        changeText: delta === null ? '—' : formatTotalChange(delta, locale),
      };
    }),
    events: diff.events.map((e) => ({
      position: e.globalPosition,
      recordedAt: formatDateTime(e.recordedAt),
      occurredAt: formatDateTime(e.occurredAt),
      type: e.type,
      typeLabel: eventTypes[e.type] ?? e.type,
      subject: e.subject ?? '—',
      unitCode: e.unitCode,
    })),
  };
}
