import type { UnitLevel } from '../events/unit-events';
import type { LocalDate } from '../time/local-date';

/**
 * Real units of two provinces (shared/data/units-2024.csv) with codes we assign, and the dated
 * changes of 2025 as best we know them. Codes are stable: province HY / TTH, departments
 * `<province>-<Vietnamese initials>` (HY-STC = Sở Tài chính), district-level units
 * `<province>-<place name>`. The Hưng Yên formed on 1 July 2025 is a new unit, HY25.
 *
 * Communes are not here: the whole country, communes included, comes from a public dataset in
 * national-units.ts (docs/units.md), which places these units as the national entries for Hưng Yên,
 * Thái Bình and Huế. The simulator's demo keeps to these units.
 */
export interface ReferenceUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode?: string;
  readonly validFrom: LocalDate;
}

export type ReferenceChange =
  | { readonly kind: 'renamed'; readonly code: string; readonly name: string; readonly effectiveFrom: LocalDate }
  | { readonly kind: 'merged'; readonly code: string; readonly successorCode: string; readonly effectiveFrom: LocalDate }
  | { readonly kind: 'dissolved'; readonly code: string; readonly effectiveFrom: LocalDate; readonly successorCode?: string };

/** The index started in mid-2022; the 2024 structure is taken to hold from the start of that year. */
export const REFERENCE_START: LocalDate = '2022-01-01';
/** Decree 45/2025: provincial departments merged nationally from 1 March 2025. */
export const DEPARTMENT_MERGER_DATE: LocalDate = '2025-03-01';
/** Provinces merged and the district level abolished from 1 July 2025. */
export const PROVINCE_REFORM_DATE: LocalDate = '2025-07-01';
/** Thừa Thiên Huế became the centrally governed Huế city on 1 January 2025. */
export const HUE_CITY_DATE: LocalDate = '2025-01-01';

type Row = readonly [code: string, name: string];

const HY_DEPARTMENTS: readonly Row[] = [
  ['STC', 'Sở Tài chính'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư'],
  ['SNV', 'Sở Nội vụ'],
  ['STTTT', 'Sở Thông tin và Truyền thông'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGTVT', 'Sở Giao thông vận tải'],
  ['SXD', 'Sở Xây dựng'],
  ['SYT', 'Sở Y tế'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ['SCT', 'Sở Công Thương'],
  ['STP', 'Sở Tư pháp'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp tỉnh'],
];

const HY_DISTRICTS: readonly Row[] = [
  ['TPHY', 'UBND thành phố Hưng Yên'],
  ['ANTHI', 'UBND huyện Ân Thi'],
  ['KIMDONG', 'UBND huyện Kim Động'],
  ['KHOAICHAU', 'UBND huyện Khoái Châu'],
  ['TIENLU', 'UBND huyện Tiên Lữ'],
  ['PHUCU', 'UBND huyện Phù Cừ'],
  ['YENMY', 'UBND huyện Yên Mỹ'],
  ['MYHAO', 'UBND thị xã Mỹ Hào'],
  ['VANLAM', 'UBND huyện Văn Lâm'],
  ['VANGIANG', 'UBND huyện Văn Giang'],
];

const TTH_DEPARTMENTS: readonly Row[] = [
  ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ['STC', 'Sở Tài chính'],
  ['SVHTT', 'Sở Văn hóa và Thể thao'],
  ['SCT', 'Sở Công Thương'],
  ['SNGV', 'Sở Ngoại vụ'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['STP', 'Sở Tư pháp'],
  ['SDL', 'Sở Du lịch'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế, công nghiệp Thừa Thiên Huế'],
  ['STTTT', 'Sở Thông tin và Truyền thông'],
  ['SYT', 'Sở Y tế'],
  ['SNV', 'Sở Nội vụ'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGTVT', 'Sở Giao thông vận tải'],
  ['SXD', 'Sở Xây dựng'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
];

const TTH_DISTRICTS: readonly Row[] = [
  ['TPHUE', 'UBND thành phố Huế'],
  ['HUONGTHUY', 'UBND thị xã Hương Thủy'],
  ['HUONGTRA', 'UBND thị xã Hương Trà'],
  ['PHONGDIEN', 'UBND huyện Phong Điền'],
  ['QUANGDIEN', 'UBND huyện Quảng Điền'],
  ['PHUVANG', 'UBND huyện Phú Vang'],
  ['PHULOC', 'UBND huyện Phú Lộc'],
  ['ALUOI', 'UBND huyện A Lưới'],
  ['NAMDONG', 'UBND huyện Nam Đông'],
];

const under = (province: string, level: UnitLevel, rows: readonly Row[], validFrom: LocalDate): ReferenceUnit[] =>
  rows.map(([suffix, name]) => ({ code: `${province}-${suffix}`, name, level, parentCode: province, validFrom }));

/** The structure published in 2023–2024 (shared/data/units-2024.csv), plus Thái Bình's province unit. */
export const REFERENCE_UNITS_2024: readonly ReferenceUnit[] = [
  { code: 'HY', name: 'UBND tỉnh Hưng Yên', level: 'province', validFrom: REFERENCE_START },
  ...under('HY', 'department', HY_DEPARTMENTS, REFERENCE_START),
  ...under('HY', 'district', HY_DISTRICTS, REFERENCE_START),
  { code: 'TTH', name: 'UBND tỉnh Thừa Thiên Huế', level: 'province', validFrom: REFERENCE_START },
  ...under('TTH', 'department', TTH_DEPARTMENTS, REFERENCE_START),
  ...under('TTH', 'district', TTH_DISTRICTS, REFERENCE_START),
  // Thái Bình merges into Hưng Yên in 2025; its own units are not in the reference data.
  { code: 'TB', name: 'UBND tỉnh Thái Bình', level: 'province', validFrom: REFERENCE_START },
];

/** The five national department mergers of 1 March 2025: [absorbed, successor]. */
const DEPARTMENT_MERGERS: readonly (readonly [string, string])[] = [
  ['SKHDT', 'STC'], // Kế hoạch và Đầu tư → Tài chính
  ['SLDTBXH', 'SNV'], // Lao động - Thương binh và Xã hội → Nội vụ
  ['STTTT', 'SKHCN'], // Thông tin và Truyền thông → Khoa học và Công nghệ
  ['SGTVT', 'SXD'], // Giao thông vận tải → Xây dựng
  ['SNNPTNT', 'SNNMT'], // Nông nghiệp và PTNT + Tài nguyên và Môi trường → Nông nghiệp và Môi trường
  ['STNMT', 'SNNMT'],
];

/** Hưng Yên's departments after 1 March 2025, which pass to the new province on 1 July 2025. */
const HY_DEPARTMENTS_2025: readonly Row[] = [
  ['STC', 'Sở Tài chính'],
  ['SNV', 'Sở Nội vụ'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SXD', 'Sở Xây dựng'],
  ['SYT', 'Sở Y tế'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SCT', 'Sở Công Thương'],
  ['STP', 'Sở Tư pháp'],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp tỉnh'],
];

/** Units created in 2025. */
export const REFERENCE_UNITS_2025: readonly ReferenceUnit[] = [
  // Huế city's two urban districts replaced thành phố Huế on 1 January 2025 (until 1 July 2025).
  { code: 'TTH-THUANHOA', name: 'UBND quận Thuận Hóa', level: 'district', parentCode: 'TTH', validFrom: HUE_CITY_DATE },
  { code: 'TTH-PHUXUAN', name: 'UBND quận Phú Xuân', level: 'district', parentCode: 'TTH', validFrom: HUE_CITY_DATE },
  { code: 'HY-SNNMT', name: 'Sở Nông nghiệp và Môi trường', level: 'department', parentCode: 'HY', validFrom: DEPARTMENT_MERGER_DATE },
  { code: 'TTH-SNNMT', name: 'Sở Nông nghiệp và Môi trường', level: 'department', parentCode: 'TTH', validFrom: DEPARTMENT_MERGER_DATE },
  // Hưng Yên and Thái Bình form a new province named Hưng Yên on 1 July 2025.
  { code: 'HY25', name: 'UBND tỉnh Hưng Yên', level: 'province', validFrom: PROVINCE_REFORM_DATE },
  ...under('HY25', 'department', HY_DEPARTMENTS_2025, PROVINCE_REFORM_DATE),
];

const HY_DISTRICT_CODES = HY_DISTRICTS.map(([s]) => `HY-${s}`);
const TTH_DISTRICT_CODES_2025 = [...TTH_DISTRICTS.filter(([s]) => s !== 'TPHUE').map(([s]) => `TTH-${s}`), 'TTH-THUANHOA', 'TTH-PHUXUAN'];

/** Dated changes, in effective order. Departments we are unsure about (Huế's Ngoại vụ, Du lịch, Văn hóa và Thể thao) stay as they were. */
export const REFERENCE_CHANGES: readonly ReferenceChange[] = [
  { kind: 'renamed', code: 'TTH', name: 'UBND thành phố Huế', effectiveFrom: HUE_CITY_DATE },
  { kind: 'dissolved', code: 'TTH-TPHUE', effectiveFrom: HUE_CITY_DATE }, // split into Thuận Hóa and Phú Xuân: no single successor
  { kind: 'renamed', code: 'TTH-PHONGDIEN', name: 'UBND thị xã Phong Điền', effectiveFrom: HUE_CITY_DATE },
  ...['HY', 'TTH'].flatMap((p) =>
    DEPARTMENT_MERGERS.map(([from, to]): ReferenceChange => ({
      kind: 'merged', code: `${p}-${from}`, successorCode: `${p}-${to}`, effectiveFrom: DEPARTMENT_MERGER_DATE,
    })),
  ),
  { kind: 'merged', code: 'HY', successorCode: 'HY25', effectiveFrom: PROVINCE_REFORM_DATE },
  { kind: 'merged', code: 'TB', successorCode: 'HY25', effectiveFrom: PROVINCE_REFORM_DATE },
  ...HY_DEPARTMENTS_2025.map(([s]): ReferenceChange => ({
    kind: 'merged', code: `HY-${s}`, successorCode: `HY25-${s}`, effectiveFrom: PROVINCE_REFORM_DATE,
  })),
  // The district level ends; its work passes to communes, which have no one-to-one district successor.
  ...[...HY_DISTRICT_CODES, ...TTH_DISTRICT_CODES_2025].map((code): ReferenceChange => ({
    kind: 'dissolved', code, effectiveFrom: PROVINCE_REFORM_DATE,
  })),
];

/** District-level units certify copies from originals (Decree 23/2015 art. 5: Phòng Tư pháp). */
export const REFERENCE_CERTIFYING_UNITS: readonly string[] = [
  ...HY_DISTRICT_CODES,
  ...TTH_DISTRICTS.map(([s]) => `TTH-${s}`),
  'TTH-THUANHOA',
  'TTH-PHUXUAN',
];
