import { inject, Injectable, signal } from '@angular/core';
import type { PortalImportListDto, PortalImportResultDto, ReconciliationDrillDownDto, ReconciliationDto } from '@idx/contracts';
import { failed, IDLE, type Loadable, loadable } from '../../core/api/loadable';
import { ReconcileApiService } from './reconcile-api.service';

/** A refused upload: the API's reason and each problem of the file. */
export interface UploadRefusal {
  readonly reason: string;
  readonly problems: readonly string[];
}

/** One area's imports, the selected import's comparison and one drill-down. */
@Injectable()
export class ReconcileStore {
  private readonly api = inject(ReconcileApiService);

  readonly imports = signal<Loadable<PortalImportListDto>>(IDLE);
  readonly comparison = signal<Loadable<ReconciliationDto>>(IDLE);
  readonly drillDown = signal<Loadable<ReconciliationDrillDownDto>>(IDLE);
  readonly uploadResult = signal<PortalImportResultDto | null>(null);
  readonly uploadRefusal = signal<UploadRefusal | null>(null);
  readonly uploading = signal(false);

  /** A reload keeps the list on screen until the new one arrives (no flash of "no imports"). */
  loadImports(area: string): void {
    loadable(this.api.list(area), { showLoading: this.imports().status !== 'ready' }).subscribe((s) => this.imports.set(s));
  }

  open(area: string, importId: string): void {
    this.drillDown.set(IDLE);
    loadable(this.api.reconciliation(area, importId)).subscribe((s) => this.comparison.set(s));
  }

  upload(area: string, file: File, period: string | null, then: (importId: string) => void): void {
    this.uploading.set(true);
    this.uploadResult.set(null);
    this.uploadRefusal.set(null);
    this.api.upload(area, file, file.name, period).subscribe({
      next: (result) => {
        this.uploading.set(false);
        this.uploadResult.set(result);
        this.loadImports(area);
        then(result.import.importId);
      },
      error: (error: unknown) => {
        this.uploading.set(false);
        const body = (error as { error?: { reason?: unknown; problems?: unknown } }).error;
        const state = failed(error);
        const reason = typeof body?.reason === 'string' ? body.reason : state.status === 'error' ? `HTTP ${state.httpStatus}` : 'không rõ lý do';
        this.uploadRefusal.set({ reason, problems: Array.isArray(body?.problems) ? body.problems.filter((p): p is string => typeof p === 'string') : [] });
      },
    });
  }

  drill(area: string, importId: string, unit: string, criterion: number): void {
    loadable(this.api.dossiers(area, importId, unit, criterion)).subscribe((s) => this.drillDown.set(s));
  }
}
