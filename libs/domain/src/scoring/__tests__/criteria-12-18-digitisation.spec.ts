import { dossier, figureOf, figuresOf, given, procedure, unit } from '../../__fixtures__/scenario';
import { criterionRule } from '../../rules/check-rule-set';
import { QD766_2022, QD766_2022_COUNTED_COPIES } from '../../rules/qd766-2022';
import type { Figure } from '../figures';
import { poolFigures } from '../pool-figures';
import { scoreCriterion, scoreUnit } from '../score';

const due = '2025-03-31T17:00';
const rule = (id: number) => criterionRule(QD766_2022, id);

describe('criterion 12 — dossiers with an electronic result', () => {
  it('counts dossiers completed in the period whose result is a document, and those with an e-result', () => {
    const facts = given(
      procedure('No-document').announced('2024-01-02T08:00', 'QD-1', '2024-01-02', '2024-02-01', false),
      dossier('E').received('2025-03-03T08:00', due), dossier('E').processed('2025-03-05T08:00'), dossier('E').eResult('2025-03-05T08:05'),
      dossier('Paper').received('2025-03-03T08:00', due), dossier('Paper').processed('2025-03-05T08:00'),
      dossier('Returned').received('2025-02-20T08:00', due), dossier('Returned').returned('2025-03-02T08:00'), dossier('Returned').eResult('2025-03-02T08:00'),
      dossier('Pending').received('2025-03-03T08:00', due), dossier('Pending').eResult('2025-03-04T08:00'),
      dossier('April').received('2025-03-28T08:00', due), dossier('April').processed('2025-04-01T08:00'),
      dossier('Not-a-document').received('2025-03-03T08:00', due, { procedure: 'No-document' }), dossier('Not-a-document').processed('2025-03-05T08:00'),
    );
    expect(figureOf(12, facts, '2025-03')).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('criterion 13 — dossiers digitised', () => {
  it('needs digitised components, and an e-result too once completed with a document result', () => {
    const facts = given(
      dossier('Pending-digitised').received('2025-03-03T08:00', due), dossier('Pending-digitised').digitised('2025-03-03T08:10'),
      dossier('Done-with-e-result').received('2025-03-03T08:00', due), dossier('Done-with-e-result').digitised('2025-03-03T08:10'),
      dossier('Done-with-e-result').processed('2025-03-04T08:00'), dossier('Done-with-e-result').eResult('2025-03-04T08:00'),
      dossier('Done-on-paper').received('2025-03-03T08:00', due), dossier('Done-on-paper').digitised('2025-03-03T08:10'),
      dossier('Done-on-paper').processed('2025-03-04T08:00'),
      dossier('Not-digitised').received('2025-03-03T08:00', due),
    );
    expect(figureOf(13, facts, '2025-03')).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('criterion 14 — re-use of digitised data (target 80%)', () => {
  it('counts received dossiers re-using at least one component', () => {
    const facts = given(
      ...['A', 'B', 'C'].flatMap((c) => [dossier(c).received('2025-03-03T08:00', due), dossier(c).reused('2025-03-03T08:05')]),
      dossier('D').received('2025-03-03T08:00', due),
    );
    const f = figureOf(14, facts, '2025-03');
    expect(f).toEqual({ numerator: 3, denominator: 4 });
    expect(scoreCriterion(rule(14), f).points).toBeCloseTo(1.875, 10); // 2 × 0.75 / 0.8
  });
});

describe('criterion 15 — units issuing electronic certified copies', () => {
  const competent = unit('U1').competent('2022-01-01T00:00', true, '2022-01-01');

  it('is 1/1 for a competent unit that issued a copy in the period, 0/1 when it issued none', () => {
    expect(figureOf(15, given(competent, unit('U1').copies('2025-03-04T10:00', 3)), '2025-03')).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(15, given(competent, unit('U1').copies('2025-02-04T10:00')), '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('counts month-to-date only the copies issued by asOf', () => {
    const facts = given(competent, unit('U1').copies('2025-03-20T10:00'));
    expect(figureOf(15, facts, '2025-03', { asOf: '2025-03-10T00:00' })).toEqual({ numerator: 0, denominator: 1 });
    expect(figureOf(15, facts, '2025-03', { asOf: '2025-03-21T00:00' })).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(15, facts, '2025-Q1')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('counted strictly (the rule-set option), is N/A for a unit not competent to certify (e.g. a department)', () => {
    const f = figureOf(15, given(unit('U1').registered('2022-01-01T00:00', 'Sở Tài chính', 'department', 'HY')), '2025-03');
    expect(f).toEqual({ numerator: 0, denominator: 0 });
    expect(scoreCriterion(criterionRule(QD766_2022_COUNTED_COPIES, 15), f)).toMatchObject({ status: 'not-applicable', points: null });
  });

  // DOMAIN.md §4: the portal's 2026 evaluation gives the province, each department and each commune
  // numerator null, denominator null, ratio 100 %, score 2 — whatever the unit's copies.
  it.each([
    ['a department, not competent to certify', given(unit('U1').registered('2022-01-01T00:00', 'Sở Tài chính', 'department', 'HY')), 'department'],
    ['a competent commune that issued no copy', given(competent), 'commune'],
    ['a competent commune that issued copies', given(competent, unit('U1').copies('2025-03-04T10:00', 3)), 'commune'],
    ['a province with nothing recorded', given(), 'province'],
  ] as const)('by default gives full points as the national portal does: %s', (_name, facts, level) => {
    const score = scoreUnit(figuresOf(facts, '2025-03'), QD766_2022, { level });
    expect(score.criteria.find((c) => c.id === 15)).toMatchObject({ status: 'ok', ratio: 1, points: 2, flags: ['full-points-by-rule'] });
    expect(score.groups.find((g) => g.id === 'digitisation')?.applicableMax).toBe(22);
  });

  it('counted strictly, scores a competent unit without a copy 0 and pools competent units', () => {
    const counted = criterionRule(QD766_2022_COUNTED_COPIES, 15);
    expect(scoreCriterion(counted, figureOf(15, given(competent), '2025-03'))).toMatchObject({ status: 'ok', ratio: 0, points: 0 });
    const a = figuresOf(given(competent, unit('U1').copies('2025-03-04T10:00')), '2025-03');
    const b = figuresOf(given(unit('U2').competent('2022-01-01T00:00')), '2025-03');
    expect(scoreCriterion(counted, poolFigures([a, b]).get(15) as Figure)).toMatchObject({ status: 'ok', ratio: 0.5, points: 1 });
  });

  it('follows competence over time and pools into a count of certifying units', () => {
    const lost = given(competent, unit('U1').competent('2025-03-15T00:00', false, '2025-03-15'), unit('U1').copies('2025-03-04T10:00'));
    expect(figureOf(15, lost, '2025-02')).toEqual({ numerator: 0, denominator: 1 });
    expect(figureOf(15, lost, '2025-03')).toEqual({ numerator: 0, denominator: 0 });
    const a = figuresOf(given(competent, unit('U1').copies('2025-03-04T10:00')), '2025-03');
    const b = figuresOf(given(unit('U2').competent('2022-01-01T00:00')), '2025-03');
    expect(poolFigures([a, b]).get(15)).toEqual({ numerator: 1, denominator: 2 });
  });
});

describe('criterion 16 — dossiers linked to the citizen data store', () => {
  it('counts a component taken from or pushed to the store', () => {
    const facts = given(
      dossier('Taken').received('2025-03-03T08:00', due), dossier('Taken').citizenStore('2025-03-03T08:01', 'taken-from'),
      dossier('Pushed').received('2025-03-03T08:00', due), dossier('Pushed').citizenStore('2025-03-05T08:01', 'pushed-to'),
      dossier('Neither').received('2025-03-03T08:00', due),
    );
    expect(figureOf(16, facts, '2025-03')).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('criteria 17 and 18 — population data', () => {
  const facts = given(
    procedure('Citizen-used').audience('2025-01-02T08:00', true),
    procedure('Citizen-unused').audience('2025-01-02T08:00', true),
    procedure('Business').audience('2025-01-02T08:00', false),
    procedure('Unknown-audience').online('2025-01-02T08:00', 'full'),
    dossier('A').received('2025-03-03T08:00', due, { procedure: 'Citizen-used' }), dossier('A').populationData('2025-03-03T08:01', 'vneid'),
    dossier('B').received('2025-03-03T08:00', due, { procedure: 'Citizen-unused' }),
    dossier('C').received('2025-03-03T08:00', due, { procedure: 'Business' }), dossier('C').populationData('2025-03-03T08:01', 'population-db'),
    dossier('D').received('2025-02-03T08:00', due, { procedure: 'Citizen-unused' }), dossier('D').populationData('2025-02-03T08:01'),
  );

  it('17: citizen-facing procedures with ≥ 1 dossier received in the period that used population data', () => {
    expect(figureOf(17, facts, '2025-03')).toEqual({ numerator: 1, denominator: 2 });
    expect(figureOf(17, facts, '2025-02')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('18: received dossiers that used the population database or VNeID', () => {
    expect(figureOf(18, facts, '2025-03')).toEqual({ numerator: 2, denominator: 3 });
  });
});
