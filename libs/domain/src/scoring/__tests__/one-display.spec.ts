import { QD766_2022 } from '../../rules/qd766-2022';
import { criterionStatus, formatGroup, formatNumber, groupStatus } from '../display';
import { figure, hasActivity } from '../figures';
import { scoreUnit } from '../score';

describe('the one display module and the activity rule', () => {
  it('rounds half-up and writes Vietnamese or English separators', () => {
    expect(formatNumber(73.615, 2)).toBe('73,62'); // half-up, as ranks compare it
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 1, { language: 'en-GB' })).toBe('1,234.5');
    expect(formatNumber(1234.5, 1, { language: 'vi-VN', grouping: false })).toBe('1234,5');
    expect(formatNumber(22, 1, { trimZeros: true })).toBe('22');
    expect(formatNumber(1.5, 1, { trimZeros: true })).toBe('1,5');
  });

  it('prints a department\'s transparency out of its applicable maximum (criterion 2 is the province\'s), with the same rate', () => {
    // Every criterion the unit has is met (1 of 1); criterion 2 applies to provinces only, so it leaves the group's maximum.
    const figures = new Map([[1, figure(1, 1)], [2, figure(1, 1)], [3, figure(1, 1)], [4, figure(1, 1)], [5, figure(1, 1)]]);
    const score = scoreUnit(figures, QD766_2022, { level: 'department' });
    const transparency = score.groups.find((g) => g.id === 'transparency');
    const rule2 = QD766_2022.criteria.find((c) => c.id === 2)?.max ?? NaN;
    const applicable = QD766_2022.criteria.filter((c) => c.group === 'transparency' && c.id !== 2 && figures.has(c.id)).reduce((s, c) => s + c.max, 0);
    expect(transparency?.applicableMax).toBe(applicable);
    expect(transparency?.max).toBe(applicable + rule2 + QD766_2022.criteria.filter((c) => c.group === 'transparency' && !figures.has(c.id)).reduce((s, c) => s + c.max, 0));
    const cell = formatGroup({ ...(transparency as NonNullable<typeof transparency>), status: 'ok' }, QD766_2022);
    expect(cell.score).toBe(`${formatNumber(applicable, 1)}/${applicable}`); // every applicable criterion met
    expect(cell.rate).toBe('100,00%');
  });

  it('never shows a number for a unit without activity, and keeps N/A at its level', () => {
    const catalogueOnly = new Map([[1, figure(4, 4)], [2, figure(4, 4)], [3, figure(4, 4)], [6, figure(4, 4)], [11, figure(0, 0, { notApplicable: true })], [15, figure(1, 1)], [19, figure(0, 0)]]);
    expect(hasActivity(catalogueOnly)).toBe(false);
    expect(hasActivity(new Map([[19, figure(0, 1)]]))).toBe(true); // one petition
    expect(hasActivity(new Map([[4, figure(0, 1)]]))).toBe(true); // one dossier received
    const score = scoreUnit(catalogueOnly, QD766_2022, { level: 'department' });
    const byId = new Map(score.criteria.map((c) => [c.id, c]));
    expect(criterionStatus(byId.get(2) as never, false)).toBe('not-applicable'); // level
    expect(criterionStatus(byId.get(11) as never, false)).toBe('no-data'); // "no fee" is a fact of its data: not printed
    expect(criterionStatus(byId.get(19) as never, false)).toBe('no-data'); // free full points: not printed
    expect(criterionStatus(byId.get(19) as never, true)).toBe('ok');
    const payment = score.groups.find((g) => g.id === 'online-payment') as never;
    expect(groupStatus(payment, score.criteria, false)).toBe('no-data');
    expect(groupStatus(payment, score.criteria, true)).toBe('not-applicable');
    expect(formatGroup({ ...(payment as object), status: 'no-data' } as never, QD766_2022)).toEqual({ score: 'Chưa có dữ liệu', rate: 'Chưa có dữ liệu' });
  });
});
