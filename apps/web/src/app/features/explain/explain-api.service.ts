import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ExplainCategory, ExplainDto, StreamEventsDto, UnitScoreDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { apiUrls } from '../../core/api/api-urls';

/** One page of a criterion's explanation: its category, size and where the previous page ended. */
export interface ExplainPageQuery {
  readonly category: ExplainCategory;
  readonly size: number;
  readonly cursor?: string;
}

@Injectable()
export class ExplainApiService {
  private readonly http = inject(HttpClient);

  fetchExplain(code: string, period: string, criterion: number, page: ExplainPageQuery): Observable<ExplainDto> {
    const paging = new URLSearchParams({ size: String(page.size), category: page.category, ...(page.cursor ? { cursor: page.cursor } : {}) });
    return this.http.get<ExplainDto>(`${apiUrls.explain(code, period, criterion)}&${paging.toString()}`);
  }

  /** For the unit's name in the heading. */
  fetchScore(code: string, period: string): Observable<UnitScoreDto> {
    return this.http.get<UnitScoreDto>(apiUrls.unitScore(code, period));
  }

  fetchStream(streamId: string): Observable<StreamEventsDto> {
    return this.http.get<StreamEventsDto>(apiUrls.streamEvents(streamId));
  }
}
