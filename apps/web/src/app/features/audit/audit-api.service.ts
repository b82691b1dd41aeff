import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PeriodSnapshotDto, VerifyReportDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { apiUrls } from '../../core/api/api-urls';

@Injectable()
export class AuditApiService {
  private readonly http = inject(HttpClient);

  verify(unitCode: string, period: string): Observable<VerifyReportDto> {
    return this.http.post<VerifyReportDto>(apiUrls.verify, { unitCode, period });
  }

  close(period: string): Observable<PeriodSnapshotDto> {
    return this.http.post<PeriodSnapshotDto>(apiUrls.closePeriod(period), {});
  }

  snapshot(period: string): Observable<PeriodSnapshotDto> {
    return this.http.get<PeriodSnapshotDto>(apiUrls.periodSnapshot(period));
  }
}
