/**
 * Where one explain request's time went, in milliseconds (the benchmark prints them): on a loaded
 * machine each round trip to PostgreSQL is a wait on the scheduler, so the answer says how many there were.
 */
export interface ExplainPhases {
  /**
   * How the page was answered: `unchanged` (the stored version, one statement), `delta` (changes taken
   * in: a read and a write), `shared` (waited for another request's delta, then read the page), `build`
   * (built whole), `building` (a build under way answered from memory), `cursor` (a page further on).
   */
  readonly path: 'unchanged' | 'delta' | 'shared' | 'build' | 'building' | 'cursor';
  /** The statements reading the set, its changes and the page (more than one: a write lost a race and the read was repeated). */
  readonly read: number;
  /** Judging the changed subjects (judgeCriterionSubjects), with loading the other kinds when not cached. */
  readonly judge: number;
  /** The delta's one write statement. */
  readonly write: number;
  /** A page read on its own (after another request's delta). */
  readonly page: number;
  /** A full build up to its first page. */
  readonly build: number;
  readonly total: number;
  /** Statements sent to PostgreSQL, the reads of the scope and the list included. */
  readonly statements: number;
  /** Reads repeated because another reader or process wrote the same version first. */
  readonly retries: number;
}

type Timed = 'read' | 'judge' | 'write' | 'page' | 'build';

/** Accumulates one request's phases. */
export class PhaseClock {
  private readonly started = performance.now();
  private readonly spent: Record<Timed, number> = { read: 0, judge: 0, write: 0, page: 0, build: 0 };
  private statements = 0;
  path: ExplainPhases['path'] = 'unchanged';
  retries = 0;

  /** Counts a statement sent inside a timed phase that sends none of its own (a joined delta's read, inside judging). */
  sent(): void {
    this.statements += 1;
  }

  /** Times `run` as `phase`; `statements` is how many it sends. */
  async time<T>(phase: Timed, run: () => Promise<T>, statements = 1): Promise<T> {
    const at = performance.now();
    try {
      return await run();
    } finally {
      this.spent[phase] += performance.now() - at;
      this.statements += statements;
    }
  }

  done(): ExplainPhases {
    return { path: this.path, ...this.spent, total: performance.now() - this.started, statements: this.statements, retries: this.retries };
  }
}
