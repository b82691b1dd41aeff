import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PortalImportListDto, PortalImportResultDto, ReconciliationDrillDownDto, ReconciliationDto } from '@idx/contracts';
import type { Observable } from 'rxjs';

const imports = (area: string) => `/api/v1/units/${encodeURIComponent(area)}/reconciliation/imports`;

/** The reconciliation endpoints of the reporting API (docs/reconciliation.md). */
@Injectable()
export class ReconcileApiService {
  private readonly http = inject(HttpClient);

  list(area: string): Observable<PortalImportListDto> {
    return this.http.get<PortalImportListDto>(imports(area));
  }

  /** The file's bytes as they are: the API keeps them exactly. */
  upload(area: string, file: Blob, fileName: string, period: string | null): Observable<PortalImportResultDto> {
    const search = new URLSearchParams({ fileName });
    if (period) search.set('period', period);
    return this.http.post<PortalImportResultDto>(`${imports(area)}?${search}`, file, { headers: new HttpHeaders({ 'content-type': 'application/octet-stream' }) });
  }

  reconciliation(area: string, importId: string): Observable<ReconciliationDto> {
    return this.http.get<ReconciliationDto>(`${imports(area)}/${encodeURIComponent(importId)}`);
  }

  dossiers(area: string, importId: string, unit: string, criterion: number): Observable<ReconciliationDrillDownDto> {
    return this.http.get<ReconciliationDrillDownDto>(`${imports(area)}/${encodeURIComponent(importId)}/dossiers?unit=${encodeURIComponent(unit)}&criterion=${criterion}`);
  }
}
