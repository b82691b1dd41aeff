import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RankingDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { apiUrls } from '../../core/api/api-urls';
import type { WallSelection } from './wall.store';

@Injectable()
export class WallApiService {
  private readonly http = inject(HttpClient);

  fetchRanking(selection: WallSelection): Observable<RankingDto> {
    return this.http.get<RankingDto>(apiUrls.ranking(selection.period, { level: selection.level, parent: selection.parent }));
  }
}
