import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { AuthMeDto, ConsoleRole, ConsoleUserDto } from '@idx/contracts';
import { firstValueFrom } from 'rxjs';
import { apiUrls } from '../api/api-urls';

export type LoginResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly kind: 'wrong' | 'throttled' | 'failed'; readonly retryAfterMinutes: number | null; readonly reason: string | null };

/**
 * Who is signed in, as the API says (GET /auth/me, which also issues the CSRF cookie). The console
 * shows or hides actions by role; the API decides regardless.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<AuthMeDto | null>(null);

  /** Null until the first answer of /auth/me. */
  readonly loaded = computed(() => this.state() !== null);
  readonly user = computed<ConsoleUserDto | null>(() => this.state()?.user ?? null);
  readonly readsPublic = computed(() => this.state()?.readsPublic ?? false);
  /** Scores may be shown: reads are public, or someone is signed in. */
  readonly canRead = computed(() => this.readsPublic() || this.user() !== null);
  readonly isAuditor = computed(() => this.hasRole('auditor'));

  hasRole(...roles: ConsoleRole[]): boolean {
    const user = this.user();
    return user !== null && roles.includes(user.role);
  }

  async refresh(): Promise<void> {
    try {
      this.state.set(await firstValueFrom(this.http.get<AuthMeDto>(apiUrls.auth.me)));
    } catch {
      // API unreachable: treat as signed out with private reads; pages show their own errors.
      this.state.set({ user: null, readsPublic: false });
    }
  }

  async login(username: string, password: string): Promise<LoginResult> {
    try {
      const user = await firstValueFrom(this.http.post<ConsoleUserDto>(apiUrls.auth.login, { username, password }));
      this.state.update((s) => ({ readsPublic: s?.readsPublic ?? false, user }));
      return { ok: true };
    } catch (error) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      const body = error instanceof HttpErrorResponse ? (error.error as { reason?: unknown } | null) : null;
      const reason = body && typeof body.reason === 'string' ? body.reason : null;
      const retryAfter = error instanceof HttpErrorResponse ? Number(error.headers.get('retry-after')) : NaN;
      const kind = status === 401 ? 'wrong' : status === 429 ? 'throttled' : 'failed';
      return { ok: false, kind, reason, retryAfterMinutes: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : null };
    }
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(apiUrls.auth.logout, {}));
    } finally {
      await this.refresh();
    }
  }
}
