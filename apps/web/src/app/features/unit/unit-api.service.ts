import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RankingDto, ScoreDiffDto, UnitScoreDto, UnitTrendDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { apiUrls } from '../../core/api/api-urls';

@Injectable()
export class UnitApiService {
  private readonly http = inject(HttpClient);

  fetchScore(code: string, period: string, asOf: string | null): Observable<UnitScoreDto> {
    return this.http.get<UnitScoreDto>(apiUrls.unitScore(code, period, asOf));
  }

  fetchTrend(code: string, toMonth: string, months: number): Observable<UnitTrendDto> {
    return this.http.get<UnitTrendDto>(apiUrls.unitTrend(code, toMonth, months));
  }

  fetchSubUnits(period: string, level: string, parent: string): Observable<RankingDto> {
    return this.http.get<RankingDto>(apiUrls.ranking(period, { level, parent }));
  }

  fetchDiff(code: string, period: string, from: string, to: string): Observable<ScoreDiffDto> {
    return this.http.get<ScoreDiffDto>(apiUrls.scoreDiff(code, period, from, to));
  }
}
