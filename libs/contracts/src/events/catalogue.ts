import type { z } from 'zod';
import {
  dossierProcessedV1,
  dossierReceivedV1,
  dossierResultReturnedV1,
  dossierSupplementRequestedV1,
  dossierSupplementSuppliedV1,
  dossierWithdrawnV1,
} from './dossier.schema';
import { unitRegisteredV1 } from './unit.schema';

/** Wire schemas by event type and schema version. A new version adds an entry (and an upcaster). */
export const EVENT_SCHEMAS: Readonly<Record<string, Readonly<Record<number, z.ZodType>>>> = {
  'dossier.received': { 1: dossierReceivedV1 },
  'dossier.supplement-requested': { 1: dossierSupplementRequestedV1 },
  'dossier.supplement-supplied': { 1: dossierSupplementSuppliedV1 },
  'dossier.processed': { 1: dossierProcessedV1 },
  'dossier.result-returned': { 1: dossierResultReturnedV1 },
  'dossier.withdrawn': { 1: dossierWithdrawnV1 },
  'unit.registered': { 1: unitRegisteredV1 },
};

export const KNOWN_EVENT_TYPES: readonly string[] = Object.keys(EVENT_SCHEMAS);
