import type { CriterionScoreDto, GroupScoreDto, UnitScoreDto } from '@idx/contracts';
import { compareUnit } from '../compare/compare-unit';
import type { PortalUnitFigures } from '../portal-file/portal-evaluation';

const criterion = (id: number, numerator: number, denominator: number, ratio: number | null, points: number | null): CriterionScoreDto => ({
  id, group: 'progress', nameVi: '', nameEn: '', numerator, denominator, ratio, points, max: 20, target: 1, status: 'ok', flags: [],
});
const group = (id: string, points: number, notApplicable = false): GroupScoreDto => ({
  id, nameVi: '', nameEn: '', points, max: 20, applicableMax: 20, rate: null, status: 'ok', notApplicable, flags: [],
});

/** Ours: 10 dossiers received, 7 on time → 70 % of 20 points = 14 (DOMAIN.md §2, target 100 %: linear). */
const ours = {
  total: 71.25,
  criteria: [criterion(5, 7, 10, 0.7, 14)],
  groups: [group('progress', 14), group('transparency', 12.456), group('online-payment', 0, true)],
} as unknown as UnitScoreDto;

const portal = (over: Partial<PortalUnitFigures> = {}): PortalUnitFigures => ({
  departmentCode: 'H31', departmentName: null, total: null, groups: {}, criteria: [], ...over,
});

describe('comparing one unit\'s figures with the portal\'s', () => {
  it('agrees when the portal counts the same dossiers', () => {
    const rows = compareUnit(portal({ criteria: [{ criterion: 5, numerator: 7, denominator: 10, overdue: 3, ratio: 70, points: 14 }], groups: { progress: 14 } }), ours);
    expect(rows.map((r) => [r.kind, r.criterion ?? r.group, r.agrees])).toEqual([['criterion', 5, true], ['group', 'progress', true]]);
    expect(rows[0].difference).toEqual({ numerator: 0, denominator: 0, ratio: 0, points: 0 });
  });

  it('gives ours − the portal\'s when the portal never got three of our dossiers (all three on time)', () => {
    // Portal: 7 received, 4 on time → 57.14 % → 11.43 points; ours 10 and 7 → 70 % → 14.
    const [row] = compareUnit(portal({ criteria: [{ criterion: 5, numerator: 4, denominator: 7, overdue: 3, ratio: null, points: 11.43 }] }), ours);
    expect(row).toMatchObject({
      labelVi: '5. Tỷ lệ hồ sơ xử lý đúng hạn',
      ours: { numerator: 7, denominator: 10, ratio: 70, points: 14 },
      portal: { numerator: 4, denominator: 7, ratio: 57.14, points: 11.43 },
      difference: { numerator: 3, denominator: 3, ratio: 12.86, points: 2.57 },
      agrees: false,
    });
  });

  it('compares group points at two decimals, keeps N/A apart from 0, and compares the total', () => {
    const rows = compareUnit(portal({ groups: { transparency: 12.46, 'online-payment': 0 }, total: 70 }), ours);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'group', group: 'transparency', ours: { numerator: null, denominator: null, ratio: null, points: 12.46 }, agrees: true }),
      expect.objectContaining({ kind: 'group', group: 'online-payment', ours: { numerator: null, denominator: null, ratio: null, points: null }, difference: { numerator: null, denominator: null, ratio: null, points: null } }),
      expect.objectContaining({ kind: 'total', difference: { numerator: null, denominator: null, ratio: null, points: 1.25 }, agrees: false }),
    ]);
  });

  it('agrees on nothing for a unit we hold no score for', () => {
    const [row] = compareUnit(portal({ groups: { progress: 20 } }), undefined);
    expect(row).toMatchObject({ ours: null, agrees: false, difference: { points: null } });
  });
});
