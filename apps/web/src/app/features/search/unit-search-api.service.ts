import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { UnitSearchPageDto } from '@idx/contracts';
import type { Observable } from 'rxjs';
import { unitSearchUrl, type UnitSearchQuery } from './unit-search-url';

/** The unit registry's search (GET /api/v1/units, docs/units.md): shared by the shell's box and the results page. */
@Injectable({ providedIn: 'root' })
export class UnitSearchApiService {
  private readonly http = inject(HttpClient);

  search(query: UnitSearchQuery): Observable<UnitSearchPageDto> {
    return this.http.get<UnitSearchPageDto>(unitSearchUrl(query));
  }
}
