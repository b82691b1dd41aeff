import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ExplainDto, StreamEventsDto, UnitScoreDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { apiUrls } from '../../core/api/api-urls';

@Injectable()
export class ExplainApiService {
  private readonly http = inject(HttpClient);

  fetchExplain(code: string, period: string, criterion: number): Observable<ExplainDto> {
    return this.http.get<ExplainDto>(apiUrls.explain(code, period, criterion));
  }

  /** For the unit's name in the heading. */
  fetchScore(code: string, period: string): Observable<UnitScoreDto> {
    return this.http.get<UnitScoreDto>(apiUrls.unitScore(code, period));
  }

  fetchStream(streamId: string): Observable<StreamEventsDto> {
    return this.http.get<StreamEventsDto>(apiUrls.streamEvents(streamId));
  }
}
