import { figuresOf, given, dossier } from '../../__fixtures__/scenario';
import { scoreUnit } from '../../scoring/score';
import { parsePeriod } from '../../time/periods';
import { ruleSetProblems } from '../check-rule-set';
import { QD766_2022 } from '../qd766-2022';
import { ruleSetById, ruleSetForPeriod, ruleSetInForce, RULE_SETS } from '../registry';
import type { RuleSet } from '../rule-set';

/** A hypothetical revision: criterion 11 reaches full points at 80% paid online, from 2025. */
const REVISION_2025: RuleSet = {
  ...QD766_2022,
  id: 'qd766-hypothetical-2025',
  effectiveFrom: '2025-01-01',
  criteria: QD766_2022.criteria.map((c) => (c.id === 11 ? { ...c, target: 0.8 } : c)),
};
const BOTH = [QD766_2022, REVISION_2025];

describe('rule sets as versioned data', () => {
  it('qd766-2022 is consistent: 21 criteria in 6 groups adding up to 100', () => {
    expect(ruleSetProblems(QD766_2022)).toEqual([]);
    expect(QD766_2022.criteria).toHaveLength(21);
    expect(QD766_2022.groups.reduce((s, g) => s + g.max, 0)).toBe(100);
    expect(RULE_SETS.map((r) => r.id)).toEqual(['qd766-2022']);
    expect(ruleSetById('qd766-2022')).toBe(QD766_2022);
  });

  it('says what is wrong with a broken revision', () => {
    const broken: RuleSet = { ...QD766_2022, criteria: QD766_2022.criteria.map((c) => (c.id === 1 ? { ...c, max: 7 } : c)) };
    expect(ruleSetProblems(broken)).toEqual(['group transparency: criteria add up to 19, not 18']);
  });

  it("picks the rule set in force at the period's first instant (local midnight)", () => {
    expect(ruleSetForPeriod(parsePeriod('2024-12'), BOTH).id).toBe('qd766-2022');
    expect(ruleSetForPeriod(parsePeriod('2025-01'), BOTH).id).toBe('qd766-hypothetical-2025');
    expect(ruleSetForPeriod(parsePeriod('2024'), BOTH).id).toBe('qd766-2022');
    expect(ruleSetInForce(Date.parse('2024-12-31T23:59:59+07:00'), BOTH).id).toBe('qd766-2022');
    expect(ruleSetInForce(Date.parse('2024-12-31T17:00:00Z'), BOTH).id).toBe('qd766-hypothetical-2025');
    // Before the first rule set, the oldest one scores.
    expect(ruleSetForPeriod(parsePeriod('2021-05'), BOTH).id).toBe('qd766-2022');
  });

  it('records which rule set produced a score, and the same facts score differently under each', () => {
    const facts = given(
      ...['A', 'B', 'C', 'D', 'E'].flatMap((c) => [
        dossier(c).received('2025-01-06T08:00', '2025-01-20T17:00'), dossier(c).obligation('2025-01-06T09:00', 10_000),
      ]),
      ...['A', 'B', 'C', 'D'].map((c) => dossier(c).paid('2025-01-06T10:00', 'national-portal')),
    );
    const scoreUnder = (periodKey: string) => {
      const period = parsePeriod(periodKey);
      const ruleSet = ruleSetForPeriod(period, BOTH);
      return scoreUnit(figuresOf(facts, periodKey, { ruleSet }), ruleSet);
    };
    const january2025 = scoreUnder('2025-01');
    expect(january2025.ruleSetId).toBe('qd766-hypothetical-2025');
    expect(january2025.criteria.find((c) => c.id === 11)?.points).toBe(6); // 80% of 80%
    const underOld = scoreUnit(figuresOf(facts, '2025-01'), QD766_2022);
    expect(underOld.criteria.find((c) => c.id === 11)?.points).toBeCloseTo(4.8, 10); // 80% of 100%
  });
});
