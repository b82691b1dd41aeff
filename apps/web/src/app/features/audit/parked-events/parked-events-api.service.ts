import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';

/** A subject scoring parked (GET /api/v1/audit/parked; docs/scoring-resilience.md). */
export interface ParkedSubject {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly unitCode: string;
  readonly error: string;
  readonly status: 'parked' | 'skipped';
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly events: readonly { readonly eventId: string; readonly type: string; readonly position: string; readonly error: string | null }[];
}

export interface ParkedList {
  readonly parked: readonly ParkedSubject[];
  readonly failedRecomputes: readonly { readonly unitCode: string; readonly period: string; readonly error: string }[];
}

const BASE = '/api/v1/audit/parked';

@Injectable({ providedIn: 'root' })
export class ParkedEventsApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<ParkedList> {
    return this.http.get<ParkedList>(BASE);
  }

  retry(id: string): Observable<{ status: string; events: number }> {
    return this.http.post<{ status: string; events: number }>(`${BASE}/${encodeURIComponent(id)}/retry`, {});
  }

  skip(id: string, reason: string): Observable<ParkedSubject> {
    return this.http.post<ParkedSubject>(`${BASE}/${encodeURIComponent(id)}/skip`, { reason });
  }
}
