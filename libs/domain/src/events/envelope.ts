/** The wire envelope every source system sends (DESIGN.md §2). Business time is `occurredAt`. */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  readonly eventId: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly sourceSystem: string;
  readonly unitCode: string;
  readonly dossierCode?: string;
  readonly procedureCode?: string;
  readonly petitionCode?: string;
  readonly data: TData;
}

/** What the store adds when an envelope is appended. */
export interface RecordedEvent<E extends EventEnvelope = EventEnvelope> {
  readonly event: E;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: bigint;
  readonly recordedAt: Date;
  readonly hash: string;
}
