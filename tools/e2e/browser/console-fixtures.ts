import type { RankingDto, UnitScoreDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import type { ConsolePlatform } from './browser-harness';

/** A closed month, so the open-month timer never moves a figure under a test. */
export const PERIOD = '2025-03';

/** Hưng Yên with two departments; the province is scored on the pooled data of both. */
export const UNITS = [
  unitRegistered('HY', 'Hưng Yên', 'province'),
  unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
  unitRegistered('HY-SXD', 'Sở Xây dựng', 'department', 'HY'),
];

/** The dossier of HY-STP finished 6 days 16 hours after its due time. */
export const LATE_DOSSIER = 'STP-2503-0003';

/** March 2025: HY-STP 2 of 3 on time (one late), HY-SXD 3 of 3 on time; some filed online. */
export function marchDossiers(): object[] {
  const stp = (code: string) => dossierEvents('HY-STP', code);
  const sxd = (code: string) => dossierEvents('HY-SXD', code);
  return [
    stp('STP-2503-0001').received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online'),
    stp('STP-2503-0001').processed('2025-03-05T10:00:00'),
    stp('STP-2503-0002').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'),
    stp('STP-2503-0002').processed('2025-03-11T16:00:00'),
    stp(LATE_DOSSIER).received('2025-03-06T08:00:00', '2025-03-13T17:00:00'),
    stp(LATE_DOSSIER).processed('2025-03-20T09:00:00'),
    sxd('SXD-2503-0001').received('2025-03-03T09:00:00', '2025-03-12T17:00:00', 'online'),
    sxd('SXD-2503-0001').processed('2025-03-07T15:00:00'),
    sxd('SXD-2503-0002').received('2025-03-10T09:00:00', '2025-03-17T17:00:00', 'online'),
    sxd('SXD-2503-0002').processed('2025-03-14T11:00:00'),
    sxd('SXD-2503-0003').received('2025-03-12T14:00:00', '2025-03-19T17:00:00'),
    sxd('SXD-2503-0003').processed('2025-03-18T10:00:00'),
  ];
}

/** Waits until the reporting API counts `dossiers` dossiers in criterion 5 of a unit. */
export function scoreCounting(c: ConsolePlatform, unitCode: string, dossiers: number): Promise<UnitScoreDto> {
  return waitFor(
    async () => {
      const r = await c.api<UnitScoreDto>(`/api/v1/units/${unitCode}/scores?period=${PERIOD}`);
      return r.status === 200 && r.body.criteria.find((x) => x.id === 5)?.denominator === dossiers ? r.body : undefined;
    },
    { what: `criterion 5 of ${unitCode} in ${PERIOD} to count ${dossiers} dossiers` },
  );
}

export async function ranking(c: ConsolePlatform, query: string): Promise<RankingDto> {
  const r = await c.api<RankingDto>(`/api/v1/rankings?period=${PERIOD}${query}`);
  if (r.status !== 200) throw new Error(`GET rankings${query}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Seeds the units and March's dossiers and waits until scoring has caught up with them. */
export async function seedMarch(c: ConsolePlatform): Promise<void> {
  await c.post([...UNITS, ...marchDossiers()]);
  await scoreCounting(c, 'HY-STP', 3);
  await scoreCounting(c, 'HY-SXD', 3);
  await scoreCounting(c, 'HY', 6);
}
