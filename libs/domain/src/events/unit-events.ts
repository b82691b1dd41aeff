import type { EventEnvelope } from './envelope';

export type UnitLevel = 'province' | 'department' | 'district' | 'commune';

export type UnitRegistered = EventEnvelope<
  'unit.registered',
  { readonly name: string; readonly level: UnitLevel; readonly parentCode?: string }
>;

export type UnitEvent = UnitRegistered;
