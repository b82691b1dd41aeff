import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RankingDto, UnitSearchPageDto } from '@idx/contracts';
import { addCalendarDays, PROVINCE_REFORM_DATE } from '@idx/domain';
import type { Observable } from 'rxjs';
import { apiUrls } from '../../core/api/api-urls';

/** The map's shapes are the provinces before the reform: the registry is asked for the provinces of its eve. */
export const EVE_OF_REFORM = addCalendarDays(PROVINCE_REFORM_DATE, -1);

@Injectable()
export class MapApiService {
  private readonly http = inject(HttpClient);

  /** Scores of the provinces (level=province), or of one province's communes (level=commune&parent=…). */
  fetchRanking(period: string, level: 'province' | 'commune', parent: string | null = null): Observable<RankingDto> {
    return this.http.get<RankingDto>(apiUrls.ranking(period, { level, parent }));
  }

  /** The 63 provinces of 30 June 2025 with their successors (GET /api/v1/units, docs/units.md). */
  fetchOldProvinces(): Observable<UnitSearchPageDto> {
    return this.http.get<UnitSearchPageDto>(`/api/v1/units?level=province&asOf=${EVE_OF_REFORM}&limit=200`);
  }
}
