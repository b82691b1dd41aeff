import { randomUUID } from 'node:crypto';
import type { RankingDto } from '@idx/contracts';
import { at, dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import type { ConsolePlatform } from './browser-harness';

/** A closed month after the 1 July 2025 reform. */
export const AUGUST = '2025-08';

const REFORM = '2025-07-01';
const registeredFrom = (code: string, name: string, level: 'province' | 'commune', parentCode?: string) => {
  const event = unitRegistered(code, name, level, parentCode, `${REFORM}T00:00:00`);
  return { ...event, data: { ...event.data, effectiveFrom: REFORM } };
};
const mergedInto = (code: string, successorCode: string) => ({
  eventId: randomUUID(), schemaVersion: 1, occurredAt: at(`${REFORM}T00:00:00`), sourceSystem: 'test-one-stop', unitCode: code,
  type: 'unit.merged', data: { successorCode, effectiveFrom: REFORM },
});

/**
 * The reform in small (docs/units.md): Thái Bình (TB) and Hưng Yên (HY, console-fixtures) merge into
 * the new Hưng Yên (HY25) on 1 July 2025; HY25 has two wards, one of them with August dossiers.
 */
export const REFORM_UNITS = [
  unitRegistered('TB', 'UBND tỉnh Thái Bình', 'province'),
  registeredFrom('HY25', 'UBND tỉnh Hưng Yên', 'province'),
  registeredFrom('X11953', 'UBND phường Phố Hiến', 'commune', 'HY25'),
  registeredFrom('X12000', 'UBND xã Tân Hưng', 'commune', 'HY25'),
  mergedInto('HY', 'HY25'),
  mergedInto('TB', 'HY25'),
];

/** August 2025 in Phố Hiến: two dossiers on time, one late. */
export function augustDossiers(): object[] {
  const d = (code: string) => dossierEvents('X11953', code);
  return [
    d('PH-2508-0001').received('2025-08-04T08:00:00', '2025-08-11T17:00:00', 'online'),
    d('PH-2508-0001').processed('2025-08-06T10:00:00'),
    d('PH-2508-0002').received('2025-08-05T08:00:00', '2025-08-12T17:00:00'),
    d('PH-2508-0002').processed('2025-08-12T09:00:00'),
    d('PH-2508-0003').received('2025-08-06T08:00:00', '2025-08-13T17:00:00'),
    d('PH-2508-0003').processed('2025-08-20T15:00:00'),
  ];
}

export async function rankingOf(c: ConsolePlatform, query: string): Promise<RankingDto> {
  const r = await c.api<RankingDto>(`/api/v1/rankings?${query}`);
  if (r.status !== 200) throw new Error(`GET rankings?${query}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Seeds the reform and August, and waits until HY25 and Phố Hiến are scored with data. */
export async function seedAugust(c: ConsolePlatform): Promise<void> {
  await c.post([...REFORM_UNITS, ...augustDossiers()]);
  await waitFor(
    async () => {
      const communes = await rankingOf(c, `period=${AUGUST}&level=commune&parent=HY25`);
      const provinces = await rankingOf(c, `period=${AUGUST}&level=province`);
      return communes.rows.find((r) => r.unit.code === 'X11953')?.hasData && provinces.rows.find((r) => r.unit.code === 'HY25')?.hasData;
    },
    { what: 'HY25 and Phố Hiến to be scored for August 2025', timeoutMs: 60_000 },
  );
}

/**
 * The colour a total is painted, derived by hand from QĐ 766's bands (DOMAIN §8: Xuất sắc ≥ 90,
 * Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu below) and the documented palette (docs/console-map-search-wall.md).
 */
export function expectedBand(total: number): { readonly labelVi: string; readonly fill: string } {
  if (total >= 90) return { labelVi: 'Xuất sắc', fill: '#1a9850' };
  if (total >= 80) return { labelVi: 'Tốt', fill: '#91cf60' };
  if (total >= 70) return { labelVi: 'Khá', fill: '#fee08b' };
  if (total >= 50) return { labelVi: 'Trung bình', fill: '#fc8d59' };
  return { labelVi: 'Yếu', fill: '#d73027' };
}

export const NO_DATA_GREY = '#c4c9d0';
