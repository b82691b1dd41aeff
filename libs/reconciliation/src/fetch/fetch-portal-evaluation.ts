import { parsePeriod } from '@idx/domain';

/**
 * Fetching the portal's evaluation figures from the platform, where the network allows (off unless
 * RECONCILIATION_FETCH_URL is set). The portal's public evaluation pages ask
 * `POST …/jsp/rest.jsp` with a form field `params` holding the query as JSON; the service
 * `report_tinh_766_service` answers a province's units' group points (docs/reconciliation.md).
 * The province is named by the portal's own internal id (`p_tinh_id`), which our registry does not
 * carry: the official gives it.
 */
export interface PortalFetchRequest {
  readonly url: string;
  readonly period: string;
  /** The portal's internal id of the province (e.g. 398126), as its pages use it. */
  readonly portalProvinceId: string;
  readonly maxBytes: number;
  readonly timeoutMs?: number;
  readonly fetchImpl?: typeof fetch;
}

export type PortalFetchOutcome =
  | { readonly ok: true; readonly bytes: Buffer; readonly fetchedFrom: string }
  | { readonly ok: false; readonly reason: string };

/** The `params` the portal's page sends for a period (its fields p_nam, p_thang, p_quy, p_6thang). */
export function portalQueryOf(period: string, portalProvinceId: string): Record<string, unknown> {
  const key = parsePeriod(period).key;
  const [year, part] = key.split('-');
  const month = part && /^\d\d$/.test(part) ? Number(part) : 0;
  const quarter = part?.startsWith('Q') ? Number(part.slice(1)) : 0;
  const half = part?.startsWith('H') ? Number(part.slice(1)) : 0;
  return {
    type: 'ref', p_nam: year, p_6thang: half, p_tinh_id: portalProvinceId, pageIndex: 1, pageSize: 1000,
    p_loaidonvi: 1, loaichitieu: 0, service: 'report_tinh_766_service', p_quy: quarter, p_thang: month,
  };
}

/** Reads at most `max` bytes of a body: a larger answer is refused, never held whole. */
async function boundedBody(res: Response, max: number): Promise<Buffer | undefined> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export async function fetchPortalEvaluation(req: PortalFetchRequest): Promise<PortalFetchOutcome> {
  if (!/^\d{1,12}$/.test(req.portalProvinceId)) return { ok: false, reason: `portalId: must be the portal's numeric id of the province (e.g. 398126), found ${JSON.stringify(req.portalProvinceId).slice(0, 40)}` };
  const form = new URLSearchParams({ params: JSON.stringify(portalQueryOf(req.period, req.portalProvinceId)) });
  try {
    const res = await (req.fetchImpl ?? fetch)(req.url, {
      method: 'POST', body: form, redirect: 'error', signal: AbortSignal.timeout(req.timeoutMs ?? 20_000),
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' },
    });
    if (res.status !== 200) return { ok: false, reason: `the portal answered HTTP ${res.status} at ${req.url}; try again later, or upload the file` };
    const bytes = await boundedBody(res, req.maxBytes);
    if (!bytes) return { ok: false, reason: `the portal's answer is larger than ${req.maxBytes} bytes (RECONCILIATION_MAX_FILE_BYTES)` };
    return { ok: true, bytes, fetchedFrom: req.url };
  } catch (e) {
    return { ok: false, reason: `the portal could not be reached at ${req.url} (${(e as Error).message.slice(0, 200)}); upload the file instead` };
  }
}
