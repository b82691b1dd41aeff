import fc from 'fast-check';
import { dossier, foldSubjects, given, local, procedure } from '../../__fixtures__/scenario';
import { streams } from '../../__fixtures__/random-streams';
import { groupSubjects, type StoredSubject } from '../../projection/registry';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { DossierFacts } from '../../dossier/dossier-facts';
import { CALCULATORS } from '../../scoring/calculators';
import { DOSSIER_EVIDENCE, evidenceFrom, spanTest } from '../../scoring/dossier-evidence';
import type { SubjectFacts } from '../../scoring/figures';
import { parsePeriod } from '../../time/periods';
import { CRITERION_READS, CRITERION_SUBJECT_KIND, joinedKindOf } from '../criterion-subjects';
import { explainedOf, judgeCriterionSubjects } from '../explain-criterion';

/** What explain lists for a criterion, in the input's order. */
const explainedList = (criterion: number, input: Parameters<typeof judgeCriterionSubjects>[1]) => judgeCriterionSubjects(criterion, input).map(explainedOf);

const LIST_OF = { dossier: 'dossiers', procedure: 'procedures', petition: 'petitions', unit: 'units' } as const satisfies Record<string, keyof SubjectFacts>;
const EVALUATIONS = [
  { period: '2025-03', asOf: '2025-03-17T12:00' }, // open: pending dossiers judged at asOf
  { period: '2025-03', asOf: '2025-06-01T00:00' },
  { period: '2025-Q1', asOf: '2025-06-01T00:00' },
] as const;

/*
 * CRITERION_READS is what lets explain ignore a change to a kind of subject a criterion does not
 * read (docs/explain-paging.md): a wrong entry would leave a list stale. For random histories, each
 * criterion's figure and explanation are the same with every subject of each kind it does not
 * declare removed; and each declares the kind it counts.
 */
/** Each criterion's figure and explanation, with every subject of each kind it does not declare removed, are as with them. */
function expectUndeclaredKindsIgnored(subjects: Required<SubjectFacts>): void {
  for (const { period: key, asOf } of EVALUATIONS) {
    const input = { subjects, period: parsePeriod(key), asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 };
    for (const calculator of CALCULATORS) {
      const reads = CRITERION_READS[calculator.id] ?? [];
      for (const kind of Object.keys(LIST_OF) as (keyof typeof LIST_OF)[]) {
        if (reads.includes(kind)) continue;
        const without = { ...input, subjects: { ...subjects, [LIST_OF[kind]]: [] } };
        const figure = (i: typeof input) => {
          const f = calculator.compute(i);
          return [f.numerator, f.denominator];
        };
        expect([calculator.id, kind, key, asOf, figure(without)]).toEqual([calculator.id, kind, key, asOf, figure(input)]);
        expect([calculator.id, kind, explainedList(calculator.id, without)]).toEqual([calculator.id, kind, explainedList(calculator.id, input)]);
      }
    }
  }
}

/**
 * judgeCriterionSubjects judges a joined criterion's subject with only the other kind's subjects of its
 * procedure code (joinCodeOf); the reference here judges it with all of them, as the calculator
 * sees the whole unit: each subject's place in the numerator and denominator must be the same.
 */
function expectJoinByProcedureCodeExact(subjects: Required<SubjectFacts>): void {
  for (const { period: key, asOf } of EVALUATIONS) {
    const input = { subjects, period: parsePeriod(key), asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 };
    for (const calculator of CALCULATORS.filter((c) => joinedKindOf(c.id) !== undefined)) {
      const list = LIST_OF[CRITERION_SUBJECT_KIND[calculator.id] as keyof typeof LIST_OF];
      const reference = (subjects[list] as readonly unknown[]).flatMap((subject) => {
        const alone = calculator.compute({ ...input, subjects: { ...subjects, [list]: [subject] } });
        return alone.numerator > 0 || alone.denominator > 0 ? [[alone.numerator > 0, alone.denominator > 0]] : [];
      });
      const explained = explainedList(calculator.id, input);
      const sorted = (xs: boolean[][]) => xs.map((x) => x.join()).sort();
      expect([calculator.id, key, asOf, sorted(explained.map((i) => [i.inNumerator, i.inDenominator]))]).toEqual([calculator.id, key, asOf, sorted(reference)]);
    }
  }
}

/**
 * A procedure of 7, 9, 10, 17 is judged alike with all its dossiers and with only the one whose
 * evidence begins earliest (evidenceFrom): what explain's deltas load instead of a code's thousands.
 * And a dossier is evidence at t exactly when evidenceFrom ≤ t.
 */
function expectEarliestEvidenceEnough(subjects: Required<SubjectFacts>): void {
  for (const { period: key, asOf } of EVALUATIONS) {
    const period = parsePeriod(key);
    const input = { subjects, period, asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 };
    for (const criterion of [7, 9, 10, 17] as const) {
      const earliest = new Map<string, { d: DossierFacts; from: number }>();
      for (const d of subjects.dossiers) {
        const from = evidenceFrom(criterion, d, period);
        // Around its own instants (where evidence can begin) and at the period's bounds.
        const around = from === null ? [] : [from - 1, from];
        for (const t of [period.start + 1, (period.start + period.end) / 2, input.asOf, period.end, ...around]) {
          if (t <= period.start || t > period.end) continue;
          expect([criterion, key, t, DOSSIER_EVIDENCE[criterion](d, spanTest(period, t))]).toEqual([criterion, key, t, from !== null && from <= t]);
        }
        const code = d.procedureCode;
        if (from === null || code === undefined) continue;
        const seen = earliest.get(code);
        if (!seen || from < seen.from) earliest.set(code, { d, from });
      }
      const reduced = { ...input, subjects: { ...subjects, dossiers: [...earliest.values()].map((e) => e.d) } };
      expect([criterion, key, asOf, explainedList(criterion, reduced)]).toEqual([criterion, key, asOf, explainedList(criterion, input)]);
    }
  }
}

/** Runs `check` on the subjects folded from `runs` random histories. */
function onRandomHistories(check: (subjects: Required<SubjectFacts>) => void, runs: number): void {
  fc.assert(
    fc.property(streams, (all) => {
      const stored = new Map<string, StoredSubject>();
      foldSubjects(all.flat(), stored);
      check(groupSubjects([...stored.values()]));
    }),
    { numRuns: runs },
  );
}

describe('the kinds of subject each criterion reads (CRITERION_READS)', () => {
  it('a procedure of 7, 9, 10, 17 judged with only its dossier of earliest evidence is judged as with all (random histories)', () => {
    onRandomHistories(expectEarliestEvidenceEnough, 60);
  });

  it('joins two kinds only in 7, 9, 10, 17 (procedures by their dossiers) and 12, 13 (dossiers by their procedure)', () => {
    const joined = Array.from({ length: 21 }, (_, i) => i + 1).filter((c) => joinedKindOf(c) !== undefined);
    expect(joined).toEqual([7, 9, 10, 12, 13, 17]);
    expect([7, 9, 10, 17].map(joinedKindOf)).toEqual(['dossier', 'dossier', 'dossier', 'dossier']);
    expect([12, 13].map(joinedKindOf)).toEqual(['procedure', 'procedure']);
  });

  it('a joined criterion\'s subject judged with only the other kind of its procedure code is judged as with all of it (random histories)', () => {
    onRandomHistories(expectJoinByProcedureCodeExact, 40);
  });

  it('declares, for each of the 21 criteria, the kind it counts', () => {
    for (let c = 1; c <= 21; c++) expect(CRITERION_READS[c]).toContain(CRITERION_SUBJECT_KIND[c]);
  });

  it('a criterion\'s figure and explanation do not depend on the kinds it does not declare (random histories)', () => {
    onRandomHistories(expectUndeclaredKindsIgnored, 40);
  });

  // The random histories never set a procedure's resultIsDocument: one that does, read by 12 and 13.
  it('criteria 12 and 13 read the procedure (its result is not a document): removing it changes them, and both declare it', () => {
    const p = procedure('P-NODOC');
    const d = dossier('D1');
    const facts = given(
      p.announced('2025-01-10T09:00', 'QD-P', '2025-01-10', '2025-01-20', false),
      d.received('2025-03-03T08:00', '2025-03-10T17:00', { procedure: 'P-NODOC' }), d.digitised('2025-03-03T08:30'), d.processed('2025-03-05T10:00'),
    );
    expectUndeclaredKindsIgnored(facts);
    const input = { subjects: facts, period: parsePeriod('2025-03'), asOf: Date.parse(local('2025-06-01T00:00')), ruleSet: QD766_2022 };
    const without = { ...input, subjects: { ...facts, procedures: [] } };
    // D1 has no electronic result: without its procedure it is judged by the default (a document result needs one).
    for (const c of [12, 13]) {
      expect([c, explainedList(c, without).map((i) => i.inNumerator)]).not.toEqual([c, explainedList(c, input).map((i) => i.inNumerator)]);
      expect(CRITERION_READS[c]).toContain('procedure');
    }
  });
});
