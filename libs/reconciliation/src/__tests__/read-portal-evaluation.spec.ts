import { readPortalEvaluation } from '../portal-file/read-portal-evaluation';

const bytes = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

function read(value: unknown) {
  const r = readPortalEvaluation(bytes(value));
  if (!r.ok) throw new Error(`refused: ${r.problems.join('; ')}`);
  return r.evaluation;
}

function problemsOf(value: unknown, limits?: Parameters<typeof readPortalEvaluation>[1]): readonly string[] {
  const r = readPortalEvaluation(Buffer.isBuffer(value) ? value : bytes(value), limits);
  if (r.ok) throw new Error('accepted a file that should be refused');
  return r.problems;
}

describe('reading the national portal\'s evaluation file', () => {
  it('maps Tiến độ giải quyết counts to criterion 5 and other groups\' scores to group points', () => {
    const e = read({
      period: '2025-03',
      groups: [
        { group: 'Tiến độ giải quyết', items: [{ departmentCode: '000.39.31.H31', departmentName: 'UBND xã Lạc Hồng', totalReceived: 10, totalOnTime: 7, totalOverdue: 3, ratio: 70, score: 14 }] },
        { group: 'CKMB', items: [{ departmentCode: '000.39.31.H31', score: '12,5' }] },
      ],
    });
    expect(e).toEqual({
      period: '2025-03', format: 'groups', notices: [],
      units: [{
        departmentCode: '000.39.31.H31', departmentName: 'UBND xã Lạc Hồng', total: null,
        criteria: [{ criterion: 5, numerator: 7, denominator: 10, overdue: 3, ratio: 70, points: 14 }],
        groups: { progress: 14, transparency: 12.5 },
      }],
    });
  });

  it('makes the denominator from on-time plus overdue when totalReceived is missing', () => {
    const e = read([{ group: 'TDGQ', data: [{ departmentCode: 'H31', totalOnTime: '4', totalOverdue: '1' }] }]);
    expect(e.units[0].criteria[0]).toMatchObject({ criterion: 5, numerator: 4, denominator: 5, ratio: null, points: null });
    expect(e.period).toBeNull();
  });

  it('reads the portal\'s report_tinh_766_service rows as group points and a total, period from p_nam / p_thang', () => {
    const e = read({ p_nam: '2025', p_thang: 7, data: [{ ID: '398126', MA_COQUAN: '000.00.00.H01', TEN: 'Tỉnh An Giang', CKMB: '16.5', TDGQ: '19.2', TTTT: '10', CLGQ: '8', MDHL: '17.1', MDSH: '15.8', TONG_SCORE: '86.6', ROW_STT: '3' }] });
    expect(e).toMatchObject({ period: '2025-07', format: 'report-tinh-766' });
    expect(e.units).toEqual([{
      departmentCode: '000.00.00.H01', departmentName: 'Tỉnh An Giang', criteria: [], total: 86.6,
      groups: { transparency: 16.5, progress: 19.2, 'online-service': 10, 'online-payment': 8, satisfaction: 17.1, digitisation: 15.8 },
    }]);
  });

  it('reads counts of a group of several criteria only with the criterion named, and says so otherwise', () => {
    const e = read({ groups: [{ group: 'Dịch vụ công trực tuyến', items: [
      { departmentCode: 'A', criterion: 8, totalReceived: 20, numerator: 6, score: 3.6 },
      { departmentCode: 'B', totalReceived: 20, score: 9 },
    ] }] });
    expect(e.units.find((u) => u.departmentCode === 'A')?.criteria).toEqual([{ criterion: 8, numerator: 6, denominator: 20, overdue: null, ratio: null, points: 3.6 }]);
    expect(e.units.find((u) => u.departmentCode === 'B')).toMatchObject({ criteria: [], groups: { 'online-service': 9 } });
    expect(e.notices).toEqual([expect.stringContaining('groups[0].items[1]: counts of group online-service are not compared')]);
  });

  it('merges the same unit across group lists and refuses two different figures for one criterion', () => {
    const twice = { groups: [
      { group: 2, items: [{ departmentCode: 'A', totalReceived: 5, totalOnTime: 5 }] },
      { group: 'progress', items: [{ departmentCode: 'A', totalReceived: 6, totalOnTime: 5 }] },
    ] };
    expect(problemsOf(twice)).toEqual([expect.stringContaining('unit A has a second, different figure for criterion 5')]);
  });

  it('refuses a hostile or wrong file with one reason per field', () => {
    expect(problemsOf(Buffer.alloc(0))).toEqual([expect.stringContaining('the file is empty')]);
    expect(problemsOf(Buffer.from([0xff, 0xfe, 0x00]))).toEqual([expect.stringContaining('not UTF-8')]);
    expect(problemsOf('{"groups": [')).toEqual([expect.stringContaining('not JSON')]);
    expect(problemsOf('['.repeat(40) + ']'.repeat(40))).toEqual([expect.stringContaining('nested deeper than 32')]);
    expect(problemsOf('x'.repeat(2000), { maxBytes: 1000, maxRows: 10, maxDepth: 32 })).toEqual([expect.stringContaining('the file is 2000 bytes; at most 1000')]);
    expect(problemsOf({ hello: 1 })).toEqual([expect.stringContaining('found an object with "hello"')]);
    expect(problemsOf({ groups: [{ group: 'Ăn uống', items: [] }] })).toEqual([expect.stringContaining('groups[0].group: must name one of the six groups')]);
    expect(problemsOf({ groups: [{ group: 'TDGQ', items: [
      { departmentCode: 'A', totalReceived: -1 },
      { departmentCode: 'B', totalOnTime: 'nhiều' },
      { departmentCode: 'C', score: 21 },
      { departmentCode: 'D', totalReceived: 3, totalOnTime: 4 },
      { departmentCode: 'bad code!', totalReceived: 3 },
      { totalReceived: 3 },
      { departmentCode: 'E', ratio: 120 },
      { departmentCode: 'F', totalReceived: 2.5 },
    ] }] })).toEqual([
      'groups[0].items[0].totalReceived: must be a count from 0 to 1000000000, found -1',
      'groups[0].items[1].totalOnTime: must be a count (a number), found "nhiều"',
      'groups[0].items[2].score: must be points (at most 20) from 0 to 20, found 21',
      'groups[0].items[3]: the numerator (4) is larger than the denominator (3)',
      'groups[0].items[4].departmentCode: must be 1–80 letters, digits or . _ : / -, found "bad code!"',
      'groups[0].items[5].departmentCode: must name the unit (its mã định danh, e.g. 000.00.00.H31), found undefined',
      'groups[0].items[6].ratio: must be a percentage from 0 to 100, found 120',
      'groups[0].items[7].totalReceived: must be a count (a whole number), found 2.5',
    ]);
    expect(problemsOf({ period: '2025-13', groups: [] })).toEqual(expect.arrayContaining([expect.stringContaining('period: must be YYYY-MM')]));
    expect(problemsOf({ groups: [] })).toEqual([expect.stringContaining('holds no unit figures')]);
  });

  it('lists at most 50 reasons and counts the rest', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ departmentCode: `U${i}`, totalReceived: 'x' }));
    const problems = problemsOf({ groups: [{ group: 'TDGQ', items }] });
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe('… and 30 more problem(s) of the same kind');
  });
});
