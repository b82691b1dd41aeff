import type {
  ExplainDto, PortalImportListDto, PortalImportResultDto, ReconciliationDossierDto, ReconciliationDrillDownDto, ReconciliationDto,
  ReconciliationUnitDto, UnitScoreDto,
} from '@idx/contracts';
import { isWithinSubtree, type Principal } from '@idx/access';
import { type NationalCodeResolution, type PortalEvaluationImported, parsePeriod, streamIdOf, type TreeDate, type UnitTree } from '@idx/domain';
import type { DeadLetter, EventStore } from '@idx/event-store';
import { compareUnit } from './compare/compare-unit';
import { dossierKey, type PortalSyncedDossiers } from './compare/portal-synced-dossiers';
import { importDtoOf, importEventOf, sha256Hex, sourceBytesOf } from './imports/import-event';
import type { PortalFetchOutcome } from './fetch/fetch-portal-evaluation';
import { importRefusal } from './imports/import-policy';
import type { PortalEvaluation, PortalUnitFigures } from './portal-file/portal-evaluation';
import { DEFAULT_PORTAL_FILE_LIMITS, type PortalFileLimits, readPortalEvaluation } from './portal-file/read-portal-evaluation';

/** What the service reads and writes through; the reporting app wires the real ones. */
export interface ReconciliationPorts {
  readonly store: Pick<EventStore, 'appendToStream' | 'readStream'>;
  readonly deadLetters: { keep(letters: readonly DeadLetter[]): Promise<void> };
  readonly units: {
    tree(): Promise<UnitTree>;
    resolve(nationalCode: string, at: TreeDate): Promise<NationalCodeResolution>;
  };
  readonly scores: { unitScore(unitCode: string, periodKey: string, asOf?: Date): Promise<UnitScoreDto | undefined> };
  readonly explain: { explain(unitCode: string, periodKey: string, criterion: number): Promise<ExplainDto | undefined> };
  readonly syncs: PortalSyncedDossiers;
  /** Fetches the portal's figures for a period and the portal's id of a province; absent = fetching is off. */
  readonly fetchFromPortal?: (period: string, portalProvinceId: string) => Promise<PortalFetchOutcome>;
  readonly clock?: () => number;
  readonly limits?: PortalFileLimits;
}

/** A refusal a person can act on: the HTTP status it maps to, the reason, and each problem of a file. */
export interface Refusal {
  readonly ok: false;
  /** 502: the portal could not be fetched (its failure, not the request's). */
  readonly status: 400 | 403 | 404 | 409 | 502;
  readonly reason: string;
  readonly problems?: readonly string[];
}
export type Outcome<T> = { readonly ok: true; readonly value: T } | Refusal;

const refuse = (status: Refusal['status'], reason: string, problems?: readonly string[]): Refusal => ({ ok: false, status, reason, ...(problems ? { problems } : {}) });

export interface ImportRequest {
  readonly principal: Principal;
  /** The area: the unit whose figures (and its units') the file holds. */
  readonly unitCode: string;
  /** The period, when the request names it; else the file must. */
  readonly period?: string;
  readonly bytes: Uint8Array;
  readonly fileName?: string;
  readonly fetchedFrom?: string;
}

/** Whether our figures are read as they stood at the import (reproducible) or as they stand now. */
export type OursAt = 'import' | 'now';

/** Units compared at once: each reads its own score. */
const CONCURRENCY = 4;

async function mapLimited<T, R>(items: readonly T[], f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  }));
  return out;
}

/** File names are shown and stored: one line, bounded. */
const cleanFileName = (name: string | undefined): string | undefined => {
  const clean = name ? [...name].filter((ch) => ch >= ' ' && ch !== '\u007f').join('').trim().slice(0, 200) : undefined;
  return clean ? clean : undefined;
};

/**
 * Reconciliation with the national portal (docs/reconciliation.md): imports the portal's own
 * evaluation figures as an event holding the file, then compares them, unit by unit and criterion
 * by criterion, with ours, and names the dossiers of ours the portal never got a sync for.
 */
export class ReconciliationService {
  private readonly clock: () => number;
  private readonly limits: PortalFileLimits;

  constructor(private readonly ports: ReconciliationPorts) {
    this.clock = ports.clock ?? Date.now;
    this.limits = ports.limits ?? DEFAULT_PORTAL_FILE_LIMITS;
  }

  /** Imports a file; a file that cannot be read is kept as a dead letter, with its reasons. */
  async importFile(req: ImportRequest): Promise<Outcome<PortalImportResultDto>> {
    const tree = await this.ports.units.tree();
    if (!Object.hasOwn(tree, req.unitCode)) return refuse(404, `unit ${req.unitCode} is not a registered unit: import for a unit of the registry (GET /api/v1/units?q=…)`);
    const refusal = importRefusal(req.principal, req.unitCode, tree);
    if (refusal) return refuse(403, refusal);
    const keep = async (reason: string): Promise<void> =>
      this.ports.deadLetters.keep([{ source: `reconciliation:${req.principal.username}`, reason: `area ${req.unitCode}: ${reason}`, raw: Buffer.from(req.bytes) }]);

    const reading = readPortalEvaluation(req.bytes, this.limits);
    if (!reading.ok) {
      await keep(reading.problems.join('; '));
      return refuse(400, `the file was not imported: ${reading.problems[0]}${reading.problems.length > 1 ? ` (and ${reading.problems.length - 1} more, see problems)` : ''}`, reading.problems);
    }
    const period = this.periodOf(req.period, reading.evaluation);
    if (!period.ok) {
      await keep(period.reason);
      return period;
    }
    const event = importEventOf({
      areaCode: req.unitCode, period: period.value, bytes: req.bytes, importedBy: req.principal.username, at: new Date(this.clock()),
      fileName: cleanFileName(req.fileName), fetchedFrom: req.fetchedFrom,
    });
    // The same bytes for the same area and period are the same import: answered, not stored twice.
    const before = await this.findImport(req.unitCode, event.eventId);
    if (before) return { ok: true, value: { status: 'unchanged', import: importDtoOf(before) } };
    const [outcome] = await this.ports.store.appendToStream(streamIdOf(event), [event], 'any');
    if (outcome.status === 'accepted') return { ok: true, value: { status: 'imported', import: importDtoOf(event) } };
    const stored = await this.findImport(req.unitCode, event.eventId); // a simultaneous import of the same file
    if (stored) return { ok: true, value: { status: 'unchanged', import: importDtoOf(stored) } };
    return refuse(409, `the import could not be stored: ${outcome.status === 'conflict' ? outcome.reason : outcome.status}`);
  }

  /** Fetches the portal's figures for a period (where the platform may reach it) and imports them as an upload would be. */
  async fetchAndImport(req: { readonly principal: Principal; readonly unitCode: string; readonly period: string; readonly portalProvinceId: string }): Promise<Outcome<PortalImportResultDto>> {
    const tree = await this.ports.units.tree();
    if (!Object.hasOwn(tree, req.unitCode)) return refuse(404, `unit ${req.unitCode} is not a registered unit`);
    // Checked before any request leaves: nobody else makes the platform call the portal.
    const refusal = importRefusal(req.principal, req.unitCode, tree);
    if (refusal) return refuse(403, refusal);
    if (!this.ports.fetchFromPortal) return refuse(409, 'fetching from the portal is off on this platform (RECONCILIATION_FETCH_URL is not set): download the JSON from the portal\'s evaluation page and upload it');
    const fetched = await this.ports.fetchFromPortal(req.period, req.portalProvinceId);
    if (!fetched.ok) return refuse(fetched.reason.startsWith('portalId:') ? 400 : 502, fetched.reason);
    return this.importFile({ principal: req.principal, unitCode: req.unitCode, period: req.period, bytes: fetched.bytes, fetchedFrom: fetched.fetchedFrom, fileName: `dvcqg-${req.period}-${req.portalProvinceId}.json` });
  }

  /** The period of an import: the request's, the file's, and they must agree when both are given. */
  private periodOf(requested: string | undefined, evaluation: PortalEvaluation): Outcome<string> {
    const inFile = evaluation.period;
    if (requested !== undefined && inFile !== null && requested !== inFile) {
      return refuse(400, `period: the request names ${requested} but the file is for ${inFile}; import it for ${inFile}, or check the file`);
    }
    const period = requested ?? inFile;
    if (period === null) return refuse(400, 'period: the file names no period (no "period" or p_nam/p_thang): give ?period=YYYY-MM');
    try {
      parsePeriod(period);
    } catch {
      return refuse(400, `period: ${JSON.stringify(period).slice(0, 40)} is not YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY`);
    }
    if (parsePeriod(period).start > this.clock()) return refuse(400, `period: ${period} has not begun; the portal publishes figures for past or current periods`);
    return { ok: true, value: period };
  }

  private async imports(areaCode: string): Promise<PortalEvaluationImported[]> {
    const stream = `portal-evaluation-${areaCode}`;
    const events = await this.ports.store.readStream(stream);
    return events.map((e) => e.event).filter((e): e is PortalEvaluationImported => e.type === 'portal.evaluation-imported');
  }

  private async findImport(areaCode: string, importId: string): Promise<PortalEvaluationImported | undefined> {
    return (await this.imports(areaCode)).find((e) => e.eventId === importId);
  }

  /** The imports of an area, newest first. */
  async list(areaCode: string): Promise<PortalImportListDto> {
    const imports = (await this.imports(areaCode)).map(importDtoOf).reverse();
    return { unitCode: areaCode, imports };
  }

  /** The stored import and its file read again: the same bytes give the same figures. */
  private async loaded(areaCode: string, importId: string): Promise<Outcome<{ event: PortalEvaluationImported; evaluation: PortalEvaluation }>> {
    const event = await this.findImport(areaCode, importId);
    if (!event) return refuse(404, `no import ${importId} for unit ${areaCode}: list them with GET /api/v1/units/${areaCode}/reconciliation/imports`);
    const bytes = sourceBytesOf(event);
    if (sha256Hex(bytes) !== event.data.sourceSha256) return refuse(409, `import ${importId}: the stored file does not match its SHA-256; run the audit (npm run audit -- verify)`);
    // Read with the bound it was imported under at the most (the stored file passed it once).
    const reading = readPortalEvaluation(bytes, { ...this.limits, maxBytes: Math.max(this.limits.maxBytes, bytes.length) });
    if (!reading.ok) return refuse(409, `import ${importId}: the stored file can no longer be read: ${reading.problems[0]}`, reading.problems);
    return { ok: true, value: { event, evaluation: reading.evaluation } };
  }

  /** Each unit of the file: which unit of ours it is, and whether it lies in the area. */
  private async resolveUnits(areaCode: string, period: string, units: readonly PortalUnitFigures[]): Promise<{ figures: PortalUnitFigures; unitCode: string | null; unitName: string | null; reason: string | null }[]> {
    const tree = await this.ports.units.tree();
    const at = parsePeriod(period).start;
    return Promise.all(units.map(async (figures) => {
      const code = figures.departmentCode;
      let unitCode: string | null = Object.hasOwn(tree, code) ? code : null;
      let reason: string | null = null;
      if (unitCode === null) {
        const r = await this.ports.units.resolve(code, at);
        if (r.ok) unitCode = r.unitCode;
        else reason = `no unit of ours is known by ${code}: ${r.reason}`;
      }
      if (unitCode !== null && !isWithinSubtree(tree, areaCode, unitCode)) reason = `unit ${unitCode} (${code}) is not in the area of ${areaCode}`;
      const unit = unitCode === null ? undefined : tree[unitCode];
      const unitName = unit?.names.length ? unit.names[unit.names.length - 1].value : null;
      return { figures, unitCode, unitName, reason };
    }));
  }

  /**
   * The import beside our figures, unit by unit. `oursAt: 'import'` reads ours as they stood when the
   * file was imported, so showing the same import again gives the same comparison; `now` reads them live.
   */
  async reconcile(areaCode: string, importId: string, oursAt: OursAt = 'import'): Promise<Outcome<ReconciliationDto>> {
    const found = await this.loaded(areaCode, importId);
    if (!found.ok) return found;
    const { event, evaluation } = found.value;
    const period = event.data.period;
    const asOf = oursAt === 'import' ? new Date(event.occurredAt) : undefined;
    const resolved = await this.resolveUnits(areaCode, period, evaluation.units);
    const units = await mapLimited(resolved, async (u): Promise<ReconciliationUnitDto> => {
      const base = { departmentCode: u.figures.departmentCode, departmentName: u.figures.departmentName, unitCode: u.unitCode, unitName: u.unitName };
      if (u.reason !== null || u.unitCode === null) {
        return { ...base, status: u.unitCode === null ? 'unknown-unit' : 'outside-area', reason: u.reason, rows: compareUnit(u.figures, undefined), differences: 0 };
      }
      const ours = await this.ports.scores.unitScore(u.unitCode, period, asOf);
      const rows = compareUnit(u.figures, ours);
      if (!ours) return { ...base, status: 'no-score', reason: `we hold no score for ${u.unitCode} in ${period}`, rows, differences: rows.length };
      return { ...base, status: 'compared', reason: null, rows, differences: rows.filter((r) => !r.agrees).length };
    });
    const compared = units.filter((u) => u.status === 'compared');
    return {
      ok: true,
      value: {
        import: importDtoOf(event), format: evaluation.format, oursAsOf: asOf ? asOf.toISOString() : null, units,
        summary: { units: units.length, compared: compared.length, differing: compared.filter((u) => u.differences > 0).length, notCompared: units.length - compared.length },
        notices: evaluation.notices,
      },
    };
  }

  /**
   * The dossiers behind one criterion of one unit, marked whether the portal got a sync of each: the
   * ones we count and the portal never got are the candidates that explain a larger figure of ours.
   */
  async drillDown(areaCode: string, importId: string, unitCode: string, criterion: number): Promise<Outcome<ReconciliationDrillDownDto>> {
    const found = await this.reconcile(areaCode, importId, 'now');
    if (!found.ok) return found;
    // Only a unit of the area: the drill-down reads that unit's dossiers, which the area's readers may see.
    const unit = found.value.units.find((u) => u.unitCode === unitCode && (u.status === 'compared' || u.status === 'no-score'));
    if (!unit) return refuse(404, `the import has no figures for unit ${unitCode} in the area of ${areaCode}: pick a unit of the comparison`);
    const row = unit.rows.find((r) => r.kind === 'criterion' && r.criterion === criterion);
    if (!row) return refuse(404, `the portal's file gives no counts for criterion ${criterion} of unit ${unitCode}: only its group points can be compared`);
    const period = found.value.import.period;
    const explained = await this.ports.explain.explain(unitCode, period, criterion);
    const items = (explained?.items ?? []).filter((i) => i.kind === 'dossier' && (i.inDenominator || i.inNumerator));
    const synced = await this.ports.syncs.synced(items.map((i) => ({ unitCode: i.unitCode, dossierCode: i.code })));
    const dossiers: ReconciliationDossierDto[] = items.map((i) => ({
      dossierCode: i.code, unitCode: i.unitCode, inNumerator: i.inNumerator, inDenominator: i.inDenominator,
      portalSynced: synced.has(dossierKey({ unitCode: i.unitCode, dossierCode: i.code })), reasonVi: i.reasonVi, streamId: i.streamId,
    }));
    const candidates = dossiers.filter((d) => !d.portalSynced).sort((a, b) => (a.dossierCode < b.dossierCode ? -1 : a.dossierCode > b.dossierCode ? 1 : 0));
    return {
      ok: true,
      value: {
        importId, unitCode, period, criterion, row, candidates, synced: dossiers.length - candidates.length,
        explanationVi: explanationOf(row.difference.denominator, row.difference.numerator, candidates),
      },
    };
  }
}

/** What the candidates explain, in the words an official reads. */
function explanationOf(denominatorDiff: number | null, numeratorDiff: number | null, candidates: readonly ReconciliationDossierDto[]): string {
  const inDen = candidates.filter((c) => c.inDenominator).length;
  const inNum = candidates.filter((c) => c.inNumerator).length;
  const parts = [`${inDen} hồ sơ được tính ở mẫu số (${inNum} ở tử số) của chúng tôi nhưng Cổng DVCQG chưa từng nhận đồng bộ.`];
  if (denominatorDiff !== null) {
    if (denominatorDiff === inDen && (numeratorDiff === null || numeratorDiff === inNum)) parts.push('Các hồ sơ này giải thích toàn bộ chênh lệch.');
    else if (denominatorDiff < 0) parts.push(`Cổng DVCQG tính nhiều hơn chúng tôi ${-denominatorDiff} hồ sơ ở mẫu số: những hồ sơ đó không có trong dữ liệu của chúng tôi, tệp của Cổng chỉ có số tổng nên không nêu được tên.`);
    else parts.push(`Chênh lệch mẫu số là ${denominatorDiff}; phần còn lại không do thiếu đồng bộ (ví dụ hồ sơ được đồng bộ nhưng Cổng tính khác kỳ).`);
  }
  return parts.join(' ');
}
