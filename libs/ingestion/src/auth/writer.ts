/** Scope of a credential that may write for every unit (the national unit registry). */
export const ALL_UNITS = '*';

/**
 * An authenticated writer (one one-stop system): what its credential lets it write. Events it sends
 * must carry its `sourceSystem` and be about units in (or below) `units`; unit lifecycle events
 * (`unit.*`) need `manageUnits`.
 */
export interface Writer {
  readonly credentialId: string;
  readonly sourceSystem: string;
  readonly units: readonly string[];
  readonly manageUnits: boolean;
}

/** Either the writer a key belongs to, or why the key was refused (a reason a person can act on). */
export type Authentication = { readonly ok: true; readonly writer: Writer } | { readonly ok: false; readonly reason: string };
