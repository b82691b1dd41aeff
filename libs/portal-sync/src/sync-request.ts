import { kindOf } from './field-reader';

export const SYNC_SERVICES = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'] as const;
export type SyncService = (typeof SYNC_SERVICES)[number];

/** At most this many dossiers (or steps) per body: the portal's clients send tens, not thousands. */
export const MAX_SYNC_ITEMS = 1000;

/** The envelope every portal call carries: `{service, isUpdating?, session?, madonvi?, data: [...]}`. */
export interface SyncRequest {
  readonly service: SyncService;
  readonly isUpdating?: boolean;
  readonly session?: string;
  /** madonvi: the one-stop system's unit code on the portal (a fallback to name the unit). */
  readonly unitCode?: string;
  readonly items: readonly unknown[];
}

export type SyncRequestReading = { readonly ok: true; readonly request: SyncRequest } | { readonly ok: false; readonly reason: string };

/**
 * Reads the envelope of a sync call. The service may also come from the URL (a client posting to
 * `/DongBoHoSoMC`); when both are given they must agree. isUpdating arrives as true/false or the
 * .NET "True"/"False"; it changes nothing here (a snapshot is compared with the store either way).
 */
export function readSyncRequest(body: unknown, serviceFromPath?: string): SyncRequestReading {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: `(body): must be a JSON object {"service": "DongBoHoSoMC", "data": [...]}, not ${kindOf(body)}` };
  }
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  const named = b['service'] ?? serviceFromPath;
  let service: SyncService | undefined;
  if (typeof named !== 'string' || !(SYNC_SERVICES as readonly string[]).includes(named)) {
    problems.push(`service: must be one of ${SYNC_SERVICES.join(', ')}, not ${JSON.stringify(named ?? null)}`);
  } else if (serviceFromPath !== undefined && named !== serviceFromPath) {
    problems.push(`service: ${JSON.stringify(named)} differs from the service of the URL (${serviceFromPath})`);
  } else {
    service = named as SyncService;
  }
  const data = b['data'];
  if (data === undefined || data === null) problems.push('data: is required: the list of dossiers (or processing steps)');
  else if (!Array.isArray(data)) problems.push(`data: must be a list of dossiers, not ${kindOf(data)}`);
  else if (data.length === 0) problems.push('data: is empty; send at least one dossier');
  else if (data.length > MAX_SYNC_ITEMS) problems.push(`data: holds ${data.length} items, more than ${MAX_SYNC_ITEMS}; split the call`);
  const updating = b['isUpdating'];
  let isUpdating: boolean | undefined;
  if (updating === true || updating === 'True' || updating === 'true') isUpdating = true;
  else if (updating === false || updating === 'False' || updating === 'false') isUpdating = false;
  else if (updating !== undefined && updating !== null && updating !== '') problems.push(`isUpdating: must be true or false, not ${JSON.stringify(updating)}`);
  const session = typeof b['session'] === 'string' && b['session'] !== '' ? b['session'] : undefined;
  const unit = b['madonvi'] ?? b['MaDonVi'];
  const unitCode = typeof unit === 'string' && /^[A-Za-z0-9._:/-]{1,100}$/.test(unit.trim()) ? unit.trim() : undefined;
  if (problems.length > 0 || service === undefined || !Array.isArray(data)) return { ok: false, reason: problems.join('; ') };
  return { ok: true, request: { service, items: data, ...(isUpdating !== undefined ? { isUpdating } : {}), ...(session ? { session } : {}), ...(unitCode ? { unitCode } : {}) } };
}
