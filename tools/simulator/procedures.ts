import type { DomainEvent, OnlineServiceLevel } from '@idx/domain';
import type { DemoUnit } from './demo-units';
import { seededRandom, stableUuid } from './seeded';

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
  return CATALOGUE.filter(() => r() < 0.8).map((p) => ({ ...p, online: r() < unit.online ? 'full' : r() < 0.6 ? 'partial' : 'none' }));
}

/** The catalogue events of a unit: announced, published (mostly on time), content, online level, fees. Stable ids. */
export function catalogueEvents(unit: DemoUnit, announcedAt: number, sourceSystem: string): DomainEvent[] {
  const r = seededRandom(`catalogue:${unit.code}`);
  const at = (ms: number) => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  const date = (ms: number) => at(ms).slice(0, 10);
  return proceduresOf(unit).flatMap((p, i) => {
    const decision = `QD-${unit.code}-${i + 1}`;
    const decidedAt = announcedAt + i * 86_400_000;
    const effective = decidedAt + (r() < 0.85 ? 12 : 3) * 86_400_000;
    const publishedAt = decidedAt + (r() < unit.digital ? 2 : 9) * 86_400_000;
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
