import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LOGIN_PATH } from '../../core/auth/auth.guard';
import { AuthService } from '../../core/auth/auth.service';
import { injectTranslations } from '../../core/i18n/language';
import { currentMonthKey, isMonthKey } from '../../core/time/vietnam-time';
import { AUDIT_TEXT } from './audit.i18n';
import { AuditStore } from './audit.store';
import { ParkedEventsPanelComponent } from './parked-events/parked-events-panel.component';

/** `/kiem-toan`: verify a unit-month against a replay, close a month, show a published snapshot. */
@Component({
  selector: 'app-audit-page',
  imports: [ParkedEventsPanelComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.component.html',
  styleUrls: [
    '../../shared/styles/fields.css',
    '../../shared/styles/tool-panel.css',
    '../../shared/styles/data-table.css',
    './audit-page.component.css',
  ],
})
export class AuditPageComponent {
  protected readonly store = inject(AuditStore);
  /** Verifying and closing are shown to auditors only (the API refuses everyone else anyway). */
  protected readonly auth = inject(AuthService);
  protected readonly loginPath = LOGIN_PATH;
  protected readonly text = injectTranslations(AUDIT_TEXT);
  protected readonly latestMonth = currentMonthKey();
  /** The month waiting for the second click of "close" (closing cannot be undone). */
  protected readonly confirmingClose = signal<string | null>(null);

  protected verify(unitCode: string, month: string): void {
    const code = unitCode.trim();
    if (code && isMonthKey(month)) this.store.verify(code, month);
  }

  protected askClose(month: string): void {
    if (isMonthKey(month)) this.confirmingClose.set(month);
  }

  protected confirmClose(): void {
    const month = this.confirmingClose();
    this.confirmingClose.set(null);
    if (month) this.store.close(month);
  }

  protected showSnapshot(month: string): void {
    if (isMonthKey(month)) this.store.loadSnapshot(month);
  }
}
