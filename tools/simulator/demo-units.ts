import type { UnitLevel } from '@idx/domain';

export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode?: string;
  /** Share of dossiers finished on time, and share filed online: units differ so rankings move. */
  readonly onTime: number;
  readonly online: number;
}

/** A handful of Hưng Yên's units as published in 2024 (shared/data/units-2024.csv). */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'HY', name: 'UBND tỉnh Hưng Yên', level: 'province', onTime: 0.97, online: 0.7 },
  { code: 'HY-STP', name: 'Sở Tư pháp', level: 'department', parentCode: 'HY', onTime: 0.99, online: 0.8 },
  { code: 'HY-SXD', name: 'Sở Xây dựng', level: 'department', parentCode: 'HY', onTime: 0.9, online: 0.55 },
  { code: 'HY-SYT', name: 'Sở Y tế', level: 'department', parentCode: 'HY', onTime: 0.95, online: 0.35 },
  { code: 'HY-STNMT', name: 'Sở Tài nguyên và Môi trường', level: 'department', parentCode: 'HY', onTime: 0.8, online: 0.3 },
  { code: 'HY-SKHDT', name: 'Sở Kế hoạch và Đầu tư', level: 'department', parentCode: 'HY', onTime: 0.98, online: 0.9 },
  { code: 'HY-TPHY', name: 'UBND thành phố Hưng Yên', level: 'district', parentCode: 'HY', onTime: 0.93, online: 0.45 },
  { code: 'HY-HVG', name: 'UBND huyện Văn Giang', level: 'district', parentCode: 'HY', onTime: 0.88, online: 0.4 },
  { code: 'HY-TXMH', name: 'UBND thị xã Mỹ Hào', level: 'district', parentCode: 'HY', onTime: 0.96, online: 0.6 },
];
