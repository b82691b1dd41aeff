import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService, type LoginResult } from '../../core/auth/auth.service';
import { injectTranslations } from '../../core/i18n/language';
import { LOGIN_TEXT } from './login.i18n';

/** Only paths of this console are followed after signing in (never another site). */
function safeReturn(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/dang-nhap') ? url : '/';
}

/** `/dang-nhap`: username and password; back to the page that asked for it. */
@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.component.html',
  styleUrls: ['../../shared/styles/fields.css', '../../shared/styles/tool-panel.css', './login-page.component.css'],
})
export class LoginPageComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly text = injectTranslations(LOGIN_TEXT);
  /** Query parameter `quay-lai`: where to go once signed in. */
  readonly returnUrl = input<string | undefined>(undefined, { alias: 'quay-lai' });

  protected readonly busy = signal(false);
  protected readonly failure = signal<Extract<LoginResult, { ok: false }> | null>(null);

  protected async submit(username: string, password: string): Promise<void> {
    if (!username.trim() || !password || this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    const result = await this.auth.login(username.trim(), password);
    this.busy.set(false);
    if (result.ok) await this.router.navigateByUrl(safeReturn(this.returnUrl()));
    else this.failure.set(result);
  }

  protected message(failure: Extract<LoginResult, { ok: false }>): string {
    const text = this.text();
    if (failure.kind === 'throttled') return text.throttled(failure.retryAfterMinutes);
    if (failure.kind === 'wrong') return failure.reason?.includes('disabled') ? text.disabled : text.wrong;
    return text.failed(failure.reason);
  }
}
