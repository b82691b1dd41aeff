import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { REFERENCE_SOURCE_SYSTEM, referenceUnitTree } from '@idx/domain';
import { ALL_UNITS, type PostgresCredentials } from '@idx/ingestion';
import { SIMULATOR_SOURCE_SYSTEM } from '../simulator/dossier-generator';

/** What npm start keeps in .data/ (mode 0600): the two keys the simulator writes with. */
export interface DemoCredentials {
  /** The reference provinces' one-stop system: dossiers, procedures, petitions (source simulator-mot-cua). */
  readonly demo: { readonly id: string; readonly apiKey: string; readonly sourceSystem: string; readonly units: readonly string[] };
  /** The national simulator's one-stop system: every unit's dossiers (`npm start -- --simulate=national`); absent in files of older versions. */
  readonly national?: { readonly id: string; readonly apiKey: string; readonly sourceSystem: string; readonly units: readonly string[] };
  /** The unit registry: the reference units themselves (unit.* events, every unit, source reference-data). */
  readonly registry: { readonly id: string; readonly apiKey: string; readonly sourceSystem: string; readonly units: readonly string[] };
}

const DEMO_ID = 'demo';
const REGISTRY_ID = 'registry';
const NATIONAL_ID = 'national';

/** The top-level reference units (Hưng Yên and Huế, before and after the 2025 reform). */
function referenceProvinces(): string[] {
  return Object.values(referenceUnitTree()).filter((u) => u.parentCode === undefined).map((u) => u.unitCode).sort();
}

/**
 * Idempotent: keys already in the file that still work are kept; a missing credential is created,
 * one whose key is lost (a new .data file, an old database) gets a new key by rotation. Every
 * creation or rotation is in the audit log.
 */
export async function ensureDemoCredentials(credentials: PostgresCredentials, file: string, by: string): Promise<DemoCredentials> {
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoCredentials>) : {};
  const ensure = async (id: string, sourceSystem: string, units: readonly string[], manageUnits: boolean, old?: { apiKey: string }) => {
    if (old && (await credentials.verify(old.apiKey)).ok) return { id, apiKey: old.apiKey, sourceSystem, units };
    const existing = await credentials.get(id);
    const issued = existing && !existing.revokedAt
      ? await credentials.rotate(id, by)
      : await credentials.create({ id, sourceSystem, units, manageUnits, by });
    return { id, apiKey: issued.apiKey, sourceSystem, units };
  };
  const demo: DemoCredentials = {
    demo: await ensure(DEMO_ID, SIMULATOR_SOURCE_SYSTEM, referenceProvinces(), false, kept.demo),
    national: await ensure(NATIONAL_ID, SIMULATOR_SOURCE_SYSTEM, [ALL_UNITS], false, kept.national),
    registry: await ensure(REGISTRY_ID, REFERENCE_SOURCE_SYSTEM, [ALL_UNITS], true, kept.registry),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return demo;
}

/** The demo keys npm start left in .data/, for `npm run simulate` without env vars. */
export function readDemoCredentials(file: string): DemoCredentials | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials) : undefined;
}
