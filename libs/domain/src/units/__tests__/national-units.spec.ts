import data from '../data/vn-units-2025.json';
import { resolveNationalCode } from '../national-codes';
import { buildNationalUnits, type NationalDataFile } from '../national-units';
import { nationalUnitEvents, referenceUnitEvents } from '../reference-unit-events';
import { findRegistryUnit, foldVietnamese, searchUnits } from '../unit-registry';
import { childrenAt, foldUnitTree, successorAt, treeAt, unitAt } from '../unit-tree';

const file = data as unknown as NationalDataFile;
const events = nationalUnitEvents();
const tree = foldUnitTree(events);
const countAt = (at: string, level: string) => treeAt(tree, at).filter((u) => u.level === level).length;

describe('the committed data file (tools/reference-data/convert_vn_units.py)', () => {
  // Published figures: 63 provinces and 696 districts before 1 July 2025; 34 provinces and 3,321 communes after
  // (National Assembly Resolution 202/2025/QH15 and the Standing Committee's commune resolutions).
  it('holds 63 provinces and 696 districts before the reform, 34 provinces and 3,321 communes after', () => {
    expect(file.provincesBefore).toHaveLength(63);
    expect(file.districtsBefore).toHaveLength(696);
    expect(file.provincesAfter).toHaveLength(34);
    expect(file.communesAfter).toHaveLength(3321);
    expect(file.communesBefore.length).toBeGreaterThan(10_000);
    expect(file.communesBefore.length).toBeLessThan(10_700);
  });

  it('keeps 11 provinces unchanged (Hà Nội, Huế, Lai Châu, Điện Biên, Sơn La, Lạng Sơn, Quảng Ninh, Thanh Hóa, Nghệ An, Hà Tĩnh, Cao Bằng)', () => {
    const unchanged = file.provincesAfter.filter(([, , same]) => same).map(([gso]) => gso).sort((a, b) => a - b);
    expect(unchanged).toEqual([1, 4, 11, 12, 14, 20, 22, 38, 40, 42, 46]);
  });

  it('links every old province and almost every old commune to a successor that exists', () => {
    const after = new Set(file.provincesAfter.map(([gso]) => gso));
    for (const [, , successor] of file.provincesBefore) expect(after.has(successor as number)).toBe(true);
    const communes = new Set(file.communesAfter.map(([gso]) => gso));
    const linked = file.communesBefore.filter(([, , , s]) => s !== null);
    for (const [, , , s] of linked) expect(communes.has(s as number)).toBe(true);
    expect(linked.length / file.communesBefore.length).toBeGreaterThan(0.99);
  });

  it('names Thái Bình and Hưng Yên as merging into Hưng Yên (GSO 33)', () => {
    const successor = Object.fromEntries(file.provincesBefore.map(([gso, , s]) => [gso, s]));
    expect(successor[34]).toBe(33);
    expect(successor[33]).toBe(33);
    expect(successor[26]).toBe(25); // Vĩnh Phúc → Phú Thọ
    expect(successor[17]).toBe(25); // Hòa Bình → Phú Thọ
  });
});

describe('the national units', () => {
  it('has unique unit codes, unique event ids, and keeps every reference event as it was', () => {
    const built = buildNationalUnits();
    const codes = built.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    const ids = new Set(events.map((e) => e.eventId));
    const reference = referenceUnitEvents();
    for (const e of reference) expect(ids.has(e.eventId)).toBe(true);
    const byId = new Map(events.map((e) => [e.eventId, e]));
    for (const e of reference) expect(byId.get(e.eventId)).toEqual(e);
  });

  it('shows 34 provinces, 3,321 communes and no district after the reform; 63 provinces and 696+ districts before', () => {
    expect(countAt('2025-08-01', 'province')).toBe(34);
    expect(countAt('2025-08-01', 'commune')).toBe(3321);
    expect(countAt('2025-08-01', 'district')).toBe(0);
    expect(countAt('2025-06-01', 'province')).toBe(63);
    // 696 districts of the data file, plus Huế's Nam Đông kept by the hand-made reference units.
    expect(countAt('2025-06-01', 'district')).toBe(697);
    // 13 standard departments in 32 provinces, 11 in HY25 and 13 in Huế (reference-units.ts).
    expect(countAt('2025-08-01', 'department')).toBe(32 * 13 + 11 + 13);
  });

  it('places the existing Hưng Yên, Thái Bình and Huế as the national entries (no duplicates)', () => {
    expect(treeAt(tree, '2025-08-01').filter((u) => u.level === 'province' && /Hưng Yên/.test(u.name)).map((u) => u.code)).toEqual(['HY25']);
    expect(treeAt(tree, '2025-06-01').filter((u) => u.level === 'province' && /Hưng Yên|Thái Bình/.test(u.name)).map((u) => u.code).sort()).toEqual(['HY', 'TB']);
    // Hưng Yên after the reform: 104 communes (Resolution 1666/NQ-UBTVQH15).
    expect(childrenAt(tree, 'HY25', '2025-08-01').filter((u) => u.level === 'commune')).toHaveLength(104);
    // Văn Lâm's communes hang under the reference district HY-VANLAM.
    expect(childrenAt(tree, 'HY-VANLAM', '2025-06-01').length).toBeGreaterThan(5);
    // Hà Nội keeps its unit across the reform and has 126 communes and wards after it.
    expect(unitAt(tree, 'T01', '2025-06-01')?.name).toBe('UBND thành phố Hà Nội');
    expect(childrenAt(tree, 'T01', '2025-08-01').filter((u) => u.level === 'commune')).toHaveLength(126);
  });

  it('follows an old commune to the new one that carries its history', () => {
    const old = file.communesBefore.find(([, name]) => name === 'Phường Hàng Trống') as [number, string, number, number];
    const successor = successorAt(tree, `W${String(old[0]).padStart(5, '0')}`, '2025-08-01');
    expect(unitAt(tree, successor as string, '2025-08-01')?.name).toBe('UBND phường Hoàn Kiếm');
  });
});

describe('resolveNationalCode', () => {
  it('resolves province codes to the province valid at the date', () => {
    expect(resolveNationalCode(tree, 'H31', '2025-06-01')).toMatchObject({ ok: true, unitCode: 'HY' });
    expect(resolveNationalCode(tree, 'H31', '2025-08-01')).toMatchObject({ ok: true, unitCode: 'HY25' });
    expect(resolveNationalCode(tree, '000.00.00.H31', '2025-08-01')).toMatchObject({ ok: true, unitCode: 'HY25' });
    expect(resolveNationalCode(tree, 'h44', '2025-08-01')).toMatchObject({ ok: true, unitCode: 'T25-2025' });
    expect(resolveNationalCode(tree, 'H15', '2025-08-01')).toMatchObject({ ok: true, unitCode: 'T48-2025' });
  });

  it('reads the agency part of a dossier number, in either segment order', () => {
    const withAgency = foldUnitTree([
      ...events,
      { eventId: '8f0c1a52-6f1e-4b5e-9d1c-3f2a1b4c5d6e', type: 'unit.national-codes-set', schemaVersion: 1, occurredAt: '2025-07-01T00:00:00+07:00',
        sourceSystem: 'reference-data', unitCode: 'HY25-STC', data: { nationalCodes: ['000.00.12.H31'] } },
    ]);
    expect(resolveNationalCode(withAgency, '000.00.12.H31-251008-0975', '2025-10-08')).toMatchObject({ ok: true, unitCode: 'HY25-STC' });
    expect(resolveNationalCode(withAgency, 'H31.12.00.000-251008-0975', '2025-10-08')).toMatchObject({ ok: true, unitCode: 'HY25-STC' });
  });

  it('resolves a GSO commune code, and refuses an unknown or malformed code with a reason', () => {
    expect(resolveNationalCode(tree, '00070', '2025-08-01')).toMatchObject({ ok: true, unitCode: 'X00070' });
    expect(resolveNationalCode(tree, '000.00.99.H31', '2025-08-01')).toMatchObject({ ok: false, reason: expect.stringContaining('no unit carries') });
    expect(resolveNationalCode(tree, 'H31;DROP', '2025-08-01')).toMatchObject({ ok: false, reason: expect.stringContaining('not a national code') });
    expect(resolveNationalCode(tree, 'H31', '2019-01-01')).toMatchObject({ ok: false, reason: expect.stringContaining('none of which existed') });
  });
});

describe('searchUnits', () => {
  it('folds Vietnamese: đ → d, no tone marks', () => {
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
    expect(foldVietnamese('UBND phường Hoàn Kiếm')).toBe('ubnd phuong hoan kiem');
  });

  it('finds "Hung Yen" as "Hưng Yên", with or without diacritics, filtered by level and date', () => {
    const plain = searchUnits(tree, { q: 'Hung Yen', level: 'province', limit: 10, offset: 0 });
    expect(plain.items.map((u) => u.code).sort()).toEqual(['HY', 'HY25']);
    const marked = searchUnits(tree, { q: 'hưng yên', level: 'province', asOf: '2025-08-01', limit: 10, offset: 0 });
    expect(marked).toMatchObject({ total: 1, items: [{ code: 'HY25', name: 'UBND tỉnh Hưng Yên', validFrom: '2025-07-01', predecessorCodes: ['HY', 'TB'] }] });
    expect(marked.items[0].nationalCodes).toContain('H31');
  });

  it('lists a parent\'s children as of a date, paged with a total', () => {
    const first = searchUnits(tree, { parent: 'HY25', level: 'commune', asOf: '2025-08-01', limit: 30, offset: 0 });
    const rest = searchUnits(tree, { parent: 'HY25', level: 'commune', asOf: '2025-08-01', limit: 100, offset: 30 });
    expect(first.total).toBe(104);
    expect(first.items).toHaveLength(30);
    expect(rest.items).toHaveLength(74);
    expect(new Set([...first.items, ...rest.items].map((u) => u.code)).size).toBe(104);
  });

  it('shows an ended unit with its end and successor', () => {
    expect(findRegistryUnit(tree, 'HY')).toMatchObject({ validFrom: '2022-01-01', validTo: '2025-07-01', endReason: 'merged', successorCode: 'HY25' });
    expect(findRegistryUnit(tree, 'HY', '2025-08-01')).toBeUndefined();
    expect(findRegistryUnit(tree, '__proto__')).toBeUndefined();
  });
});
