import type { UnitLevel } from '../events/unit-events';
import type { LocalDate } from '../time/local-date';
import nationalData from './data/vn-units-2025.json';
import { hCodeOf } from './national-codes-table';
import {
  DEPARTMENT_MERGER_DATE,
  PROVINCE_REFORM_DATE,
  REFERENCE_START,
  REFERENCE_UNITS_2024,
  REFERENCE_UNITS_2025,
  type ReferenceChange,
  type ReferenceUnit,
} from './reference-units';

/**
 * The whole country as reference units, from the committed data file vn-units-2025.json (made by
 * tools/reference-data/convert_vn_units.py from public datasets; docs/units.md names them):
 * the 63 provinces, their districts and communes before 1 July 2025 and the 34 provinces and their
 * communes after, with successor links, national codes and each province's departments.
 *
 * The hand-made reference units (HY, TTH, TB, HY25 and theirs) stay what they are: the national
 * entries for Hưng Yên, Thái Bình and Huế and their districts ARE those units (no duplicates), and
 * get their national codes by `unit.national-codes-set`, so their existing events keep their ids.
 *
 * Unit codes: provinces `T<GSO>` (T01 Hà Nội), a province formed on 1 July 2025 `T<GSO>-2025`
 * (T25-2025 Phú Thọ); districts `D<GSO>`; communes before the reform `W<GSO>`, after it `X<GSO>`
 * (GSO reused old commune numbers for new communes, so the two need different letters);
 * departments `<province>-<initials>` as in reference-units.ts.
 */

/** Rows of the data file; the file's `columns` names them. */
type ProvinceBefore = [gso: number, name: string, successorGso: number | null];
type DistrictBefore = [gso: number, name: string, provinceGso: number];
type CommuneBefore = [gso: number, name: string, districtGso: number, successorGso: number | null];
type ProvinceAfter = [gso: number, name: string, continuesUnchanged: boolean];
type CommuneAfter = [gso: number, name: string, provinceGso: number];

export interface NationalDataFile {
  readonly source: Readonly<Record<string, string>>;
  readonly provincesBefore: readonly ProvinceBefore[];
  readonly districtsBefore: readonly DistrictBefore[];
  readonly communesBefore: readonly CommuneBefore[];
  readonly provincesAfter: readonly ProvinceAfter[];
  readonly communesAfter: readonly CommuneAfter[];
}

/** A reference unit with the national codes it is registered with. */
export interface NationalUnit extends ReferenceUnit {
  readonly nationalCodes?: readonly string[];
}

export interface NationalUnits {
  /** Units registered by the national data (the hand-made reference units are not repeated). */
  readonly units: readonly NationalUnit[];
  /** Their dated changes (merges into successors, the end of the district level). */
  readonly changes: readonly ReferenceChange[];
  /** National codes for hand-made reference units that are national entries too. */
  readonly codesOfReferenceUnits: readonly { readonly code: string; readonly nationalCodes: readonly string[]; readonly from: LocalDate }[];
}

/** The hand-made provinces that are national entries: GSO code → unit code, before / after the reform. */
const REFERENCE_PROVINCES_BEFORE: Readonly<Record<number, string>> = { 33: 'HY', 34: 'TB', 46: 'TTH' };
const REFERENCE_PROVINCES_AFTER: Readonly<Record<number, string>> = { 33: 'HY25', 46: 'TTH' };

/** Every province's specialised agencies after 1 March 2025 (Decree 45/2025/NĐ-CP), by initials. */
const STANDARD_DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['VP', 'Văn phòng Ủy ban nhân dân'],
  ['TTR', 'Thanh tra'],
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['STC', 'Sở Tài chính'],
  ['SCT', 'Sở Công Thương'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SXD', 'Sở Xây dựng'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo'],
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "Phường Hoàn Kiếm" → "UBND phường Hoàn Kiếm"; a bare province name "Phú Thọ" → "UBND tỉnh Phú Thọ". */
function authorityName(name: string, level: UnitLevel): string {
  const typed = /^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Thị trấn|Phường|Xã|Đặc khu) /.exec(name);
  if (typed) return `UBND ${typed[1].toLowerCase()}${name.slice(typed[1].length)}`;
  return level === 'province' ? `UBND tỉnh ${name}` : `UBND ${name}`;
}

/** Compares names without the authority prefix, division word, case or diacritics. */
function bareName(name: string): string {
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return folded.replace(/^ubnd /, '').replace(/^(thanh pho|tinh|quan|huyen|thi xa|thi tran|phuong|xa|dac khu) /, '').trim();
}

const provinceCodes = (gso: number): string[] => {
  const h = hCodeOf(gso);
  return h ? [h, `000.00.00.${h}`, pad(gso, 2)] : [pad(gso, 2)];
};

/** Builds the national units from a data file (the committed one by default). */
export function buildNationalUnits(data: NationalDataFile = nationalData as unknown as NationalDataFile): NationalUnits {
  const units: NationalUnit[] = [];
  const changes: ReferenceChange[] = [];
  const codesOfReferenceUnits: { code: string; nationalCodes: string[]; from: LocalDate }[] = [];
  const referenceByCode = new Map([...REFERENCE_UNITS_2024, ...REFERENCE_UNITS_2025].map((u) => [u.code, u]));

  // Provinces after the reform: a province that continues unchanged keeps its unit.
  const afterCode = new Map<number, string>();
  const continuing = new Set<number>();
  for (const [gso, name, unchanged] of data.provincesAfter) {
    if (unchanged) continuing.add(gso);
    const code = REFERENCE_PROVINCES_AFTER[gso] ?? (unchanged ? `T${pad(gso, 2)}` : `T${pad(gso, 2)}-2025`);
    afterCode.set(gso, code);
    if (referenceByCode.has(code)) {
      codesOfReferenceUnits.push({ code, nationalCodes: provinceCodes(gso), from: referenceByCode.get(code)?.validFrom as LocalDate });
    } else if (!unchanged) {
      units.push({ code, name: authorityName(name, 'province'), level: 'province', validFrom: PROVINCE_REFORM_DATE, nationalCodes: provinceCodes(gso) });
    }
  }

  // Provinces before the reform.
  const beforeCode = new Map<number, string>();
  for (const [gso, name, successor] of data.provincesBefore) {
    const code = REFERENCE_PROVINCES_BEFORE[gso] ?? `T${pad(gso, 2)}`;
    beforeCode.set(gso, code);
    if (referenceByCode.has(code)) {
      if (!continuing.has(gso)) codesOfReferenceUnits.push({ code, nationalCodes: provinceCodes(gso), from: REFERENCE_START });
      continue; // its changes are in reference-units.ts
    }
    units.push({ code, name: authorityName(name, 'province'), level: 'province', validFrom: REFERENCE_START, nationalCodes: provinceCodes(gso) });
    if (continuing.has(gso)) continue;
    const successorCode = successor === null ? undefined : afterCode.get(successor);
    changes.push(successorCode
      ? { kind: 'merged', code, successorCode, effectiveFrom: PROVINCE_REFORM_DATE }
      : { kind: 'dissolved', code, effectiveFrom: PROVINCE_REFORM_DATE });
  }

  // Departments (post-March 2025 list) of every province after the reform, except the hand-made ones.
  for (const [gso, name] of data.provincesAfter) {
    const province = afterCode.get(gso) as string;
    if (referenceByCode.has(province)) continue;
    const from = continuing.has(gso) ? DEPARTMENT_MERGER_DATE : PROVINCE_REFORM_DATE;
    const city = name.startsWith('Thành phố') ? 'thành phố' : 'tỉnh';
    for (const [initials, title] of STANDARD_DEPARTMENTS) {
      const full = initials === 'VP' ? `${title} ${city}` : initials === 'TTR' ? `${title} ${city}` : title;
      units.push({ code: `${province}-${initials}`, name: full, level: 'department', parentCode: province, validFrom: from });
    }
  }

  // Districts before the reform; Hưng Yên's and Huế's are the hand-made ones, matched by name.
  const districtCode = new Map<number, string>();
  for (const [gso, name, provinceGso] of data.districtsBefore) {
    const province = beforeCode.get(provinceGso) as string;
    const handMade = [...referenceByCode.values()].find((u) => u.parentCode === province && u.level === 'district' && bareName(u.name) === bareName(name));
    if (handMade) {
      districtCode.set(gso, handMade.code);
      codesOfReferenceUnits.push({ code: handMade.code, nationalCodes: [pad(gso, 3)], from: handMade.validFrom });
      continue;
    }
    const code = `D${pad(gso, 3)}`;
    districtCode.set(gso, code);
    units.push({ code, name: authorityName(name, 'district'), level: 'district', parentCode: province, validFrom: REFERENCE_START, nationalCodes: [pad(gso, 3)] });
    changes.push({ kind: 'dissolved', code, effectiveFrom: PROVINCE_REFORM_DATE });
  }

  // Communes after the reform.
  for (const [gso, name, provinceGso] of data.communesAfter) {
    units.push({
      code: `X${pad(gso, 5)}`, name: authorityName(name, 'commune'), level: 'commune', parentCode: afterCode.get(provinceGso) as string,
      validFrom: PROVINCE_REFORM_DATE, nationalCodes: [pad(gso, 5)],
    });
  }
  // Communes before the reform, each merged into the commune the mapping names (the first, when it was split).
  for (const [gso, name, district, successor] of data.communesBefore) {
    const code = `W${pad(gso, 5)}`;
    units.push({ code, name: authorityName(name, 'commune'), level: 'commune', parentCode: districtCode.get(district) as string, validFrom: REFERENCE_START, nationalCodes: [pad(gso, 5)] });
    changes.push(successor === null
      ? { kind: 'dissolved', code, effectiveFrom: PROVINCE_REFORM_DATE }
      : { kind: 'merged', code, successorCode: `X${pad(successor, 5)}`, effectiveFrom: PROVINCE_REFORM_DATE });
  }
  return { units, changes, codesOfReferenceUnits };
}

/** Where the committed data file came from (package, version, licence). A function: the data loads only when used. */
export function nationalDataSource(): Readonly<Record<string, string>> {
  return (nationalData as unknown as NationalDataFile).source;
}
