import type { DomainEvent, OnlineServiceLevel } from '@idx/domain';
import type { DemoUnit } from './demo-units';
import { DAY, localDate, localIso, seededRandom, stableUuid } from './seeded';

export interface DemoProcedure {
  readonly code: string;
  readonly name: string;
  readonly online: OnlineServiceLevel;
  readonly feeBearing: boolean;
}

/** A few real-looking procedures of the national catalogue; every unit offers some of them. */
const CATALOGUE: readonly Omit<DemoProcedure, 'online'>[] = [
  { code: '1.001612', name: 'Cấp giấy phép xây dựng', feeBearing: true },
  { code: '2.000908', name: 'Chứng thực bản sao từ bản chính', feeBearing: true },
  { code: '1.003003', name: 'Đăng ký kinh doanh hộ kinh doanh', feeBearing: true },
  { code: '1.004227', name: 'Cấp phiếu lý lịch tư pháp', feeBearing: true },
  { code: '1.001193', name: 'Đăng ký khai sinh', feeBearing: false },
  { code: '2.000794', name: 'Xác nhận tình trạng hôn nhân', feeBearing: false },
  { code: '1.010805', name: 'Giải quyết chế độ trợ cấp', feeBearing: false },
  { code: '1.005388', name: 'Cấp giấy chứng nhận đủ điều kiện', feeBearing: true },
];

/** The procedures a unit offers, with its own online levels (stable per unit). */
export function proceduresOf(unit: DemoUnit): DemoProcedure[] {
  const r = seededRandom(`procedures:${unit.code}`);
  // Drawn from the code alone, not the unit's (monthly varying) shares: the catalogue stays the one announced.
  const offeredOnline = 0.5 + 0.5 * r();
  const offered = CATALOGUE.filter(() => r() < 0.8);
  // Every unit offers at least one procedure online, so its online share can be met.
  return offered.map((p, i): DemoProcedure => ({ ...p, online: i === 0 || r() < offeredOnline ? 'full' : r() < 0.6 ? 'partial' : 'none' }));
}

/** The catalogue events of a unit: announced, published (mostly on time), content, online level, fees. Stable ids. */
export function catalogueEvents(unit: DemoUnit, announcedAt: number, sourceSystem: string): DomainEvent[] {
  const r = seededRandom(`catalogue:${unit.code}`);
  const at = localIso;
  const date = localDate;
  return proceduresOf(unit).flatMap((p, i) => {
    const decision = `QD-${unit.code}-${i + 1}`;
    const decidedAt = announcedAt + i * DAY;
    const effective = decidedAt + (r() < 0.85 ? 12 : 3) * DAY;
    const publishedAt = decidedAt + (r() < unit.digital ? 2 : 9) * DAY;
    const parts = r() < unit.digital ? ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority', 'result', 'fees'] : ['name', 'steps', 'method', 'components'];
    const e = (type: string, ms: number, data: object): DomainEvent => ({
      eventId: stableUuid(`${unit.code}/${p.code}/${type}`), type, schemaVersion: 1, occurredAt: at(ms), sourceSystem,
      unitCode: unit.code, procedureCode: p.code, data,
    }) as DomainEvent;
    return [
      e('procedure.announced', decidedAt, { decisionCode: decision, decisionDate: date(decidedAt), legalBasisEffectiveDate: date(effective), resultIsDocument: true }),
      e('procedure.published', publishedAt, { decisionCode: decision }),
      e('procedure.content-assessed', publishedAt, { presentParts: parts }),
      e('procedure.online-service-set', publishedAt, { level: p.online }),
      e('procedure.fee-configured', publishedAt, { feeBearing: p.feeBearing }),
      ...(p.feeBearing && r() < unit.paysOnline ? [e('procedure.payment-integrated', publishedAt, { integrated: true })] : []),
      e('procedure.audience-set', publishedAt, { citizenFacing: true }),
    ];
  });
}

/**
 * One month's amended procedure of a unit: a new QĐCB dated in the month (announced on time mostly,
 * published on the national DB within days), so criteria 1 and 2 — which count the decisions dated
 * in the period — have data every month, not only in the catalogue's first one. Steps after `now`
 * are handed back as `later`. Stable ids: a replayed month is answered as duplicates.
 */
export function amendmentEvents(unit: DemoUnit, month: string, monthStart: number, now: number, sourceSystem: string): { due: DomainEvent[]; later: DomainEvent[] } {
  const procedures = proceduresOf(unit);
  if (procedures.length === 0) return { due: [], later: [] };
  const r = seededRandom(`amendment:${unit.code}/${month}`);
  const p = procedures[Math.floor(r() * procedures.length)];
  const decidedAt = monthStart + r() * 20 * DAY;
  const effective = decidedAt + (r() < unit.onTime ? 12 : 3) * DAY;
  const publishedAt = decidedAt + (r() < unit.digital ? 2 : 9) * DAY;
  const decisionCode = `QD-${unit.code}-${month}`;
  const e = (type: string, ms: number, data: object): DomainEvent => ({
    eventId: stableUuid(`${unit.code}/${p.code}/${month}/${type}`), type, schemaVersion: 1, occurredAt: localIso(ms), sourceSystem,
    unitCode: unit.code, procedureCode: p.code, data,
  }) as DomainEvent;
  const events = [
    e('procedure.announced', decidedAt, { decisionCode, decisionDate: localDate(decidedAt), legalBasisEffectiveDate: localDate(effective), resultIsDocument: true }),
    e('procedure.published', publishedAt, { decisionCode }),
  ];
  return { due: events.filter((x) => Date.parse(x.occurredAt) <= now), later: events.filter((x) => Date.parse(x.occurredAt) > now) };
}
