import { readFileSync } from 'node:fs';
import { buildNationalUnits, PROVINCE_REFORM_DATE, REFERENCE_UNITS_2024 } from '@idx/domain';
import { type MapShape, matchShapesToProvinces, provinceKey, scoredUnitOf } from '../province-shapes';

/** The package's shapes as the console bundles them (its index.js is one `export default {…}`). */
function packageShapes(): MapShape[] {
  const source = readFileSync(require.resolve('@svg-maps/vietnam'), 'utf8');
  const json = source.replace(/^\s*export default\s*/, '').replace(/;?\s*$/, '');
  return (JSON.parse(json) as { locations: MapShape[] }).locations;
}

/** The 63 provinces the registry knows on the eve of the reform, as GET /api/v1/units?level=province&asOf=2025-06-30 names them. */
function provincesBeforeReform() {
  const national = buildNationalUnits().units;
  return [...REFERENCE_UNITS_2024, ...national].filter((u) => u.level === 'province' && u.validFrom < PROVINCE_REFORM_DATE);
}

describe('province shapes of @svg-maps/vietnam ↔ the registry provinces', () => {
  const shapes = packageShapes();
  const provinces = provincesBeforeReform();

  it('has the 63 provinces and 2 archipelagos the docs describe', () => {
    expect(shapes).toHaveLength(65);
    expect(provinces).toHaveLength(63);
  });

  it('maps every one of the 63 provinces to exactly one shape, and each archipelago to its province', () => {
    const { provinceOf, unmatched } = matchShapesToProvinces(shapes, provinces);
    expect(unmatched).toEqual([]);
    const mainland = shapes.filter((s) => s.id !== 'hoangsa' && s.id !== 'truongsa').map((s) => provinceOf.get(s.id));
    expect(new Set(mainland).size).toBe(63);
    expect(new Set(mainland)).toEqual(new Set(provinces.map((p) => p.code)));
    // Hoàng Sa is a district of Đà Nẵng (GSO 48), Trường Sa of Khánh Hòa (GSO 56).
    expect(provinceOf.get('hoangsa')).toBe('T48');
    expect(provinceOf.get('truongsa')).toBe('T56');
  });

  it('matches by hand-checked names: the hand-made units, Huế under its old name, a dash, a city', () => {
    const { provinceOf } = matchShapesToProvinces(shapes, provinces);
    expect(provinceOf.get('hungyen')).toBe('HY');
    expect(provinceOf.get('thaibinh')).toBe('TB');
    expect(provinceOf.get('tthue')).toBe('TTH');
    expect(provinceOf.get('baria')).toBe('T77');
    expect(provinceOf.get('hcm')).toBe('T79');
    expect(provinceOf.get('hanoi')).toBe('T01');
    expect(provinceOf.get('daklak')).toBe('T66');
    expect(provinceOf.get('hoabinh')).toBe('T17');
  });

  it('folds names the way both sources write them', () => {
    expect(provinceKey('UBND tỉnh Bà Rịa - Vũng Tàu')).toBe('ba ria vung tau');
    expect(provinceKey('Ba Ria–Vung Tau')).toBe('ba ria vung tau');
    expect(provinceKey('Thành phố Huế')).toBe('hue');
    expect(provinceKey('Thua Thien-Hue')).toBe('hue');
    expect(provinceKey('UBND thành phố Đà Nẵng')).toBe('da nang');
  });

  it('leaves a shape unmatched (grey) when the registry does not know its province', () => {
    const { provinceOf, unmatched } = matchShapesToProvinces(shapes, [{ code: 'HY', name: 'Hưng Yên' }]);
    expect([...provinceOf]).toEqual([['hungyen', 'HY']]);
    expect(unmatched).toHaveLength(64);
  });
});

describe('the unit whose score colours an old province', () => {
  // Thái Bình and Hưng Yên merged into the new Hưng Yên (HY25) on 1 July 2025.
  const successorOf = new Map<string, string | undefined>([['HY', 'HY25'], ['TB', 'HY25'], ['HY25', undefined]]);

  it('is the province itself in a period before the reform', () => {
    expect(scoredUnitOf('TB', new Set(['HY', 'TB']), successorOf)).toBe('TB');
  });

  it('is its successor after the reform', () => {
    expect(scoredUnitOf('TB', new Set(['HY25']), successorOf)).toBe('HY25');
    expect(scoredUnitOf('HY', new Set(['HY25']), successorOf)).toBe('HY25');
  });

  it('is none when neither is ranked, and a cycle in the data ends', () => {
    expect(scoredUnitOf('TB', new Set(['T01']), successorOf)).toBeNull();
    expect(scoredUnitOf('A', new Set(), new Map([['A', 'B'], ['B', 'A']]))).toBeNull();
  });
});
