import {
  type ActiveWindow, figuresFromTallies, figuresToRecord, groupSubjects, monthKeyOf, parsePeriod, type Period, periodsContainingMonth,
  ruleSetInForce, type RuleSet, scoreUnit, type SubjectContribution, subjectContribution, TallySums,
} from '@idx/domain';
import type { FailedRecompute } from '../scoring/failed-recomputes';
import { subjectId } from '../scoring/parked-subjects';
import { monthsOfWindow } from '../scoring/touched-periods';
import { overlaps, tallyable, tallyPeriodsOf, type TallyRow } from '../scoring/unit-period-tallies';

/** A subject as the rebuild writes and scores it. */
export interface SubjectRecord {
  readonly kind: string;
  readonly key: string;
  readonly unitCode: string;
  readonly window: ActiveWindow | undefined;
  readonly facts: unknown;
  readonly lastPosition: bigint;
}

export interface ScoreRecord {
  readonly unitCode: string;
  readonly period: Period;
  readonly ruleSetId: string;
  readonly figures: string;
  readonly score: string;
  readonly total: number;
}

interface UnitPeriodSum {
  readonly period: Period;
  readonly ruleSet: RuleSet;
  /** The tallies, as running sums (written as a TallyRow's JSON when scored). */
  readonly sums: TallySums;
  /** Tallied subjects counted in the period (the row's `subjects`). */
  subjects: number;
  /** Subjects of any kind whose months reach the period (monthsOfWindow): the unit-period is scored while > 0. */
  reach: number;
  /** Tallied subjects whose contribution threw: subject id → message. The unit-period fails while any is left. */
  failures?: Map<string, string>;
}

interface WindowPeriods {
  readonly reach: readonly Period[];
  readonly counted: readonly Period[];
}

const NO_PERIODS: WindowPeriods = { reach: [], counted: [] };

/** A unit's sums, and those of the periods a window (periodsOf's key) reaches and counts in: looked up once per window, not per period. */
interface UnitSums {
  readonly sums: Map<string, UnitPeriodSum>;
  readonly byWindow: Map<string, { readonly reach: readonly UnitPeriodSum[]; readonly counted: readonly UnitPeriodSum[] }>;
}

/** monthKeyOf, remembering the last month asked: a rebuild's subjects come in runs of one month. */
class MonthKeys {
  private start = 0;
  private end = 0;
  private key = '';

  of(instant: number): string {
    if (instant >= this.start && instant < this.end) return this.key;
    this.key = monthKeyOf(instant);
    ({ start: this.start, end: this.end } = parsePeriod(this.key));
    return this.key;
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A subject's contribution; one whose facts cannot even be read throws in every period it is added to, as each would. */
function contributionOf(subject: SubjectRecord): SubjectContribution {
  try {
    return subjectContribution(subject);
  } catch (error) {
    const fail = () => { throw error; };
    return { addTo: fail, addToSums: fail };
  }
}

/**
 * A rebuild's unit-period sums, kept while subjects come and go (rebuild-state.ts spills subjects to
 * the database and reloads them): a tallied subject's contribution is added when it leaves memory
 * and subtracted when it comes back, all judged at one instant `now`, so at the end each begun
 * unit-period's tallies are the sum over the unit's dossiers and petitions whose window overlaps it —
 * what the live projector's full recompute sums (recompute-score's recomputeChunk), whatever the
 * order subjects were spilled in. Counts are integers kept as running sums (TallySums) and a
 * counter at 0 is left out when they are written, so add-then-subtract leaves exactly the tallies
 * never touched.
 *
 * Periods that have not begun (start after `now`) take no contribution on the way: an open window
 * overlaps every later period, so which of them a subject counts in depends on which exist, known
 * only at the end. They are summed whole then (`addToLater`), as the live projector recomputes them.
 * Procedures and units (the catalogue) stay in memory and are given at the end (`addCatalogue`).
 */
export class RunningTallies {
  private readonly units = new Map<string, UnitSums>();
  private readonly catalogue = new Map<string, SubjectRecord[]>();
  private readonly periodsOfMonth = new Map<string, Period[]>();
  private readonly ruleSets = new Map<string, RuleSet>();
  private readonly windows = new Map<string, WindowPeriods>();
  private readonly fromMonths = new MonthKeys();
  private readonly toMonths = new MonthKeys();
  readonly failedRecomputes: FailedRecompute[] = [];
  /** The tallies of begun periods, filled as `scores` is iterated (saved for the live projector to move). */
  readonly tallyRows: TallyRow[] = [];

  constructor(private readonly now: number) {}

  /** Adds (1) or subtracts (-1) a dossier's or petition's reach and its contribution to every begun period it overlaps. */
  add(subject: SubjectRecord, sign: 1 | -1): void {
    const sums = this.sumsOf(subject.unitCode, subject.window);
    for (const s of sums.reach) s.reach += sign;
    if (sums.counted.length === 0) return;
    // Made ready once for all its periods (what does not depend on the period read once).
    const contribution = contributionOf(subject);
    for (const s of sums.counted) this.contribute(s, contribution, subject, sign);
  }

  /** A procedure or unit: it reaches its periods and is read whole by each one it overlaps. */
  addCatalogue(subject: SubjectRecord): void {
    for (const s of this.sumsOf(subject.unitCode, subject.window).reach) s.reach += 1;
    const own = this.catalogue.get(subject.unitCode);
    if (own) own.push(subject);
    else this.catalogue.set(subject.unitCode, [subject]);
  }

  /** Units with a period to be scored that has not begun, and the span those periods cover (every subject overlapping one must be given to `addToLater`). */
  laterPeriods(): { unitCodes: string[]; from: number; to: number } | undefined {
    const unitCodes: string[] = [];
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const [unitCode, { sums }] of this.units) {
      let any = false;
      for (const s of sums.values()) {
        if (s.reach <= 0 || tallyable(s.period, this.now)) continue;
        any = true;
        from = Math.min(from, s.period.start);
        to = Math.max(to, s.period.end);
      }
      if (any) unitCodes.push(unitCode);
    }
    return unitCodes.length === 0 ? undefined : { unitCodes, from, to };
  }

  /** A dossier or petition (its final facts) into the periods of its unit not yet begun that it overlaps. */
  addToLater(subject: SubjectRecord): void {
    const sums = this.units.get(subject.unitCode)?.sums;
    if (!sums) return;
    let contribution: SubjectContribution | undefined;
    for (const s of sums.values()) {
      if (s.reach > 0 && !tallyable(s.period, this.now) && overlaps(subject.window, s.period)) this.contribute(s, (contribution ??= contributionOf(subject)), subject, 1);
    }
  }

  /**
   * Every unit-period some subject reaches, scored from its tallies and the catalogue subjects that
   * overlap it. One whose contribution threw fails whole (no row, no tallies kept, as live), with the
   * message of the least subject (kind, key) that threw: a rule that does not depend on the order
   * subjects left memory in.
   */
  *scores(): Generator<ScoreRecord> {
    for (const [unitCode, { sums }] of this.units) {
      const catalogue = this.catalogue.get(unitCode) ?? [];
      for (const { period, ruleSet, sums: running, subjects, reach, failures } of sums.values()) {
        if (reach <= 0) continue;
        let record: ScoreRecord;
        try {
          if (failures && failures.size > 0) throw new Error(failures.get([...failures.keys()].sort()[0]));
          const row: TallyRow = { unitCode, period: period.key, tallies: running.tallies(), subjects, rebasedAt: this.now };
          if (tallyable(period, this.now)) this.tallyRows.push(row);
          const figures = figuresFromTallies(row.tallies, groupSubjects(catalogue.filter((s) => overlaps(s.window, period))), period, this.now, ruleSet);
          const score = scoreUnit(figures, ruleSet);
          record = { unitCode, period, ruleSetId: ruleSet.id, figures: JSON.stringify(figuresToRecord(figures)), score: JSON.stringify(score), total: score.total };
        } catch (failure) {
          // As live: no row, the failure recorded (a rebuild has no last good figures to keep).
          this.failedRecomputes.push({ unitCode, period: period.key, error: message(failure) });
          continue;
        }
        yield record;
      }
    }
  }

  private contribute(sum: UnitPeriodSum, contribution: SubjectContribution, subject: SubjectRecord, sign: 1 | -1): void {
    // A subject whose contribution threw was never added: taking it back only clears the failure.
    if (sign < 0 && sum.failures !== undefined && sum.failures.size > 0 && sum.failures.delete(subjectId(subject.kind, subject.key))) return;
    try {
      // addTo computes the counts before it changes anything: one that throws leaves the tallies as they were.
      contribution.addToSums(sum.sums, sum.period, this.now, sum.ruleSet, sign);
      sum.subjects += sign;
    } catch (error) {
      if (sign < 0) throw error; // the same facts were added without error: a subtraction cannot differ
      (sum.failures ??= new Map()).set(subjectId(subject.kind, subject.key), message(error));
    }
  }

  /**
   * The periods a window reaches (monthsOfWindow) and the begun ones it counts in (tallyPeriodsOf).
   * Both depend only on the months of its start and end while the end is not before the start (every
   * period holding one of those months overlaps it), so they are listed once per such pair: a
   * spilled subject is counted two or three times, and listing periods was a third of that.
   */
  private periodsOf(window: ActiveWindow | undefined): WindowPeriods {
    if (!window) return NO_PERIODS;
    const key = this.windowKey(window);
    if (key === undefined) return { reach: this.reachOf(window), counted: tallyPeriodsOf({ window }, this.now) }; // reversed
    let periods = this.windows.get(key);
    if (!periods) this.windows.set(key, (periods = { reach: this.reachOf(window), counted: tallyPeriodsOf({ window }, this.now) }));
    return periods;
  }

  /** periodsOf's key: the months of the window's start and end, or undefined when it lists no periods by months (none, or reversed). */
  private windowKey(window: ActiveWindow | undefined): string | undefined {
    if (!window || (window.to !== undefined && window.to < window.from)) return undefined;
    return `${this.fromMonths.of(window.from)} ${window.to === undefined ? 'open' : this.toMonths.of(window.to)}`;
  }

  /** The unit's sums of the periods a window reaches and counts in (periodsOf). */
  private sumsOf(unitCode: string, window: ActiveWindow | undefined): { readonly reach: readonly UnitPeriodSum[]; readonly counted: readonly UnitPeriodSum[] } {
    const unit = this.unit(unitCode);
    const key = this.windowKey(window);
    let sums = key === undefined ? undefined : unit.byWindow.get(key);
    if (!sums) {
      const periods = this.periodsOf(window);
      sums = { reach: periods.reach.map((p) => this.sum(unit, p)), counted: periods.counted.map((p) => this.sum(unit, p)) };
      if (key !== undefined) unit.byWindow.set(key, sums);
    }
    return sums;
  }

  private reachOf(window: ActiveWindow | undefined): Period[] {
    const out: Period[] = [];
    const seen = new Set<string>();
    for (const month of monthsOfWindow(window, this.now)) {
      let containing = this.periodsOfMonth.get(month);
      if (!containing) this.periodsOfMonth.set(month, (containing = periodsContainingMonth(month)));
      for (const p of containing) {
        if (seen.has(p.key)) continue;
        seen.add(p.key);
        out.push(p);
      }
    }
    return out;
  }

  private unit(unitCode: string): UnitSums {
    let unit = this.units.get(unitCode);
    if (!unit) this.units.set(unitCode, (unit = { sums: new Map(), byWindow: new Map() }));
    return unit;
  }

  private sum(unit: UnitSums, period: Period): UnitPeriodSum {
    let s = unit.sums.get(period.key);
    if (!s) {
      let ruleSet = this.ruleSets.get(period.key);
      if (!ruleSet) this.ruleSets.set(period.key, (ruleSet = ruleSetInForce(period.start)));
      s = { period, ruleSet, sums: new TallySums(), subjects: 0, reach: 0 };
      unit.sums.set(period.key, s);
    }
    return s;
  }
}
