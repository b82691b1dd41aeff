import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RankingDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { apiUrls, type RankingScope } from '../../core/api/api-urls';

@Injectable()
export class RankingApiService {
  private readonly http = inject(HttpClient);

  fetchRanking(period: string, scope: RankingScope = {}): Observable<RankingDto> {
    return this.http.get<RankingDto>(apiUrls.ranking(period, scope));
  }
}
